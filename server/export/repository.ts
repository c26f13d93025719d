import { and, asc, count, eq, gte, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db';
import { claims, documents, users, workspaces, type ClaimStatus } from '../../db/schema';
import { claimJson } from '../claims/repository';
import type { ClaimJson } from '../claims/schemas';
import { documentTextAt } from '../annotations/repository';
import type { ArchiveSummary } from '../archive/repository';
import { isPublic } from '../publish/repository';
import type { CommentRow, VoteRow } from '../votes/repository';
import { sameClaimLinks, type SameClaimLink } from '../matching/repository';

export interface ExportFilter {
  workspaceId: string;
  /** `any` for every status. */
  status: ClaimStatus | 'any';
  minConfidence?: number;
  documentId?: string;
  /** Only claims that are reviews (format=claimreview): published, still signed off, with a sign-off rating. */
  reviewsOnly?: boolean;
}

export interface ExportDocument {
  id: string;
  title: string;
  sourceUrl: string | null;
  /** The source's author(s) and publication date, when known. */
  authors: string[];
  sourcePublishedOn: string | null;
  createdAt: Date;
}

export interface ExportItem {
  claim: ClaimJson;
  document: ExportDocument;
  /** The archived copies of the claim's link evidence, by evidence id (server/archive). */
  archives?: Map<string, ArchiveSummary>;
  /** The text of the document version the claim's anchor counts in (for code-point positions). */
  text?: string;
  /** The filter the export was asked for (a report's heading says what was exported). */
  filter?: ExportFilter;
  /** The claims confirmed as the same claim as this one (server/matching). */
  sameClaims?: SameClaimLink[];
}

function where(filter: ExportFilter): SQL {
  // A claim deleted from the shared document is never exported (its row waits for a possible undo).
  const conditions = [eq(documents.workspaceId, filter.workspaceId), isNull(claims.deletedAt)];
  if (filter.status !== 'any') conditions.push(eq(claims.status, filter.status));
  if (filter.minConfidence !== undefined) conditions.push(gte(claims.confidence, filter.minConfidence));
  if (filter.documentId) conditions.push(eq(claims.documentId, filter.documentId));
  // A review is a public claim (published, still signed off) with a rating chosen at sign-off.
  if (filter.reviewsOnly) conditions.push(isPublic, isNotNull(claims.signOffRating));
  return and(...conditions)!;
}

/** How many claims and documents an export with this filter holds. */
export async function exportCounts(db: Db, filter: ExportFilter) {
  const [row] = await db
    .select({ claims: count(), documents: sql<number>`count(distinct ${claims.documentId})::int` })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .where(where(filter));
  return row;
}

export async function workspaceName(db: Db, workspaceId: string): Promise<string> {
  const [row] = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row?.name ?? 'Corroborate';
}

const creator = alias(users, 'creator');
const signer = alias(users, 'signer');

/** Timestamps inside json_agg arrive as ISO strings with microseconds; the API's are JavaScript dates' (milliseconds). */
const date = (iso: string) => new Date(iso);

// One query per page brings each claim with everything an export writes about it, aggregated in
// the database (one correlated aggregate per list, each on its table's index by claim): evidence
// in list order with who added it, all votes by round and time, comments by time, archived copies.
const evidenceJson = sql<EvidenceAgg[] | null>`(
  select json_agg(json_build_object('id', e.id, 'kind', e.kind, 'stance', e.stance, 'url', e.url, 'title', e.title, 'excerpt', e.excerpt,
    'documentId', e.source_document_id, 'anchor', e.anchor, 'addedAt', e.added_at, 'by', a.id, 'byName', a.name) order by e.position)
  from evidence e left join users a on a.id = e.added_by where e.claim_id = ${claims.id})`;
const votesJson = sql<VoteAgg[] | null>`(
  select json_agg(json_build_object('userId', u.id, 'userName', u.name, 'verdict', v.verdict, 'confidence', v.confidence, 'note', v.note,
    'at', v.at, 'round', v.round, 'wording', v.wording, 'afterReveal', v.after_reveal,
    'revisedVerdict', v.revised_verdict, 'revisedReason', v.revised_reason, 'revisedAt', v.revised_at) order by v.round, v.at)
  from votes v join users u on u.id = v.user_id where v.claim_id = ${claims.id})`;
const commentsJson = sql<CommentAgg[] | null>`(
  select json_agg(json_build_object('id', m.id, 'userId', u.id, 'userName', u.name, 'body', m.body, 'replyTo', m.reply_to, 'at', m.at) order by m.at)
  from comments m left join users u on u.id = m.user_id where m.claim_id = ${claims.id})`;
const archivesJson = sql<ArchiveAgg[] | null>`(
  select json_agg(json_build_object('evidenceId', x.evidence_id, 'fetchedAt', x.fetched_at, 'sha256', x.sha256, 'finalUrl', x.final_url))
  from evidence_archives x where x.claim_id = ${claims.id} and x.state = 'archived')`;

interface EvidenceAgg {
  id: string;
  kind: ClaimJson['evidence'][number]['kind'];
  stance: ClaimJson['evidence'][number]['stance'];
  url: string | null;
  title: string | null;
  excerpt: string | null;
  documentId: string | null;
  anchor: ClaimJson['evidence'][number]['anchor'];
  addedAt: string;
  by: string | null;
  byName: string | null;
}
interface VoteAgg {
  userId: string;
  userName: string;
  verdict: VoteRow['verdict'];
  confidence: number | null;
  note: string;
  at: string;
  round: number;
  wording: string | null;
  afterReveal: boolean;
  revisedVerdict: VoteRow['verdict'] | null;
  revisedReason: string | null;
  revisedAt: string | null;
}
interface CommentAgg {
  id: string;
  userId: string | null;
  userName: string | null;
  body: string;
  replyTo: string | null;
  at: string;
}
interface ArchiveAgg {
  evidenceId: string;
  fetchedAt: string;
  sha256: string;
  finalUrl: string | null;
}

/** Where the next page starts: a document of the export, and the last claim read in it (by start, then id). */
interface Cursor {
  documentIndex: number;
  after: { start: number; id: string } | null;
}

/** One page of one document's claims, keyset after `cursor.after`, on claims_document_idx (document, start). */
async function readPage(db: Db, filter: ExportFilter, documentId: string, after: Cursor['after'], size: number) {
  const inDocument = and(where(filter), eq(claims.documentId, documentId));
  return db
    .select({
      claim: claims,
      creator: { id: creator.id, name: creator.name },
      signer: { id: signer.id, name: signer.name },
      evidence: evidenceJson,
      votes: votesJson,
      comments: commentsJson,
      archives: archivesJson,
    })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .leftJoin(creator, eq(creator.id, claims.createdBy))
    .leftJoin(signer, eq(signer.id, claims.signedOffBy))
    .where(after ? and(inDocument, sql`(${claims.start}, ${claims.id}) > (${after.start}, ${after.id}::uuid)`) : inDocument)
    .orderBy(asc(claims.start), asc(claims.id))
    .limit(size);
}

type PageRow = Awaited<ReturnType<typeof readPage>>[number];

/** The export item of one page row: the claim as listClaims shows it to someone who has not voted. */
function itemOf(row: PageRow, document: ExportDocument, text: string | undefined, filter: ExportFilter): ExportItem {
  const evidenceList: ClaimJson['evidence'] = (row.evidence ?? []).map((e) => ({
    id: e.id,
    kind: e.kind,
    stance: e.stance,
    url: e.url,
    title: e.title,
    excerpt: e.excerpt,
    documentId: e.documentId,
    anchor: e.anchor ?? null,
    addedBy: e.by ? { id: e.by, name: e.byName! } : null,
    addedAt: date(e.addedAt).toISOString(),
  }));
  const claimVotes: VoteRow[] = (row.votes ?? []).map((v) => ({
    claimId: row.claim.id,
    user: { id: v.userId, name: v.userName },
    verdict: v.verdict,
    confidence: v.confidence,
    note: v.note,
    at: date(v.at),
    round: v.round,
    wording: v.wording,
    afterReveal: v.afterReveal,
    revised: v.revisedVerdict && v.revisedAt ? { verdict: v.revisedVerdict, reason: v.revisedReason ?? '', at: date(v.revisedAt) } : null,
  }));
  const claimComments: CommentRow[] = (row.comments ?? []).map((m) => ({
    id: m.id,
    claimId: row.claim.id,
    user: m.userId ? { id: m.userId, name: m.userName! } : null,
    body: m.body,
    replyTo: m.replyTo,
    at: date(m.at),
  }));
  const claim = claimJson(row, evidenceList, claimVotes, claimComments, null);
  const archived = new Map((row.archives ?? []).map((x) => [x.evidenceId, { fetchedAt: date(x.fetchedAt).toISOString(), sha256: x.sha256, finalUrl: x.finalUrl }]));
  const archives = new Map(claim.evidence.flatMap((e) => (archived.has(e.id) ? [[e.id, archived.get(e.id)!] as const] : [])));
  return { claim, document, archives, text, filter };
}

/**
 * The claims of an export, grouped by document in import order and in text order within each,
 * read a page at a time by keyset on (start, id) within each document, so memory stays flat
 * however many claims there are. Each page is one query (see readPage), and the next page is
 * already being read while the current one is formatted and sent. Votes are read as by someone
 * who has not voted: hidden verdicts never leave the server.
 */
export async function* exportItems(db: Db, filter: ExportFilter, pageSize = 1000, limit = Infinity): AsyncGenerator<ExportItem> {
  // Documents are few next to claims; their list is read once (timestamps are not used as a
  // cursor: JavaScript dates lose PostgreSQL's microseconds).
  const docs: ExportDocument[] = await db
    .selectDistinct({ id: documents.id, title: documents.title, sourceUrl: documents.sourceUrl, authors: documents.authors, sourcePublishedOn: documents.sourcePublishedOn, createdAt: documents.createdAt })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .where(where(filter))
    .orderBy(asc(documents.createdAt), asc(documents.id));
  // Claims of one document are nearly always on its current version: one read per version met.
  const texts = new Map<string, Promise<string | undefined>>();
  const textAt = (documentId: string, version: number) => {
    const key = `${documentId}:${version}`;
    if (!texts.has(key)) {
      if (texts.size > 8) texts.clear();
      texts.set(key, documentTextAt(db, documentId, version).then((t) => t ?? undefined));
    }
    return texts.get(key)!;
  };

  const read = (cursor: Cursor, size: number) => {
    const page = readPage(db, filter, docs[cursor.documentIndex].id, cursor.after, size);
    // The page may be abandoned unread (the client went away): its failure must not go unhandled.
    page.catch(() => {});
    return { cursor, page };
  };
  // After a full page the same document may have more; after a short one the next document starts.
  const following = (cursor: Cursor, rows: PageRow[], size: number): Cursor | null => {
    if (rows.length === size) return { documentIndex: cursor.documentIndex, after: { start: rows[rows.length - 1].claim.start, id: rows[rows.length - 1].claim.id } };
    return cursor.documentIndex + 1 < docs.length ? { documentIndex: cursor.documentIndex + 1, after: null } : null;
  };

  let emitted = 0;
  let pending = docs.length && limit > 0 ? read({ documentIndex: 0, after: null }, Math.min(pageSize, limit)) : null;
  while (pending) {
    const { cursor } = pending;
    const size = Math.min(pageSize, limit - emitted);
    const rows = await pending.page;
    emitted += rows.length;
    const next = emitted < limit ? following(cursor, rows, size) : null;
    pending = next ? read(next, Math.min(pageSize, limit - emitted)) : null;
    const document = docs[cursor.documentIndex];
    const sameClaims = await sameClaimLinks(db, rows.map((r) => r.claim.id));
    for (const row of rows) yield { ...itemOf(row, document, await textAt(document.id, row.claim.anchorVersion), filter), sameClaims: sameClaims.get(row.claim.id) };
  }
}
