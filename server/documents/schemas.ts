import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { storable, storableString } from '../validation';
import { documentFormat, documents } from '../../db/schema';

export const formatSchema = createSelectSchema(documentFormat);

const iso = z.string().describe('ISO 8601 time');

export const documentSchema = createSelectSchema(documents)
  .pick({ id: true, workspaceId: true, title: true, sourceUrl: true, authors: true, sourcePublishedOn: true, format: true, text: true, contentHash: true, version: true })
  .extend({ createdAt: iso });

export const documentSummarySchema = createSelectSchema(documents)
  .pick({ id: true, title: true, sourceUrl: true, authors: true, sourcePublishedOn: true, format: true, version: true })
  .extend({
    createdAt: iso,
    length: z.number().int().describe('length of the canonical text in characters'),
    counts: z.object({ claims: z.number().int(), verified: z.number().int() }),
  });

export const documentParams = z.object({ id: z.uuid({ error: 'must be a document id (UUID)' }) });

const sourceUrl = storable(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000));
const title = storableString().trim().min(1).max(300);
const authors = z.array(storableString().trim().min(1).max(200)).max(20);
/** The source's publication date, a calendar day. */
const sourcePublishedOn = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });

/** The source's metadata, as every export cites it: set at import, editable later (annotators and leads). */
const metadata = { sourceUrl: sourceUrl.optional(), authors: authors.optional(), sourcePublishedOn: sourcePublishedOn.optional() };

/** The JSON form of an import. The multipart form carries `file` (+ `title`, `sourceUrl`) instead of `text`. */
export const createDocumentBody = z.strictObject({
  title,
  text: storableString().min(1, { error: 'must not be empty' }),
  format: z.enum(['text', 'markdown', 'html']).default('text'),
  ...metadata,
});

/** A multipart import's text fields; `authors` is one field, names separated by commas or semicolons. */
export const multipartFields = z.strictObject({
  title: title.optional(),
  sourceUrl: sourceUrl.optional(),
  authors: storableString()
    .max(4000)
    .transform((v) => v.split(/[;,]/).map((a) => a.trim()).filter(Boolean))
    .pipe(authors)
    .optional(),
  sourcePublishedOn: sourcePublishedOn.optional(),
});

/** A multipart import as the OpenAPI document describes it: the file and the optional text fields. */
export const multipartImportBody = multipartFields.extend({ file: z.file().describe('the document: .txt, .md, .html, .pdf or .docx') });

/** A new version sent as a multipart form: the file (its other fields are read as for an import, and ignored). */
export const multipartVersionBody = z.object({ file: z.file().describe('the new text: .txt, .md, .html, .pdf or .docx') });

/** `PATCH /api/documents/:id`: the metadata to change; `null` clears the source URL or date. */
export const updateDocumentBody = z
  .strictObject({ title: title.optional(), sourceUrl: sourceUrl.nullable().optional(), authors: authors.optional(), sourcePublishedOn: sourcePublishedOn.nullable().optional() })
  .refine((b) => Object.keys(b).length > 0, { error: 'name at least one of title, sourceUrl, authors, sourcePublishedOn' });

export const documentReply = z.object({ document: documentSchema });
export const documentsReply = z.object({ documents: z.array(documentSummarySchema) });

const count = (what: string) => z.number().int().describe(what);

/** What deleting a document removes, and the evidence elsewhere it keeps (repository.ts `DeletionImpact`). */
export const deletionReply = z.object({
  deletion: z.object({
    claims: count('claims of the document (not counting deleted ones)'),
    evidence: count('evidence entries of those claims'),
    votes: count('votes on those claims, every round'),
    comments: count('comments on those claims'),
    published: count('published fact-checks among them (their public pages answer 404 afterwards)'),
    versions: count('versions of the text, the current one included'),
    citedBy: count("evidence entries of other documents' claims whose source is this document: kept, with their excerpt"),
  }),
});

/** `GET /api/limits`: what an upload may be (server/documents/import/limits.ts `uploadLimits`). */
export const limitsReply = z.object({
  limits: z.object({
    maxUploadBytes: count('largest file an upload (import or new version) may send, in bytes'),
    maxDocumentChars: count("longest text a document may have once extracted, in characters"),
    maxPdfPages: count('most pages a PDF may have'),
  }),
});
