import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db, DbKind } from '../../db';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dbKind: DbKind;
  }
}

/** Makes the opened database available to every plugin as `app.db`. The caller owns opening and closing it. */
export default fp(
  async function dbPlugin(app: FastifyInstance, opts: { db: Db; kind: DbKind }) {
    app.decorate('db', opts.db);
    app.decorate('dbKind', opts.kind);
  },
  { name: 'db' },
);
