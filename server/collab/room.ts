import type { FastifyBaseLogger } from 'fastify';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { UserRef } from '../shared/claim-doc';
import { CloseCode } from '../shared/collab-protocol';
import { HttpError } from '../errors';
import type { BusSubscription } from './bus';
import type { UserBudgets } from './budgets';
import { closeReason, Connection } from './connection';
import { FanOut } from './fan-out';
import { ClaimGuard } from './guard';
import { HeldUpdates } from './held-updates';
import type { IdRanges } from './id-ranges';
import { changesDocument, RefusedUpdate } from './inspect';
import { UpdateIntake } from './intake';
import { DurabilityLedger } from './ledger';
import { awarenessStatesMessage, decodeFrame, permissionDeniedMessage, syncStep1Message, syncStep2Message, type IncomingMessage } from './messages';
import { BUS_ORIGIN, isPersisted, LOAD_ORIGIN, originOf, type ChangeOrigin } from './origins';
import { PendingBatch, type CutBatch } from './pending-batch';
import { trustedPresence } from './presence';
import type { StoredState } from './repository';

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
  /** Called after a commit, to share the committed update with other processes (absent when there are none). */
  publishUpdate?(room: Room, update: Uint8Array): void;
  publishAwareness(room: Room, update: Uint8Array): void;
  /** Unloads the room at once: what it holds in memory must not be served or stored (it is reloaded from the database). */
  evict(room: Room): void;
}

/** The database refused the batch a REST write was in; it was quarantined, never stored in the log. */
export class SaveRefusedError extends HttpError {
  constructor() {
    super(422, 'save_refused', 'The database refused this change; it was set aside and not saved.');
  }
}

const READ_ONLY = 'read-only: this connection may not change the document';

/**
 * One loaded document: its Y.Doc and awareness and the connections in it. What happens to a change
 * is delegated (server/collab/README.md): the intake admits a client's update, the guard enforces
 * the field rules, the fan-out sends it on, the pending batch collects it for the group commit, and
 * the ledger acknowledges each write frame once it is committed.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  readonly ledger = new DurabilityLedger(this.connections);
  /** REST calls and other holders keeping the room loaded. */
  holds = 0;
  /** Log rows of this document not yet folded into a snapshot. */
  logRows = 0;
  bus: BusSubscription | null = null;
  idleTimer: NodeJS.Timeout | null = null;
  destroyed = false;

  private readonly guard: ClaimGuard;
  /** Where client updates are tried and checked before they reach `doc`. */
  private readonly intake: UpdateIntake;
  private readonly fanOut: FanOut;
  private readonly held: HeldUpdates;
  private readonly pending = new PendingBatch();
  /** Client ids of presence entries → the connection that announced them (or 'remote': another process's). */
  private readonly presenceOwners = new Map<number, Connection | 'remote'>();
  /** Set when the guard failed on a change: nothing the room holds may be stored, it is discarded. */
  private poisoned = false;
  /** True while a client's sync step 2 is applied: the history entries it makes are marked offline. */
  private applyingOffline = false;
  private readonly updateListener = (update: Uint8Array, origin: unknown) => this.onUpdate(update, originOf(origin));

  constructor(
    readonly documentId: string,
    readonly workspaceId: string,
    /** The document's canonical text, which anchors are checked against; replaced by a new version. */
    public text: string,
    private readonly options: RoomOptions,
  ) {
    this.awareness.setLocalState(null);
    this.fanOut = new FanOut(this.connections, this.awareness);
    this.intake = new UpdateIntake(this.doc, { maxDocumentBytes: options.maxDocumentBytes, refused: options.refused });
    this.held = new HeldUpdates(this.doc, {
      maxHeldBytes: options.maxHeldBytes,
      maxHeldMs: options.maxHeldMs,
      released: () => this.ledger.release(),
      dropped: () => {
        this.intake.discard();
        for (const conn of this.connections) {
          if (conn.waiting.some((w) => w.held)) conn.close(CloseCode.outOfSync, 'updates with missing dependencies were dropped; reconnect to resync');
        }
      },
    });
    this.guard = new ClaimGuard(this.doc, () => this.text, {
      event: (row) => this.pending.event({ ...row, offline: this.applyingOffline, at: new Date() }),
      audit: (row) => this.pending.auditRow({ ...row, at: new Date() }),
      touched: (id) => this.pending.touch(id),
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
      this.fanOut.presence(changed);
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
    this.fanOut.update(update);
    if (isPersisted(origin)) {
      this.pending.update(update, origin && 'user' in origin ? origin.user.id : null);
      this.ledger.append();
      this.options.schedulePersist(this);
    } else if (this.pending.touchesClaims) {
      // Another process persisted this update; only the projection of what it touched is refreshed here.
      this.options.schedulePersist(this);
    }
  }

  /** Adds a connection: sends sync step 1 (so the client sends what the server lacks) and the current awareness. */
  join(conn: Connection): void {
    this.connections.add(conn);
    conn.send(syncStep1Message(this.doc));
    if (this.awareness.getStates().size) conn.send(awarenessStatesMessage(this.awareness));
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
      this.receive(conn, decodeFrame(data));
    } catch (err) {
      if (err instanceof RefusedUpdate) {
        this.options.log.warn({ documentId: this.documentId, userId: conn.user.id, reason: err.message }, 'collab update refused');
        this.pending.auditRow({ userId: conn.user.id, action: 'update_refused', detail: { reason: err.message, code: err.code }, at: new Date() });
        this.options.schedulePersist(this);
        conn.close(err.code, closeReason(err.message));
        return;
      }
      this.options.log.debug({ err, documentId: this.documentId }, 'malformed collab frame');
      conn.close(CloseCode.malformed, 'malformed message');
    }
  }

  private receive(conn: Connection, message: IncomingMessage): void {
    switch (message.kind) {
      case 'syncStep1':
        return conn.send(syncStep2Message(this.doc, message.stateVector));
      case 'write':
        return conn.canWrite ? this.write(conn, message.update, message.offline) : this.refuseWrite(conn, message.update);
      case 'awareness': {
        // Presence shows the connection's real user, and only for client ids it announced first.
        const trusted = trustedPresence(message.update, conn.user, (clientId) => {
          const owner = this.presenceOwners.get(clientId);
          return owner === undefined || owner === conn;
        });
        if (trusted) awarenessProtocol.applyAwarenessUpdate(this.awareness, trusted, conn);
        return;
      }
      case 'queryAwareness':
        return conn.send(awarenessStatesMessage(this.awareness));
      case 'auth':
        return;
    }
  }

  /**
   * A client's change: admitted on the shadow first, then applied. Sync step 2 is the client's
   * answer to the step 1 sent on join: what it changed while it was not connected (live edits
   * arrive as updates), and its history entries say so.
   */
  private write(conn: Connection, update: Uint8Array, offline: boolean): void {
    this.intake.admit(update);
    conn.writeFrames++;
    this.applyingOffline = offline;
    try {
      Y.applyUpdate(this.doc, update, conn);
    } finally {
      this.applyingOffline = false;
    }
    if (this.poisoned) return this.discard();
    this.ledger.frameApplied(conn, this.held.holding);
    this.held.check();
  }

  /**
   * A read-only connection's write is never applied, broadcast or stored. One that would change the
   * document is answered with permission-denied; every one is acknowledged in turn, so the client's
   * saved state settles (to "denied" when something was refused).
   */
  private refuseWrite(conn: Connection, update: Uint8Array): void {
    conn.writeFrames++;
    if (changesDocument(this.doc, update)) conn.send(permissionDeniedMessage(READ_ONLY));
    this.ledger.frameApplied(conn, false, 0);
  }

  /** Applies a server-side change (a REST call) as the given user; returns the append position to wait for. */
  change(origin: ChangeOrigin, fn: (doc: Y.Doc) => void): number {
    this.doc.transact(() => fn(this.doc), origin);
    if (this.poisoned) {
      this.discard();
      throw new SaveRefusedError();
    }
    return this.ledger.appended;
  }

  /** Drops everything not yet committed, tells clients and REST writers, and has the room reloaded. */
  discard(): void {
    this.pending.clear();
    this.refusedBatch();
    this.options.evict(this);
  }

  /** Resolves once everything appended up to `seq` is committed. */
  durable(seq: number): Promise<void> {
    return this.ledger.durable(seq);
  }

  /** True while changes wait to be handed to the group commit, or handed and not yet committed. */
  get unsaved(): boolean {
    return !this.pending.isEmpty || this.ledger.committed < this.ledger.appended;
  }

  get hasPending(): boolean {
    return !this.pending.isEmpty;
  }

  /** Cuts a batch for the group commit: the pending updates and the projection as of now. */
  takeBatch(): CutBatch | null {
    return this.pending.cut(this.documentId, this.doc, this.ledger.appended);
  }

  /** After COMMIT: acknowledge, wake REST callers, share the batch with other processes. */
  committedBatch(batch: CutBatch): void {
    this.logRows += batch.updates.length;
    this.ledger.committedUpTo(batch.upTo);
    if (batch.updates.length && this.options.publishUpdate) this.options.publishUpdate(this, Y.mergeUpdates(batch.updates.map((u) => u.update)));
  }

  /** A failed commit: the batch goes back in front of what arrived since, to be retried. Nothing is acknowledged. */
  failedBatch(batch: CutBatch): void {
    this.pending.putBack(batch);
  }

  /**
   * The database refused a batch of this room (quarantined by the writer): the document in memory
   * holds changes that will never be stored. Its clients are told to reconnect, REST writers get
   * SaveRefusedError, and the room is reloaded from the database (by Rooms).
   */
  refusedBatch(): void {
    this.ledger.rejectWaiting(new SaveRefusedError());
    for (const conn of this.connections) conn.close(CloseCode.saveRefused, 'the database refused the latest changes; they were set aside. Reconnecting resyncs');
  }

  /** Applies an update that another process committed. */
  applyRemote(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, BUS_ORIGIN);
    this.held.check();
  }

  applyRemoteAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, BUS_ORIGIN);
  }

  destroy(): void {
    this.destroyed = true;
    for (const conn of this.connections) conn.close(CloseCode.goingAway, 'server shutting down');
    this.held.destroy();
    this.awareness.destroy();
    this.intake.destroy();
    this.doc.destroy();
  }
}

export type { CutBatch, UserRef };
