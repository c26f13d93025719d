import { createDocumentBody } from '../schemas';
import type { Extracted } from './extract';
import type { SourceMetadata } from './metadata';

const fields = createDocumentBody.shape;

/**
 * The metadata a file gave (extract.ts), checked against the request schema the uploader's own
 * values pass (server/documents/schemas.ts), each field on its own: a value the schema refuses is
 * dropped, never stored and never an error, since the file's author is not the uploader. Runs on
 * the main thread (the worker does not load the schemas); the worker has already cleaned the values.
 */
export function acceptedMetadata(extracted: Extracted): SourceMetadata {
  const out: SourceMetadata = {};
  const title = fields.title.safeParse(extracted.title);
  if (extracted.title !== undefined && title.success) out.title = title.data;
  const sourceUrl = fields.sourceUrl.safeParse(extracted.sourceUrl);
  if (sourceUrl.success && sourceUrl.data !== undefined) out.sourceUrl = sourceUrl.data;
  const authors = fields.authors.safeParse(extracted.authors);
  if (authors.success && authors.data?.length) out.authors = authors.data;
  const date = fields.sourcePublishedOn.safeParse(extracted.sourcePublishedOn);
  if (date.success && date.data !== undefined) out.sourcePublishedOn = date.data;
  return out;
}

/**
 * A document's metadata at import: each value the uploader gives wins (an empty `authors` list
 * counts as not given), then the file's own (`acceptedMetadata`).
 */
export function mergeMetadata(given: SourceMetadata, extracted: Extracted): SourceMetadata {
  const own = acceptedMetadata(extracted);
  return {
    title: given.title ?? own.title,
    sourceUrl: given.sourceUrl ?? own.sourceUrl,
    authors: given.authors?.length ? given.authors : own.authors,
    sourcePublishedOn: given.sourcePublishedOn ?? own.sourcePublishedOn,
  };
}
