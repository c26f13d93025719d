import type { AddressInfo } from 'node:net';
import { buildApp, type BuiltApp } from '../../server/app';
import { testConfig, type Config } from '../../server/config';
import { freshPostgresDatabase, testDbKind } from './database';

export interface TestApp extends BuiltApp {
  /** Base URL of the listening server, e.g. http://127.0.0.1:39041 */
  url: string;
  config: Config;
}

/**
 * Starts the real server in-process on 127.0.0.1, port 0, against a fresh database: PGlite in
 * memory (or in `dataDir` when given, to test restarts), or a new PostgreSQL database when the
 * suite runs on PostgreSQL. `close()` stops it and drops that database.
 */
export async function startApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  let drop: (() => Promise<void>) | undefined;
  let databaseUrl = overrides.databaseUrl;
  if (!databaseUrl && testDbKind() === 'postgres' && !overrides.dataDir) {
    const fresh = await freshPostgresDatabase();
    databaseUrl = fresh.url;
    drop = fresh.drop;
  }
  const config = testConfig({ ...overrides, databaseUrl, host: '127.0.0.1' });
  const built = await buildApp(config);
  await built.app.listen({ port: config.port, host: config.host });
  const { port } = built.app.server.address() as AddressInfo;
  return {
    ...built,
    config,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await built.close();
      await drop?.();
    },
  };
}
