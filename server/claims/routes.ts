import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as Y from 'yjs';
import type { Role } from '../shared/roles';
import { AnchorRangeError, anchor as findAnchor, anchorFromRange } from '../anchoring';
import { initServerFields } from '../collab/authoritative';
import { restOrigin } from '../collab/origins';
import type { Room } from '../collab/room';
import { findDocument } from '../documents/repository';
import { documentParams } from '../documents/schemas';
import { HttpError, notFound, unprocessable } from '../errors';
import { requireUser } from '../plugins/auth';
import { claimsOf, fieldRule, isSignedOff, newClaim, newEvidence, type Anchor } from '../shared/claim-doc';
import { requireRole } from '../workspaces/access';
import { mirrorClaim } from '../votes/mirror';
import { claimState } from '../votes/repository';
import { wordingChanged } from '../votes/wording';
import { claimHistory, claimStatus, findClaimOwner, listClaims, recordClaimEvent } from './repository';
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

const DOCUMENT_MISSING = { code: 'document_not_found', message: 'No such document, or it is not in one of your workspaces.' };
const CLAIM_MISSING = { code: 'claim_not_found', message: 'No such claim, or it is not in one of your workspaces.' };
/** How long a REST write waits for its commit before answering 503 (the change is kept and saved later). */
const COMMIT_WAIT_MS = 10_000;

async function documentFor(app: FastifyInstance, request: FastifyRequest, documentId: string, min: Role) {
  const doc = await findDocument(app.db, documentId);
  if (!doc) throw notFound(DOCUMENT_MISSING.code, DOCUMENT_MISSING.message);
  await requireRole(app.db, request, doc.workspaceId, min, DOCUMENT_MISSING);
  return doc;
}

/**
 * A signed-off claim (verified or rejected) is read-only until a lead reopens it: its anchor, its
 * evidence and the fields claim-doc's table locks after sign-off, and it cannot be deleted.
 */
const isLocked = isSignedOff;

/** The 409 for a change to a signed-off claim. */
export const claimLocked = (status: string) =>
  new HttpError(409, 'claim_locked', `This claim is signed off as ${status}, so it cannot be changed; a lead must reopen it first (set its status to in_review or open).`);

/**
 * The document and workspace of a claim the caller may act on with role `min`, or 404 (also for
 * a deleted claim, unless `deleted`: its history stays readable). With `unlocked`, a signed-off
 * claim is 409 claim_locked.
 */
export async function claimOwnerFor(app: FastifyInstance, request: FastifyRequest, claimId: string, min: Role, options: { unlocked?: boolean; deleted?: boolean } = {}) {
  const owner = await findClaimOwner(app.db, claimId, { deleted: options.deleted });
  if (!owner) throw notFound(CLAIM_MISSING.code, CLAIM_MISSING.message);
  await requireRole(app.db, request, owner.workspaceId, min, CLAIM_MISSING);
  if (options.unlocked) {
    const status = await claimStatus(app.db, claimId);
    if (status && isLocked(status)) throw claimLocked(status);
  }
  return owner;
}

/**
 * Applies `fn` to a claim's Y.Map through the live document, unless the claim is gone (404) or
 * signed off (409): checked again inside the room's change, so a sign-off that lands between the
 * route's check and the write still wins.
 */
async function changeUnlockedClaim(app: FastifyInstance, request: FastifyRequest, documentId: string, claimId: string, fn: (map: Y.Map<unknown>, ydoc: Y.Doc, room: Room) => void): Promise<void> {
  let lockedAs: string | null = null;
  const found = await writeThroughRoom(app, request, documentId, (ydoc, room) => {
    const map = claimsOf(ydoc).get(claimId);
    if (!(map instanceof Y.Map)) return false;
    if (isLocked(map.get('status'))) {
      lockedAs = String(map.get('status'));
      return false;
    }
    fn(map as Y.Map<unknown>, ydoc, room);
  });
  if (lockedAs) throw claimLocked(lockedAs);
  if (!found) throw notFound(CLAIM_MISSING.code, CLAIM_MISSING.message);
}

/**
 * `POST /claims/:id/anchor`: moves an unlocked claim to a new passage of its document's current
 * text (settling a review flag) and records `anchor_moved` with the quotes before and after. A
 * move onto other words starts a new voting round (a verdict belongs to the words it was cast on).
 */
export async function moveClaimAnchor(app: FastifyInstance, request: FastifyRequest, owner: { documentId: string }, claimId: string, text: string, anchor: Anchor): Promise<void> {
  let from: Anchor | null = null;
  let settlesReview = false;
  await changeUnlockedClaim(app, request, owner.documentId, claimId, (map, _ydoc, room) => {
    from = (map.get('anchor') as Anchor | undefined) ?? null;
    settlesReview = Boolean(map.get('review'));
    room.text = text;
    // The anchor is immutable for clients; this REST call is the server's own, trusted write.
    map.set('anchor', anchor);
    map.set('review', null);
  });
  const quote = (a: Anchor | null) => (a ? { start: a.start, end: a.end, exact: a.exact } : null);
  const userId = requireUser(request).id;
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

/**
 * Applies a change to the document's live Y.Doc as the calling user (so every open client sees it)
 * and waits for its commit. `fn` returns false when the thing to change is not there.
 */
export async function writeThroughRoom(app: FastifyInstance, request: FastifyRequest, documentId: string, fn: (doc: Y.Doc, room: Room) => boolean | void): Promise<boolean> {
  const user = requireUser(request);
  const room = await app.rooms.acquire(documentId);
  try {
    let applied = true as boolean;
    const seq = room.change(restOrigin({ id: user.id, name: user.name }), (doc) => {
      applied = fn(doc, room) !== false;
    });
    if (!applied) return false;
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), COMMIT_WAIT_MS).unref());
    if ((await Promise.race([room.durable(seq), timeout])) === 'timeout') {
      throw new HttpError(503, 'not_saved_yet', 'The change is applied but the database has not confirmed it yet; it will be saved when it answers.');
    }
    return true;
  } finally {
    app.rooms.release(room);
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
  if (!claim) throw notFound(CLAIM_MISSING.code, CLAIM_MISSING.message);
  return claim;
}

/** Claims and evidence (API.md "Claims"): reads from the projection, writes through the live document. */
const claimRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/documents/:id/claims', {
    schema: { tags: ['claims'], params: documentParams, response: { 200: claimsReply } },
  }, async (request) => {
    const doc = await documentFor(app, request, request.params.id, 'viewer');
    return { claims: await listClaims(app.db, { documentId: doc.id }, requireUser(request).id) };
  });

  app.post('/documents/:id/claims', {
    schema: { tags: ['claims'], params: documentParams, body: createClaimBody, response: { 201: claimReply } },
  }, async (request, reply) => {
    const doc = await documentFor(app, request, request.params.id, 'annotator');
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
    const user = requireUser(request);
    await writeThroughRoom(app, request, doc.id, (ydoc) => {
      const map = newClaim({ id, anchor, confidence: body.confidence ?? null, note: body.note, tags: body.tags });
      initServerFields(map, user);
      claimsOf(ydoc).set(id, map);
    });
    return reply.code(201).send({ claim: await oneClaim(app, request, id) });
  });

  app.get('/claims/:id', { schema: { tags: ['claims'], params: claimParams, response: { 200: claimReply } } }, async (request) => {
    await claimOwnerFor(app, request, request.params.id, 'viewer');
    return { claim: await oneClaim(app, request, request.params.id) };
  });

  app.patch('/claims/:id', {
    schema: { tags: ['claims'], params: claimParams, body: patchClaimBody, response: { 200: claimReply } },
  }, async (request) => {
    const { id } = request.params;
    const { confidence, note, tags } = request.body;
    // Sign-off locks the rating and the note, not the tags (claim-doc's field table).
    const locking = Object.entries({ confidence, note, tags }).some(([field, value]) => value !== undefined && fieldRule(field)?.lockedAfterSignOff);
    const owner = await claimOwnerFor(app, request, id, 'annotator', { unlocked: locking });
    let lockedAs: string | null = null;
    const found = await writeThroughRoom(app, request, owner.documentId, (ydoc) => {
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
    if (!found) throw notFound(CLAIM_MISSING.code, CLAIM_MISSING.message);
    return { claim: await oneClaim(app, request, id) };
  });

  app.delete('/claims/:id', { schema: { tags: ['claims'], params: claimParams } }, async (request, reply) => {
    const { id } = request.params;
    const owner = await claimOwnerFor(app, request, id, 'annotator', { unlocked: true });
    // The projection keeps the row (deleted_at), its votes and comments: an undo brings them back.
    await changeUnlockedClaim(app, request, owner.documentId, id, (_map, ydoc) => claimsOf(ydoc).delete(id));
    return reply.code(204).send();
  });

  app.post('/claims/:id/evidence', {
    schema: { tags: ['claims'], params: claimParams, body: createEvidenceBody, response: { 201: evidenceReply } },
  }, async (request, reply) => {
    const { id } = request.params;
    const owner = await claimOwnerFor(app, request, id, 'annotator', { unlocked: true });
    const body = request.body;
    const user = requireUser(request);
    let anchor: Anchor | null = null;
    if (body.kind === 'document') {
      const source = await findDocument(app.db, body.documentId!);
      if (!source || source.workspaceId !== owner.workspaceId) {
        throw notFound(DOCUMENT_MISSING.code, 'The evidence document is not in this workspace.');
      }
      anchor = rangeAnchor(source.text, body.start!, body.end!, 'the evidence document');
    }
    const evidenceId = randomUUID();
    let found = true;
    await changeUnlockedClaim(app, request, owner.documentId, id, (map) => {
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
    if (!found) throw notFound(CLAIM_MISSING.code, CLAIM_MISSING.message);
    // The link is committed (in the projection): the archiver fetches it in the background now.
    if (body.kind === 'url') app.archiver.nudge();
    const claim = await oneClaim(app, request, id);
    return reply.code(201).send({ evidence: claim.evidence.find((e) => e.id === evidenceId)! });
  });

  app.get('/claims/:id/history', {
    schema: { tags: ['claims'], params: claimParams, querystring: historyQuery, response: { 200: historySchema } },
  }, async (request) => {
    // A deleted claim's history stays readable (it ends with `deleted`).
    const owner = await claimOwnerFor(app, request, request.params.id, 'viewer', { deleted: true });
    const state = await claimState(app.db, request.params.id);
    const revealed = state?.revealedAt != null;
    const { kinds, important } = request.query;
    const filter = { kinds: kinds?.split(',').map((k) => k.trim()).filter(Boolean), important: important === 'true' };
    // `?kinds=` with no action names filters nothing.
    return { events: await claimHistory(app.db, request.params.id, owner.documentId, requireUser(request).id, revealed, filter) };
  });
};

export default claimRoutes;
