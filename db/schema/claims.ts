import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { documents } from './documents';
import { users } from './users';

export const CLAIM_STATUSES = ['open', 'in_review', 'verified', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
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
    status: claimStatus('status').notNull().default('open'),
    confidence: integer('confidence'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('claims_document_idx').on(t.documentId, t.start)],
);

export type Claim = typeof claims.$inferSelect;
