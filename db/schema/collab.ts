import { bigserial, bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea';
import { documents } from './documents';
import { users } from './users';

/**
 * The durable log of a document's Yjs updates, appended by group commit. Rows covered by the
 * document's snapshot are deleted by compaction; loading replays snapshot + the remaining rows.
 */
export const docUpdates = pgTable(
  'doc_updates',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    update: bytea('update').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('doc_updates_document_idx').on(t.documentId, t.seq)],
);

/** The latest compacted state of a document: `Y.encodeStateAsUpdate`, covering log rows up to `seq`. */
export const docSnapshots = pgTable('doc_snapshots', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => documents.id, { onDelete: 'cascade' }),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  state: bytea('state').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Security-relevant events: forged writes to server-owned fields, rejected frames. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_document_idx').on(t.documentId, t.at)],
);

/**
 * Batches of a room that PostgreSQL refused for a reason a retry cannot cure (a value it cannot
 * store, a broken constraint): kept whole, outside the update log, so nothing is lost and nothing
 * stalls the other rooms. The updates are bytea (always storable); `error` is PostgreSQL's answer.
 */
export const quarantinedBatches = pgTable(
  'quarantined_batches',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'cascade' }),
    updates: bytea('updates').notNull(),
    updateCount: bigint('update_count', { mode: 'number' }).notNull(),
    userIds: text('user_ids').array().notNull().default([]),
    error: text('error').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('quarantined_batches_document_idx').on(t.documentId, t.at)],
);
