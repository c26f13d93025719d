import type { FastifyInstance } from 'fastify';
import * as Y from 'yjs';
import { SERVER_ORIGIN } from '../collab/origins';
import { claimsOf } from '../shared/claim-doc';
import { claimState, listComments, listVotes } from './repository';
import type { VoteRow } from './repository';
import { visibleVotes } from './visibility';

/**
 * A vote as the shared document carries it (after reveal only): the current round's, with whether
 * it came after reveal and any revision beside it (the tally keeps the blind verdict).
 */
const liveVote = (v: VoteRow) => ({
  name: v.user.name,
  verdict: v.verdict,
  confidence: v.confidence,
  note: v.note,
  at: v.at.toISOString(),
  round: v.round,
  afterReveal: v.afterReveal,
  revised: v.revised ? { verdict: v.revised.verdict, reason: v.revised.reason, at: v.revised.at.toISOString() } : null,
});

/**
 * Writes a claim's server-owned state from Postgres (status, reveal, votes, tally, comments) into
 * the document's live Y.Doc, so every open client sees it. Everyone in a room receives the same
 * Y.Doc, so before reveal it carries only the vote count, never a verdict. Resolves once committed.
 */
export async function mirrorClaim(app: FastifyInstance, documentId: string, claimId: string): Promise<void> {
  const state = await claimState(app.db, claimId);
  if (!state) return;
  const [allVotes, allComments] = await Promise.all([listVotes(app.db, [claimId]), listComments(app.db, [claimId])]);
  const revealed = state.revealedAt !== null;
  const { votes, tally } = visibleVotes(allVotes, { revealed, round: state.round }, null);
  const room = await app.rooms.acquire(documentId);
  try {
    const seq = room.change(SERVER_ORIGIN, (doc) => {
      const map = claimsOf(doc).get(claimId);
      if (!map) return;
      if (map.get('status') !== state.status) map.set('status', state.status);
      if (map.get('revealed') !== revealed) map.set('revealed', revealed);
      if (JSON.stringify(map.get('tally')) !== JSON.stringify(tally)) map.set('tally', tally);
      let voteMap = map.get('votes');
      if (!(voteMap instanceof Y.Map)) map.set('votes', (voteMap = new Y.Map()));
      const ymap = voteMap as Y.Map<unknown>;
      const shown = new Map(votes.map((v) => [v.user.id, liveVote(v)]));
      for (const key of [...ymap.keys()]) if (!shown.has(key)) ymap.delete(key);
      for (const [key, value] of shown) if (JSON.stringify(ymap.get(key)) !== JSON.stringify(value)) ymap.set(key, value);
      let list = map.get('comments');
      if (!(list instanceof Y.Array)) map.set('comments', (list = new Y.Array()));
      const yarr = list as Y.Array<{ id: string }>;
      const have = new Set(yarr.toArray().map((c) => c?.id));
      const missing = allComments.filter((c) => !have.has(c.id));
      if (missing.length) {
        yarr.push(missing.map((c) => ({ id: c.id, user: c.user, body: c.body, replyTo: c.replyTo, at: c.at.toISOString() })));
      }
    });
    await room.durable(seq);
  } finally {
    app.rooms.release(room);
  }
}
