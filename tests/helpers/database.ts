import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '../../db';

/** Which database the integration suite runs on in this vitest project. */
export const testDbKind = (): 'pglite' | 'postgres' => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');

/**
 * Creates an empty PostgreSQL database on the server of TEST_DATABASE_URL, so every test file
 * starts from a freshly migrated schema; `drop()` removes it.
 */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `corroborate_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The tables a REST request can change: fingerprinted to show refused input changed nothing stored. */
export const REST_TABLES = ['users', 'workspaces', 'memberships', 'documents', 'document_versions', 'claims', 'evidence', 'votes', 'comments', 'claim_events', 'doc_updates', 'doc_snapshots', 'api_tokens'];

/** An md5 of every row of `tables`, table by table: equal before and after means nothing stored changed. */
export async function fingerprintRows(db: Db, tables: readonly string[] = REST_TABLES): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const res = await db.execute(sql.raw(`select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${table} t`));
    parts.push(`${table}:${(res as unknown as { rows: Array<{ h: string }> }).rows[0].h}`);
  }
  return parts.join(',');
}
