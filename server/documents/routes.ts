import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Document, DocumentFormat } from '../../db/schema';
import type { Config } from '../config';
import { badRequest, HttpError, unprocessable, unsupportedMediaType } from '../errors';
import { parseOrThrow } from '../validation';
import { workspaceParams } from '../workspaces/schemas';
import { JobFailedError, type JobPool } from '../jobs';
import { detectFormat, isTextFormat, titleFromFilename } from './import/format';
import type { Extracted, ImportInput } from './import/extract';
import { mergeMetadata } from './import/accept-metadata';
import { ImportRefusal, precheckDocument, uploadLimits } from './import/limits';
import { notFoundError } from '../plugins/access';
import { deleteDocument, deletionImpact, insertDocument, listDocuments, updateDocumentMetadata } from './repository';
import { createDocumentBody, deletionReply, documentParams, documentReply, documentsReply, limitsReply, multipartFields, multipartImportBody, updateDocumentBody } from './schemas';
import { errorResponses } from '../plugins/error-responses';

export interface Upload {
  title?: string;
  sourceUrl?: string;
  authors?: string[];
  sourcePublishedOn?: string;
  text: string;
  format: DocumentFormat;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Extracts an import's text in a worker thread, within the input limits (server/jobs): a refused
 * input answers its 413 or 422, and a file the converter cannot read 422 `unreadable_file`.
 */
export async function extractText(request: FastifyRequest, jobs: JobPool, input: ImportInput, filename?: string): Promise<Extracted> {
  try {
    await precheckDocument(input, jobs.limits);
  } catch (err) {
    if (err instanceof ImportRefusal) throw new HttpError(err.status, err.code, err.message);
    // An archive whose directory cannot be read: the job reports the file as unreadable.
  }
  try {
    return await jobs.run('importDocument', input);
  } catch (err) {
    if (!(err instanceof JobFailedError)) throw err;
    request.log.info({ err: (err.cause as Error)?.message, filename }, 'import: unreadable file');
    const name = filename ?? 'The text';
    throw unprocessable('unreadable_file', `${name} could not be read as ${input.format === 'pdf' || input.format === 'docx' ? `a ${input.format.toUpperCase()} file; is it damaged or password-protected?` : `${input.format === 'html' ? 'HTML' : input.format === 'markdown' ? 'Markdown' : 'text'}.`}`);
  }
}

/**
 * Reads a multipart import: one `file` part plus optional `title`, `sourceUrl`, `authors` and
 * `sourcePublishedOn` fields; its text and the metadata the file carries are extracted in a worker
 * thread. The fields win over the file's metadata; without a title from either, the file name.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number, jobs: JobPool): Promise<Upload> {
  const fields: Record<string, string> = {};
  let file: { filename: string; mimetype: string; bytes: Buffer } | undefined;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') throw badRequest('unexpected_file', `Send the document in the field "file", not "${part.fieldname}".`);
      file = { filename: part.filename, mimetype: part.mimetype, bytes: await part.toBuffer() };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) throw badRequest('file_missing', 'The form has no "file" field; attach a .txt, .md or .html file.');
  const meta = parseOrThrow(multipartFields, fields);
  const format = detectFormat(file.filename, file.mimetype);
  if (!format) {
    throw unsupportedMediaType('unsupported_format', `${file.filename} is not a supported file; import .txt, .md, .html, .pdf or .docx.`);
  }
  let input: ImportInput;
  if (isTextFormat(format)) {
    try {
      input = { format, raw: utf8.decode(file.bytes) };
    } catch {
      throw unprocessable('invalid_encoding', `${file.filename} is not UTF-8 text.`);
    }
  } else input = { format, bytes: file.bytes };
  const extracted = await extractText(request, jobs, input, file.filename);
  const metadata = mergeMetadata(meta, extracted);
  return { ...metadata, title: metadata.title ?? titleFromFilename(file.filename), text: extracted.text, format };
}

/** Importing, listing and reading documents (API.md "Documents"). */
const documentRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.post('/workspaces/:wid/documents', {
    config: { access: { role: 'annotator', find: 'workspace' } },
    schema: {
      tags: ['documents'],
      description:
        'Import a document: JSON `{title, text, format?, sourceUrl?, authors?, sourcePublishedOn?}` or a multipart form with `file` (.txt, .md, .html, .pdf, .docx) and optional `title`, `sourceUrl`, `authors` (comma-separated), `sourcePublishedOn`.',
      params: workspaceParams,
      requestBodies: { 'application/json': createDocumentBody, 'multipart/form-data': multipartImportBody },
      response: { 201: documentReply, ...errorResponses(422) },
    },
  }, async (request, reply) => {
    const { wid } = request.params;
    let upload: Upload;
    if (request.isMultipart()) {
      upload = await readUpload(request, config.maxUploadBytes, app.jobs);
    } else {
      const body = parseOrThrow(createDocumentBody, request.body);
      const extracted = await extractText(request, app.jobs, { format: body.format, raw: body.text });
      // Pasted HTML carries its metadata too; the body's values win (its title is required).
      upload = { ...body, ...mergeMetadata(body, extracted), text: extracted.text };
    }
    const { text } = upload;
    if (!text) throw unprocessable('empty_document', 'The document has no text once its markup is removed.');
    const doc = await insertDocument(app.db, {
      workspaceId: wid,
      title: upload.title ?? 'Untitled',
      text,
      format: upload.format,
      sourceUrl: upload.sourceUrl,
      authors: upload.authors ?? [],
      sourcePublishedOn: upload.sourcePublishedOn ?? null,
      createdBy: request.access.user.id,
    });
    return reply.code(201).send({ document: presentDocument(doc) });
  });

  app.get('/workspaces/:wid/documents', {
    config: { access: { role: 'viewer', find: 'workspace' } },
    schema: { tags: ['documents'], params: workspaceParams, response: { 200: documentsReply } },
  }, async (request) => {
    const rows = await listDocuments(app.db, request.params.wid);
    return {
      documents: rows.map(({ claims, verified, createdAt, ...doc }) => ({
        ...doc,
        createdAt: createdAt.toISOString(),
        counts: { claims, verified },
      })),
    };
  });

  app.get('/documents/:id', {
    config: { access: { role: 'viewer', find: 'document' } },
    schema: { tags: ['documents'], params: documentParams, response: { 200: documentReply } },
  }, async (request) => ({ document: presentDocument(request.access.document) }));

  app.patch('/documents/:id', {
    config: { access: { role: 'annotator', find: 'document' } },
    schema: { tags: ['documents'], description: "Change a document's metadata: title, source URL, authors, the source's publication date.", params: documentParams, body: updateDocumentBody, response: { 200: documentReply } },
  }, async (request) => {
    const updated = await updateDocumentMetadata(app.db, request.params.id, request.body);
    if (!updated) throw notFoundError('document');
    return { document: presentDocument(updated) };
  });

  app.get('/documents/:id/deletion', {
    config: { access: { role: 'lead', find: 'document' } },
    schema: {
      tags: ['documents'],
      description: 'What deleting the document would remove (claims, evidence, votes, comments, published fact-checks, versions) and what it keeps (evidence in other documents that cites it), for the confirmation.',
      params: documentParams,
      response: { 200: deletionReply },
    },
  }, async (request) => ({ deletion: await deletionImpact(app.db, request.params.id) }));

  app.delete('/documents/:id', {
    config: { access: { role: 'lead', find: 'document' } },
    schema: {
      tags: ['documents'],
      description:
        'Delete the document and everything that belongs to it: claims, their evidence, votes, comments and history, its published fact-checks, its versions and its shared document. Open collaboration connections to it are closed with 4410. Evidence in other documents citing it is kept, with its excerpt. Answers what was removed.',
      params: documentParams,
      response: { 200: deletionReply },
    },
  }, async (request) => {
    const { id } = request.params;
    // The live room goes first, so nothing it holds is written back after the rows are gone.
    await app.rooms.forget(id);
    try {
      const deletion = await deleteDocument(app.db, id, request.access.user.id);
      if (!deletion) throw notFoundError('document');
      request.log.info({ documentId: id, ...deletion }, 'document deleted');
      return { deletion };
    } finally {
      app.rooms.deleted(id);
    }
  });

  app.get('/limits', {
    config: { access: { role: 'user' } },
    schema: { tags: ['documents'], description: 'The limits an upload is checked against, so a client can refuse a file before sending it.', response: { 200: limitsReply } },
  }, async () => ({ limits: uploadLimits(config) }));
};

function presentDocument(doc: Document) {
  const { createdBy: _createdBy, createdAt, ...rest } = doc;
  return { ...rest, createdAt: createdAt.toISOString() };
}

export default documentRoutes;
