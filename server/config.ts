import { resolve } from 'node:path';

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
  logLevel: string;
  collab: {
    /** Largest WebSocket frame accepted; larger ones close the socket with 4413. */
    maxFrameBytes: number;
    /** A connection whose unsent data passes this is closed (4508) instead of growing memory. */
    maxBufferedBytes: number;
    /** Group-commit interval of the update log. */
    commitIntervalMs: number;
    /** How long a document with no connections stays in memory after its last save. */
    idleUnloadMs: number;
    /** Log rows beyond the snapshot after which the log is compacted. */
    compactAfterRows: number;
    /** Messages per second a connection may send on average (twice that in a burst); more closes it with 4529. */
    messagesPerSecond: number;
  };
}

const MB = 1024 * 1024;

/** Reads the configuration from environment variables (see the README's Configuration table). */
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
    logLevel: env.LOG_LEVEL ?? 'info',
    collab: {
      maxFrameBytes: Number(env.COLLAB_MAX_FRAME_BYTES ?? 2 * MB),
      maxBufferedBytes: Number(env.COLLAB_MAX_BUFFERED_BYTES ?? 8 * MB),
      commitIntervalMs: Number(env.COLLAB_COMMIT_INTERVAL_MS ?? 4),
      idleUnloadMs: Number(env.COLLAB_IDLE_UNLOAD_MS ?? 30_000),
      compactAfterRows: Number(env.COLLAB_COMPACT_AFTER_ROWS ?? 1000),
      messagesPerSecond: Number(env.COLLAB_MESSAGES_PER_SECOND ?? 300),
    },
  };
}

/** Defaults for an in-process server (tests, benchmarks): memory database, quiet log, random port. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({});
  return {
    ...base,
    port: 0,
    dataDir: 'memory://',
    publicOrigin: undefined,
    logLevel: 'silent',
    authRateLimit: 1000,
    tokenRateLimit: 100_000,
    ...overrides,
    collab: { ...base.collab, idleUnloadMs: 1000, ...overrides.collab },
  };
}
