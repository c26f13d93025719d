/**
 * The floor: a bare `ws` relay that forwards every message to the other sockets of the same room
 * (the URL path). No CRDT, no storage, no merging.
 */
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const port = Number(process.env.PORT ?? 1235);
const rooms = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ noServer: true });
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('okay');
});

wss.on('connection', (ws: WebSocket, room: string) => {
  let peers = rooms.get(room);
  if (!peers) rooms.set(room, (peers = new Set()));
  peers.add(ws);
  ws.on('message', (data, isBinary) => {
    for (const peer of peers) if (peer !== ws && peer.readyState === peer.OPEN) peer.send(data, { binary: isBinary });
  });
  ws.on('error', () => {});
  ws.on('close', () => {
    peers.delete(ws);
    if (peers.size === 0) rooms.delete(room);
  });
});
server.on('upgrade', (request, socket, head) => {
  const room = (request.url ?? '/').split('?')[0];
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, room));
});
server.listen(port, '127.0.0.1', () => console.log(`relay listening on ${port}`));
process.once('SIGTERM', () => process.exit(0));
