import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db';
import { claimEvents, claims, documents, evidence, users } from '../../db/schema';
import { emptyTally } from '../shared/claim-doc';
import type { ClaimJson } from './schemas';

const creator = alias(users, 'creator');
const adder = alias(users, 'adder');

/** Claims of a document (or the ones with the given ids) from the projection, in text order, as the API shows them. */
export async function listClaims(db: Db, where: { documentId: string } | { ids: string[] }): Promise<ClaimJson[]> {
  const filter = 'documentId' in where ? eq(claims.documentId, where.documentId) : inArray(claims.id, where.ids);
  const rows = await db
    .select({ claim: claims, creator: { id: creator.id, name: creator.name } })
    .from(claims)
    .leftJoin(creator, eq(creator.id, claims.createdBy))
    .where(filter)
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
  return rows.map(({ claim: c, creator: by }) => ({
    id: c.id,
    documentId: c.documentId,
    anchor: { start: c.start, end: c.end, exact: c.exact, prefix: c.prefix, suffix: c.suffix },
    status: c.status,
    confidence: c.confidence,
    note: c.note,
    tags: c.tags,
    createdBy: by?.id ? { id: by.id, name: by.name } : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    evidence: byClaim.get(c.id) ?? [],
    votes: [],
    revealed: false,
    tally: emptyTally(),
    comments: [],
  }));
}

/** The document and workspace a claim belongs to, from the projection or, for a deleted claim, from its history. */
export async function findClaimOwner(db: Db, claimId: string): Promise<{ documentId: string; workspaceId: string } | null> {
  const [live] = await db
    .select({ documentId: claims.documentId, workspaceId: documents.workspaceId })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .where(eq(claims.id, claimId));
  if (live) return live;
  const [past] = await db
    .select({ documentId: claimEvents.documentId, workspaceId: documents.workspaceId })
    .from(claimEvents)
    .innerJoin(documents, eq(documents.id, claimEvents.documentId))
    .where(eq(claimEvents.claimId, claimId))
    .limit(1);
  return past ?? null;
}

/** Whether a claim currently exists (in the projection). */
export async function claimExists(db: Db, claimId: string): Promise<boolean> {
  const [row] = await db.select({ id: claims.id }).from(claims).where(eq(claims.id, claimId));
  return Boolean(row);
}

/** A claim's history, oldest first, with who did each thing. */
export async function claimHistory(db: Db, claimId: string, documentId: string) {
  const rows = await db
    .select({ e: claimEvents, user: { id: users.id, name: users.name } })
    .from(claimEvents)
    .leftJoin(users, eq(users.id, claimEvents.userId))
    .where(and(eq(claimEvents.claimId, claimId), eq(claimEvents.documentId, documentId)))
    .orderBy(asc(claimEvents.id));
  return rows.map(({ e, user }) => ({
    at: e.at.toISOString(),
    user: user?.id ? { id: user.id, name: user.name } : null,
    action: e.action,
    field: e.field,
    from: e.from ?? null,
    to: e.to ?? null,
  }));
}
