import type { Connection } from './connection';
import { savedMessage } from './messages';

/**
 * The durability ledger of one room, and the saved acknowledgement it drives. `appended` counts the
 * updates this process must persist (client, REST and server writes), `committed` how many of those
 * are in PostgreSQL. A write frame is acknowledged once `committed` reaches the value `appended`
 * had right after the frame was applied, which also covers content the frame repeats that is not
 * yet durable; a frame held for missing dependencies waits until they arrive (`release`).
 */
export class DurabilityLedger {
  appended = 0;
  committed = 0;
  private waiters: Array<{ seq: number; resolve: () => void; reject: (err: Error) => void }> = [];

  constructor(private readonly connections: Set<Connection>) {}

  /** One more update to persist; returns its position. */
  append(): number {
    return ++this.appended;
  }

  /**
   * A connection's write frame was applied (or, from a read-only connection, answered): it is
   * acknowledged once everything appended so far is committed. `needs` 0 settles it at once.
   */
  frameApplied(conn: Connection, held: boolean, needs = this.appended): void {
    conn.waiting.push({ frame: conn.writeFrames, needs, held });
    this.acknowledge(conn);
  }

  /** Sends the saved acknowledgement for the frames of a connection that are now durable. */
  acknowledge(conn: Connection): void {
    let frames = 0;
    while (conn.waiting.length && !conn.waiting[0].held && conn.waiting[0].needs <= this.committed) frames = conn.waiting.shift()!.frame;
    if (frames) conn.send(savedMessage(frames));
  }

  /** The dependencies of held frames arrived: they wait for the commit of what the room holds now. */
  release(): void {
    for (const conn of this.connections) {
      for (const w of conn.waiting) if (w.held) Object.assign(w, { held: false, needs: this.appended });
      this.acknowledge(conn);
    }
  }

  /** After COMMIT: everything up to `seq` is durable; acknowledge frames and wake REST writers. */
  committedUpTo(seq: number): void {
    this.committed = Math.max(this.committed, seq);
    for (const conn of this.connections) this.acknowledge(conn);
    this.waiters = this.waiters.filter((w) => (w.seq <= this.committed ? (w.resolve(), false) : true));
  }

  /** Resolves once everything appended up to `seq` is committed. */
  durable(seq: number): Promise<void> {
    if (seq <= this.committed) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /** What was waited for will never be committed (the batch was refused): every waiter gets `err`. */
  rejectWaiting(err: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w.reject(err));
  }
}
