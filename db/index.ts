import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { fromRoot } from '../server/project-root';
import * as schema from './schema';

export { schema };

/** The Drizzle instance every query goes through, whichever driver is under it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbKind = 'postgres' | 'pglite';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** Closes the pool or the embedded database; call only after the last pending write. */
  close(): Promise<void>;
}

export interface DbOptions {
  /** A PostgreSQL URL; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; `memory://` for a throwaway database. */
  dataDir: string;
  /** PostgreSQL `statement_timeout` of every pooled connection, in milliseconds; 0 or unset: none. */
  statementTimeoutMs?: number;
}

const migrationsFolder = fromRoot('db', 'migrations');

/** Opens the database (PostgreSQL when a URL is given, PGlite otherwise) and applies pending migrations. */
export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      // A statement running longer is cancelled by the server (SQLSTATE 57014), so one slow query cannot hold a connection for ever.
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      // Waiting for a connection (the pool is full, or the server does not answer) fails instead of hanging the request.
      connectionTimeoutMillis: 10_000,
      // A transaction left open by a crashed handler does not hold its locks for ever.
      idle_in_transaction_session_timeout: 60_000,
    });
    // An idle client that loses its server emits 'error' on the pool; without a listener that kills the process.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema });
    try {
      await migratePg(db, { migrationsFolder });
    } catch (err) {
      await pool.end();
      throw err;
    }
    return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end() };
  }

  if (!options.dataDir.startsWith('memory://')) {
    // PGlite creates only the last folder of its path.
    mkdirSync(dirname(resolve(options.dataDir)), { recursive: true });
  }
  // PGlite (a whole PostgreSQL in WebAssembly) is loaded only when it is the database, so a server on
  // PostgreSQL never carries it. pg_trgm (wording similarity for claim matching) is an extension it loads on request.
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const client = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (err) {
    await client.close();
    throw err;
  }
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}
