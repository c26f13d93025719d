import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { claimEvents, documentVersions, documents, users, type Document, type DocumentFormat } from '../../db/schema';
import { planReanchoring, type ReanchorPlan, type ReanchorTarget } from '../anchoring/reanchor';
import { SERVER_ORIGIN } from '../collab/origins';
import type { Room } from '../collab/room';
import { claimsOf, readClaim, type AnchorReview, type UserRef } from '../shared/claim-doc';
import { announceVersion } from '../shared/document-version';

export interface ReanchorOutcome {
  claimId: string;
  status: 'anchored' | 'needs_review';
  method?: string;
  score?: number;
  review?: AnchorReview;
  /** The quoted words before and after (`anchor.exact`); they differ when a fuzzy match moved the claim to other words. */
  fromExact: string;
  toExact: string;
}

/** Replaces a document's text, keeping the old one as a version, in one transaction; false when another version won the race. */
export async function replaceText(db: Db, doc: Document, next: { text: string; format: DocumentFormat }, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(documents)
      .set({ text: next.text, format: next.format, contentHash: createHash('sha256').update(next.text).digest('hex'), version: sql`${documents.version} + 1` })
      .where(and(eq(documents.id, doc.id), eq(documents.version, doc.version)))
      .returning({ id: documents.id });
    if (updated.length === 0) return false;
    await tx.insert(documentVersions).values({ documentId: doc.id, version: doc.version, text: doc.text, format: doc.format, contentHash: doc.contentHash, replacedBy: userId });
    return true;
  });
}

/** The claims of a room as re-anchoring targets. */
export function reanchorTargets(room: Room): ReanchorTarget[] {
  const targets: ReanchorTarget[] = [];
  claimsOf(room.doc).forEach((map, claimId) => {
    const claim = readClaim(map);
    // A claim still waiting for review is re-anchored from its last confirmed place.
    targets.push({ claimId, from: claim.review?.old ?? claim.anchor });
  });
  return targets;
}

/** The targets of a room that `plans` do not cover: claims made, or moved, since the plans were computed. */
export function unplannedTargets(room: Room, plans: ReanchorPlan[]): ReanchorTarget[] {
  const planned = new Map(plans.map((p) => [p.claimId, JSON.stringify(p.from)]));
  return reanchorTargets(room).filter((t) => planned.get(t.claimId) !== JSON.stringify(t.from));
}

/**
 * Applies re-anchoring plans to a room in one change, together with the new text and the
 * announcement of the new version in the shared document (who, when), so every open reader swaps
 * the text and the claims at once. A claim that anchored confidently moves there and onto the new
 * version; one that did not keeps its old anchor and its old version and is flagged `review` with
 * the old passage and the best candidate, for a person to decide. Nothing is moved silently and
 * nothing is dropped. A claim the plans do not cover (made in the moment between the last plan and
 * this change) is planned here. Returns the append position to wait for and the outcomes.
 */
export function applyReanchoring(
  room: Room,
  newText: string,
  plans: ReanchorPlan[],
  oldVersion: number,
  uploadedBy: UserRef,
): { seq: number; outcomes: ReanchorOutcome[] } {
  const outcomes: ReanchorOutcome[] = [];
  const newVersion = oldVersion + 1;
  const all = [...plans, ...planReanchoring(newText, unplannedTargets(room, plans))];
  const byClaim = new Map(all.map((p) => [p.claimId, p]));
  room.text = newText;
  const seq = room.change(SERVER_ORIGIN, (ydoc) => {
    claimsOf(ydoc).forEach((map, claimId) => {
      const plan = byClaim.get(claimId);
      if (!plan) return;
      const claim = readClaim(map);
      if (plan.status === 'anchored') {
        map.set('anchor', { ...plan.anchor, version: newVersion });
        if (claim.review) map.set('review', null);
        outcomes.push({ claimId, status: 'anchored', method: plan.method, score: plan.score, fromExact: plan.from.exact, toExact: plan.anchor.exact });
      } else {
        // The old anchor stays, stamped with the version it counts in (a claim made since the last
        // version has none yet): it is never drawn on the new text.
        const fromVersion = claim.review?.fromVersion ?? oldVersion;
        if (claim.anchor.version === undefined) map.set('anchor', { ...claim.anchor, version: fromVersion });
        const old = { ...plan.from, version: plan.from.version ?? fromVersion };
        const candidate = plan.candidate && { ...plan.candidate, anchor: { ...plan.candidate.anchor, version: newVersion } };
        const review: AnchorReview = { reason: plan.reason, fromVersion, old, candidate };
        map.set('review', review);
        outcomes.push({ claimId, status: 'needs_review', review, fromExact: plan.from.exact, toExact: plan.from.exact });
      }
    });
    announceVersion(ydoc, { version: newVersion, uploadedBy: { id: uploadedBy.id, name: uploadedBy.name }, uploadedAt: new Date().toISOString() });
  });
  return { seq, outcomes };
}

/** Records each claim's re-anchoring in its history. */
export async function recordReanchoring(db: Db, documentId: string, userId: string, outcomes: ReanchorOutcome[], version: number): Promise<void> {
  const rows = outcomes.map((o) => ({
    claimId: o.claimId,
    documentId,
    userId,
    action: o.status === 'anchored' ? 'reanchored' : 'needs_review',
    field: 'anchor',
    to: o.status === 'anchored' ? { version, method: o.method, score: o.score } : { version, reason: o.review!.reason },
  }));
  if (rows.length) await db.insert(claimEvents).values(rows);
}

/** One version of a document's text, without the text: who uploaded it and when (version 1: who imported it). */
export interface VersionEntry {
  version: number;
  current: boolean;
  format: DocumentFormat;
  contentHash: string;
  uploadedBy: UserRef | null;
  uploadedAt: string;
}

/**
 * Every version of a document, oldest first, the current one last. A `document_versions` row keeps
 * version N's text and who replaced it when, which is who uploaded version N + 1.
 */
export async function listVersions(db: Db, doc: Document): Promise<VersionEntry[]> {
  const rows = await db
    .select({ version: documentVersions.version, format: documentVersions.format, contentHash: documentVersions.contentHash, at: documentVersions.replacedAt, byId: users.id, byName: users.name })
    .from(documentVersions)
    .leftJoin(users, eq(users.id, documentVersions.replacedBy))
    .where(eq(documentVersions.documentId, doc.id))
    .orderBy(asc(documentVersions.version));
  const [creator] = doc.createdBy ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, doc.createdBy)) : [];
  const replaced = new Map(rows.map((r) => [r.version, r]));
  const entry = (version: number, format: DocumentFormat, contentHash: string): VersionEntry => {
    const by = replaced.get(version - 1);
    const uploadedBy = version === 1 ? (creator ?? null) : by?.byId ? { id: by.byId, name: by.byName! } : null;
    const uploadedAt = version === 1 || !by ? doc.createdAt : by.at;
    return { version, current: version === doc.version, format, contentHash, uploadedBy, uploadedAt: uploadedAt.toISOString() };
  };
  return [...rows.filter((r) => r.version < doc.version).map((r) => entry(r.version, r.format, r.contentHash)), entry(doc.version, doc.format, doc.contentHash)];
}

/** One version of a document with its text, or null when it has no such version. */
export async function findVersion(db: Db, doc: Document, version: number): Promise<(VersionEntry & { text: string }) | null> {
  const entry = (await listVersions(db, doc)).find((v) => v.version === version);
  if (!entry) return null;
  if (entry.current) return { ...entry, text: doc.text };
  const [row] = await db
    .select({ text: documentVersions.text })
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.version, version)));
  return row ? { ...entry, text: row.text } : null;
}
