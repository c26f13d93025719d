import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CLAIM_STATUSES, EVIDENCE_KINDS, STANCES, type Anchor, type AnchorReview } from '../../server/shared/claim-doc';
import { documents } from './documents';
import { users } from './users';

export const claimStatus = pgEnum('claim_status', CLAIM_STATUSES);

/**
 * The relational projection of a claim in the document's shared Y.Doc (the Y.Doc is the
 * source of truth for collaborative fields; REST, search and export read this table).
 */
export const claims = pgTable(
  'claims',
  {
    id: uuid('id').primaryKey(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    exact: text('exact').notNull(),
    prefix: text('prefix').notNull().default(''),
    suffix: text('suffix').notNull().default(''),
    // Server-owned: written only by the sign-off and voting routes, never by the projection of the Y.Doc.
    status: claimStatus('status').notNull().default('open'),
    revealedAt: timestamp('revealed_at', { withTimezone: true }),
    /** Set when a new version of the document could not re-anchor this claim confidently. */
    review: jsonb('review').$type<AnchorReview>(),
    /** The document version the anchor was resolved on: the reader paints a claim only on that version's text. */
    anchorVersion: integer('anchor_version').notNull().default(1),
    /**
     * The voting round: starts at 1, and a new one begins when the claim's quoted words change (a
     * verdict belongs to the words it was cast on). Votes of earlier rounds stay, but only the
     * current round's count. `revealedAt` is the current round's reveal.
     */
    voteRound: integer('vote_round').notNull().default(1),
    /** Why the status is what it is, when the server or a lead said so ("text changed in v2", a reopening's reason). */
    statusReason: text('status_reason'),
    /** The lead's sign-off: the published "why", who, when, and what was overridden (no evidence, no consensus). */
    signOffRationale: text('sign_off_rationale'),
    signedOffBy: uuid('signed_off_by').references(() => users.id, { onDelete: 'set null' }),
    signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
    signOffOverride: text('sign_off_override').array().notNull().default([]),
    /**
     * The rating the lead published at sign-off (one of VERDICTS; a text column because the verdict
     * enum lives with the votes): by default the revealed consensus. Only a rated claim is a review.
     */
    signOffRating: text('sign_off_rating'),
    /**
     * Set while a lead has the signed-off claim published: its public fact-check page is readable
     * without signing in. Cleared by unpublishing, and when the claim is reopened.
     */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    confidence: integer('confidence'),
    note: text('note').notNull().default(''),
    tags: text('tags').array().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set when the claim is deleted from the shared document: the row, its votes and comments stay,
     * so an undo (the claim coming back into the Y.Doc) restores both stores. Reads skip deleted rows.
     */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('claims_document_idx').on(t.documentId, t.start),
    // Wording similarity for claim matching (pg_trgm, which PGlite loads as an extension).
    index('claims_exact_trgm_idx').using('gin', sql`${t.exact} gin_trgm_ops`),
  ],
);

export type Claim = typeof claims.$inferSelect;

export const MATCH_DECISIONS = ['confirmed', 'rejected'] as const;
export type MatchDecision = (typeof MATCH_DECISIONS)[number];
export const matchDecision = pgEnum('match_decision', MATCH_DECISIONS);

/**
 * A person's decision on a proposed match between two claims of one workspace: `confirmed` links
 * them as the same claim (shown on both), `rejected` stops it being proposed again. The pair is
 * stored once, the smaller id first. A verdict is never copied along a match.
 */
export const claimMatches = pgTable(
  'claim_matches',
  {
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    otherClaimId: uuid('other_claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    decision: matchDecision('decision').notNull(),
    /** The similarity (0..1) the match was proposed with. */
    score: real('score'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.claimId, t.otherClaimId] }),
    index('claim_matches_other_idx').on(t.otherClaimId),
    check('claim_matches_ordered', sql`${t.claimId} < ${t.otherClaimId}`),
  ],
);

export type ClaimMatch = typeof claimMatches.$inferSelect;

export const evidenceKind = pgEnum('evidence_kind', EVIDENCE_KINDS);
export const stance = pgEnum('stance', STANCES);

/** Evidence attached to a claim; projected from the claim's `evidence` Y.Array, in its order. */
export const evidence = pgTable(
  'evidence',
  {
    // Chosen by the client that added it: unique within its claim's list, not across the database.
    id: uuid('id').notNull(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: evidenceKind('kind').notNull(),
    stance: stance('stance').notNull(),
    url: text('url'),
    title: text('title'),
    excerpt: text('excerpt'),
    // No foreign key: the id comes from the shared document, and a stale one must not block the log's commit.
    sourceDocumentId: uuid('source_document_id'),
    anchor: jsonb('anchor').$type<Anchor>(),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.position] })],
);

/**
 * Who changed what on a claim: its history. Not tied to the claim row by a foreign key, so the
 * history of a deleted claim is kept.
 */
export const claimEvents = pgTable(
  'claim_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    claimId: uuid('claim_id').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    field: text('field'),
    from: jsonb('from'),
    to: jsonb('to'),
    /** Why, when the actor gave a reason (a reopening, a revised verdict) or the server did ("text changed in v2"). */
    reason: text('reason'),
    /** True for an edit made offline and synced later. */
    offline: boolean('offline').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('claim_events_claim_idx').on(t.claimId, t.id)],
);

export type Evidence = typeof evidence.$inferSelect;
export type ClaimEvent = typeof claimEvents.$inferSelect;

export { CLAIM_STATUSES, EVIDENCE_KINDS, STANCES };
export type { Anchor, ClaimStatus, EvidenceKind, Stance } from '../../server/shared/claim-doc';
