import { and, eq, inArray, isNull, lt, max, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { claimEvents, claims, evidence, evidenceArchives, type EvidenceArchive } from '../../db/schema';

/** One link to archive: a claim's evidence entry and its URL. */
export interface ArchiveTarget {
  claimId: string;
  evidenceId: string;
  url: string;
}

/**
 * A pending row older than this was left by a process that stopped mid-fetch: it is taken again.
 * `created_at` is when the current attempt was taken.
 */
const stale = (staleMs: number) => and(eq(evidenceArchives.state, 'pending'), lt(evidenceArchives.createdAt, new Date(Date.now() - staleMs)));

/**
 * Link evidence of live claims (in the projection) that has no archive yet, whose URL was changed
 * since it was archived, or whose fetch was abandoned (pending for longer than `staleMs`): at most `limit`.
 */
export async function unarchivedLinks(db: Db, limit: number, staleMs: number): Promise<ArchiveTarget[]> {
  const rows = await db
    .select({ claimId: evidence.claimId, evidenceId: evidence.id, url: evidence.url })
    .from(evidence)
    .innerJoin(claims, and(eq(claims.id, evidence.claimId), isNull(claims.deletedAt)))
    .leftJoin(evidenceArchives, and(eq(evidenceArchives.claimId, evidence.claimId), eq(evidenceArchives.evidenceId, evidence.id)))
    .where(and(eq(evidence.kind, 'url'), sql`${evidence.url} is not null`, or(isNull(evidenceArchives.claimId), ne(evidenceArchives.url, evidence.url), stale(staleMs))))
    .limit(limit);
  return rows.filter((r): r is ArchiveTarget => r.url !== null);
}

/**
 * Takes a link to archive: inserts its row as `pending` (or resets it when its URL changed or
 * its earlier fetch was abandoned).
 * Returns false when another process (or an earlier sweep) already has it, so each link is
 * fetched once however many processes look.
 */
export async function claimTarget(db: Db, t: ArchiveTarget, staleMs: number): Promise<boolean> {
  const rows = await db
    .insert(evidenceArchives)
    .values({ claimId: t.claimId, evidenceId: t.evidenceId, url: t.url, state: 'pending' })
    .onConflictDoUpdate({
      target: [evidenceArchives.claimId, evidenceArchives.evidenceId],
      set: { url: t.url, state: 'pending', finalUrl: null, httpStatus: null, contentType: null, title: null, text: null, sha256: null, error: null, fetchedAt: null, checkedAt: null, recheck: null, createdAt: new Date() },
      setWhere: or(ne(evidenceArchives.url, t.url), stale(staleMs)),
    })
    .returning({ claimId: evidenceArchives.claimId });
  return rows.length > 0;
}

/** What a fetch stored: the page's copy, or why there is none. */
export type ArchiveResult =
  | { state: 'archived'; finalUrl: string; httpStatus: number; contentType: string; title: string | null; text: string; sha256: string; fetchedAt: Date }
  | { state: 'failed'; finalUrl: string | null; httpStatus: number | null; contentType: string | null; error: string; fetchedAt: Date };

/** Stores the outcome of the first fetch of `url` (unless the entry's URL changed meanwhile). */
export async function saveArchive(db: Db, t: ArchiveTarget, result: ArchiveResult): Promise<void> {
  const values =
    result.state === 'archived'
      ? { ...result, error: null }
      : { ...result, title: null, text: null, sha256: null };
  await db
    .update(evidenceArchives)
    .set(values)
    .where(and(eq(evidenceArchives.claimId, t.claimId), eq(evidenceArchives.evidenceId, t.evidenceId), eq(evidenceArchives.url, t.url)));
}

/** Records a re-check: when, and what it found. */
export async function saveRecheck(db: Db, claimId: string, evidenceId: string, recheck: string, checkedAt: Date): Promise<void> {
  await db
    .update(evidenceArchives)
    .set({ recheck, checkedAt })
    .where(and(eq(evidenceArchives.claimId, claimId), eq(evidenceArchives.evidenceId, evidenceId)));
}

export async function findArchive(db: Db, claimId: string, evidenceId: string): Promise<EvidenceArchive | null> {
  const [row] = await db
    .select()
    .from(evidenceArchives)
    .where(and(eq(evidenceArchives.claimId, claimId), eq(evidenceArchives.evidenceId, evidenceId)));
  return row ?? null;
}

/** The evidence entry of a live claim, as projected (null when it is not there). */
export async function findEvidence(db: Db, claimId: string, evidenceId: string) {
  const [row] = await db
    .select({ kind: evidence.kind, url: evidence.url, title: evidence.title })
    .from(evidence)
    .where(and(eq(evidence.claimId, claimId), eq(evidence.id, evidenceId)));
  return row ?? null;
}

/** The time and hash of each archived copy among these claims' evidence, by `claimId:evidenceId` (for exports). */
export async function archiveSummaries(db: Db, claimIds: string[]): Promise<Map<string, ArchiveSummary>> {
  if (claimIds.length === 0) return new Map();
  const rows = await db
    .select({ claimId: evidenceArchives.claimId, evidenceId: evidenceArchives.evidenceId, fetchedAt: evidenceArchives.fetchedAt, sha256: evidenceArchives.sha256, finalUrl: evidenceArchives.finalUrl })
    .from(evidenceArchives)
    .where(and(inArray(evidenceArchives.claimId, claimIds), eq(evidenceArchives.state, 'archived')));
  return new Map(rows.map((r) => [`${r.claimId}:${r.evidenceId}`, { fetchedAt: r.fetchedAt!.toISOString(), sha256: r.sha256!, finalUrl: r.finalUrl }]));
}

/** An archived copy as exports carry it. */
export interface ArchiveSummary {
  fetchedAt: string;
  sha256: string;
  finalUrl: string | null;
}

/** The newest history entry's id: the sweep looks for new links only when it moved (evidence added anywhere writes one). */
export async function latestEventId(db: Db): Promise<number> {
  const [row] = await db.select({ id: max(claimEvents.id) }).from(claimEvents);
  return Number(row?.id ?? 0);
}
