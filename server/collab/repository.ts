import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Db } from '../../db';
import { auditLog, claimEvents, claims, docSnapshots, docUpdates, evidence, quarantinedBatches } from '../../db/schema';
import { DEFAULT_HISTORY_WINDOW_MS, isFoldedAction, ROUTINE_ACTIONS } from '../shared/history';
import { toStorable } from '../shared/storable-text';
import { bearsOn } from './history-coalesce';

export type ClaimRow = typeof claims.$inferInsert;
export type EvidenceRow = typeof evidence.$inferInsert;
export type ClaimEventRow = typeof claimEvents.$inferInsert;
export type AuditRow = typeof auditLog.$inferInsert;

/** Everything one room contributes to a group commit. */
export interface RoomBatch {
  documentId: string;
  updates: { update: Uint8Array; userId: string | null }[];
  /** Projection rows of the claims touched since the last batch, as of the batch's cut. */
  claims: ClaimRow[];
  /** The full evidence list of each projected claim, replacing the stored one. */
  evidence: EvidenceRow[];
  deletedClaimIds: string[];
  events: ClaimEventRow[];
  audit: AuditRow[];
}

export interface StoredState {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/**
 * Reads a document's snapshot and every log row not yet compacted into it, in one consistent
 * (repeatable read) transaction. Rows are read in full rather than "after the snapshot's seq": a
 * row committed late with a lower seq is then never skipped.
 */
export function loadStoredState(db: Db, documentId: string): Promise<StoredState> {
  return db.transaction(
    async (tx) => {
      const [snap] = await tx.select({ state: docSnapshots.state }).from(docSnapshots).where(eq(docSnapshots.documentId, documentId));
      const rows = await tx
        .select({ update: docUpdates.update })
        .from(docUpdates)
        .where(eq(docUpdates.documentId, documentId))
        .orderBy(asc(docUpdates.seq));
      return { snapshot: snap?.state ?? null, updates: rows.map((r) => r.update) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Rows per statement. PostgreSQL takes at most 65,535 bind parameters per statement; the widest
 * row here (a claim) has 16 columns, so 1,000 rows stay far below it at any batch size.
 */
const ROWS_PER_STATEMENT = 1000;

function chunked<T>(rows: T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Appends history entries in order. A folded edit (note, confidence, tags: FOLDED_ACTIONS) is
 * merged instead into its person's latest entry of that claim and field, keeping that entry's
 * `from` and `at` and taking the new `to`, when the entry began at most `windowMs` before this
 * edit, has the same offline mark, and is still the claim's latest entry for that field with no
 * important entry after it (another person's edit, a vote or a status change keeps them apart).
 * It runs on the stored rows inside the commit's transaction, so it holds across batches,
 * restarts and processes; the rows are locked so two processes do not merge into one at once.
 *
 * The batch is already coalesced (history-coalesce.ts), so only an edit with no earlier entry of
 * its claim in the batch that bears on it can fold into a stored one: those entries are looked up
 * in one statement, the folds written in one and the rest inserted in order — a few statements per
 * batch however many claims it touched, not two per edit.
 */
async function appendHistory(tx: Tx, events: ClaimEventRow[], windowMs: number): Promise<void> {
  const candidates: number[] = [];
  const seen = new Map<string, ClaimEventRow[]>();
  events.forEach((event, i) => {
    const earlier = seen.get(event.claimId) ?? [];
    if (isFoldedAction(event.action) && event.userId && event.field && windowMs > 0 && !earlier.some((e) => bearsOn(e, event.field))) candidates.push(i);
    earlier.push(event);
    seen.set(event.claimId, earlier);
  });
  const folded = new Map<number, { id: number; to: unknown }>();
  for (const chunk of chunked(candidates)) {
    const wanted = sql.join(
      chunk.map((i) => sql`(${i}::int, ${events[i].claimId}::uuid, ${events[i].field}::text)`),
      sql`, `,
    );
    const result = await tx.execute(sql`
      select v.k, last.id, last.user_id, last.action, last.offline, extract(epoch from last.at)::float8 * 1000 as at_ms
      from (values ${wanted}) as v(k, claim_id, field)
      cross join lateral (
        select e.id, e.user_id, e.action, e.offline, e.at from claim_events e
        where e.claim_id = v.claim_id and e.document_id = ${events[chunk[0]].documentId}::uuid
          and (e.field = v.field or e.action not in (${sql.join(ROUTINE_ACTIONS.map((a) => sql`${a}`), sql`, `)}))
        order by e.id desc limit 1
        for update
      ) as last`);
    type Last = { k: number; id: number | string; user_id: string | null; action: string; offline: boolean; at_ms: number | string };
    for (const last of (result as unknown as { rows: Last[] }).rows) {
      const event = events[Number(last.k)];
      const at = event.at instanceof Date ? event.at.getTime() : Date.now();
      const folds = last.action === event.action && last.user_id === event.userId && last.offline === Boolean(event.offline) && at - Number(last.at_ms) <= windowMs;
      if (folds) folded.set(Number(last.k), { id: Number(last.id), to: event.to ?? null });
    }
  }
  for (const chunk of chunked([...folded.values()])) {
    const values = sql.join(
      chunk.map((f) => sql`(${f.id}::bigint, ${f.to === null ? null : JSON.stringify(f.to)}::jsonb)`),
      sql`, `,
    );
    await tx.execute(sql`update claim_events set "to" = v.to from (values ${values}) as v(id, "to") where claim_events.id = v.id`);
  }
  const inserted = events.filter((_, i) => !folded.has(i));
  for (const rows of chunked(inserted)) await tx.insert(claimEvents).values(rows);
}

/**
 * Appends the batches of several rooms, with their projection, history and audit rows, in one
 * transaction. Every statement carries at most ROWS_PER_STATEMENT rows, so a batch of any size
 * (an import of 10,000 annotations) stays within PostgreSQL's limits. History entries of edits
 * are folded within `historyWindowMs` (see appendHistory).
 */
export async function commitBatches(db: Db, batches: RoomBatch[], historyWindowMs = DEFAULT_HISTORY_WINDOW_MS): Promise<void> {
  await db.transaction(async (tx) => {
    const updates = batches.flatMap((b) => b.updates.map((u) => ({ documentId: b.documentId, update: u.update, userId: u.userId })));
    for (const rows of chunked(updates)) await tx.insert(docUpdates).values(rows);

    for (const batch of batches) {
      // A deleted claim keeps its row (and its votes and comments) so that an undo restores both stores.
      for (const ids of chunked(batch.deletedClaimIds)) {
        await tx
          .update(claims)
          .set({ deletedAt: sql`now()` })
          .where(and(eq(claims.documentId, batch.documentId), inArray(claims.id, ids), isNull(claims.deletedAt)));
      }
      for (const rows of chunked(batch.claims)) {
        await tx
          .insert(claims)
          .values(rows)
          .onConflictDoUpdate({
            target: claims.id,
            set: {
              start: sql`excluded.start`,
              end: sql`excluded.end`,
              exact: sql`excluded.exact`,
              prefix: sql`excluded.prefix`,
              suffix: sql`excluded.suffix`,
              confidence: sql`excluded.confidence`,
              note: sql`excluded.note`,
              tags: sql`excluded.tags`,
              review: sql`excluded.review`,
              anchorVersion: sql`excluded.anchor_version`,
              deletedAt: null,
              updatedAt: sql`now()`,
            },
            // A claim id chosen by a client never overwrites another document's claim.
            setWhere: sql`${claims.documentId} = excluded.document_id`,
          });
        const projected = await tx
          .select({ id: claims.id })
          .from(claims)
          .where(and(eq(claims.documentId, batch.documentId), inArray(claims.id, rows.map((c) => c.id))));
        const ours = new Set(projected.map((p) => p.id));
        if (ours.size) await tx.delete(evidence).where(inArray(evidence.claimId, [...ours]));
        const evidenceRows = batch.evidence.filter((e) => ours.has(e.claimId));
        for (const chunk of chunked(evidenceRows)) await tx.insert(evidence).values(chunk);
      }
      await appendHistory(tx, batch.events, historyWindowMs);
      for (const rows of chunked(batch.audit)) await tx.insert(auditLog).values(rows);
    }
  });
}

/**
 * Keeps a room's refused batch whole, outside the update log: its updates (bytea, always
 * storable) as one lib0-encoded sequence of updates, who wrote them, and PostgreSQL's answer.
 */
export async function quarantineBatch(db: Db, batch: RoomBatch, error: string): Promise<void> {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, batch.updates.length);
  for (const u of batch.updates) encoding.writeVarUint8Array(enc, u.update);
  const userIds = [...new Set(batch.updates.map((u) => u.userId).filter((id): id is string => id !== null))];
  await db.insert(quarantinedBatches).values({
    documentId: batch.documentId,
    updates: encoding.toUint8Array(enc),
    updateCount: batch.updates.length,
    userIds,
    error: toStorable(error).slice(0, 2000),
  });
}

/** The updates of a quarantined batch, in the order they were received. */
export function decodeQuarantined(updates: Uint8Array): Uint8Array[] {
  const dec = decoding.createDecoder(updates);
  const n = decoding.readVarUint(dec);
  return Array.from({ length: n }, () => decoding.readVarUint8Array(dec));
}

/** Every update of a document's quarantined batches (to refuse them if a client sends them again). */
export async function loadQuarantinedUpdates(db: Db, documentId: string): Promise<Uint8Array[]> {
  const rows = await db.select({ updates: quarantinedBatches.updates }).from(quarantinedBatches).where(eq(quarantinedBatches.documentId, documentId));
  return rows.flatMap((r) => decodeQuarantined(r.updates));
}

/** How many batches are quarantined, across all processes. */
export async function countQuarantined(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(quarantinedBatches);
  return row.n;
}

/**
 * Folds a document's log into a new snapshot and deletes the rows it covers, in one transaction
 * under a per-document advisory lock (so several processes never compact one document at once).
 * The snapshot is rebuilt from the database, not from memory: rows appended by other processes
 * are covered only if they were read. Repeatable read keeps the delete to exactly the rows read.
 * Returns how many rows were folded.
 */
export function compact(db: Db, documentId: string): Promise<number> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${documentId}, 0))`);
      const [snap] = await tx.select().from(docSnapshots).where(eq(docSnapshots.documentId, documentId));
      const rows = await tx
        .select({ seq: docUpdates.seq, update: docUpdates.update })
        .from(docUpdates)
        .where(eq(docUpdates.documentId, documentId))
        .orderBy(asc(docUpdates.seq));
      if (rows.length === 0) return 0;
      const doc = new Y.Doc({ gc: true });
      Y.transact(doc, () => {
        if (snap) Y.applyUpdate(doc, snap.state);
        for (const row of rows) Y.applyUpdate(doc, row.update);
      });
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const maxSeq = rows[rows.length - 1].seq;
      await tx
        .insert(docSnapshots)
        .values({ documentId, seq: maxSeq, state })
        .onConflictDoUpdate({ target: docSnapshots.documentId, set: { seq: maxSeq, state, updatedAt: sql`now()` } });
      await tx.delete(docUpdates).where(and(eq(docUpdates.documentId, documentId), lte(docUpdates.seq, maxSeq)));
      return rows.length;
    },
    { isolationLevel: 'repeatable read' },
  );
}
