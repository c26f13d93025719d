import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { FastifyBaseLogger } from 'fastify';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { claimsOf, type UserRef } from '../shared/claim-doc';
import { AuthType, CloseCode, MessageType, SyncType } from '../shared/collab-protocol';
import { HttpError } from '../errors';
import { isFoldedAction } from '../shared/history';
import { storableJson } from '../shared/storable-text';
import type { BusSubscription } from './bus';
import type { UserBudgets } from './budgets';
import { closeReason, Connection } from './connection';
import { ClaimGuard } from './guard';
import type { IdRanges } from './id-ranges';
import { RefusedUpdate } from './inspect';
import { UpdateIntake } from './intake';
import { trustedPresence } from './presence';
import { BUS_ORIGIN, isPersisted, LOAD_ORIGIN, originOf, type ChangeOrigin } from './origins';
import { projectClaims } from './projection';
import type { ClaimEventRow, AuditRow, RoomBatch, StoredState } from './repository';

export interface RoomOptions {
  maxFrameBytes: number;
  /** Largest encoded size a client update may grow the shared document to. */
  maxDocumentBytes: number;
  /** This document's changes the database refused (quarantined), refused again when a client resends them. */
  refused: IdRanges;
  /** Updates waiting for missing dependencies are held at most this many bytes and milliseconds, then dropped. */
  maxHeldBytes: number;
  maxHeldMs: number;
  /** What each user may send across all their connections. */
  budgets: UserBudgets;
  log: FastifyBaseLogger;
  /** Called when the room has updates to append (the group-commit writer). */
  schedulePersist(room: Room): void;
  /** Called after a commit, to share the committed update with other processes. */
  publishUpdate(room: Room, update: Uint8Array): void;
  publishAwareness(room: Room, update: Uint8Array): void;
  /** Unloads the room at once: what it holds in memory must not be served or stored (it is reloaded from the database). */
  evict(room: Room): void;
}

class MalformedFrame extends Error {}

/** The database refused the batch a REST write was in; it was quarantined, never stored in the log. */
export class SaveRefusedError extends HttpError {
  constructor() {
    super(422, 'save_refused', 'The database refused this change; it was set aside and not saved.');
  }
}

type PendingEvent = Omit<ClaimEventRow, 'documentId'>;
type PendingAudit = Omit<AuditRow, 'documentId'>;

/** A batch cut for the group commit, with what is needed to put it back if the commit fails. */
export interface CutBatch extends RoomBatch {
  /** The append position this batch completes. */
  upTo: number;
  touched: Set<string>;
  rawEvents: PendingEvent[];
  rawAudit: PendingAudit[];
}

const updateMessage = (update: Uint8Array): Uint8Array => {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.sync);
  encoding.writeVarUint(enc, SyncType.update);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
};

const awarenessMessage = (update: Uint8Array): Uint8Array => {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.awareness);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
};

/** The saved acknowledgement: the first `frames` write frames of this connection are committed. */
export const savedMessage = (frames: number): Uint8Array => {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.auth);
  encoding.writeVarUint(enc, AuthType.saved);
  encoding.writeVarUint(enc, frames);
  return encoding.toUint8Array(enc);
};

/**
 * One loaded document: its Y.Doc and awareness, the connections in it, the fan-out of changes to
 * them once per event-loop tick, and the updates waiting for the group commit.
 *
 * Durability is tracked by two counters: `appended` counts the updates this process must persist
 * (client, REST and server writes), `committed` how many of those are in Postgres. A write frame
 * is acknowledged once `committed` reaches the value `appended` had right after the frame was
 * applied, which also covers content the frame repeats that is not yet durable.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** REST calls and other holders keeping the room loaded. */
  holds = 0;
  appended = 0;
  committed = 0;
  /** Log rows of this document not yet folded into a snapshot. */
  logRows = 0;
  bus: BusSubscription | null = null;
  idleTimer: NodeJS.Timeout | null = null;
  destroyed = false;

  private readonly guard: ClaimGuard;
  /** Where client updates are tried and checked before they reach `doc`. */
  private readonly intake: UpdateIntake;
  /** Client ids of presence entries → the connection that announced them (or 'remote': another process's). */
  private readonly presenceOwners = new Map<number, Connection | 'remote'>();
  /** Since when the document holds updates whose dependencies have not arrived, or null. */
  private heldSince: number | null = null;
  private heldTimer: NodeJS.Timeout | null = null;
  /** Set when the guard failed on a change: nothing the room holds may be stored, it is discarded. */
  private poisoned = false;
  private pending: Array<{ update: Uint8Array; userId: string | null }> = [];
  private touched = new Set<string>();
  private events: PendingEvent[] = [];
  private audit: PendingAudit[] = [];
  private outgoing: Array<{ update: Uint8Array; from: Connection | null }> = [];
  private awarenessChanged = new Set<number>();
  /** True while a client's sync step 2 is applied: the history entries it makes are marked offline. */
  private applyingOffline = false;
  private fanOutScheduled = false;
  private durableWaiters: Array<{ seq: number; resolve: () => void; reject: (err: Error) => void }> = [];
  private readonly updateListener = (update: Uint8Array, origin: unknown) => this.onUpdate(update, originOf(origin));

  constructor(
    readonly documentId: string,
    readonly workspaceId: string,
    /** The document's canonical text, which anchors are checked against; replaced by a new version. */
    public text: string,
    private readonly options: RoomOptions,
  ) {
    this.awareness.setLocalState(null);
    this.intake = new UpdateIntake(this.doc, { maxDocumentBytes: options.maxDocumentBytes, refused: options.refused });
    this.guard = new ClaimGuard(this.doc, () => this.text, {
      event: (row) => this.events.push({ ...row, offline: this.applyingOffline, at: new Date() }),
      audit: (row) => this.audit.push({ ...row, at: new Date() }),
      touched: (id) => this.touched.add(id),
      failed: (err) => {
        this.options.log.error({ err, documentId: this.documentId }, 'collab guard failed on a change; discarding the room');
        this.poisoned = true;
      },
    });
    this.doc.on('update', this.updateListener);
    this.awareness.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown) => {
      if (origin instanceof Connection) {
        added.forEach((c) => origin.awarenessClients.add(c));
        removed.forEach((c) => origin.awarenessClients.delete(c));
      }
      added.forEach((c) => this.presenceOwners.set(c, origin instanceof Connection ? origin : 'remote'));
      removed.forEach((c) => this.presenceOwners.delete(c));
      const changed = [...added, ...updated, ...removed];
      changed.forEach((c) => this.awarenessChanged.add(c));
      this.scheduleFanOut();
      if (origin !== BUS_ORIGIN && changed.length) {
        this.options.publishAwareness(this, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      }
    });
  }

  /** Replays the stored state in one transaction; the guard takes the result as authoritative. */
  applyStored(stored: StoredState): void {
    // Without an update listener Yjs does not encode the whole loaded state as an update event
    // (about a fifth of a load's time, for an event the room would drop).
    this.doc.off('update', this.updateListener);
    Y.transact(
      this.doc,
      () => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(this.doc, update);
      },
      LOAD_ORIGIN,
    );
    this.doc.on('update', this.updateListener);
    this.logRows = stored.updates.length;
    this.guard.reset();
    this.intake.reset();
  }

  private onUpdate(update: Uint8Array, origin: ChangeOrigin | null): void {
    // A client's update is already in the shadow (it was admitted there first).
    if (!(origin instanceof Connection)) this.intake.follow(update);
    if (origin?.kind === 'load') return;
    this.outgoing.push({ update, from: origin instanceof Connection ? origin : null });
    this.scheduleFanOut();
    if (isPersisted(origin)) {
      const userId = origin && 'user' in origin ? origin.user.id : null;
      this.pending.push({ update, userId });
      this.appended++;
      this.options.schedulePersist(this);
    } else if (this.touched.size) {
      // Another process persisted this update; only the projection of what it touched is refreshed here.
      this.options.schedulePersist(this);
    }
  }

  private scheduleFanOut(): void {
    if (this.fanOutScheduled) return;
    this.fanOutScheduled = true;
    setImmediate(() => this.fanOut());
  }

  /** Sends everything that changed during this tick: one merged update and one awareness message per connection. */
  private fanOut(): void {
    this.fanOutScheduled = false;
    const outgoing = this.outgoing;
    this.outgoing = [];
    if (outgoing.length) {
      const merge = (items: typeof outgoing) => (items.length === 1 ? items[0].update : Y.mergeUpdates(items.map((i) => i.update)));
      const senders = new Set(outgoing.map((o) => o.from));
      let all: Uint8Array | null = null;
      for (const conn of this.connections) {
        if (!senders.has(conn)) {
          all ??= updateMessage(merge(outgoing));
          conn.send(all);
        } else {
          // The sender has its own updates already; it gets only the others'.
          const others = outgoing.filter((o) => o.from !== conn);
          if (others.length) conn.send(updateMessage(merge(others)));
        }
      }
    }
    if (this.awarenessChanged.size) {
      const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awarenessChanged]));
      this.awarenessChanged.clear();
      for (const conn of this.connections) conn.send(message);
    }
  }

  /** Adds a connection: sends sync step 1 (so the client sends what the server lacks) and the current awareness. */
  join(conn: Connection): void {
    this.connections.add(conn);
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MessageType.sync);
    encoding.writeVarUint(enc, SyncType.step1);
    encoding.writeVarUint8Array(enc, Y.encodeStateVector(this.doc));
    conn.send(encoding.toUint8Array(enc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) conn.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  leave(conn: Connection): void {
    this.connections.delete(conn);
    if (conn.awarenessClients.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessClients], null);
  }

  /**
   * Handles one frame from a connection. A frame past a budget, too large, malformed or refused by
   * the intake closes the connection with its code and changes nothing.
   */
  handleFrame(conn: Connection, data: Uint8Array): void {
    if (conn.closed) return;
    if (!conn.allowMessage(data.byteLength) || !this.options.budgets.take(conn.user.id, data.byteLength)) {
      conn.close(CloseCode.rateLimited, 'too many messages or bytes; reconnect after a pause');
      return;
    }
    if (data.byteLength > this.options.maxFrameBytes) {
      conn.close(CloseCode.tooLarge, `message larger than ${this.options.maxFrameBytes} bytes`);
      return;
    }
    try {
      this.readFrame(conn, data);
    } catch (err) {
      if (err instanceof RefusedUpdate) {
        this.options.log.warn({ documentId: this.documentId, userId: conn.user.id, reason: err.message }, 'collab update refused');
        this.audit.push({ userId: conn.user.id, action: 'update_refused', detail: { reason: err.message, code: err.code }, at: new Date() });
        this.options.schedulePersist(this);
        conn.close(err.code, closeReason(err.message));
        return;
      }
      this.options.log.debug({ err, documentId: this.documentId }, 'malformed collab frame');
      conn.close(CloseCode.malformed, 'malformed message');
    }
  }

  private readFrame(conn: Connection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const sub = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sub === SyncType.step1) {
          const enc = encoding.createEncoder();
          encoding.writeVarUint(enc, MessageType.sync);
          encoding.writeVarUint(enc, SyncType.step2);
          encoding.writeVarUint8Array(enc, Y.encodeStateAsUpdate(this.doc, payload));
          conn.send(encoding.toUint8Array(enc));
        } else if (sub === SyncType.step2 || sub === SyncType.update) {
          // A viewer's writes are dropped: never applied, broadcast or stored.
          if (!conn.canWrite) return;
          this.intake.admit(payload);
          conn.writeFrames++;
          // Sync step 2 is the client's answer to the step 1 sent on join: what it changed while it
          // was not connected (live edits arrive as updates). Its history entries say so.
          this.applyingOffline = sub === SyncType.step2;
          try {
            Y.applyUpdate(this.doc, payload, conn);
          } finally {
            this.applyingOffline = false;
          }
          if (this.poisoned) return this.discard();
          conn.waiting.push({ frame: conn.writeFrames, needs: this.appended, held: this.holdsMissing });
          this.checkHeld();
          this.acknowledge(conn);
        } else {
          throw new MalformedFrame(`unknown sync message ${sub}`);
        }
        return;
      }
      case MessageType.awareness: {
        const update = decoding.readVarUint8Array(decoder);
        // Presence shows the connection's real user, and only for client ids it announced first.
        const trusted = trustedPresence(update, conn.user, (clientId) => {
          const owner = this.presenceOwners.get(clientId);
          return owner === undefined || owner === conn;
        });
        if (trusted) awarenessProtocol.applyAwarenessUpdate(this.awareness, trusted, conn);
        return;
      }
      case MessageType.queryAwareness: {
        const states = [...this.awareness.getStates().keys()];
        conn.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
        return;
      }
      case MessageType.auth:
        return;
      default:
        throw new MalformedFrame(`unknown message type ${type}`);
    }
  }

  /** Sends the saved acknowledgement for the frames of a connection that are now durable. */
  private acknowledge(conn: Connection): void {
    let frames = 0;
    while (conn.waiting.length && !conn.waiting[0].held && conn.waiting[0].needs <= this.committed) frames = conn.waiting.shift()!.frame;
    if (frames) conn.send(savedMessage(frames));
  }

  /** True while the document holds updates (or deletions) whose dependencies have not arrived. */
  private get holdsMissing(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
  }

  /**
   * Frames whose updates wait for missing dependencies are not acknowledged: they are not stored
   * until Yjs can integrate them. Once the dependencies arrive they wait for that commit; held
   * past maxHeldBytes or maxHeldMs they are dropped and their senders closed with 4510 (resync).
   */
  private checkHeld(): void {
    if (!this.holdsMissing) {
      if (this.heldSince === null) return;
      this.heldSince = null;
      if (this.heldTimer) clearTimeout(this.heldTimer);
      this.heldTimer = null;
      for (const conn of this.connections) {
        for (const w of conn.waiting) if (w.held) Object.assign(w, { held: false, needs: this.appended });
        this.acknowledge(conn);
      }
      return;
    }
    this.heldSince ??= performance.now();
    this.heldTimer ??= setTimeout(() => {
      this.heldTimer = null;
      this.checkHeld();
    }, this.options.maxHeldMs + 1).unref();
    const { pendingStructs, pendingDs } = this.doc.store;
    const bytes = (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
    if (bytes <= this.options.maxHeldBytes && performance.now() - this.heldSince <= this.options.maxHeldMs) return;
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
    this.intake.discard();
    this.heldSince = null;
    for (const conn of this.connections) {
      if (conn.waiting.some((w) => w.held)) conn.close(CloseCode.outOfSync, 'updates with missing dependencies were dropped; reconnect to resync');
    }
  }

  /** Applies a server-side change (a REST call) as the given user; resolves with the append position to wait for. */
  change(origin: ChangeOrigin, fn: (doc: Y.Doc) => void): number {
    this.doc.transact(() => fn(this.doc), origin);
    if (this.poisoned) {
      this.discard();
      throw new SaveRefusedError();
    }
    return this.appended;
  }

  /** Drops everything not yet committed, tells clients and REST writers, and has the room reloaded. */
  discard(): void {
    this.pending = [];
    this.touched = new Set();
    this.events = [];
    this.audit = [];
    this.refusedBatch();
    this.options.evict(this);
  }

  /** Resolves once everything appended up to `seq` is committed. */
  durable(seq: number): Promise<void> {
    if (seq <= this.committed) return Promise.resolve();
    return new Promise((resolve, reject) => this.durableWaiters.push({ seq, resolve, reject }));
  }

  get hasPending(): boolean {
    return this.pending.length > 0 || this.touched.size > 0 || this.events.length > 0 || this.audit.length > 0;
  }

  /** Cuts a batch for the group commit: the pending updates and the projection as of now. */
  takeBatch(): CutBatch | null {
    if (!this.hasPending) return null;
    const { claims, evidence, deleted } = projectClaims(this.documentId, claimsOf(this.doc), this.touched);
    const batch = {
      documentId: this.documentId,
      updates: this.pending,
      claims,
      evidence,
      deletedClaimIds: deleted,
      events: coalesceEvents(this.events).map((e) => ({ ...e, from: storableJson(e.from), to: storableJson(e.to), documentId: this.documentId })),
      audit: this.audit.map((a) => ({ ...a, detail: storableJson(a.detail), documentId: this.documentId })),
      upTo: this.appended,
      touched: this.touched,
      rawEvents: this.events,
      rawAudit: this.audit,
    };
    this.pending = [];
    this.touched = new Set();
    this.events = [];
    this.audit = [];
    return batch;
  }

  /** After COMMIT: acknowledge, wake REST callers, share the batch with other processes. */
  committedBatch(batch: CutBatch): void {
    this.committed = Math.max(this.committed, batch.upTo);
    this.logRows += batch.updates.length;
    for (const conn of this.connections) this.acknowledge(conn);
    this.durableWaiters = this.durableWaiters.filter((w) => (w.seq <= this.committed ? (w.resolve(), false) : true));
    if (batch.updates.length) this.options.publishUpdate(this, Y.mergeUpdates(batch.updates.map((u) => u.update)));
  }

  /** A failed commit: the batch goes back in front of what arrived since, to be retried. Nothing is acknowledged. */
  failedBatch(batch: CutBatch): void {
    this.pending = [...batch.updates, ...this.pending];
    for (const id of batch.touched) this.touched.add(id);
    this.events = [...batch.rawEvents, ...this.events];
    this.audit = [...batch.rawAudit, ...this.audit];
  }

  /**
   * The database refused a batch of this room (quarantined by the writer): the document in memory
   * holds changes that will never be stored. Its clients are told to reconnect, REST writers get
   * SaveRefusedError, and the room is reloaded from the database (by Rooms).
   */
  refusedBatch(): void {
    const err = new SaveRefusedError();
    const waiters = this.durableWaiters;
    this.durableWaiters = [];
    waiters.forEach((w) => w.reject(err));
    for (const conn of this.connections) conn.close(CloseCode.saveRefused, 'the database refused the latest changes; they were set aside. Reconnecting resyncs');
  }

  /** Applies an update that another process committed. */
  applyRemote(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, BUS_ORIGIN);
    this.checkHeld();
  }

  applyRemoteAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, BUS_ORIGIN);
  }

  destroy(): void {
    this.destroyed = true;
    for (const conn of this.connections) conn.close(CloseCode.goingAway, 'server shutting down');
    if (this.heldTimer) clearTimeout(this.heldTimer);
    this.awareness.destroy();
    this.intake.destroy();
    this.doc.destroy();
  }
}

/**
 * Folds runs of the same edit by the same person within one batch into one history entry (the
 * first `from`, the last `to`): a confidence slider dragged 60 → 61 → … → 80 is one
 * "confidence 60 → 80". Across batches and processes the group commit folds further, into the
 * person's latest stored entry within HISTORY_WINDOW_MS (`commitBatches`).
 */
export function coalesceEvents<E extends { claimId: string; userId?: string | null; action: string; field?: string | null; from?: unknown; to?: unknown; offline?: boolean }>(events: E[]): E[] {
  const out: E[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (
      last &&
      isFoldedAction(e.action) &&
      last.action === e.action &&
      last.claimId === e.claimId &&
      last.userId === e.userId &&
      Boolean(last.offline) === Boolean(e.offline)
    ) {
      out[out.length - 1] = { ...last, to: e.to };
    } else {
      out.push(e);
    }
  }
  return out;
}

export type { UserRef };
