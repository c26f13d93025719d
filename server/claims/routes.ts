import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as Y from 'yjs';
import { AnchorRangeError, anchor as findAnchor, anchorFromRange } from '../anchoring';
import { initServerFields } from '../collab/authoritative';
import { writeToLiveDocument } from '../collab/live-write';
import type { Room } from '../collab/room';
import { findDocument } from '../documents/repository';
import { documentParams } from '../documents/schemas';
import { HttpError, notFound, unprocessable } from '../errors';
import { notFoundError } from '../plugins/access';
import { claimsOf, fieldRule, isSignedOff, newClaim, newEvidence, type Anchor, type UserRef } from '../shared/claim-doc';
import { mirrorClaim } from '../votes/mirror';
import { claimState } from '../votes/repository';
import { wordingChanged } from '../votes/wording';
import { claimHistory, listClaims, recordClaimEvent, type ClaimOwner } from './repository';
import {
  claimParams,
  claimReply,
  claimsReply,
  createClaimBody,
  createEvidenceBody,
  evidenceReply,
  historyQuery,
  historySchema,
  patchClaimBody,
} from './schemas';
import { errorResponses, noContent } from '../plugins/error-responses';

/**
 * A signed-off claim (verified or rejected) is read-only until a lead reopens it: its anchor, its
 * evidence and the fields claim-doc's table locks after sign-off, and it cannot be deleted.
 */
const isLocked = isSignedOff;

/** The 409 for a change to a signed-off claim. */
export const claimLocked = (status: string) =>
  new HttpError(409, 'claim_locked', `This claim is signed off as ${status}, so it cannot be changed; a lead must reopen it first (set its status to in_review or open).`);

/** 409 claim_locked for a signed-off claim, checked before a change that sign-off forbids. */
export function refuseIfLocked(claim: ClaimOwner): void {
  if (claim.status && isLocked(claim.status)) throw claimLocked(claim.status);
}

/**
 * Applies `fn` to a claim's Y.Map through the live document, unless the claim is gone (404) or
 * signed off (409): checked again inside the room's change, so a sign-off that lands between the
 * route's check and the write still wins.
 */
async function changeUnlockedClaim(app: FastifyInstance, author: UserRef, documentId: string, claimId: string, fn: (map: Y.Map<unknown>, ydoc: Y.Doc, room: Room) => void): Promise<void> {
  let lockedAs: string | null = null;
  const found = await writeToLiveDocument(app.rooms, author, documentId, (ydoc, room) => {
    const map = claimsOf(ydoc).get(claimId);
    if (!(map instanceof Y.Map)) return false;
    if (isLocked(map.get('status'))) {
      lockedAs = String(map.get('status'));
      return false;
    }
    fn(map as Y.Map<unknown>, ydoc, room);
  });
  if (lockedAs) throw claimLocked(lockedAs);
  if (!found) throw notFoundError('claim');
}

/**
 * `POST /claims/:id/anchor`: moves an unlocked claim to a new passage of its document's current
 * text (settling a review flag) and records `anchor_moved` with the quotes before and after. A
 * move onto other words starts a new voting round (a verdict belongs to the words it was cast on).
 */
export async function moveClaimAnchor(app: FastifyInstance, author: UserRef, owner: { documentId: string }, claimId: string, text: string, anchor: Anchor): Promise<void> {
  let from: Anchor | null = null;
  let settlesReview = false;
  await changeUnlockedClaim(app, author, owner.documentId, claimId, (map, _ydoc, room) => {
    from = (map.get('anchor') as Anchor | undefined) ?? null;
    settlesReview = Boolean(map.get('review'));
    room.text = text;
    // The anchor is immutable for clients; this REST call is the server's own, trusted write.
    map.set('anchor', anchor);
    map.set('review', null);
  });
  const quote = (a: Anchor | null) => (a ? { start: a.start, end: a.end, exact: a.exact } : null);
  const userId = author.id;
  await recordClaimEvent(app.db, { claimId, documentId: owner.documentId, userId, action: 'anchor_moved', field: 'anchor', from: quote(from), to: quote(anchor) });
  const before = (from as Anchor | null)?.exact;
  if (before !== undefined && before !== anchor.exact) {
    const version = (await findDocument(app.db, owner.documentId))?.version;
    const reason = settlesReview && version ? `text changed in v${version}` : 'the claim was moved to other words';
    if (await wordingChanged(app.db, { claimId, documentId: owner.documentId, from: before, to: anchor.exact, reason, userId })) {
      await mirrorClaim(app, owner.documentId, claimId);
    }
  }
}

/** The anchor of a character range, or 422 when the range is not a non-empty run of whole characters inside the text. */
function rangeAnchor(text: string, start: number, end: number, where: string): Anchor {
  try {
    return anchorFromRange(text, start, end);
  } catch (err) {
    if (err instanceof AnchorRangeError) {
      throw unprocessable('anchor_not_found', `The range ${start}–${end} is not a passage of ${where} (its length is ${text.length}).`);
    }
    throw err;
  }
}

/** One claim as the caller may see it, or 404. */
export async function oneClaim(app: FastifyInstance, request: FastifyRequest, id: string) {
  const [claim] = await listClaims(app.db, { ids: [id] }, request.user?.id ?? null);
  if (!claim) throw notFoundError('claim');
  return claim;
}

/** Claims and evidence (API.md "Claims"): reads from the projection, writes through the live document. */
const claimRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/documents/:id/claims', {
    config: { access: { role: 'viewer', find: 'document' } },
    schema: { tags: ['claims'], params: documentParams, response: { 200: claimsReply } },
  }, async (request) => {
    const { document, user } = request.access;
    return { claims: await listClaims(app.db, { documentId: document.id }, user.id) };
  });

  app.post('/documents/:id/claims', {
    config: { access: { role: 'annotator', find: 'document' } },
    schema: { tags: ['claims'], params: documentParams, body: createClaimBody, response: { 201: claimReply, ...errorResponses(422) } },
  }, async (request, reply) => {
    const { document: doc, user } = request.access;
    const body = request.body;
    let anchor: Anchor;
    if (body.start !== undefined && body.end !== undefined) {
      anchor = rangeAnchor(doc.text, body.start, body.end, 'the document');
      if (body.exact !== undefined && body.exact !== anchor.exact) {
        throw unprocessable('anchor_not_found', 'The text at start–end is not the given quote.');
      }
    } else {
      const found = findAnchor(doc.text, { exact: body.exact!, prefix: body.prefix, suffix: body.suffix });
      if (found.status !== 'anchored' || found.method === 'fuzzy') {
        const ambiguous = found.status === 'needs_review' && found.reason === 'ambiguous';
        throw unprocessable(
          ambiguous ? 'anchor_ambiguous' : 'anchor_not_found',
          ambiguous ? 'The quote occurs more than once; add a prefix or suffix to say which.' : 'The quote is not in the document.',
        );
      }
      anchor = found.anchor;
    }
    const id = randomUUID();
    await writeToLiveDocument(app.rooms, user, doc.id, (ydoc) => {
      const map = newClaim({ id, anchor, confidence: body.confidence ?? null, note: body.note, tags: body.tags });
      initServerFields(map, user);
      claimsOf(ydoc).set(id, map);
    });
    return reply.code(201).send({ claim: await oneClaim(app, request, id) });
  });

  app.get('/claims/:id', {
    config: { access: { role: 'viewer', find: 'claim' } },
    schema: { tags: ['claims'], params: claimParams, response: { 200: claimReply } },
  }, async (request) => ({ claim: await oneClaim(app, request, request.params.id) }));

  app.patch('/claims/:id', {
    config: { access: { role: 'annotator', find: 'claim' } },
    schema: { tags: ['claims'], params: claimParams, body: patchClaimBody, response: { 200: claimReply, ...errorResponses(409, 422) } },
  }, async (request) => {
    const { id } = request.params;
    const { claim, user } = request.access;
    const { confidence, note, tags } = request.body;
    // Sign-off locks the rating and the note, not the tags (claim-doc's field table).
    const locking = Object.entries({ confidence, note, tags }).some(([field, value]) => value !== undefined && fieldRule(field)?.lockedAfterSignOff);
    if (locking) refuseIfLocked(claim);
    let lockedAs: string | null = null;
    const found = await writeToLiveDocument(app.rooms, user, claim.documentId, (ydoc) => {
      const map = claimsOf(ydoc).get(id);
      if (!map) return false;
      if (locking && isLocked(map.get('status'))) {
        lockedAs = String(map.get('status'));
        return false;
      }
      if (confidence !== undefined) map.set('confidence', confidence);
      if (note !== undefined) {
        const text = map.get('note');
        if (text instanceof Y.Text) {
          text.delete(0, text.length);
          text.insert(0, note);
        } else map.set('note', new Y.Text(note));
      }
      if (tags !== undefined) map.set('tags', Y.Array.from(tags));
    });
    if (lockedAs) throw claimLocked(lockedAs);
    if (!found) throw notFoundError('claim');
    return { claim: await oneClaim(app, request, id) };
  });

  app.delete('/claims/:id', {
    config: { access: { role: 'annotator', find: 'claim' } },
    schema: { tags: ['claims'], params: claimParams, response: { 204: noContent, ...errorResponses(409, 422) } },
  }, async (request, reply) => {
    const { id } = request.params;
    const { claim, user } = request.access;
    refuseIfLocked(claim);
    // The projection keeps the row (deleted_at), its votes and comments: an undo brings them back.
    await changeUnlockedClaim(app, user, claim.documentId, id, (_map, ydoc) => claimsOf(ydoc).delete(id));
    return reply.code(204).send(null);
  });

  app.post('/claims/:id/evidence', {
    config: { access: { role: 'annotator', find: 'claim' } },
    schema: { tags: ['claims'], params: claimParams, body: createEvidenceBody, response: { 201: evidenceReply, ...errorResponses(409, 422) } },
  }, async (request, reply) => {
    const { id } = request.params;
    const { claim: owner, user } = request.access;
    refuseIfLocked(owner);
    const body = request.body;
    let anchor: Anchor | null = null;
    if (body.kind === 'document') {
      const source = await findDocument(app.db, body.documentId!);
      if (!source || source.workspaceId !== owner.workspaceId) {
        throw notFound('document_not_found', 'The evidence document is not in this workspace.');
      }
      anchor = rangeAnchor(source.text, body.start!, body.end!, 'the evidence document');
    }
    const evidenceId = randomUUID();
    let found = true;
    await changeUnlockedClaim(app, user, owner.documentId, id, (map) => {
      const list = map.get('evidence');
      if (!(list instanceof Y.Array)) return void (found = false);
      list.push([
        newEvidence({
          id: evidenceId,
          kind: body.kind,
          stance: body.stance,
          url: body.url ?? null,
          title: body.title ?? null,
          excerpt: body.excerpt ?? anchor?.exact ?? null,
          documentId: body.kind === 'document' ? body.documentId! : null,
          anchor,
          addedBy: { id: user.id, name: user.name },
          addedAt: new Date().toISOString(),
        }),
      ]);
    });
    if (!found) throw notFoundError('claim');
    // The link is committed (in the projection): the archiver fetches it in the background now.
    if (body.kind === 'url') app.archiver.nudge();
    const claim = await oneClaim(app, request, id);
    return reply.code(201).send({ evidence: claim.evidence.find((e) => e.id === evidenceId)! });
  });

  app.get('/claims/:id/history', {
    // A deleted claim's history stays readable (it ends with `deleted`).
    config: { access: { role: 'viewer', find: 'claim', includeDeleted: true } },
    schema: { tags: ['claims'], params: claimParams, querystring: historyQuery, response: { 200: historySchema } },
  }, async (request) => {
    const { claim: owner, user } = request.access;
    const state = await claimState(app.db, request.params.id);
    const revealed = state?.revealedAt != null;
    const { kinds, important } = request.query;
    const filter = { kinds: kinds?.split(',').map((k) => k.trim()).filter(Boolean), important: important === 'true' };
    // `?kinds=` with no action names filters nothing.
    return { events: await claimHistory(app.db, request.params.id, owner.documentId, user.id, revealed, filter) };
  });
};

export default claimRoutes;
