/** A source of frames that can stop and restart reading (a `ws` WebSocket: `pause` stops reading its TCP socket). */
export interface Pausable {
  pause(): void;
  resume(): void;
}

interface Queue {
  frames: Uint8Array[];
  handle: (data: Uint8Array) => void;
}

/**
 * Bounds the time one event-loop turn spends handling incoming collaboration frames, so that a
 * document past the server's capacity slows its senders instead of freezing the process (health,
 * REST and every other document wait behind a turn that handles thousands of frames).
 *
 * Frames are handled at once while the turn's budget lasts. Past it, a frame is queued behind the
 * others of its socket (order per socket is kept) and the socket stops being read: the kernel's
 * buffers fill and TCP slows that sender. Each following turn hands out a budget's worth of queued
 * frames, one per socket in turn, so the fastest senders wait longest; a socket is read again once
 * its queue is empty. Nothing is dropped and nothing is acknowledged early: a queued frame is
 * handled later, exactly as it would have been (its saved acknowledgement follows its commit), and
 * the frames of a socket that closed meanwhile are dropped unacknowledged, so the client sends
 * them again when it reconnects.
 */
export class FramePacer {
  private spentMs = 0;
  private turnScheduled = false;
  /** Sockets with queued frames, in the order they are served. */
  private readonly queued = new Map<Pausable, Queue>();

  constructor(
    /** Milliseconds of frame handling per event-loop turn before frames are queued. */
    private readonly budgetMs: number,
    /** Told of a queued frame whose handler threw (a handler should not: room.handleFrame closes the connection instead); the queue goes on. */
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  /** Hands `data` to `handle` now, or queues it (and pauses `source`) when this turn's budget is spent. */
  deliver(source: Pausable, data: Uint8Array, handle: (data: Uint8Array) => void): void {
    const queue = this.queued.get(source);
    if (queue) {
      queue.frames.push(data);
      return;
    }
    if (this.spentMs >= this.budgetMs) {
      this.queued.set(source, { frames: [data], handle });
      source.pause();
      this.scheduleTurn();
      return;
    }
    this.run(handle, data);
  }

  /** Frames waiting, across all sockets (for tests and health). */
  get queuedFrames(): number {
    let n = 0;
    for (const q of this.queued.values()) n += q.frames.length;
    return n;
  }

  /** Forgets a socket's queued frames (it closed: they were never acknowledged). */
  forget(source: Pausable): void {
    this.queued.delete(source);
  }

  private run(handle: (data: Uint8Array) => void, data: Uint8Array): void {
    const started = performance.now();
    try {
      handle(data);
    } finally {
      this.spentMs += performance.now() - started;
      this.scheduleTurn();
    }
  }

  private scheduleTurn(): void {
    if (this.turnScheduled) return;
    this.turnScheduled = true;
    // setImmediate runs after the poll phase: the HTTP requests and frames that arrived meanwhile
    // are served between two turns of queued frames.
    setImmediate(() => this.turn());
  }

  /**
   * A new turn: its budget goes to queued frames first, one per socket in turn. A socket served goes to
   * the back of the line (the map's order), so the next turn starts with the one after it: even when the
   * budget allows one frame a turn, every waiting socket is served before any is served twice.
   */
  private turn(): void {
    this.turnScheduled = false;
    this.spentMs = 0;
    while (this.queued.size && this.spentMs < this.budgetMs) {
      const [source, queue] = this.queued.entries().next().value!;
      const data = queue.frames.shift()!;
      this.queued.delete(source);
      if (queue.frames.length) this.queued.set(source, queue);
      else source.resume();
      try {
        this.run(queue.handle, data);
      } catch (err) {
        this.onError(err);
      }
    }
    if (this.queued.size) this.scheduleTurn();
  }
}
