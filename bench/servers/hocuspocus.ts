/**
 * `@hocuspocus/server` 3.4.4 with `@hocuspocus/extension-database` storing each document's state
 * (`Y.encodeStateAsUpdate`) in a table of the benchmark's PostgreSQL database, with Hocuspocus's
 * default store debounce (2 s, at most 10 s). No authentication hook: every connection is accepted.
 */
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import pg from 'pg';

const port = Number(process.env.PORT ?? 1236);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
pool.on('error', () => {});
await pool.query(`create table if not exists hocuspocus_documents (
  name text primary key, data bytea not null, updated_at timestamptz not null default now())`);

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const { rows } = await pool.query('select data from hocuspocus_documents where name = $1', [documentName]);
        return rows[0] ? new Uint8Array(rows[0].data) : null;
      },
      store: async ({ documentName, state }) => {
        await pool.query(
          `insert into hocuspocus_documents (name, data) values ($1, $2)
           on conflict (name) do update set data = excluded.data, updated_at = now()`,
          [documentName, state],
        );
      },
    }),
  ],
});
await server.listen();
console.log(`hocuspocus listening on ${port}`);
process.once('SIGTERM', () => {
  void server.destroy().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
});
