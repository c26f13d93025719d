import { and, asc, count, eq, gte, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
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

/** Timestamps inside JSON arrive as ISO strings with microseconds; the API's are JavaScript dates' (milliseconds). */
const date = (iso: string) => new Date(iso);
const dateOrNull = (iso: string | null) => (iso === null ? null : new Date(iso));

// One query per page brings each claim with everything an export writes about it as ONE JSON
// array per row (json_build_array, positions below, no keys to write or read): the claim's
// columns with its creator's and signer's names, then one correlated aggregate per list, each on
// its table's index by claim: evidence in list order with who added it, all votes by round and
// time, comments by time, archived copies. Arrays instead of objects halve the database's work
// for the aggregates, and the driver reads one JSON value per row instead of thirty columns.
const PAGE_ROW = sql`json_build_array(
  claims.id, claims.document_id, claims.start, claims."end", claims.exact, claims.prefix, claims.suffix, claims.status, claims.revealed_at, claims.review, claims.anchor_version,
  claims.vote_round, claims.status_reason, claims.sign_off_rationale, claims.signed_off_by, claims.signed_off_at, claims.sign_off_override, claims.sign_off_rating,
  claims.published_at, claims.published_by, claims.confidence, claims.note, claims.tags, claims.created_by, claims.created_at, claims.updated_at, claims.deleted_at,
  creator.name, signer.name,
  (select json_agg(json_build_array(e.id, e.kind, e.stance, e.url, e.title, e.excerpt, e.source_document_id, e.anchor, e.added_at, a.id, a.name) order by e.position)
     from evidence e left join users a on a.id = e.added_by where e.claim_id = claims.id),
  (select json_agg(json_build_array(u.id, u.name, v.verdict, v.confidence, v.note, v.at, v.round, v.wording, v.after_reveal, v.revised_verdict, v.revised_reason, v.revised_at) order by v.round, v.at)
     from votes v join users u on u.id = v.user_id where v.claim_id = claims.id),
  (select json_agg(json_build_array(m.id, u.id, u.name, m.body, m.reply_to, m.at) order by m.at)
     from comments m left join users u on u.id = m.user_id where m.claim_id = claims.id),
  (select json_agg(json_build_array(x.evidence_id, x.fetched_at, x.sha256, x.final_url))
     from evidence_archives x where x.claim_id = claims.id and x.state = 'archived')
) as r`;

type Claim = typeof claims.$inferSelect;
type EvidenceAgg = [
  id: string, kind: ClaimJson['evidence'][number]['kind'], stance: ClaimJson['evidence'][number]['stance'], url: string | null, title: string | null,
  excerpt: string | null, documentId: string | null, anchor: ClaimJson['evidence'][number]['anchor'], addedAt: string, by: string | null, byName: string | null,
];
type VoteAgg = [
  userId: string, userName: string, verdict: VoteRow['verdict'], confidence: number | null, note: string, at: string, round: number, wording: string | null,
  afterReveal: boolean, revisedVerdict: VoteRow['verdict'] | null, revisedReason: string | null, revisedAt: string | null,
];
type CommentAgg = [id: string, userId: string | null, userName: string | null, body: string, replyTo: string | null, at: string];
type ArchiveAgg = [evidenceId: string, fetchedAt: string, sha256: string, finalUrl: string | null];
/** One page row as PAGE_ROW writes it. */
type PageRow = [
  id: string, documentId: string, start: number, end: number, exact: string, prefix: string, suffix: string, status: Claim['status'],
  revealedAt: string | null, review: Claim['review'], anchorVersion: number, voteRound: number, statusReason: string | null,
  signOffRationale: string | null, signedOffBy: string | null, signedOffAt: string | null, signOffOverride: string[], signOffRating: string | null,
  publishedAt: string | null, publishedBy: string | null, confidence: number | null, note: string, tags: string[], createdBy: string | null,
  createdAt: string, updatedAt: string, deletedAt: string | null, creatorName: string | null, signerName: string | null,
  evidence: EvidenceAgg[] | null, votes: VoteAgg[] | null, comments: CommentAgg[] | null, archives: ArchiveAgg[] | null,
];

/** Where the next page starts: a document of the export, and the last claim read in it (by start, then id). */
interface Cursor {
  documentIndex: number;
  after: { start: number; id: string } | null;
}

/** One page of one document's claims, keyset after `cursor.after`, on claims_document_idx (document, start). */
async function readPage(db: Db, filter: ExportFilter, documentId: string, after: Cursor['after'], size: number): Promise<PageRow[]> {
  const inDocument = and(where(filter), eq(claims.documentId, documentId))!;
  const result = await db.execute(sql`
    select ${PAGE_ROW}
    from ${claims}
    join ${documents} on ${documents.id} = claims.document_id
    left join ${users} creator on creator.id = claims.created_by
    left join ${users} signer on signer.id = claims.signed_off_by
    where ${after ? and(inDocument, sql`(claims.start, claims.id) > (${after.start}, ${after.id}::uuid)`) : inDocument}
    order by claims.start, claims.id
    limit ${size}`);
  return (result as unknown as { rows: Array<{ r: PageRow }> }).rows.map((row) => row.r);
}

/** The claim's row as Drizzle would read it, from its page row. */
function claimOf(r: PageRow): Claim {
  return {
    id: r[0], documentId: r[1], start: r[2], end: r[3], exact: r[4], prefix: r[5], suffix: r[6], status: r[7], revealedAt: dateOrNull(r[8]),
    review: r[9], anchorVersion: r[10], voteRound: r[11], statusReason: r[12], signOffRationale: r[13], signedOffBy: r[14],
    signedOffAt: dateOrNull(r[15]), signOffOverride: r[16], signOffRating: r[17], publishedAt: dateOrNull(r[18]), publishedBy: r[19],
    confidence: r[20], note: r[21], tags: r[22], createdBy: r[23], createdAt: date(r[24]), updatedAt: date(r[25]), deletedAt: dateOrNull(r[26]),
  };
}

/** The export item of one page row: the claim as listClaims shows it to someone who has not voted. */
function itemOf(r: PageRow, document: ExportDocument, text: string | undefined, filter: ExportFilter): ExportItem {
  const claim = claimOf(r);
  const evidenceList: ClaimJson['evidence'] = (r[29] ?? []).map((e) => ({
    id: e[0],
    kind: e[1],
    stance: e[2],
    url: e[3],
    title: e[4],
    excerpt: e[5],
    documentId: e[6],
    anchor: e[7] ?? null,
    addedBy: e[9] ? { id: e[9], name: e[10]! } : null,
    addedAt: date(e[8]).toISOString(),
  }));
  const claimVotes: VoteRow[] = (r[30] ?? []).map((v) => ({
    claimId: claim.id,
    user: { id: v[0], name: v[1] },
    verdict: v[2],
    confidence: v[3],
    note: v[4],
    at: date(v[5]),
    round: v[6],
    wording: v[7],
    afterReveal: v[8],
    revised: v[9] && v[11] ? { verdict: v[9], reason: v[10] ?? '', at: date(v[11]) } : null,
  }));
  const claimComments: CommentRow[] = (r[31] ?? []).map((m) => ({
    id: m[0],
    claimId: claim.id,
    user: m[1] ? { id: m[1], name: m[2]! } : null,
    body: m[3],
    replyTo: m[4],
    at: date(m[5]),
  }));
  const people = { claim, creator: { id: claim.createdBy, name: r[27] }, signer: { id: claim.signedOffBy, name: r[28] } };
  const json = claimJson(people, evidenceList, claimVotes, claimComments, null);
  const archived = new Map((r[32] ?? []).map((x) => [x[0], { fetchedAt: date(x[1]).toISOString(), sha256: x[2], finalUrl: x[3] }]));
  const archives = new Map(json.evidence.flatMap((e) => (archived.has(e.id) ? [[e.id, archived.get(e.id)!] as const] : [])));
  return { claim: json, document, archives, text, filter };
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
    const page = readPage(db, filter, docs[cursor.documentIndex].id, cursor.after, size).then(async (rows) => ({
      rows,
      sameClaims: await sameClaimLinks(db, rows.map((r) => r[0])),
    }));
    // The page may be abandoned unread (the client went away): its failure must not go unhandled.
    page.catch(() => {});
    return { cursor, page };
  };
  // After a full page the same document may have more; after a short one the next document starts.
  const following = (cursor: Cursor, rows: PageRow[], size: number): Cursor | null => {
    if (rows.length === size) return { documentIndex: cursor.documentIndex, after: { start: rows[rows.length - 1][2], id: rows[rows.length - 1][0] } };
    return cursor.documentIndex + 1 < docs.length ? { documentIndex: cursor.documentIndex + 1, after: null } : null;
  };

  let emitted = 0;
  let pending = docs.length && limit > 0 ? read({ documentIndex: 0, after: null }, Math.min(pageSize, limit)) : null;
  while (pending) {
    const { cursor } = pending;
    const size = Math.min(pageSize, limit - emitted);
    const { rows, sameClaims } = await pending.page;
    emitted += rows.length;
    const next = emitted < limit ? following(cursor, rows, size) : null;
    pending = next ? read(next, Math.min(pageSize, limit - emitted)) : null;
    const document = docs[cursor.documentIndex];
    for (const row of rows) yield { ...itemOf(row, document, await textAt(document.id, row[10]), filter), sameClaims: sameClaims.get(row[0]) };
  }
}
