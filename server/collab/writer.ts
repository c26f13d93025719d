import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db';
import { databaseMessage, isDatabaseRefusal, isRetryable } from '../../db/errors';
import { commitBatches, quarantineBatch } from './repository';
import type { CutBatch, Room } from './room';

interface Entry {
  room: Room;
  batch: CutBatch;
}

/**
 * How often one room's batch may fail on its own (committed alone, while other rooms commit)
 * before it is taken as refused for good: an error we do not recognise cannot stall a room forever.
 */
const MAX_ROOM_ATTEMPTS = 3;

/**
 * The group commit, the way PostgreSQL's own works: when no commit is in flight, a change starts
 * one at once (at the end of the event-loop turn it arrived in, so the frames that arrived with it
 * join it); while one is in flight, what arrives waits, and all of it — the pending updates of all
 * rooms with their projection, history and audit rows — goes to PostgreSQL in the next transaction,
 * started the moment the current one ends. A lone edit waits for one commit, never for a window;
 * under load the batches grow by themselves. (`delayMs` > 0 adds a fixed wait before each commit,
 * for tests that need to see a change before it is stored.)
 *
 * One room can never hold up another: when the shared transaction fails for any reason but an
 * unreachable database, each room's batch is committed on its own. A batch the database refuses
 * (a value it cannot store, a broken constraint — or any error seen MAX_ROOM_ATTEMPTS times while
 * the others commit) is quarantined: kept whole outside the log, and its room reloaded without it.
 * An unreachable database keeps every batch and retries with backoff; nothing is acknowledged.
 */
export class UpdateWriter {
  private readonly dirty = new Set<Room>();
  /** The next commit, when it is scheduled: its cancel. */
  private timer: { cancel(): void } | null = null;
  private inFlight: Promise<void> | null = null;
  private retryDelay = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly attempts = new Map<Room, number>();
  /** Commits that failed since the last success (for health and tests). */
  failures = 0;
  /** When the current run of failed commits began (null while commits succeed). */
  failingSince: number | null = null;
  /** When the commit in flight started (null when none is). */
  private inFlightSince: number | null = null;
  /** Batches quarantined by this process since it started. */
  quarantined = 0;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly delayMs: number,
    private readonly onCommitted: (room: Room) => void,
    /** A room whose batch was quarantined: its clients are told and it is reloaded from the database. */
    private readonly onRefused: (room: Room) => void,
    /** A person's edits to one claim field within this window are one history entry (commitBatches). */
    private readonly historyWindowMs?: number,
  ) {}

  schedule(room: Room): void {
    this.dirty.add(room);
    if (!this.timer && !this.inFlight) this.start(this.delayMs);
  }

  /** Starts the next commit after `ms` (0: at the end of this event-loop turn). */
  private start(ms: number): void {
    if (ms > 0) {
      const timeout = setTimeout(() => this.flush(), ms);
      this.timer = { cancel: () => clearTimeout(timeout) };
    } else {
      const immediate = setImmediate(() => this.flush());
      this.timer = { cancel: () => clearImmediate(immediate) };
    }
  }

  /** How long the oldest change has waited because commits fail or hang, in milliseconds (0 when saving works). */
  get unsavedForMs(): number {
    const since = Math.min(this.failingSince ?? Infinity, this.inFlightSince ?? Infinity);
    return since === Infinity ? 0 : Date.now() - since;
  }

  private flush(): void {
    this.timer = null;
    const rooms = [...this.dirty];
    this.dirty.clear();
    const entries = rooms.flatMap((room) => {
      try {
        const batch = room.destroyed ? null : room.takeBatch();
        return batch ? [{ room, batch }] : [];
      } catch (err) {
        // The projection could not be built from what the room holds: nothing of it may be stored.
        this.log.error({ err, documentId: room.documentId }, 'update log: could not cut a batch; discarding the room\'s unsaved changes and reloading it');
        room.discard();
        return [];
      }
    });
    if (entries.length === 0) return this.settle();
    this.inFlightSince = Date.now();
    this.inFlight = this.commit(entries);
    this.inFlight.finally(() => {
      this.inFlight = null;
      this.inFlightSince = null;
      if (this.dirty.size) this.start(this.retryDelay || this.delayMs);
      else this.settle();
    });
  }

  private async commit(entries: Entry[]): Promise<void> {
    let kept = false;
    try {
      await commitBatches(this.db, entries.map((e) => e.batch), this.historyWindowMs);
      entries.forEach((e) => this.succeeded(e));
    } catch (err) {
      if (isRetryable(err) || entries.length === 1) {
        kept = (await Promise.all(entries.map((e) => this.failed(e, err, entries.length === 1)))).some(Boolean);
      } else {
        // Something in one room's batch; find it by committing each room on its own.
        for (const entry of entries) {
          try {
            await commitBatches(this.db, [entry.batch], this.historyWindowMs);
            this.succeeded(entry);
          } catch (roomErr) {
            kept = (await this.failed(entry, roomErr, true)) || kept;
          }
        }
      }
    }
    if (kept) {
      this.failures++;
      this.failingSince ??= Date.now();
      this.retryDelay = Math.min(Math.max(50, this.retryDelay * 2), 5000);
    } else {
      this.failures = 0;
      this.failingSince = null;
      this.retryDelay = 0;
    }
  }

  private succeeded({ room, batch }: Entry): void {
    this.attempts.delete(room);
    room.committedBatch(batch);
    this.onCommitted(room);
  }

  /**
   * A batch that did not commit: kept for a retry, or quarantined when the database refused it
   * (`alone`: it failed in a transaction of its own). Returns true when it was kept.
   */
  private async failed({ room, batch }: Entry, err: unknown, alone: boolean): Promise<boolean> {
    const message = databaseMessage(err);
    const attempts = alone && !isRetryable(err) ? (this.attempts.get(room) ?? 0) + 1 : 0;
    if (attempts) this.attempts.set(room, attempts);
    if (alone && (isDatabaseRefusal(err) || attempts >= MAX_ROOM_ATTEMPTS)) {
      try {
        await quarantineBatch(this.db, batch, message);
        this.quarantined++;
        this.attempts.delete(room);
        this.log.error(
          { documentId: room.documentId, updates: batch.updates.length, err: message },
          'update log: the database refused this document\'s batch; quarantined it and reloading the document',
        );
        room.refusedBatch();
        this.onRefused(room);
        return false;
      } catch (quarantineErr) {
        this.log.error({ documentId: room.documentId, err: databaseMessage(quarantineErr) }, 'update log: could not quarantine a refused batch; keeping it');
      }
    } else {
      this.log.error({ documentId: room.documentId, err: message, retryInMs: this.retryDelay }, 'update log: commit failed; keeping the batch and retrying');
    }
    room.failedBatch(batch);
    this.dirty.add(room);
    return true;
  }

  private settle(): void {
    if (this.dirty.size || this.inFlight || this.timer) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }

  /** Resolves when the commit in flight now (if any) has finished, however it ended. */
  async inFlightCommit(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
  }

  /** Resolves when nothing is pending or in flight (shutdown, tests). */
  drain(): Promise<void> {
    if (!this.dirty.size && !this.inFlight && !this.timer) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops retrying (shutdown when the database is gone for good). */
  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }
}
