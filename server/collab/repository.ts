import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pg from 'pg';
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

/** A bytea value as the text `decode(…, 'hex')` reads. */
const hex = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

/**
 * The group commit's one statement (see commitBatches). Its text never changes, so PostgreSQL parses
 * and plans it once per connection (a named prepared statement) instead of once per commit. Each
 * row set is one jsonb parameter ($1 log rows, $2 deleted claims, $3 projected claims, $4 evidence
 * counts per claim, $5 evidence, $6 history entries, $7 audit rows); $8 the history window in ms,
 * $9 the routine actions.
 */
const COMMIT_SQL = `
    with
    log as (
      insert into doc_updates (document_id, update, user_id)
      select x.d, decode(x.u, 'hex'), x.uid
      from rows from (jsonb_to_recordset($1::jsonb) as (d uuid, u text, uid uuid)) with ordinality as x(d, u, uid, k)
      order by x.k
    ),
    gone as (
      update claims set deleted_at = now()
      from jsonb_to_recordset($2::jsonb) as x(d uuid, id uuid)
      where claims.document_id = x.d and claims.id = x.id and claims.deleted_at is null
    ),
    ours as (
      insert into claims (id, document_id, start, "end", exact, prefix, suffix, status, confidence, note, tags, review, anchor_version, created_by, created_at)
      select x.id, x."documentId", x.start, x."end", x.exact, x.prefix, x.suffix, x.status::claim_status, x.confidence, x.note, x.tags, x.review, x."anchorVersion", x."createdBy", x."createdAt"
      from jsonb_to_recordset($3::jsonb) as x(
        id uuid, "documentId" uuid, start int, "end" int, exact text, prefix text, suffix text, status text, confidence int,
        note text, tags text[], review jsonb, "anchorVersion" int, "createdBy" uuid, "createdAt" timestamptz)
      on conflict (id) do update set
        start = excluded.start, "end" = excluded."end", exact = excluded.exact, prefix = excluded.prefix, suffix = excluded.suffix,
        confidence = excluded.confidence, note = excluded.note, tags = excluded.tags, review = excluded.review,
        anchor_version = excluded.anchor_version, deleted_at = null, updated_at = now()
        where claims.document_id = excluded.document_id
      returning claims.id
    ),
    evidence_trimmed as (
      delete from evidence using ours, jsonb_to_recordset($4::jsonb) as n(id uuid, n int)
      where evidence.claim_id = ours.id and n.id = ours.id and evidence.position >= n.n
    ),
    evidence_written as (
      insert into evidence (id, claim_id, position, kind, stance, url, title, excerpt, source_document_id, anchor, added_by, added_at)
      select x.id, x."claimId", x.position, x.kind::evidence_kind, x.stance::stance, x.url, x.title, x.excerpt, x."sourceDocumentId", x.anchor, x."addedBy", x."addedAt"
      from jsonb_to_recordset($5::jsonb) as x(
        id uuid, "claimId" uuid, position int, kind text, stance text, url text, title text, excerpt text,
        "sourceDocumentId" uuid, anchor jsonb, "addedBy" uuid, "addedAt" timestamptz)
      where x."claimId" in (select id from ours)
      on conflict (claim_id, position) do update set
        id = excluded.id, kind = excluded.kind, stance = excluded.stance, url = excluded.url, title = excluded.title,
        excerpt = excluded.excerpt, source_document_id = excluded.source_document_id, anchor = excluded.anchor,
        added_by = excluded.added_by, added_at = excluded.added_at
    ),
    ev as (
      select x.k, x."claimId" as claim_id, x."documentId" as document_id, x."userId" as user_id, x.action, x.field,
        nullif(x."from", 'null'::jsonb) as "from", nullif(x."to", 'null'::jsonb) as "to", x.reason,
        coalesce(x.offline, false) as offline, coalesce(x.at, now()) as at, x.candidate
      from rows from (jsonb_to_recordset($6::jsonb) as (
        "claimId" uuid, "documentId" uuid, "userId" uuid, action text, field text, "from" jsonb, "to" jsonb, reason text,
        offline boolean, at timestamptz, candidate boolean)
      ) with ordinality as x("claimId", "documentId", "userId", action, field, "from", "to", reason, offline, at, candidate, k)
    ),
    fold as (
      select ev.k, last.id
      from ev
      cross join lateral (
        select e.id, e.user_id, e.action, e.offline, e.at from claim_events e
        where e.claim_id = ev.claim_id and e.document_id = ev.document_id
          and (e.field = ev.field or e.action <> all($9::text[]))
        order by e.id desc limit 1
        for update
      ) as last
      where ev.candidate and last.action = ev.action and last.user_id = ev.user_id and last.offline = ev.offline
        and extract(epoch from ev.at - last.at) * 1000 <= $8::float8
    ),
    folded as (
      update claim_events set "to" = ev."to" from fold join ev on ev.k = fold.k where claim_events.id = fold.id
    ),
    history as (
      insert into claim_events (claim_id, document_id, user_id, action, field, "from", "to", reason, offline, at)
      select ev.claim_id, ev.document_id, ev.user_id, ev.action, ev.field, ev."from", ev."to", ev.reason, ev.offline, ev.at
      from ev where ev.k not in (select k from fold)
      order by ev.k
    )
    insert into audit_log (user_id, document_id, action, detail, at)
    select x."userId", x."documentId", x.action, coalesce(x.detail, '{}'::jsonb), coalesce(x.at, now())
    from rows from (jsonb_to_recordset($7::jsonb) as ("userId" uuid, "documentId" uuid, action text, detail jsonb, at timestamptz))
      with ordinality as x("userId", "documentId", action, detail, at, k)
    order by x.k`;

/** Runs COMMIT_SQL: prepared on node-postgres; PGlite (one embedded connection) takes it as it is. */
async function runCommit(db: Db, values: unknown[]): Promise<void> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof pg.Pool) await client.query({ name: 'collab_group_commit', text: COMMIT_SQL, values });
  else await (client as { query(text: string, params: unknown[]): Promise<unknown> }).query(COMMIT_SQL, values);
}

/**
 * Appends the batches of several rooms, with their projection, history and audit rows, in ONE
 * statement: one round trip and one implicit transaction (a statement is atomic on its own, so
 * there is no BEGIN and COMMIT to wait for), however many rooms and rows. Every row set travels as
 * one jsonb parameter (the updates' bytes as hex), so no batch size comes near PostgreSQL's limit
 * of bind parameters. The parts, all seeing the same snapshot:
 * - the log rows, in the order received;
 * - deleted claims marked (a deleted claim keeps its row, votes and comments, so an undo restores both stores);
 * - the touched claims upserted; a claim id chosen by a client never overwrites another
 *   document's claim (`ours` holds only the rows this document owns);
 * - the evidence of `ours` replaced: the list's positions upserted, the positions past its end
 *   deleted (disjoint rows, so the two parts never meet on one row);
 * - history entries: a folded edit (note, confidence, tags: FOLDED_ACTIONS) is merged into its
 *   person's latest entry of that claim and field, keeping that entry's `from` and `at` and taking
 *   the new `to`, when the entry began at most `historyWindowMs` before this edit, has the same
 *   offline mark, and is still the claim's latest entry for that field with no important entry
 *   after it (another person's edit, a vote or a status change keeps them apart). It runs on the
 *   stored rows, so it holds across batches, restarts and processes; the entries looked at are
 *   locked (FOR UPDATE) so two processes do not merge into one at once. The batch is already
 *   coalesced (history-coalesce.ts), so only an edit with no earlier entry of its claim in the
 *   batch that bears on it (`candidate`) can fold into a stored one; the rest are inserted in order;
 * - the audit rows.
 */
export async function commitBatches(db: Db, batches: RoomBatch[], historyWindowMs = DEFAULT_HISTORY_WINDOW_MS): Promise<void> {
  const updates = batches.flatMap((b) => b.updates.map((u) => ({ d: b.documentId, u: hex(u.update), uid: u.userId })));
  const deleted = batches.flatMap((b) => b.deletedClaimIds.map((id) => ({ d: b.documentId, id })));
  const claimRows = batches.flatMap((b) => b.claims);
  const evidenceRows = batches.flatMap((b) => b.evidence);
  const events = batches.flatMap((b) => {
    const seen = new Map<string, ClaimEventRow[]>();
    return b.events.map((event) => {
      const earlier = seen.get(event.claimId) ?? [];
      const candidate = isFoldedAction(event.action) && !!event.userId && !!event.field && historyWindowMs > 0 && !earlier.some((e) => bearsOn(e, event.field));
      earlier.push(event);
      seen.set(event.claimId, earlier);
      return { ...event, candidate };
    });
  });
  const audit = batches.flatMap((b) => b.audit);
  const evidenceCounts = claimRows.map((c) => ({ id: c.id, n: evidenceRows.filter((e) => e.claimId === c.id).length }));
  const values = [updates, deleted, claimRows, evidenceCounts, evidenceRows, events, audit].map((rows) => JSON.stringify(rows));
  await runCommit(db, [...values, historyWindowMs, ROUTINE_ACTIONS]);
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
