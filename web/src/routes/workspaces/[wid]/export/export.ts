import { ApiError } from '$lib/api';
import { confidenceParam, isStatus, type ClaimStatus } from '$lib/verification';

export type ExportFormat = 'claimreview' | 'annotations' | 'csv' | 'markdown';

/** The export formats (API.md "Export"), in the order the page offers them. */
export const FORMATS: Record<ExportFormat, { label: string; description: string; extension: string; json: boolean }> = {
  claimreview: {
    label: 'ClaimReview',
    description: 'schema.org ClaimReview JSON-LD: the fact-check markup Google reads.',
    extension: 'jsonld',
    json: true,
  },
  annotations: {
    label: 'Web Annotations',
    description: 'W3C Web Annotation JSON-LD: for annotation tools, and to import again.',
    extension: 'jsonld',
    json: true,
  },
  csv: { label: 'CSV', description: 'One row per claim, for spreadsheets.', extension: 'csv', json: false },
  markdown: { label: 'Markdown', description: 'A readable report, grouped by document.', extension: 'md', json: false },
};

export const FORMAT_IDS = Object.keys(FORMATS) as ExportFormat[];

/** Which claims go into an export. */
export interface ExportFilter {
  /** `any` for every status; the API's default is `verified`. */
  status: ClaimStatus | 'any';
  minConfidence: number | null;
  documentId: string | null;
}

export interface ExportSummary {
  claims: number;
  documents: number;
}

/** The choices a link to this page carries (`?format=&status=&minConfidence=&documentId=`). */
export function choicesFrom(params: URLSearchParams): { format: ExportFormat; filter: ExportFilter } {
  const format = params.get('format');
  const status = params.get('status');
  return {
    format: format !== null && format in FORMATS ? (format as ExportFormat) : 'csv',
    filter: {
      status: status === 'any' || isStatus(status) ? status : 'verified',
      minConfidence: confidenceParam(params.get('minConfidence')),
      documentId: params.get('documentId') || null,
    },
  };
}

/** The filter as query parameters, status always included so that a command line says what it gets. */
export function filterParams(filter: ExportFilter): URLSearchParams {
  const params = new URLSearchParams({ status: filter.status });
  if (filter.minConfidence !== null) params.set('minConfidence', String(filter.minConfidence));
  if (filter.documentId) params.set('documentId', filter.documentId);
  return params;
}

/** `/api/workspaces/<wid>/export?format=…&status=…`, with `limit` for a preview. */
export function exportPath(workspaceId: string, format: ExportFormat, filter: ExportFilter, limit?: number): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of filterParams(filter)) params.set(key, value);
  if (limit !== undefined) params.set('limit', String(limit));
  return `/api/workspaces/${encodeURIComponent(workspaceId)}/export?${params}`;
}

/** The same download from a terminal, with an API token in place of the session cookie. */
export function curlCommand(origin: string, path: string, format: ExportFormat): string {
  return `curl -H "Authorization: Bearer $TOKEN" "${origin}${path}" -o claims.${FORMATS[format].extension}`;
}

/**
 * An export's text, for the preview. The API client (`$lib/api`) reads JSON only, and a CSV or
 * Markdown export is not JSON; failures still become an ApiError with the API's own sentence.
 */
export async function fetchExportText(path: string): Promise<string> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
    text = await response.text();
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and try again.');
  }
  if (response.ok) return text;
  let body: { error?: { code?: unknown; message?: unknown } } | null = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not the API's error body (a proxy's page, say): the status alone has to do.
  }
  const code = typeof body?.error?.code === 'string' ? body.error.code : 'http_error';
  const message =
    typeof body?.error?.message === 'string' ? body.error.message : `The export failed (HTTP ${response.status}).`;
  throw new ApiError(response.status, code, message);
}

/** JSON exports indented for reading; other formats (and JSON that does not parse) as they came. */
export function previewText(text: string, format: ExportFormat): string {
  if (!FORMATS[format].json) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
