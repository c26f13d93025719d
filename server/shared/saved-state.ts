/**
 * The client side of the saved acknowledgement, for any y-websocket `WebsocketProvider` (browser
 * or Node): counts the write frames sent on the current socket and compares them with the count
 * the server reports as committed.
 */
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { AuthType, MessageType, SyncType } from './collab-protocol';

/** `denied`: the server refused a write of this client (permission-denied: a read-only connection); it was not saved. */
export type SavedStatus = 'connecting' | 'saved' | 'saving' | 'offline' | 'denied';

interface CountingSocket {
  /** Write frames (sync step 2 or update) sent on this socket. */
  writeFrames: number;
  /** Write frames of this socket the server has reported committed. */
  savedFrames: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SocketClass = new (...args: any[]) => { send(data: any): void };

/**
 * A WebSocket class (pass it as `WebSocketPolyfill`) that counts the write frames it sends.
 * A write frame starts with message type 0 (sync) and sub-type 1 (step 2) or 2 (update).
 */
export function countingWebSocket<T extends SocketClass>(Base: T): T {
  return class extends Base {
    writeFrames = 0;
    savedFrames = 0;
    send(data: ArrayBuffer | Uint8Array): void {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
      if (bytes[0] === MessageType.sync && (bytes[1] === SyncType.step2 || bytes[1] === SyncType.update)) this.writeFrames++;
      super.send(data);
    }
  } as T;
}

/**
 * Tracks whether everything this client wrote is durable on the server. Install before the
 * provider connects (`connect: false`, then `provider.connect()`), with a provider created with
 * `WebSocketPolyfill: countingWebSocket(WebSocket)`.
 */
export class SavedState {
  status: SavedStatus = 'connecting';
  /** The server's reason when it refused a write on the current connection (cleared on reconnect). */
  denied: string | null = null;
  private deniedOn: unknown = null;
  private readonly listeners = new Set<(status: SavedStatus) => void>();

  constructor(private readonly provider: WebsocketProvider) {
    provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      const sub = decoding.readVarUint(decoder);
      if (sub === AuthType.saved) {
        const socket = provider.ws as unknown as CountingSocket | null;
        if (socket) socket.savedFrames = Math.max(socket.savedFrames, decoding.readVarUint(decoder));
      } else if (sub === AuthType.permissionDenied) {
        this.denied = decoding.readVarString(decoder);
        this.deniedOn = provider.ws;
      }
      this.update();
    };
    provider.on('status', () => this.update());
    // Registered after the provider's own listener, so the frame for this update is already counted.
    provider.doc.on('update', () => this.update());
  }

  private update(): void {
    const socket = this.provider.ws as unknown as CountingSocket | null;
    // A refusal is about the connection it came on: a new one (after a role change, say) starts afresh.
    if (this.denied !== null && this.deniedOn !== this.provider.ws) this.denied = null;
    let next: SavedStatus;
    if (!this.provider.wsconnected || !socket) next = this.provider.wsconnecting ? 'connecting' : 'offline';
    else if (this.denied !== null) next = 'denied';
    else if (!this.provider.synced) next = 'connecting';
    else next = socket.savedFrames >= socket.writeFrames ? 'saved' : 'saving';
    if (next === 'connecting' && this.status === 'offline') next = 'offline';
    if (next !== this.status) {
      this.status = next;
      this.listeners.forEach((l) => l(next));
    }
  }

  /** Calls `listener` on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: SavedStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves the next time every write sent so far is saved. */
  whenSaved(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        this.update();
        if (this.status === 'saved') {
          off();
          resolve();
        }
      };
      const off = this.subscribe(check);
      check();
    });
  }
}
