import type * as Y from 'yjs';

export interface HeldOptions {
  /** Updates waiting for missing dependencies are held at most this many bytes and milliseconds, then dropped. */
  maxHeldBytes: number;
  maxHeldMs: number;
  /** The dependencies arrived: held frames can be acknowledged once committed. */
  released(): void;
  /** Held past the bounds: the held updates were dropped; their senders must resync. */
  dropped(): void;
}

/**
 * Updates Yjs could not integrate yet because what they depend on has not arrived (a client that
 * skipped a frame, or a hostile one). Their frames are not acknowledged and they are not stored
 * until Yjs integrates them; held past maxHeldBytes or maxHeldMs they are dropped (`dropped`).
 */
export class HeldUpdates {
  /** Since when the document holds updates whose dependencies have not arrived, or null. */
  private since: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: HeldOptions,
  ) {}

  /** True while the document holds updates (or deletions) whose dependencies have not arrived. */
  get holding(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
  }

  /** Looks again after the document changed (and on a timer while something is held). */
  check(): void {
    if (!this.holding) {
      if (this.since === null) return;
      this.since = null;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.options.released();
      return;
    }
    this.since ??= performance.now();
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.check();
    }, this.options.maxHeldMs + 1).unref();
    const { pendingStructs, pendingDs } = this.doc.store;
    const bytes = (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
    if (bytes <= this.options.maxHeldBytes && performance.now() - this.since <= this.options.maxHeldMs) return;
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
    this.since = null;
    this.options.dropped();
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
