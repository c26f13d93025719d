import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db';
import { commitBatches } from './repository';
import type { Room } from './room';

/**
 * The group commit: every few milliseconds, the pending updates of all rooms (with their
 * projection, history and audit rows) go to Postgres in one transaction. One commit is in flight
 * at a time; what arrives meanwhile waits for the next. A failed commit is retried with backoff
 * and nothing in it is acknowledged.
 */
export class UpdateWriter {
  private readonly dirty = new Set<Room>();
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private retryDelay = 0;
  private idleWaiters: Array<() => void> = [];
  /** Commits that failed since the last success (for health and tests). */
  failures = 0;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs: number,
    private readonly onCommitted: (room: Room) => void,
  ) {}

  schedule(room: Room): void {
    this.dirty.add(room);
    if (!this.timer && !this.inFlight) this.timer = setTimeout(() => this.flush(), this.intervalMs);
  }

  private flush(): void {
    this.timer = null;
    const rooms = [...this.dirty];
    this.dirty.clear();
    const batches = rooms.flatMap((room) => {
      const batch = room.takeBatch();
      return batch ? [{ room, batch }] : [];
    });
    if (batches.length === 0) return this.settle();
    this.inFlight = commitBatches(this.db, batches.map((b) => b.batch)).then(
      () => {
        this.retryDelay = 0;
        this.failures = 0;
        for (const { room, batch } of batches) {
          room.committedBatch(batch);
          this.onCommitted(room);
        }
      },
      (err) => {
        this.failures++;
        this.retryDelay = Math.min(Math.max(50, this.retryDelay * 2), 5000);
        this.log.error({ err: (err as Error).message, retryInMs: this.retryDelay }, 'update log: commit failed; keeping the batch and retrying');
        for (const { room, batch } of batches) {
          room.failedBatch(batch);
          this.dirty.add(room);
        }
      },
    );
    this.inFlight.finally(() => {
      this.inFlight = null;
      if (this.dirty.size) this.timer = setTimeout(() => this.flush(), this.retryDelay || this.intervalMs);
      else this.settle();
    });
  }

  private settle(): void {
    if (this.dirty.size || this.inFlight || this.timer) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }

  /** Resolves when nothing is pending or in flight (shutdown, tests). */
  drain(): Promise<void> {
    if (!this.dirty.size && !this.inFlight && !this.timer) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops retrying (shutdown when the database is gone for good). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
