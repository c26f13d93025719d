import type { WebSocket } from 'ws';
import type { UserRef } from '../shared/claim-doc';
import { CloseCode } from '../shared/collab-protocol';

let nextId = 1;

/**
 * One WebSocket in a room: who it is, whether it may write, and the bookkeeping of the saved
 * acknowledgement (its write frames, counted from 1, and the log position each one waits for).
 */
export class Connection {
  readonly id = nextId++;
  /** A Connection is its own Yjs transaction origin (a ChangeOrigin of kind 'client'). */
  readonly kind = 'client' as const;
  /** Awareness client ids this connection has announced, removed when it closes. */
  readonly awarenessClients = new Set<number>();
  /** Write frames (sync step 2 and update) received so far. */
  writeFrames = 0;
  /** Frames not yet durable, with the room's append position each needs committed, oldest first. */
  readonly waiting: Array<{ frame: number; needs: number }> = [];
  closed = false;
  /** Token bucket for incoming messages: `messagesPerSecond` on average, twice that in a burst. */
  private tokens: number;
  private refilledAt = performance.now();

  constructor(
    readonly socket: WebSocket,
    readonly user: UserRef,
    readonly canWrite: boolean,
    private readonly maxBufferedBytes: number,
    private readonly messagesPerSecond = Infinity,
  ) {
    this.tokens = messagesPerSecond * 2;
  }

  /** Takes one message from the bucket; false when the connection is sending too fast. */
  allowMessage(): boolean {
    if (this.messagesPerSecond === Infinity) return true;
    const now = performance.now();
    this.tokens = Math.min(this.messagesPerSecond * 2, this.tokens + ((now - this.refilledAt) / 1000) * this.messagesPerSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Sends a frame; a connection whose send buffer is past the bound is closed instead of growing memory. */
  send(data: Uint8Array): void {
    if (this.closed) return;
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close(CloseCode.slowConsumer, 'too slow: send buffer full, reconnect to resync');
      return;
    }
    this.socket.send(data, { binary: true });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
    // A client that stopped reading never answers the close handshake: drop it after a grace period.
    setTimeout(() => this.socket.terminate(), 2000).unref();
  }
}
