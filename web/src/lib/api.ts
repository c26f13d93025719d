import type { ApiErrorBody } from './types';

/**
 * Every failed API call, whatever went wrong: a non-2xx answer (status and code from the
 * error body, API.md "Errors") or no answer at all (status 0, code `network_error`).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Sentences for answers that arrive without the API's error body (a proxy's 502, a bare 413). */
const FALLBACK_MESSAGES: Record<number, [code: string, message: string]> = {
  400: ['bad_request', 'The server could not understand the request.'],
  401: ['unauthorized', 'Sign in to continue.'],
  403: ['forbidden', 'You are not allowed to do that.'],
  404: ['not_found', 'Not found, or you do not have access.'],
  409: ['conflict', 'That conflicts with something that already exists.'],
  413: ['payload_too_large', 'That is too large for the server to accept.'],
  415: ['unsupported_media_type', 'That format is not supported.'],
  422: ['unprocessable', 'The server could not process that.'],
  429: ['rate_limited', 'Too many attempts; wait a minute and try again.'],
  502: ['bad_gateway', 'The server is not reachable right now; try again in a moment.'],
  503: ['unavailable', 'The server is not available right now; try again in a moment.'],
};

const NETWORK_MESSAGE = 'Could not reach the server. Check your connection and try again.';

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Builds the ApiError for a non-2xx answer from its status and (possibly unparsable) body text. */
function errorFromResponse(status: number, bodyText: string): ApiError {
  let parsed: unknown = null;
  try {
    parsed = bodyText ? JSON.parse(bodyText) : null;
  } catch {
    // Not JSON (an HTML error page from a proxy, say): fall through to the status's own sentence.
  }
  if (isErrorBody(parsed)) {
    const { code, message, details } = parsed.error;
    return new ApiError(status, code, message, details);
  }
  const [code, message] = FALLBACK_MESSAGES[status] ?? [
    status >= 500 ? 'server_error' : 'http_error',
    status >= 500 ? 'Something went wrong on the server; try again.' : `The request failed (HTTP ${status}).`,
  ];
  return new ApiError(status, code, message);
}

function parseSuccess<T>(bodyText: string): T {
  // 204 No Content and other empty answers resolve to undefined.
  if (!bodyText) return undefined as T;
  try {
    return JSON.parse(bodyText) as T;
  } catch {
    throw new ApiError(0, 'invalid_response', 'The server sent an answer that is not JSON.');
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  // Only send a Content-Type with a body: Fastify rejects an empty body declared as JSON.
  if (body !== undefined) {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  let text: string;
  try {
    response = await fetch(path, init);
    text = await response.text();
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_MESSAGE);
  }
  if (!response.ok) throw errorFromResponse(response.status, text);
  return parseSuccess<T>(text);
}

/** Upload progress: bytes sent so far and the total (0 when the browser cannot tell). */
export interface UploadProgress {
  loaded: number;
  total: number;
  /** loaded / total in 0..1, or null when the total is unknown. */
  fraction: number | null;
}

/**
 * Sends a multipart form with XMLHttpRequest (fetch cannot report upload progress) and
 * resolves with the parsed JSON answer; rejects with an ApiError like the other calls.
 */
function upload<T>(path: string, form: FormData, onProgress?: (progress: UploadProgress) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.responseType = 'text';
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        const total = event.lengthComputable ? event.total : 0;
        onProgress({ loaded: event.loaded, total, fraction: total ? event.loaded / total : null });
      };
    }
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(parseSuccess<T>(xhr.responseText));
        } catch (error) {
          reject(error);
        }
      } else if (xhr.status === 0) {
        reject(new ApiError(0, 'network_error', NETWORK_MESSAGE));
      } else {
        reject(errorFromResponse(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', NETWORK_MESSAGE));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled.'));
    xhr.ontimeout = () => reject(new ApiError(0, 'network_error', 'The upload timed out; try again.'));
    xhr.send(form);
  });
}

/**
 * The one client for the REST API (API.md). Paths start with `/api`; the session cookie
 * goes along (same origin), bodies are JSON, and every failure throws an ApiError.
 */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string, body?: unknown) => request<T>('DELETE', path, body),
  upload,
};

/** A message for any thrown value, for error banners: the ApiError's sentence when there is one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
