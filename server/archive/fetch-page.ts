import type { Socket } from 'node:net';
import { Agent, buildConnector, request } from 'undici';
import { guardedLookup, refusal, refusedBy, RefusedAddressError, type AddressPolicy, type ResolveHost } from './addresses';

/** The content types the archiver keeps, and how each is read (server/archive/extract.ts). */
export const ARCHIVED_TYPES = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'text/plain': 'text',
} as const;
export type ArchivedFormat = (typeof ARCHIVED_TYPES)[keyof typeof ARCHIVED_TYPES];

export interface FetchLimits extends AddressPolicy {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  resolveHost?: ResolveHost;
}

/** A page as fetched: where it ended up, its status and type, and its body. */
export interface FetchedPage {
  finalUrl: string;
  status: number;
  contentType: string;
  format: ArchivedFormat;
  charset: string | null;
  body: Uint8Array;
}

/** Why a fetch gave no page: `kind` for the code, `message` for people, and what was known by then. */
export class FetchFailure extends Error {
  constructor(
    readonly kind: 'refused' | 'timeout' | 'too_large' | 'content_type' | 'http' | 'redirects' | 'network' | 'bad_url',
    message: string,
    readonly details: { finalUrl?: string; status?: number; contentType?: string; code?: string } = {},
  ) {
    super(message);
    this.name = 'FetchFailure';
  }

  /** The page is not there any more: HTTP 404 or 410, or its host no longer resolves or accepts connections. */
  get gone(): boolean {
    if (this.kind === 'http') return this.details.status === 404 || this.details.status === 410;
    return this.kind === 'network' && (this.details.code === 'ENOTFOUND' || this.details.code === 'ECONNREFUSED');
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'Corroborate-archiver/0.1 (keeps a copy of pages cited as evidence)';

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/**
 * An undici Agent whose every connection is checked: host names resolve through `guardedLookup`
 * (private, loopback, link-local and multicast addresses dropped before connecting) and, once
 * connected, the socket's own remote address is checked again, so neither an IP literal, a DNS
 * answer that changes between checks, nor anything else the resolver did not see reaches a
 * refused address. With `allowPrivate` (tests), every address is allowed; `allowedAddresses` are allowed too.
 */
export function guardedAgent(limits: FetchLimits): Agent {
  const base = buildConnector({ lookup: guardedLookup(limits, limits.resolveHost), timeout: limits.timeoutMs } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (options, callback) => {
    base(options, (err, socket) => {
      if (err || !socket) return callback(err ?? new Error('no socket'), null);
      const remote = (socket as Socket).remoteAddress;
      const range = remote ? refusedBy(limits, remote) : 'unknown';
      if (range !== null) {
        socket.destroy();
        return callback(remote ? refusal(options.hostname, remote, range) : new RefusedAddressError('The connection has no remote address.'), null);
      }
      callback(null, socket);
    });
  };
  return new Agent({ connect, headersTimeout: limits.timeoutMs, bodyTimeout: limits.timeoutMs, connections: 8 });
}

/** The first RefusedAddressError in an error's chain of causes. */
function refusedIn(err: unknown): RefusedAddressError | null {
  for (let e = err as { cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e instanceof RefusedAddressError) return e;
  }
  return null;
}

function networkCode(err: unknown): string | undefined {
  for (let e = err as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** Checks one URL before it is requested: http(s) only, and an IP literal must be a public address. */
function checkUrl(raw: string, base: URL | undefined, policy: AddressPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchFailure('bad_url', `${raw} is not a valid web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchFailure('bad_url', `Only http and https addresses are archived, not ${url.protocol.replace(':', '')}.`);
  url.hash = '';
  const host = hostOf(url);
  const range = refusedBy(policy, host);
  if (range !== null && range !== 'not an IP address') throw new FetchFailure('refused', refusal(host, host, range).message, { finalUrl: url.href });
  return url;
}

/**
 * Fetches a page for the archive within `limits`: at most `maxRedirects` redirects, each target
 * checked again; no refused address (see `guardedAgent`); the whole fetch, redirects and body
 * included, within `timeoutMs`; a body of at most `maxBytes` (a larger declared length is refused
 * before reading); and only the types in ARCHIVED_TYPES. Throws `FetchFailure`. `signal` aborts it
 * (server shutdown).
 */
export async function fetchPage(rawUrl: string, agent: Agent, limits: FetchLimits, signal?: AbortSignal): Promise<FetchedPage> {
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const abort = signal ? AbortSignal.any([deadline, signal]) : deadline;
  let url = checkUrl(rawUrl, undefined, limits);
  const seconds = Math.round(limits.timeoutMs / 100) / 10;
  try {
    for (let redirects = 0; ; redirects++) {
      const res = await request(url, {
        dispatcher: agent,
        method: 'GET',
        signal: abort,
        headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.1', 'accept-encoding': 'identity' },
      });
      const status = res.statusCode;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location) {
        await res.body.dump();
        if (redirects >= limits.maxRedirects) throw new FetchFailure('redirects', `More than ${limits.maxRedirects} redirects, so it was not followed further.`, { finalUrl: url.href, status });
        url = checkUrl(String(Array.isArray(location) ? location[0] : location), url, limits);
        continue;
      }
      const rawType = String(res.headers['content-type'] ?? '');
      const mime = rawType.split(';')[0].trim().toLowerCase();
      const details = { finalUrl: url.href, status, contentType: mime || undefined };
      if (status < 200 || status > 299) {
        await res.body.dump();
        throw new FetchFailure('http', `The page answered HTTP ${status}.`, details);
      }
      const format = ARCHIVED_TYPES[mime as keyof typeof ARCHIVED_TYPES];
      if (!format) {
        await res.body.dump();
        throw new FetchFailure('content_type', mime ? `A page of type ${mime} is not archived (only HTML, PDF and plain text are).` : 'The page did not say what type it is, so it was not archived.', details);
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        res.body.destroy();
        throw new FetchFailure('too_large', `The page is larger than ${limits.maxBytes} bytes, the most the archive keeps.`, details);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limits.maxBytes) {
          res.body.destroy();
          throw new FetchFailure('too_large', `The page is larger than ${limits.maxBytes} bytes, the most the archive keeps.`, details);
        }
        chunks.push(chunk);
      }
      const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(rawType)?.[1] ?? null;
      return { finalUrl: url.href, status, contentType: mime, format, charset, body: new Uint8Array(Buffer.concat(chunks)) };
    }
  } catch (err) {
    if (err instanceof FetchFailure) throw err;
    const refused = refusedIn(err);
    if (refused) throw new FetchFailure('refused', refused.message, { finalUrl: url.href });
    if (deadline.aborted) throw new FetchFailure('timeout', `The page did not arrive within ${seconds} s.`, { finalUrl: url.href });
    if (signal?.aborted) throw new FetchFailure('network', 'The server stopped before the page arrived.', { finalUrl: url.href });
    const code = networkCode(err);
    if ((err as { code?: string })?.code === 'UND_ERR_HEADERS_TIMEOUT' || (err as { code?: string })?.code === 'UND_ERR_BODY_TIMEOUT' || (err as { code?: string })?.code === 'UND_ERR_CONNECT_TIMEOUT') {
      throw new FetchFailure('timeout', `The page did not arrive within ${seconds} s.`, { finalUrl: url.href });
    }
    const words = code === 'ENOTFOUND' ? `${hostOf(url)} was not found.` : code === 'ECONNREFUSED' ? `${hostOf(url)} refused the connection.` : `The page could not be fetched (${code ?? (err as Error)?.message ?? 'unknown error'}).`;
    throw new FetchFailure('network', words, { finalUrl: url.href, code });
  }
}
