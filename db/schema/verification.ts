import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { VERDICTS } from '../../server/shared/claim-doc';
import { claims } from './claims';
import { users } from './users';

export const verdict = pgEnum('verdict', VERDICTS);

/**
 * A fact-checker's vote on a claim in one voting round (claims.vote_round): one per person per
 * round. Cast before the round's reveal it is blind and final for the tally; after reveal a
 * `revised` verdict may be recorded beside it, never replacing it. A first vote cast after reveal
 * is marked `afterReveal` and is not part of the blind tally. `wording` is the quote it was cast on.
 */
export const votes = pgTable(
  'votes',
  {
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    round: integer('round').notNull().default(1),
    verdict: verdict('verdict').notNull(),
    confidence: integer('confidence'),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    wording: text('wording'),
    afterReveal: boolean('after_reveal').notNull().default(false),
    revisedVerdict: verdict('revised_verdict'),
    revisedReason: text('revised_reason'),
    revisedAt: timestamp('revised_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.userId, t.round] })],
);

export const ARCHIVE_STATES = ['pending', 'archived', 'failed'] as const;
export const archiveState = pgEnum('archive_state', ARCHIVE_STATES);

/**
 * The archived copy of a link evidence's page, against link rot: fetched in the background when
 * the link is added (and on re-checks), with what was extracted and how the fetch went.
 * One row per claim and evidence id (evidence ids are unique within their claim).
 */
export const evidenceArchives = pgTable(
  'evidence_archives',
  {
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    evidenceId: uuid('evidence_id').notNull(),
    url: text('url').notNull(),
    state: archiveState('state').notNull().default('pending'),
    finalUrl: text('final_url'),
    httpStatus: integer('http_status'),
    contentType: text('content_type'),
    title: text('title'),
    text: text('text'),
    sha256: text('sha256'),
    /** Why the last fetch failed, in words (refused address, timeout, too large, wrong type, HTTP 404 …). */
    error: text('error'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }),
    /** The last re-check, and what it found: the page gone, or changed (another hash). */
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    recheck: text('recheck'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.evidenceId] })],
);

export type EvidenceArchive = typeof evidenceArchives.$inferSelect;

/** A comment on a claim, or a reply to one. */
export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    replyTo: uuid('reply_to').references((): AnyPgColumn => comments.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('comments_claim_idx').on(t.claimId, t.at)],
);

export type Vote = typeof votes.$inferSelect;
export type Comment = typeof comments.$inferSelect;
