import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { storable, storableString } from '../validation';
import { documentFormat, documents } from '../../db/schema';

export const formatSchema = createSelectSchema(documentFormat);

const iso = z.string().describe('ISO 8601 time');

export const documentSchema = createSelectSchema(documents)
  .pick({ id: true, workspaceId: true, title: true, sourceUrl: true, format: true, text: true, contentHash: true, version: true })
  .extend({ createdAt: iso });

export const documentSummarySchema = createSelectSchema(documents)
  .pick({ id: true, title: true, sourceUrl: true, format: true })
  .extend({
    createdAt: iso,
    length: z.number().int().describe('length of the canonical text in characters'),
    counts: z.object({ claims: z.number().int(), verified: z.number().int() }),
  });

export const documentParams = z.object({ id: z.uuid({ error: 'must be a document id (UUID)' }) });

const sourceUrl = storable(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000));

/** The JSON form of an import. The multipart form carries `file` (+ `title`, `sourceUrl`) instead of `text`. */
export const createDocumentBody = z.strictObject({
  title: storableString().trim().min(1).max(300),
  text: storableString().min(1, { error: 'must not be empty' }),
  format: z.enum(['text', 'markdown', 'html']).default('text'),
  sourceUrl: sourceUrl.optional(),
});

export const multipartFields = z.strictObject({
  title: storableString().trim().min(1).max(300).optional(),
  sourceUrl: sourceUrl.optional(),
});

export const documentReply = z.object({ document: documentSchema });
export const documentsReply = z.object({ documents: z.array(documentSummarySchema) });
