import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EvidenceArchive } from '../../db/schema';
import { conflict, notFound, unprocessable } from '../errors';
import type { Archiver } from './archiver';
import { findArchive, findEvidence } from './repository';
import { archiveParams, archiveReply, type ArchiveJson } from './schemas';
import { errorResponses } from '../plugins/error-responses';

const EVIDENCE_MISSING = { code: 'evidence_not_found', message: 'No such evidence on this claim.' };

function archiveJson(row: EvidenceArchive): ArchiveJson {
  return {
    evidenceId: row.evidenceId,
    url: row.url,
    state: row.state,
    finalUrl: row.finalUrl,
    httpStatus: row.httpStatus,
    contentType: row.contentType,
    title: row.title,
    text: row.text,
    sha256: row.sha256,
    error: row.error,
    fetchedAt: row.fetchedAt?.toISOString() ?? null,
    checkedAt: row.checkedAt?.toISOString() ?? null,
    recheck: row.recheck as ArchiveJson['recheck'],
    createdAt: row.createdAt.toISOString(),
  };
}

/** The archived copy of a link evidence (docs/api.md "Evidence archive"). */
const archiveRoutes: FastifyPluginAsyncZod<{ archiver: Archiver }> = async (app, { archiver }) => {
  app.get('/claims/:id/evidence/:eid/archive', {
    config: { access: { role: 'viewer', find: 'claim' } },
    schema: { tags: ['claims'], params: archiveParams, response: { 200: archiveReply } },
  }, async (request) => {
    const { id, eid } = request.params;
    const row = await findArchive(app.db, id, eid);
    if (row) return { archive: archiveJson(row) };
    // Link evidence not yet taken by the archiver (added through the shared document a moment ago).
    const entry = await findEvidence(app.db, id, eid);
    if (!entry) throw notFound(EVIDENCE_MISSING.code, EVIDENCE_MISSING.message);
    if (entry.kind !== 'url' || !entry.url) throw notFound('archive_not_found', 'Only link evidence is archived.');
    if (!archiver.enabled) throw notFound('archive_not_found', 'Archiving is turned off on this server.');
    const now = new Date();
    return { archive: archiveJson({ claimId: id, evidenceId: eid, url: entry.url, state: 'pending', finalUrl: null, httpStatus: null, contentType: null, title: null, text: null, sha256: null, error: null, fetchedAt: null, checkedAt: null, recheck: null, createdAt: now }) };
  });

  app.post('/claims/:id/evidence/:eid/archive/recheck', {
    // A re-check makes the server fetch a page: for those who edit the claim, not for readers.
    config: { access: { role: 'annotator', find: 'claim' } },
    schema: { tags: ['claims'], params: archiveParams, response: { 200: archiveReply, ...errorResponses(409, 422) } },
  }, async (request) => {
    const { id, eid } = request.params;
    const { claim: owner, user } = request.access;
    const entry = await findEvidence(app.db, id, eid);
    if (!entry) throw notFound(EVIDENCE_MISSING.code, EVIDENCE_MISSING.message);
    if (entry.kind !== 'url' || !entry.url) throw unprocessable('not_a_link', 'Only link evidence is archived and re-checked.');
    if (!archiver.enabled) throw conflict('archiving_off', 'Archiving is turned off on this server (ARCHIVE_CONCURRENCY is 0).');
    const row = await archiver.recheck({ claimId: id, documentId: owner.documentId }, { evidenceId: eid, url: entry.url, title: entry.title }, user.id);
    return { archive: archiveJson(row) };
  });
};

export default archiveRoutes;
