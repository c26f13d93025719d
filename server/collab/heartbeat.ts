import type { WebSocket } from 'ws';

/**
 * Pings every open collaboration socket at an interval and closes the ones that did not answer the
 * previous ping: a half-open connection (a laptop that went to sleep, a dropped network) would
 * otherwise keep its room loaded and its presence shown for ever. Browsers and `ws` answer pings
 * on their own.
 */
export class Heartbeat {
  private readonly answered = new Map<WebSocket, boolean>();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs: number) {
    this.timer = setInterval(() => this.beat(), intervalMs);
    this.timer.unref();
  }

  /** Starts watching a socket; stops on its own when the socket closes. */
  watch(socket: WebSocket): void {
    this.answered.set(socket, true);
    socket.on('pong', () => this.answered.set(socket, true));
    socket.once('close', () => this.answered.delete(socket));
  }

  private beat(): void {
    for (const [socket, answered] of this.answered) {
      if (!answered) {
        this.answered.delete(socket);
        socket.terminate();
        continue;
      }
      this.answered.set(socket, false);
      socket.ping();
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
