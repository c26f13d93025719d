import { date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';
import { workspaces } from './workspaces';

export const DOCUMENT_FORMATS = ['text', 'markdown', 'html', 'pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const documentFormat = pgEnum('document_format', DOCUMENT_FORMATS);

/**
 * A source document. `text` is the canonical plain text every anchor offset counts in
 * (UTF-16 code units); `format` records what it was imported from. `contentHash` is the
 * SHA-256 of `text`.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    sourceUrl: text('source_url'),
    /** The source's author(s) and publication date, as the uploader gave or the file said (exports cite them). */
    authors: text('authors').array().notNull().default([]),
    sourcePublishedOn: date('source_published_on', { mode: 'string' }),
    format: documentFormat('format').notNull(),
    text: text('text').notNull(),
    contentHash: text('content_hash').notNull(),
    /** Counts the texts this document has had; earlier ones are in document_versions. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_workspace_idx').on(t.workspaceId, t.createdAt)],
);

export type Document = typeof documents.$inferSelect;

/**
 * A claim suggestion someone dismissed, for everyone in the document. `key` is the SHA-256 of the
 * suggested sentence's text, so a dismissal outlives a new version that keeps the sentence; `exact`
 * is the sentence, for the list of dismissed suggestions (and their undo).
 */
export const suggestionDismissals = pgTable(
  'suggestion_dismissals',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    exact: text('exact').notNull(),
    dismissedBy: uuid('dismissed_by').references(() => users.id, { onDelete: 'set null' }),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.key] })],
);

export type SuggestionDismissal = typeof suggestionDismissals.$inferSelect;

/** An earlier text of a document, kept when a new version replaces it. */
export const documentVersions = pgTable(
  'document_versions',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    format: documentFormat('format').notNull(),
    contentHash: text('content_hash').notNull(),
    replacedBy: uuid('replaced_by').references(() => users.id, { onDelete: 'set null' }),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.version] })],
);
