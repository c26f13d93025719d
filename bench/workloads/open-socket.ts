/** Opening a Corroborate document over its WebSocket: the time until the server's sync step 2 arrives. */
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { syncMessage } from '../generator/protocol';

export interface Opened {
  /** From starting the connection to receiving the full document (sync step 2). */
  ms: number;
  /** Size of the step 2 update. */
  bytes: number;
  doc: Y.Doc;
}

export function openOverWebSocket(port: number, documentId: string, token: string, timeoutMs = 60_000): Promise<Opened> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/collab/${documentId}?token=${encodeURIComponent(token)}`, { perMessageDeflate: false });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`document ${documentId} did not open within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      reject(new Error(`closed ${code} ${reason}`));
    });
    ws.on('open', () => ws.send(syncMessage('y-websocket', documentId, 0, new Uint8Array([0]))));
    ws.on('message', (data: Buffer) => {
      const dec = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(dec) !== 0 || decoding.readVarUint(dec) !== 1) return;
      const update = decoding.readVarUint8Array(dec);
      const ms = performance.now() - started;
      clearTimeout(timer);
      ws.removeAllListeners('close');
      ws.on('error', () => {});
      ws.close();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, update);
      resolve({ ms, bytes: update.length, doc });
    });
  });
}
