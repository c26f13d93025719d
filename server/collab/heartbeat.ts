import type { WebSocket } from 'ws';

/**
 * Pings every open collaboration socket at an interval and closes the ones that did not answer the
 * previous ping: a half-open connection (a laptop that went to sleep, a dropped network) would
 * otherwise keep its room loaded and its presence shown for ever. Browsers and `ws` answer pings
 * on their own.
 */
export class Heartbeat {
  /** Every watched socket. */
  private readonly sockets = new Set<WebSocket>();
  /** Sockets pinged that have not answered yet. */
  private readonly unanswered = new Set<WebSocket>();
  private readonly timer: NodeJS.Timeout;
  // One pair of listeners shared by every socket (an emitter calls them with itself as `this`), not two closures per socket.
  private readonly onPong: (this: WebSocket) => void;
  private readonly onClose: (this: WebSocket) => void;

  constructor(intervalMs: number) {
    const { sockets, unanswered } = this;
    this.onPong = function () {
      unanswered.delete(this);
    };
    this.onClose = function () {
      sockets.delete(this);
      unanswered.delete(this);
    };
    this.timer = setInterval(() => this.beat(), intervalMs);
    this.timer.unref();
  }

  /** Starts watching a socket; stops on its own when the socket closes. */
  watch(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('pong', this.onPong);
    socket.on('close', this.onClose);
  }

  private beat(): void {
    for (const socket of this.sockets) {
      if (this.unanswered.has(socket)) {
        this.sockets.delete(socket);
        this.unanswered.delete(socket);
        socket.terminate();
        continue;
      }
      this.unanswered.add(socket);
      socket.ping();
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
