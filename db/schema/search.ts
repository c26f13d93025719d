import { customType, index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { claims } from './claims';
import { documents } from './documents';

/** PostgreSQL's `tsvector`, kept as its text form (the app never reads it: only the database searches it). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The full-text search body of each claim: its quote (weight A), note (B), evidence titles and
 * excerpts (C) and comments (D), as a stored `tsvector` behind a GIN index. Written only by
 * database triggers (migration 0010): on a claim's insert and on a change of its quote or note,
 * and at commit after any change to its evidence or comments, whoever writes them. A table of its
 * own, so that reading claims never carries the vector along.
 */
export const claimSearch = pgTable(
  'claim_search',
  {
    claimId: uuid('claim_id')
      .primaryKey()
      .references(() => claims.id, { onDelete: 'cascade' }),
    body: tsvector('body').notNull(),
  },
  (t) => [index('claim_search_body_idx').using('gin', t.body)],
);

/**
 * The full-text search body of each document: its title (weight A) and the first
 * DOCUMENT_SEARCH_CHARS characters of its text (B), kept by a trigger on documents' title and text.
 */
export const documentSearch = pgTable(
  'document_search',
  {
    documentId: uuid('document_id')
      .primaryKey()
      .references(() => documents.id, { onDelete: 'cascade' }),
    body: tsvector('body').notNull(),
  },
  (t) => [index('document_search_body_idx').using('gin', t.body)],
);

/**
 * How much of a document's text is searchable: a `tsvector` holds at most 1 MB of lexemes, and
 * 240,000 characters take at most 960,000 bytes even when every character needs four. A longer
 * text is searchable in its first 240,000 characters (about a 100-page report). Written again in
 * the migration's SQL (db/migrations/0010), which is what the database runs.
 */
export const DOCUMENT_SEARCH_CHARS = 240_000;
