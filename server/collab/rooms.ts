import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db';
import { findDocument } from '../documents/repository';
import type { Bus } from './bus';
import { UserBudgets, type UserBudgetLimits } from './budgets';
import { documentVersionOf } from '../shared/document-version';
import { FramePacer } from './frame-pacer';
import { IdRanges } from './id-ranges';
import { CloseCode } from '../shared/collab-protocol';
import { compact, loadQuarantinedUpdates, loadStoredState } from './repository';
import { Room } from './room';
import { UpdateWriter } from './writer';

export interface RoomsOptions {
  db: Db;
  bus: Bus;
  log: FastifyBaseLogger;
  maxFrameBytes: number;
  maxDocumentBytes: number;
  maxHeldBytes: number;
  maxHeldMs: number;
  budgets: UserBudgetLimits;
  /** Wait before a group commit starts (0: at once; see UpdateWriter). */
  commitIntervalMs: number;
  /** How long a room with no connections stays loaded after its last save. */
  idleUnloadMs: number;
  /** Log rows beyond the snapshot that trigger a compaction. */
  compactAfterRows: number;
  /** A person's edits to one claim field within this window are one history entry. */
  historyWindowMs?: number;
  /** Milliseconds of each event-loop turn that incoming frames may take before their sockets are paused (FramePacer). */
  frameBudgetMs: number;
}

/** Thrown when a document cannot be loaded; its connections are refused until it can. */
export class RoomUnavailableError extends Error {}

/**
 * The loaded documents of this process: loads a room on first use (subscribe → load → replay),
 * keeps it while connections or REST calls hold it, compacts its log, and unloads it when idle.
 */
export class Rooms {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly compacting = new Set<string>();
  /** Documents being deleted: not loaded again meanwhile (`forget`). */
  private readonly deleting = new Set<string>();
  readonly writer: UpdateWriter;
  /** What each user may send and open across all their connections to this process. */
  readonly budgets: UserBudgets;
  /** How much of each event-loop turn incoming frames may take (past it, the sockets are paused). */
  readonly pacer: FramePacer;

  constructor(private readonly options: RoomsOptions) {
    this.budgets = new UserBudgets(options.budgets);
    this.pacer = new FramePacer(options.frameBudgetMs, (err) => options.log.error({ err }, 'a queued collaboration frame failed'));
    this.writer = new UpdateWriter(
      options.db,
      options.log,
      options.commitIntervalMs,
      (room) => this.afterCommit(room),
      (room) => void this.evict(room),
      options.historyWindowMs,
    );
    options.bus.onReconnect(() => void this.resyncAll());
  }

  /**
   * The loaded room of a document (loading it if needed), held until `release`. Rejects with
   * RoomNotFoundError when there is no such document and RoomUnavailableError when it cannot be loaded.
   */
  async acquire(documentId: string): Promise<Room> {
    if (this.deleting.has(documentId)) throw new RoomNotFoundError();
    let pending = this.rooms.get(documentId);
    if (!pending) {
      pending = this.load(documentId);
      this.rooms.set(documentId, pending);
      pending.catch(() => this.rooms.delete(documentId));
    }
    const room = await pending;
    if (room.destroyed) return this.acquire(documentId);
    room.holds++;
    if (room.idleTimer) clearTimeout(room.idleTimer);
    room.idleTimer = null;
    return room;
  }

  release(room: Room): void {
    room.holds--;
    this.scheduleUnload(room);
  }

  private async load(documentId: string): Promise<Room> {
    const doc = await findDocument(this.options.db, documentId).catch((err) => {
      throw new RoomUnavailableError(`document ${documentId} could not be read: ${(err as Error).message}`);
    });
    if (!doc) throw new RoomNotFoundError();
    const refused = new IdRanges();
    try {
      for (const update of await loadQuarantinedUpdates(this.options.db, documentId)) refused.addUpdate(update);
    } catch (err) {
      throw new RoomUnavailableError(`document ${documentId} could not be loaded: ${(err as Error).message}`);
    }
    const room = new Room(doc.id, doc.workspaceId, doc.text, {
      maxFrameBytes: this.options.maxFrameBytes,
      maxDocumentBytes: this.options.maxDocumentBytes,
      refused,
      maxHeldBytes: this.options.maxHeldBytes,
      maxHeldMs: this.options.maxHeldMs,
      budgets: this.budgets,
      log: this.options.log,
      schedulePersist: (r) => this.writer.schedule(r),
      // The local bus has no other process to share with: the room need not merge its batches for it.
      publishUpdate: this.options.bus.kind === 'local' ? undefined : (r, update) => this.options.bus.publishUpdate(r.documentId, update),
      publishAwareness: (r, update) => this.options.bus.publishAwareness(r.documentId, update),
      evict: (r) => void this.evict(r),
    });
    try {
      // Subscribe first, then load, then replay what the bus saw meanwhile: no gap.
      room.bus = await this.options.bus.subscribe(documentId, {
        update: (u) => {
          const version = documentVersionOf(room.doc)?.version;
          room.applyRemote(u);
          if (documentVersionOf(room.doc)?.version !== version) void this.followText(room);
        },
        awareness: (u) => room.applyRemoteAwareness(u),
      });
      room.applyStored(await loadStoredState(this.options.db, documentId));
      room.bus.start();
      return room;
    } catch (err) {
      await room.bus?.close();
      room.destroy();
      // Never serve a document that failed to load: an empty one would overwrite what is stored.
      throw new RoomUnavailableError(`document ${documentId} could not be loaded: ${(err as Error).message}`);
    }
  }

  private afterCommit(room: Room): void {
    if (room.logRows >= this.options.compactAfterRows) void this.compact(room);
    this.scheduleUnload(room);
  }

  private async compact(room: Room): Promise<void> {
    if (this.compacting.has(room.documentId)) return;
    this.compacting.add(room.documentId);
    try {
      let folded: number;
      // Commits that land while a compaction runs do not start another (this one is in flight): when
      // they brought the log past the threshold again, compact again now rather than at the next commit,
      // which may never come.
      do {
        folded = await compact(this.options.db, room.documentId);
        room.logRows = Math.max(0, room.logRows - folded);
      } while (folded > 0 && !room.destroyed && room.logRows >= this.options.compactAfterRows);
    } catch (err) {
      this.options.log.warn({ err: (err as Error).message, documentId: room.documentId }, 'compaction failed; will retry later');
    } finally {
      this.compacting.delete(room.documentId);
    }
  }

  private scheduleUnload(room: Room): void {
    if (room.destroyed || room.holds > 0 || room.connections.size > 0 || room.idleTimer) return;
    room.idleTimer = setTimeout(() => {
      room.idleTimer = null;
      void this.unload(room);
    }, this.options.idleUnloadMs);
    room.idleTimer.unref();
  }

  /** Unloads an idle room once everything it holds is saved (compacting its log first). */
  private async unload(room: Room): Promise<void> {
    if (room.holds > 0 || room.connections.size > 0 || room.destroyed) return;
    if (room.unsaved) {
      await room.durable(room.ledger.appended);
      return this.scheduleUnload(room);
    }
    if (room.logRows > 0) await this.compact(room);
    if (room.holds > 0 || room.connections.size > 0 || room.hasPending) return this.scheduleUnload(room);
    this.rooms.delete(room.documentId);
    await room.bus?.close();
    room.destroy();
  }

  /**
   * Another process uploaded a new version of this room's document (its announcement arrived over
   * the bus): the text anchors are checked against is read again, so this process's guard checks
   * new claims against the new text.
   */
  private async followText(room: Room): Promise<void> {
    try {
      const doc = await findDocument(this.options.db, room.documentId);
      if (doc && !room.destroyed) room.text = doc.text;
    } catch (err) {
      this.options.log.warn({ err: (err as Error).message, documentId: room.documentId }, 'could not read the new version of a document; reloading the room');
      await this.evict(room);
    }
  }

  /**
   * Unloads a room at once, whatever holds it: its document holds changes the database refused
   * (quarantined), so the next use loads it afresh from what is stored.
   */
  private async evict(room: Room): Promise<void> {
    const current = this.rooms.get(room.documentId);
    if (current && (await current.catch(() => null)) === room) this.rooms.delete(room.documentId);
    if (room.idleTimer) clearTimeout(room.idleTimer);
    await room.bus?.close();
    room.destroy();
  }

  /**
   * A document is being deleted (DELETE /api/documents/:id): its room, if loaded here, closes every
   * connection with 4410 and is unloaded without saving what it holds, the commit in flight is
   * waited for, and the room is not loaded again until `deleted` — so nothing writes the document
   * back after its rows are gone. Other processes' rooms close when their next commit finds it gone.
   */
  async forget(documentId: string): Promise<void> {
    this.deleting.add(documentId);
    const room = await this.rooms.get(documentId)?.catch(() => null);
    this.rooms.delete(documentId);
    if (room && !room.destroyed) {
      for (const conn of room.connections) conn.close(CloseCode.documentDeleted, 'this document was deleted');
      if (room.idleTimer) clearTimeout(room.idleTimer);
      await room.bus?.close();
      room.destroy();
    }
    // A batch of the room already cut is committed (or refused) before the rows go.
    await this.writer.inFlightCommit();
  }

  /** The deletion that `forget` prepared is over (done or failed): the id may be loaded again (and is then not found, or loads as it is). */
  deleted(documentId: string): void {
    this.deleting.delete(documentId);
  }

  /** After the bus lost messages, each loaded room merges the stored state again (idempotent). */
  private async resyncAll(): Promise<void> {
    for (const pending of this.rooms.values()) {
      const room = await pending.catch(() => null);
      if (!room || room.destroyed) continue;
      try {
        const stored = await loadStoredState(this.options.db, room.documentId);
        if (stored.snapshot) room.applyRemote(stored.snapshot);
        for (const u of stored.updates) room.applyRemote(u);
      } catch (err) {
        this.options.log.warn({ err: (err as Error).message }, 'resync after bus reconnect failed');
      }
    }
  }

  /** How many documents are loaded (for tests and benchmarks). */
  get size(): number {
    return this.rooms.size;
  }

  isLoaded(documentId: string): boolean {
    return this.rooms.has(documentId);
  }

  /** Saves what is pending (if the database answers), closes every connection and unloads every room. */
  async close(): Promise<void> {
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => null)));
    for (const room of rooms) if (room) for (const conn of room.connections) conn.close(1001, 'server shutting down');
    await Promise.race([this.writer.drain(), new Promise((r) => setTimeout(r, 5000).unref())]);
    this.writer.stop();
    for (const room of rooms) {
      if (!room) continue;
      if (room.idleTimer) clearTimeout(room.idleTimer);
      await room.bus?.close();
      room.destroy();
    }
    this.rooms.clear();
  }
}

export class RoomNotFoundError extends Error {}
