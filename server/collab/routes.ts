import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { RouteAccess } from '../authorization';
import type { Config } from '../config';
import { originAllowed } from '../plugins/auth';
import { CloseCode } from '../shared/collab-protocol';
import { findRole } from '../workspaces/repository';
import { roleAtLeast } from '../shared/roles';
import { credentialOf, type AccessWatch } from './access-watch';
import { Connection } from './connection';
import { Heartbeat } from './heartbeat';
import { isUuid } from '../shared/ids';
import { RoomNotFoundError, type Rooms } from './rooms';

const toBytes = (data: Buffer | ArrayBuffer | Buffer[]): Uint8Array =>
  Array.isArray(data) ? new Uint8Array(Buffer.concat(data)) : new Uint8Array(data as ArrayBuffer);

/**
 * Lets go of the upgrade request once the socket is open. @fastify/websocket keeps it reachable for
 * the life of the socket: the ServerResponse it made for routing stays the TCP socket's
 * `_httpMessage` (with Fastify's listeners, which hold the request and reply), and its 'error'
 * listener on the WebSocket closes over the Fastify request and reply (the IncomingMessage, its
 * headers, the URL with `?token=`). Its listener only logs the error and terminates the socket, which
 * ws has done already (ws destroys the socket after any error it emits), so ours replaces it.
 */
function releaseUpgradeRequest(socket: WebSocket, request: FastifyRequest): void {
  const tcp = request.raw.socket as Socket & { _httpMessage?: ServerResponse | null };
  tcp._httpMessage?.detachSocket(tcp);
  socket.removeAllListeners('error');
  socket.on('error', () => {});
}

/**
 * Members of the document's workspace, from viewer up (a viewer's connection is read-only).
 * Checked by the route itself, not by plugins/access.ts: a WebSocket refuses with close codes,
 * which only the open socket can carry.
 */
const ACCESS = { role: 'viewer', find: 'document', param: 'documentId' } as const satisfies RouteAccess;

/**
 * `/collab/<documentId>`: the standard y-protocols sync and awareness over a WebSocket, so any
 * y-websocket client connects. Auth by session cookie or `?token=`; refusals are close codes.
 */
const collabRoutes: FastifyPluginAsync<{ config: Config; rooms: Rooms; accessWatch: AccessWatch }> = async (app: FastifyInstance, { config, rooms, accessWatch }) => {
  const heartbeat = new Heartbeat(config.collab.heartbeatMs);
  app.addHook('onClose', async () => heartbeat.stop());
  app.get<{ Params: { documentId: string } }>('/collab/:documentId', { websocket: true, config: { access: ACCESS }, schema: { hide: true } }, async (socket: WebSocket, request) => {
    // The credential could not be checked (database unreachable, plugins/auth.ts): try again later.
    if (request.authUnavailable) return socket.close(CloseCode.unavailable, 'database unavailable; try again');
    // Frames can arrive while the room loads; keep them in order until it is ready.
    const early: Uint8Array[] = [];
    let deliver: ((data: Uint8Array) => void) | null = null;
    socket.on('message', (data: Buffer) => (deliver ? deliver(toBytes(data)) : early.push(toBytes(data))));
    releaseUpgradeRequest(socket, request);

    const user = request.user;
    if (!user) return socket.close(CloseCode.unauthorized, 'sign in or pass ?token=');
    const origin = request.headers.origin;
    if (request.authMethod === 'cookie' && origin && !originAllowed(origin, request.headers.host, config.publicOrigin)) {
      return socket.close(CloseCode.forbidden, 'origin not allowed');
    }
    const { documentId } = request.params;
    if (!isUuid(documentId)) return socket.close(CloseCode.notFound, 'no such document');

    let room;
    try {
      room = await rooms.acquire(documentId);
    } catch (err) {
      if (err instanceof RoomNotFoundError) return socket.close(CloseCode.notFound, 'no such document');
      request.log.error({ err: (err as Error).message, documentId }, 'collab: document unavailable');
      return socket.close(CloseCode.unavailable, 'document temporarily unavailable; retrying');
    }

    const role = await findRole(app.db, room.workspaceId, user.id).catch(() => undefined);
    if (role === undefined || socket.readyState !== socket.OPEN) {
      rooms.release(room);
      return socket.close(CloseCode.unavailable, 'try again');
    }
    if (!role || !roleAtLeast(role, ACCESS.role)) {
      rooms.release(room);
      // Not a member (no role): the same answer as for a document that does not exist.
      return socket.close(CloseCode.notFound, 'no such document');
    }

    if (!rooms.budgets.open(user.id)) {
      rooms.release(room);
      return socket.close(CloseCode.rateLimited, `more than ${config.collab.connectionsPerUser} open connections; close some and retry`);
    }
    const { maxBufferedBytes, messagesPerSecond, bytesPerSecond } = config.collab;
    const conn = new Connection(socket, { id: user.id, name: user.name }, roleAtLeast(role, 'annotator'), maxBufferedBytes, messagesPerSecond, bytesPerSecond);
    heartbeat.watch(socket);
    room.join(conn);
    accessWatch.register(conn, { credential: credentialOf(request), userId: user.id, workspaceId: room.workspaceId, role });
    const userId = user.id;
    socket.on('close', () => {
      conn.closed = true;
      rooms.pacer.forget(socket);
      rooms.budgets.close(userId);
      accessWatch.unregister(conn);
      room.leave(conn);
      rooms.release(room);
    });
    const handle = (data: Uint8Array) => room.handleFrame(conn, data);
    deliver = (data) => rooms.pacer.deliver(socket, data, handle);
    for (const data of early) deliver(data);
  });
};

export default collabRoutes;
