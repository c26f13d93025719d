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
  logLevel: string;
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
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

/** Defaults for an in-process server (tests, benchmarks): memory database, quiet log, random port. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    port: 0,
    dataDir: 'memory://',
    publicOrigin: undefined,
    logLevel: 'silent',
    authRateLimit: 1000,
    ...overrides,
  };
}
