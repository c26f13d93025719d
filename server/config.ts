import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_HISTORY_WINDOW_MS } from './shared/history';

/** Everything the server reads from its environment, resolved once at start. */
export interface Config {
  port: number;
  host: string;
  /** Where the server keeps its files: PGlite's database under `pglite/` when `databaseUrl` is not set (`memory://` for tests). */
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  /** The origin browsers use; when unset, same-origin requests (Origin host = Host header) are accepted. */
  publicOrigin?: string;
  /** Directory of the built web app (SvelteKit static output); not served when missing. */
  webDir: string;
  /** Largest JSON body, in bytes. */
  bodyLimit: number;
  /** Largest uploaded file, in bytes. */
  maxUploadBytes: number;
  /** Session lifetime in seconds. */
  sessionTtlSeconds: number;
  /** Login and signup attempts per client address per minute. */
  authRateLimit: number;
  /** Requests per API token per minute. */
  tokenRateLimit: number;
  /** Requests per signed-in user per minute, whichever tokens or session they use. */
  userRateLimit: number;
  /** Requests to `/api` and `/collab` per client address per minute, signed in or not. */
  addressRateLimit: number;
  /** How long a client may take to send a request's headers, in milliseconds (slow clients are cut off with 408). */
  headersTimeoutMs: number;
  /** How long a client may take to send a whole request (headers and body), in milliseconds. */
  requestTimeoutMs: number;
  /** An HTTP connection idle this long is closed, in milliseconds (WebSockets are not affected). */
  connectionTimeoutMs: number;
  /** PostgreSQL `statement_timeout` of every pooled connection, in milliseconds (0: none). Not used with PGlite. */
  statementTimeoutMs: number;
  /** A person's edits to one field of a claim within this many milliseconds of the entry's first edit are one history entry. */
  historyWindowMs: number;
  logLevel: string;
  /** Where the log is written; standard output when unset (tests capture it here). */
  logStream?: NodeJS.WritableStream;
  collab: {
    /** Largest WebSocket frame accepted; larger ones close the socket with 4413. */
    maxFrameBytes: number;
    /** A connection whose unsent data passes this is closed (4508) instead of growing memory. */
    maxBufferedBytes: number;
    /** Wait before a group commit starts; 0 (the default) starts it at once when none is in flight. */
    commitIntervalMs: number;
    /** How long a document with no connections stays in memory after its last save. */
    idleUnloadMs: number;
    /** Log rows beyond the snapshot after which the log is compacted. */
    compactAfterRows: number;
    /** Messages per second a connection may send on average (twice that in a burst); more closes it with 4529. */
    messagesPerSecond: number;
    /** Bytes per second a connection may send on average (four times that in a burst); more closes it with 4529. */
    bytesPerSecond: number;
    /** Open collaboration connections per user and process; one more is closed with 4529. */
    connectionsPerUser: number;
    /** Messages and bytes per second one user may send over all their connections (4529 past it). */
    messagesPerSecondPerUser: number;
    bytesPerSecondPerUser: number;
    /** Largest encoded size of one shared document a client update may grow it to (4413 past it). */
    maxDocumentBytes: number;
    /** Updates waiting for missing dependencies are held at most this long and this large, then dropped (4510). */
    maxHeldMs: number;
    maxHeldBytes: number;
    /** Interval of the WebSocket ping; a socket that did not answer the previous one is closed. */
    heartbeatMs: number;
    /** /api/health answers 503 once changes have waited this long because commits fail. */
    unsavedAlertMs: number;
    /** Milliseconds of each event-loop turn incoming collaboration frames may take; past it their sockets are paused (backpressure). */
    frameBudgetMs: number;
  };
  /** CPU-heavy work (imports, suggestions, anchoring) runs in a pool of worker threads, within these limits (docs/api.md "Limits"). */
  jobs: {
    /** Worker threads; default one fewer than the cores, at least one. */
    threads: number;
    /** Load each thread's libraries and warm the claim scorer when the threads start (`JOBS_WARM_UP`, default on; off for in-process test servers). */
    warmUp: boolean;
    /** The threads start on first use (a job, or a reader opening a document) and stop after this long without either (`JOBS_IDLE_MS`). */
    idleMs: number;
    /** Jobs that may wait for a thread; past it a request answers 503 `busy` with Retry-After. */
    maxQueue: number;
    /** A job running longer is stopped (its thread replaced) and answers 422 `too_complex`. */
    timeoutMs: number;
    /** Heap of each worker thread, in MiB: a job that needs more fails alone, with 422 `too_complex`. */
    workerMemoryMb: number;
    /** Longest document text, in UTF-16 code units (413 `document_too_large`). */
    maxDocumentChars: number;
    /** Most pages of an imported PDF (413 `too_many_pages`). */
    maxPdfPages: number;
    /** Deepest nesting of HTML elements, Markdown blocks or brackets (422 `too_deeply_nested`). */
    maxNestingDepth: number;
    /** Most entries in a .docx archive (413 `archive_too_large`). */
    maxArchiveEntries: number;
    /** Largest inflated size of one .docx entry and of all of them, in bytes (413 `archive_too_large`). */
    maxArchivePartBytes: number;
    maxArchiveBytes: number;
  };
  /** The archiver of link evidence (server/archive): fetched in the background against link rot (docs/api.md "Evidence archive"). */
  archive: {
    /** Fetch private, loopback, link-local and multicast addresses too (tests only: never in production). */
    allowPrivate: boolean;
    /** Addresses fetched although they are private (an intranet host), exactly as written (e.g. `10.0.0.8`, `fd00::8`). */
    allowedAddresses: string[];
    /** Pages fetched at once; 0 turns archiving off. */
    concurrency: number;
    /** One fetch, redirects and body included, is abandoned after this many milliseconds. */
    timeoutMs: number;
    /** Largest body fetched, in bytes. */
    maxBytes: number;
    /** Redirects followed; one more fails the fetch. */
    maxRedirects: number;
    /** How often the server looks for link evidence added through the shared document and not yet archived. */
    sweepMs: number;
    /** Resolves a host name to its addresses (tests give one that maps names to chosen addresses); DNS when unset. */
    resolveHost?: (hostname: string) => Promise<Array<{ address: string; family: number }>>;
  };
}

const MB = 1024 * 1024;

/** Reads the configuration from environment variables (see the README's Configuration table). */
/** The origin links in exports and public pages are made absolute with: PUBLIC_ORIGIN, else the request's own. */
export const originFor = (config: Pick<Config, 'publicOrigin'>, request: { protocol: string; headers: { host?: string } }): string =>
  config.publicOrigin ?? `${request.protocol}://${request.headers.host}`;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    publicOrigin: env.PUBLIC_ORIGIN || `http://localhost:${port}`,
    webDir: resolve(env.WEB_DIR ?? 'web/build'),
    bodyLimit: Number(env.BODY_LIMIT_BYTES ?? 2 * MB),
    maxUploadBytes: Number(env.MAX_UPLOAD_BYTES ?? 10 * MB),
    sessionTtlSeconds: Number(env.SESSION_TTL_SECONDS ?? 30 * 24 * 3600),
    authRateLimit: Number(env.AUTH_RATE_LIMIT ?? 10),
    tokenRateLimit: Number(env.TOKEN_RATE_LIMIT ?? 600),
    userRateLimit: Number(env.USER_RATE_LIMIT ?? 1200),
    addressRateLimit: Number(env.ADDRESS_RATE_LIMIT ?? 3000),
    headersTimeoutMs: Number(env.HEADERS_TIMEOUT_MS ?? 15_000),
    requestTimeoutMs: Number(env.REQUEST_TIMEOUT_MS ?? 120_000),
    connectionTimeoutMs: Number(env.CONNECTION_TIMEOUT_MS ?? 120_000),
    statementTimeoutMs: Number(env.DB_STATEMENT_TIMEOUT_MS ?? 30_000),
    historyWindowMs: Number(env.HISTORY_WINDOW_MS ?? DEFAULT_HISTORY_WINDOW_MS),
    logLevel: env.LOG_LEVEL ?? 'info',
    collab: {
      maxFrameBytes: Number(env.COLLAB_MAX_FRAME_BYTES ?? 2 * MB),
      maxBufferedBytes: Number(env.COLLAB_MAX_BUFFERED_BYTES ?? 8 * MB),
      commitIntervalMs: Number(env.COLLAB_COMMIT_INTERVAL_MS ?? 0),
      idleUnloadMs: Number(env.COLLAB_IDLE_UNLOAD_MS ?? 30_000),
      compactAfterRows: Number(env.COLLAB_COMPACT_AFTER_ROWS ?? 1000),
      messagesPerSecond: Number(env.COLLAB_MESSAGES_PER_SECOND ?? 300),
      bytesPerSecond: Number(env.COLLAB_BYTES_PER_SECOND ?? 2 * MB),
      connectionsPerUser: Number(env.COLLAB_CONNECTIONS_PER_USER ?? 20),
      messagesPerSecondPerUser: Number(env.COLLAB_USER_MESSAGES_PER_SECOND ?? 600),
      bytesPerSecondPerUser: Number(env.COLLAB_USER_BYTES_PER_SECOND ?? 4 * MB),
      maxDocumentBytes: Number(env.COLLAB_MAX_DOCUMENT_BYTES ?? 64 * MB),
      maxHeldMs: Number(env.COLLAB_MAX_HELD_MS ?? 10_000),
      maxHeldBytes: Number(env.COLLAB_MAX_HELD_BYTES ?? 4 * MB),
      heartbeatMs: Number(env.COLLAB_HEARTBEAT_MS ?? 30_000),
      unsavedAlertMs: Number(env.COLLAB_UNSAVED_ALERT_MS ?? 10_000),
      frameBudgetMs: Number(env.COLLAB_FRAME_BUDGET_MS ?? 20),
    },
    jobs: {
      threads: Number(env.JOBS_THREADS ?? Math.max(1, availableParallelism() - 1)),
      warmUp: !['0', 'false', 'off'].includes(env.JOBS_WARM_UP ?? ''),
      idleMs: Number(env.JOBS_IDLE_MS ?? 15 * 60_000),
      maxQueue: Number(env.JOBS_MAX_QUEUE ?? 16),
      timeoutMs: Number(env.JOBS_TIMEOUT_MS ?? 20_000),
      workerMemoryMb: Number(env.JOBS_WORKER_MEMORY_MB ?? 1024),
      maxDocumentChars: Number(env.JOBS_MAX_DOCUMENT_CHARS ?? 2_000_000),
      maxPdfPages: Number(env.JOBS_MAX_PDF_PAGES ?? 2000),
      maxNestingDepth: Number(env.JOBS_MAX_NESTING_DEPTH ?? 200),
      maxArchiveEntries: Number(env.JOBS_MAX_ARCHIVE_ENTRIES ?? 2000),
      maxArchivePartBytes: Number(env.JOBS_MAX_ARCHIVE_PART_BYTES ?? 16 * MB),
      maxArchiveBytes: Number(env.JOBS_MAX_ARCHIVE_BYTES ?? 48 * MB),
    },
    archive: {
      allowPrivate: env.ARCHIVE_ALLOW_PRIVATE === 'true' || env.ARCHIVE_ALLOW_PRIVATE === '1',
      allowedAddresses: (env.ARCHIVE_ALLOW_ADDRESSES ?? '').split(',').map((a) => a.trim()).filter(Boolean),
      concurrency: Number(env.ARCHIVE_CONCURRENCY ?? 4),
      timeoutMs: Number(env.ARCHIVE_TIMEOUT_MS ?? 15_000),
      maxBytes: Number(env.ARCHIVE_MAX_BYTES ?? 10 * MB),
      maxRedirects: Number(env.ARCHIVE_MAX_REDIRECTS ?? 5),
      sweepMs: Number(env.ARCHIVE_SWEEP_MS ?? 2000),
    },
  };
}

/** Defaults for an in-process server (tests, benchmarks): memory database, quiet log, random port. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // WEB_DIR is honoured so a browser test can be pointed at another build of the web app.
  const base = loadConfig({ WEB_DIR: process.env.WEB_DIR });
  return {
    ...base,
    port: 0,
    dataDir: 'memory://',
    publicOrigin: undefined,
    logLevel: 'silent',
    authRateLimit: 1000,
    tokenRateLimit: 100_000,
    userRateLimit: 100_000,
    addressRateLimit: 1_000_000,
    ...overrides,
    collab: { ...base.collab, idleUnloadMs: 1000, ...overrides.collab },
    // Hundreds of in-process servers start in a test run: warming each one's scorer would cost minutes.
    jobs: { ...base.jobs, warmUp: false, ...overrides.jobs },
    archive: { ...base.archive, ...overrides.archive },
  };
}
