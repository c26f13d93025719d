import type * as Y from 'yjs';
import { claimsOf } from '../shared/claim-doc';
import { storableJson } from '../shared/storable-text';
import { coalesceEvents } from './history-coalesce';
import { projectClaims } from './projection';
import type { AuditRow, ClaimEventRow, RoomBatch } from './repository';

export type PendingEvent = Omit<ClaimEventRow, 'documentId'>;
export type PendingAudit = Omit<AuditRow, 'documentId'>;

/** A batch cut for the group commit, with what is needed to put it back if the commit fails. */
export interface CutBatch extends RoomBatch {
  /** The append position this batch completes. */
  upTo: number;
  touched: Set<string>;
  rawEvents: PendingEvent[];
  rawAudit: PendingAudit[];
}

/**
 * What a room has to store and has not yet handed to the group commit: updates for the log, the
 * claims they touched (projected when the batch is cut), history entries and audit rows.
 */
export class PendingBatch {
  private updates: Array<{ update: Uint8Array; userId: string | null }> = [];
  private touched = new Set<string>();
  private events: PendingEvent[] = [];
  private audit: PendingAudit[] = [];

  update(update: Uint8Array, userId: string | null): void {
    this.updates.push({ update, userId });
  }

  touch(claimId: string): void {
    this.touched.add(claimId);
  }

  event(row: PendingEvent): void {
    this.events.push(row);
  }

  auditRow(row: PendingAudit): void {
    this.audit.push(row);
  }

  /** Claims touched by changes not yet cut (another process's included: their projection is refreshed here). */
  get touchesClaims(): boolean {
    return this.touched.size > 0;
  }

  get isEmpty(): boolean {
    return this.updates.length === 0 && this.touched.size === 0 && this.events.length === 0 && this.audit.length === 0;
  }

  /** Cuts a batch: the pending rows and the projection of the touched claims as `doc` holds them now. */
  cut(documentId: string, doc: Y.Doc, upTo: number): CutBatch | null {
    if (this.isEmpty) return null;
    const { claims, evidence, deleted } = projectClaims(documentId, claimsOf(doc), this.touched);
    const batch: CutBatch = {
      documentId,
      updates: this.updates,
      claims,
      evidence,
      deletedClaimIds: deleted,
      events: coalesceEvents(this.events).map((e) => ({ ...e, from: storableJson(e.from), to: storableJson(e.to), documentId })),
      audit: this.audit.map((a) => ({ ...a, detail: storableJson(a.detail), documentId })),
      upTo,
      touched: this.touched,
      rawEvents: this.events,
      rawAudit: this.audit,
    };
    this.clear();
    return batch;
  }

  /** A failed commit: the batch goes back in front of what arrived since, to be retried. */
  putBack(batch: CutBatch): void {
    this.updates = [...batch.updates, ...this.updates];
    for (const id of batch.touched) this.touched.add(id);
    this.events = [...batch.rawEvents, ...this.events];
    this.audit = [...batch.rawAudit, ...this.audit];
  }

  clear(): void {
    this.updates = [];
    this.touched = new Set();
    this.events = [];
    this.audit = [];
  }
}
