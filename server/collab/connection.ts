import type { WebSocket } from 'ws';
import type { UserRef } from '../shared/claim-doc';
import { CloseCode } from '../shared/collab-protocol';
import { TokenBucket } from './budgets';

/** A WebSocket close reason is at most 123 bytes of UTF-8. */
export function closeReason(text: string): string {
  const bytes = Buffer.from(text);
  if (bytes.length <= 123) return text;
  return bytes.subarray(0, 120).toString().replace(/\uFFFD$/, '') + '…';
}

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
  /**
   * Frames not yet durable, oldest first: the room's append position each needs committed, and
   * whether it is held because the document waits for updates it depends on.
   */
  readonly waiting: Array<{ frame: number; needs: number; held: boolean }> = [];
  closed = false;
  /** Incoming messages and bytes: the given rate on average, a burst of twice (messages) or four times (bytes) that. */
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  constructor(
    readonly socket: WebSocket,
    readonly user: UserRef,
    readonly canWrite: boolean,
    private readonly maxBufferedBytes: number,
    messagesPerSecond = Infinity,
    bytesPerSecond = Infinity,
  ) {
    this.messages = new TokenBucket(messagesPerSecond);
    this.bytes = new TokenBucket(bytesPerSecond, bytesPerSecond * 4);
  }

  /** Takes one message of `size` bytes from the connection's budget; false when it is sending too much. */
  allowMessage(size: number): boolean {
    return this.messages.take(1) && this.bytes.take(size);
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
