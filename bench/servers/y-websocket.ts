/**
 * The y-websocket reference server (`@y/websocket-server` 0.1.1's `setupWSConnection`), as its own
 * `server.js` runs it. With YPERSISTENCE set it persists every update to LevelDB (y-leveldb), its
 * only built-in adapter: fire-and-forget, never acknowledged to the client.
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const port = Number(process.env.PORT ?? 1234);
const wss = new WebSocketServer({ noServer: true });
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('okay');
});
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)));
server.listen(port, '127.0.0.1', () => console.log(`y-websocket listening on ${port} (persistence: ${process.env.YPERSISTENCE ? 'leveldb' : 'none'})`));
process.once('SIGTERM', () => process.exit(0));
