import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
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

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

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
  // pg_trgm (wording similarity for claim matching) is an extension PGlite loads on request.
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
