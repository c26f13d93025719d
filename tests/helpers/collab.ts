import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { countingWebSocket, SavedState } from '../../server/shared/saved-state';
import type { Client } from './client';

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  saved: SavedState;
  /** Close events the provider saw, newest last. */
  closes: Array<{ code: number; reason: string }>;
  destroy(): void;
}

/**
 * An unmodified y-websocket WebsocketProvider in Node (with `ws`), authenticated by the client's
 * API token (created on first use) or by its session cookie.
 */
export async function connect(base: string, documentId: string, who: Client | { token: string } | null, opts: { cookie?: boolean; doc?: Y.Doc } = {}): Promise<CollabClient> {
  const doc = opts.doc ?? new Y.Doc();
  const params: Record<string, string> = {};
  let Socket: typeof WebSocket = WebSocket;
  if (who && 'token' in who && typeof who.token === 'string' && !('base' in who)) {
    params.token = who.token;
  } else if (who) {
    const client = who as Client;
    if (opts.cookie) {
      const cookie = client.cookie!;
      Socket = class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { cookie, origin: base } });
        }
      } as typeof WebSocket;
    } else {
      params.token = await tokenOf(client);
    }
  }
  const provider = new WebsocketProvider(base.replace(/^http/, 'ws') + '/collab', documentId, doc, {
    connect: false,
    params,
    WebSocketPolyfill: countingWebSocket(Socket) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const saved = new SavedState(provider);
  const closes: CollabClient['closes'] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  provider.connect();
  return {
    doc,
    provider,
    saved,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

const tokens = new WeakMap<Client, string>();
async function tokenOf(client: Client): Promise<string> {
  let token = tokens.get(client) ?? client.token;
  if (!token) {
    const res = await client.post('/api/tokens', { name: 'collab test' });
    token = res.body.token as string;
    tokens.set(client, token);
  }
  return token;
}

/** Resolves when the provider has synced with the server. */
export function synced(c: CollabClient, timeoutMs = 10_000): Promise<void> {
  if (c.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced in time')), timeoutMs);
    c.provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Polls until `check` returns true (or throws after the timeout). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Resolves with the close event of the client's next closed connection. */
export function nextClose(c: CollabClient, timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
  const seen = c.closes.length;
  return eventually(() => c.closes.length > seen, timeoutMs, 'close').then(() => c.closes[c.closes.length - 1]);
}
