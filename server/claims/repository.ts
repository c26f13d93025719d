import { and, asc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db';
import { claimEvents, claims, documents, evidence, users, type ClaimStatus } from '../../db/schema';
import { isSignedOff, VERDICTS, type Verdict } from '../shared/claim-doc';
import { isImportantAction, ROUTINE_ACTIONS } from '../shared/history';
import { factCheckPath } from '../shared/public-paths';
import { listComments, listVotes, type CommentRow, type VoteRow } from '../votes/repository';
import { visibleVotes, voteJson } from '../votes/visibility';
import type { ClaimJson } from './schemas';

const creator = alias(users, 'creator');
const adder = alias(users, 'adder');
const signer = alias(users, 'signer');

/** claims.sign_off_rating is text (the verdict enum lives with the votes): a value this build does not know reads as none. */
const verdictOrNull = (v: string | null): Verdict | null => ((VERDICTS as readonly string[]).includes(v ?? '') ? (v as Verdict) : null);

/**
 * Claims of a document (or the ones with the given ids) from the projection, in text order, as the
 * API shows them to `viewerId`: before a claim is revealed, only the viewer's own vote and the count.
 * A claim deleted from the shared document (`deleted_at` set) is left out: it is gone until an undo.
 */
export async function listClaims(db: Db, where: { documentId: string } | { ids: string[] }, viewerId: string | null): Promise<ClaimJson[]> {
  const filter = 'documentId' in where ? eq(claims.documentId, where.documentId) : inArray(claims.id, where.ids);
  const rows = await db
    .select({ claim: claims, creator: { id: creator.id, name: creator.name }, signer: { id: signer.id, name: signer.name } })
    .from(claims)
    .leftJoin(creator, eq(creator.id, claims.createdBy))
    .leftJoin(signer, eq(signer.id, claims.signedOffBy))
    .where(and(filter, isNull(claims.deletedAt)))
    .orderBy(asc(claims.start), asc(claims.end), asc(claims.createdAt));
  if (rows.length === 0) return [];
  const ev = await db
    .select({ e: evidence, adder: { id: adder.id, name: adder.name } })
    .from(evidence)
    .leftJoin(adder, eq(adder.id, evidence.addedBy))
    .where(inArray(evidence.claimId, rows.map((r) => r.claim.id)))
    .orderBy(asc(evidence.claimId), asc(evidence.position));
  const byClaim = new Map<string, ClaimJson['evidence']>();
  for (const { e, adder: by } of ev) {
    const list = byClaim.get(e.claimId) ?? [];
    list.push({
      id: e.id,
      kind: e.kind,
      stance: e.stance,
      url: e.url,
      title: e.title,
      excerpt: e.excerpt,
      documentId: e.sourceDocumentId,
      anchor: e.anchor ?? null,
      addedBy: by?.id ? { id: by.id, name: by.name } : null,
      addedAt: e.addedAt.toISOString(),
    });
    byClaim.set(e.claimId, list);
  }
  const ids = rows.map((r) => r.claim.id);
  const [allVotes, allComments] = await Promise.all([listVotes(db, ids), listComments(db, ids)]);
  const groupBy = <T extends { claimId: string }>(items: T[]) =>
    items.reduce((m, item) => m.set(item.claimId, [...(m.get(item.claimId) ?? []), item]), new Map<string, T[]>());
  const votesOf = groupBy(allVotes);
  const commentsOf = groupBy(allComments);
  return rows.map((row) => claimJson(row, byClaim.get(row.claim.id) ?? [], votesOf.get(row.claim.id) ?? [], commentsOf.get(row.claim.id) ?? [], viewerId));
}

/** A claim row with the people it names, as listClaims and the export (server/export/repository.ts) read it. */
export interface ClaimWithPeople {
  claim: typeof claims.$inferSelect;
  creator: { id: string | null; name: string | null } | null;
  signer: { id: string | null; name: string | null } | null;
}

/**
 * A claim as the API shows it to `viewerId`, from its row, its evidence (in list order), all its
 * votes (by round, then time) and its comments (by time): one definition for every reader.
 */
export function claimJson({ claim: c, creator: by, signer: signedBy }: ClaimWithPeople, evidenceList: ClaimJson['evidence'], claimVotes: VoteRow[], claimComments: CommentRow[], viewerId: string | null): ClaimJson {
    const { votes, tally, earlier } = visibleVotes(claimVotes, { revealed: c.revealedAt !== null, round: c.voteRound }, viewerId);
    return {
    id: c.id,
    documentId: c.documentId,
    anchor: { start: c.start, end: c.end, exact: c.exact, prefix: c.prefix, suffix: c.suffix, version: c.anchorVersion },
    status: c.status,
    confidence: c.confidence,
    note: c.note,
    tags: c.tags,
    createdBy: by?.id ? { id: by.id, name: by.name! } : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    evidence: evidenceList,
    votes: votes.map(voteJson),
    revealed: c.revealedAt !== null,
    tally,
    round: c.voteRound,
    earlierVotes: earlier.map(voteJson),
    statusReason: c.statusReason,
    signOff:
      c.status === 'verified' || c.status === 'rejected'
        ? { rationale: c.signOffRationale, rating: verdictOrNull(c.signOffRating), by: signedBy?.id ? { id: signedBy.id, name: signedBy.name! } : null, at: c.signedOffAt?.toISOString() ?? null, override: c.signOffOverride }
        : null,
    publication: c.publishedAt && isSignedOff(c.status) ? { url: factCheckPath(c.id), at: c.publishedAt.toISOString() } : null,
    comments: claimComments.map((m) => ({ id: m.id, user: m.user, body: m.body, replyTo: m.replyTo, at: m.at.toISOString() })),
    review: c.review ?? null,
    };
}

/** A claim as access checks find it: where it lives, and its status (null for a deleted claim known only from its history). */
export interface ClaimOwner {
  id: string;
  documentId: string;
  workspaceId: string;
  status: ClaimStatus | null;
}

/**
 * The document, workspace and status of a claim that exists (not deleted), or null. With
 * `deleted: true` (for its history only) a deleted claim is found too: from its kept row, or from
 * its history.
 */
export async function findClaimOwner(db: Db, claimId: string, options: { deleted?: boolean } = {}): Promise<ClaimOwner | null> {
  const [row] = await db
    .select({ documentId: claims.documentId, workspaceId: documents.workspaceId, status: claims.status, deletedAt: claims.deletedAt })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .where(eq(claims.id, claimId));
  if (row && (row.deletedAt === null || options.deleted)) return { id: claimId, documentId: row.documentId, workspaceId: row.workspaceId, status: row.status };
  if (row || !options.deleted) return null;
  const [past] = await db
    .select({ documentId: claimEvents.documentId, workspaceId: documents.workspaceId })
    .from(claimEvents)
    .innerJoin(documents, eq(documents.id, claimEvents.documentId))
    .where(eq(claimEvents.claimId, claimId))
    .limit(1);
  return past ? { id: claimId, ...past, status: null } : null;
}

/** Appends one entry to a claim's history (for changes the shared document's guard does not see, e.g. an anchor move). */
export async function recordClaimEvent(db: Db, event: typeof claimEvents.$inferInsert): Promise<void> {
  await db.insert(claimEvents).values(event);
}

/** Which history entries to return: only these actions, and/or only the important ones (server/shared/history.ts). */
export interface HistoryFilter {
  kinds?: string[];
  important?: boolean;
}

/**
 * A claim's history, oldest first, with who did each thing. Before the claim is revealed, votes
 * appear without their verdict (except the viewer's own). Edits come folded (one entry per person
 * and field within HISTORY_WINDOW_MS, by the group commit); `important` marks the entries that
 * stand out (status, votes, reveal, re-anchoring, undone writes…).
 */
export async function claimHistory(db: Db, claimId: string, documentId: string, viewerId: string, revealed: boolean, filter: HistoryFilter = {}) {
  const rows = await db
    .select({ e: claimEvents, user: { id: users.id, name: users.name } })
    .from(claimEvents)
    .leftJoin(users, eq(users.id, claimEvents.userId))
    .where(
      and(
        eq(claimEvents.claimId, claimId),
        eq(claimEvents.documentId, documentId),
        filter.kinds?.length ? inArray(claimEvents.action, filter.kinds) : undefined,
        filter.important ? notInArray(claimEvents.action, [...ROUTINE_ACTIONS]) : undefined,
      ),
    )
    .orderBy(asc(claimEvents.id));
  return rows.map(({ e, user }) => {
    const hidden = !revealed && e.field === 'vote' && e.userId !== viewerId;
    return {
      id: e.id,
      at: e.at.toISOString(),
      user: user?.id ? { id: user.id, name: user.name } : null,
      action: e.action,
      important: isImportantAction(e.action),
      offline: e.offline,
      field: e.field,
      from: hidden ? null : (e.from ?? null),
      to: hidden ? null : (e.to ?? null),
      reason: hidden ? null : e.reason,
    };
  });
}
