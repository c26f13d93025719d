import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AccessWatch } from '../collab/access-watch';
import { LocalBus, type Bus } from '../collab/bus';
import { Rooms } from '../collab/rooms';
import collabRoutes from '../collab/routes';
import type { Config } from '../config';

declare module 'fastify' {
  interface FastifyInstance {
    /** The loaded shared documents; REST writes to claims go through them. */
    rooms: Rooms;
    bus: Bus;
    /** Re-checks the access of every open collaboration connection. */
    accessWatch: AccessWatch;
  }
}

/** The collaboration server: the bus (Redis or in-process), the rooms and the `/collab` WebSocket route. */
export default fp(
  async function collab(app: FastifyInstance, opts: { config: Config }) {
    const { config } = opts;
    // The Redis client is loaded only when several processes share the rooms.
    const bus: Bus = config.redisUrl ? new (await import('../collab/redis-bus')).RedisBus(config.redisUrl, app.log) : new LocalBus();
    const rooms = new Rooms({
      db: app.db,
      bus,
      log: app.log,
      maxFrameBytes: config.collab.maxFrameBytes,
      maxDocumentBytes: config.collab.maxDocumentBytes,
      maxHeldBytes: config.collab.maxHeldBytes,
      maxHeldMs: config.collab.maxHeldMs,
      budgets: {
        connectionsPerUser: config.collab.connectionsPerUser,
        messagesPerSecondPerUser: config.collab.messagesPerSecondPerUser,
        bytesPerSecondPerUser: config.collab.bytesPerSecondPerUser,
      },
      commitIntervalMs: config.collab.commitIntervalMs,
      idleUnloadMs: config.collab.idleUnloadMs,
      compactAfterRows: config.collab.compactAfterRows,
      historyWindowMs: config.historyWindowMs,
      frameBudgetMs: config.collab.frameBudgetMs,
    });
    app.decorate('rooms', rooms);
    app.decorate('bus', bus);
    // Frames above maxFrameBytes are closed with 4413 by the room (y-websocket does not reconnect after
    // it); ws's own cap (1009) only stops abuse far beyond that.
    await app.register(websocket, { options: { maxPayload: Math.max(64 * 1024 * 1024, config.collab.maxFrameBytes * 4) } });
    // Access is checked for the life of each connection: periodically, and at once after a REST change here.
    const access = new AccessWatch(app.db, app.log);
    app.decorate('accessWatch', access);
    app.addHook('onSend', access.afterAccessChange);
    await app.register(collabRoutes, { config, rooms, accessWatch: access });
    app.addHook('onClose', async () => {
      access.stop();
      await rooms.close();
      await bus.close();
    });
  },
  { name: 'collab', dependencies: ['db', 'auth'] },
);
