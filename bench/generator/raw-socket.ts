/**
 * A minimal WebSocket client on a bare TCP socket, for the clients that only count what they
 * receive: it never builds a message object, it walks the frame headers, counts payload bytes and
 * messages, answers pings, and keeps the first few messages (for the handshake). Its frames are
 * masked with a zero key (valid: the server unmasks them with it) so sending costs one write.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export class RawWebSocket {
  bytesIn = 0;
  messagesIn = 0;
  closed: { code: number; reason: string } | null = null;
  /** Up to `keepFirst` whole incoming messages (unfragmented frames only), for protocol handshakes. */
  readonly first: Uint8Array[] = [];
  onClose: (() => void) | null = null;

  private socket: Socket | null = null;
  private skip = 0;
  private partial: Buffer | null = null;

  constructor(private readonly keepFirst = 0) {}

  /** Opens the socket and completes the HTTP upgrade; rejects on refusal or after `timeoutMs`. */
  open(port: number, path: string, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port });
      this.socket = socket;
      socket.setNoDelay(true);
      const timer = setTimeout(() => fail(new Error(`upgrade of ${path} timed out`)), timeoutMs);
      let head = Buffer.alloc(0);
      let upgraded = false;
      const fail = (err: Error) => {
        clearTimeout(timer);
        socket.destroy();
        if (!upgraded) reject(err);
      };
      socket.on('error', (err) => fail(err));
      socket.on('close', () => {
        clearTimeout(timer);
        if (!upgraded) reject(new Error(`connection to ${path} closed before the upgrade`));
        if (!this.closed) this.closed = { code: 1006, reason: 'socket closed' };
        this.onClose?.();
      });
      socket.on('connect', () => {
        socket.write(
          `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        );
      });
      socket.on('data', (chunk: Buffer) => {
        if (upgraded) return this.read(chunk);
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        const status = head.subarray(0, head.indexOf('\r\n')).toString();
        if (!/^HTTP\/1\.1 101/.test(status)) return fail(new Error(`upgrade refused: ${status}`));
        upgraded = true;
        clearTimeout(timer);
        resolve();
        if (head.length > end + 4) this.read(head.subarray(end + 4));
      });
    });
  }

  /** Sends one binary message. */
  send(payload: Uint8Array): void {
    if (!this.socket || this.closed) return;
    const n = payload.length;
    const headerLength = n < 126 ? 2 : n < 65536 ? 4 : 10;
    const frame = Buffer.allocUnsafe(headerLength + 4 + n);
    frame[0] = 0x82;
    if (n < 126) frame[1] = 0x80 | n;
    else if (n < 65536) {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(n, 2);
    } else {
      frame[1] = 0x80 | 127;
      frame.writeBigUInt64BE(BigInt(n), 2);
    }
    frame.writeUInt32BE(0, headerLength); // the masking key: zero, so the payload goes as is
    frame.set(payload, headerLength + 4);
    this.socket.write(frame);
  }

  close(): void {
    this.socket?.destroy();
  }

  private control(opcode: number, payload: Buffer): void {
    if (opcode === 0x9) {
      // Ping: answer with a pong carrying the same payload.
      const frame = Buffer.alloc(6 + payload.length);
      frame[0] = 0x8a;
      frame[1] = 0x80 | payload.length;
      payload.copy(frame, 6);
      this.socket?.write(frame);
    } else if (opcode === 0x8) {
      this.closed = { code: payload.length >= 2 ? payload.readUInt16BE(0) : 1005, reason: payload.subarray(2).toString() };
      this.socket?.end();
    }
  }

  /** Walks the frames of a chunk without copying payloads (except control frames and the first messages). */
  private read(input: Buffer): void {
    let chunk = input;
    let off = 0;
    if (this.skip > 0) {
      const n = Math.min(this.skip, chunk.length);
      this.skip -= n;
      off = n;
      if (this.skip > 0) return;
    }
    if (this.partial) {
      chunk = Buffer.concat([this.partial, chunk.subarray(off)]);
      this.partial = null;
      off = 0;
    }
    while (off < chunk.length) {
      const avail = chunk.length - off;
      if (avail < 2) break;
      const b0 = chunk[off];
      let length = chunk[off + 1] & 0x7f;
      let headerLength = 2;
      if (length === 126) {
        if (avail < 4) break;
        length = chunk.readUInt16BE(off + 2);
        headerLength = 4;
      } else if (length === 127) {
        if (avail < 10) break;
        length = Number(chunk.readBigUInt64BE(off + 2));
        headerLength = 10;
      }
      const opcode = b0 & 0x0f;
      const whole = avail >= headerLength + length;
      if (opcode >= 0x8 || (this.first.length < this.keepFirst && opcode !== 0)) {
        if (!whole) break; // wait for the rest of this frame
        const payload = chunk.subarray(off + headerLength, off + headerLength + length);
        if (opcode >= 0x8) this.control(opcode, Buffer.from(payload));
        else this.count(b0, length, payload);
        off += headerLength + length;
        continue;
      }
      this.count(b0, length, null);
      if (whole) off += headerLength + length;
      else {
        this.skip = headerLength + length - avail;
        off = chunk.length;
      }
    }
    if (off < chunk.length) this.partial = Buffer.from(chunk.subarray(off));
  }

  private count(b0: number, length: number, payload: Buffer | null): void {
    this.bytesIn += length;
    if (b0 & 0x80) this.messagesIn++;
    if (payload && this.first.length < this.keepFirst) this.first.push(new Uint8Array(payload));
  }
}
