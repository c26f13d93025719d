import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { VERDICTS } from '../../server/shared/claim-doc';
import { claims } from './claims';
import { users } from './users';

export const verdict = pgEnum('verdict', VERDICTS);

/** A fact-checker's current vote on a claim: one per person per claim (earlier ones live in the claim's history). */
export const votes = pgTable(
  'votes',
  {
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    verdict: verdict('verdict').notNull(),
    confidence: integer('confidence'),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.userId] })],
);

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
