import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claimsOf } from '../../server/shared/claim-doc';
import { mirrorClaim } from '../../server/votes/mirror';
import { wordingChanged } from '../../server/votes/wording';
import { startApp, type TestApp } from '../helpers/app';
import { addFactcheckers, workspaceWithRoles, type Client } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';

// A verdict is tied to the words it was cast on: new words, new voting round.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let checkers: Client[];
let documentId: string;
let live: CollabClient;
const text = 'UN reports suggest that between 5,500 and 6,000 militants are active. Officials confirmed that 1,200 guards were deployed. The border is 2,650 km long. Officials confirmed that 1,200 guards were deployed.';

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  checkers = [team.factchecker, ...(await addFactcheckers(app.url, team, ['checker2', 'checker3']))];
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Border', text })).body.document.id;
  live = await connect(app.url, documentId, team.viewer);
  await synced(live);
});
afterAll(async () => {
  live?.destroy();
  await app?.close();
});

const claimAt = async (start: number, end: number) => (await team.annotator.post(`/api/documents/${documentId}/claims`, { start, end })).body.claim;
const get = async (c: Client, id: string) => (await c.get(`/api/claims/${id}`)).body.claim;

/** A claim voted accurate by all three fact-checkers (revealed by the quorum) and verified with evidence and a rationale. */
async function verifiedClaim(start: number, end: number) {
  const claim = await claimAt(start, end);
  await team.annotator.post(`/api/claims/${claim.id}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/un-report', title: 'UN report' });
  for (const c of checkers) await c.request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'accurate' } });
  const signed = await team.lead.post(`/api/claims/${claim.id}/status`, { status: 'verified', rationale: 'The UN report gives this range.' });
  expect(signed.body.claim.status).toBe('verified');
  return claim;
}

const exported = async <F extends string>(format: F) => (await team.viewer.get(`/api/workspaces/${team.wid}/export?format=${format}&status=any`)).body;

describe('wordingChanged', () => {
  test('new words send a verified claim back to review with the reason, start a new round, keep the earlier votes uncounted, and the exports stop publishing the old rating', async () => {
    const start = text.indexOf('between');
    const claim = await verifiedClaim(start, text.indexOf(' militants'));
    const before = await get(team.viewer, claim.id);
    expect(before).toMatchObject({ round: 1, revealed: true, tally: { consensus: 'accurate', count: 3 } });

    const outcome = await wordingChanged(app.database.db, { claimId: claim.id, documentId, from: before.anchor.exact, to: 'between 5,500 and 6,500', reason: 'text changed in v2', userId: null });
    expect(outcome).toEqual({ round: 2, from: 'verified', to: 'in_review' });
    await mirrorClaim(app.app, documentId, claim.id);

    const after = await get(team.viewer, claim.id);
    expect(after).toMatchObject({ status: 'in_review', statusReason: 'text changed in v2', round: 2, revealed: false, signOff: null, votes: [], earlierVotes: [] });
    expect(after.tally).toEqual({ count: 0, byVerdict: {}, consensus: null, agreement: null });
    // Each voter still sees their own earlier vote, with the words it was cast on.
    const mine = await get(checkers[0], claim.id);
    expect(mine.earlierVotes).toEqual([expect.objectContaining({ round: 1, verdict: 'accurate', wording: 'between 5,500 and 6,000' })]);
    // A vote now is in round 2 and counts from zero.
    const fresh = await checkers[0].request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'mixed' } });
    expect(fresh.body.vote).toMatchObject({ round: 2, afterReveal: false });
    expect(fresh.body.tally.count).toBe(1);

    const history = (await team.viewer.get(`/api/claims/${claim.id}/history`)).body.events;
    expect(history.filter((e: { action: string }) => e.action === 'status_changed').at(-1)).toMatchObject({ from: 'verified', to: 'in_review', reason: 'text changed in v2' });
    expect(history.find((e: { action: string }) => e.action === 'round_started')).toMatchObject({ to: { round: 2 }, reason: 'text changed in v2' });

    await eventually(() => claimsOf(live.doc).get(claim.id)?.get('status') === 'in_review' && claimsOf(live.doc).get(claim.id)?.get('revealed') === false, 2000, 'new round in the live doc');

    // Back in review, it is no published, rated claim: no review of it is exported.
    const reviews = await exported('claimreview');
    expect(reviews.find((r) => r.url.endsWith(claim.id))).toBeUndefined();
    const csv: string = await exported('csv');
    const row = csv.split('\r\n').find((l) => l.includes(claim.id))!;
    expect(row).not.toContain('accurate');
    expect(row).toContain('text changed in v2');
    expect((await team.viewer.get(`/api/workspaces/${team.wid}/export?format=csv`)).body).not.toContain(claim.id);
  });

  test('a passage that only moved changes nothing', async () => {
    const start = text.indexOf('The border');
    const claim = await verifiedClaim(start, start + 'The border is 2,650 km long'.length);
    expect(await wordingChanged(app.database.db, { claimId: claim.id, documentId, from: claim.anchor.exact, to: claim.anchor.exact, reason: 'moved', userId: null })).toBeNull();
    const after = await get(team.viewer, claim.id);
    expect(after).toMatchObject({ status: 'verified', round: 1, revealed: true, statusReason: null, tally: { consensus: 'accurate' }, signOff: { rationale: 'The UN report gives this range.' } });
  });
});

describe('through the REST anchor route', () => {
  test('moving a claim onto other words starts a new round; moving it onto the same words elsewhere does not', async () => {
    const phrase = 'Officials confirmed that 1,200 guards were deployed';
    const first = text.indexOf(phrase);
    const claim = await claimAt(first, first + phrase.length);
    for (const c of checkers) await c.request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'mostly_accurate' } });
    expect((await get(team.viewer, claim.id)).revealed).toBe(true);

    const second = text.lastIndexOf(phrase);
    const moved = await team.annotator.post(`/api/claims/${claim.id}/anchor`, { start: second, end: second + phrase.length });
    expect(moved.status).toBe(200);
    expect(moved.body.claim).toMatchObject({ round: 1, revealed: true, anchor: { start: second }, tally: { consensus: 'mostly_accurate' } });

    const words = text.indexOf('1,200 guards', second);
    const reworded = await team.annotator.post(`/api/claims/${claim.id}/anchor`, { start: words, end: words + '1,200 guards'.length });
    expect(reworded.status).toBe(200);
    expect(reworded.body.claim).toMatchObject({ round: 2, revealed: false, status: 'open', tally: { count: 0 } });
    const asLead = await get(team.lead, claim.id);
    expect(asLead.earlierVotes).toEqual([]);
    const asVoter = await get(checkers[1], claim.id);
    expect(asVoter.earlierVotes).toEqual([expect.objectContaining({ round: 1, verdict: 'mostly_accurate', wording: phrase })]);
    await eventually(() => claimsOf(live.doc).get(claim.id)?.get('revealed') === false, 2000, 'round 2 in the live doc');
  });

  test('a new version that cannot place a verified claim\'s passage ("6,000" became "6,500") sends it back to review at once; accepting the candidate starts a new round, and the old rating is no longer published', async () => {
    const before = 'The agency counted 6,000 militants in the north last year, it said.';
    const lone = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Report', text: before })).body.document.id;
    const claim = (await team.annotator.post(`/api/documents/${lone}/claims`, { exact: 'counted 6,000 militants in the north' })).body.claim;
    await team.annotator.post(`/api/claims/${claim.id}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/agency', title: 'Agency' });
    for (const c of checkers) await c.request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'accurate' } });
    await team.lead.post(`/api/claims/${claim.id}/status`, { status: 'verified', rationale: 'The agency report.' });
    const after = 'The agency counted 6,500 militants in the north last year, it said.';
    const version = await team.annotator.post(`/api/documents/${lone}/versions`, { text: after });
    expect(version.status).toBe(200);
    expect(version.body.needsReview.map((r: { claimId: string }) => r.claimId)).toEqual([claim.id]);
    // What was signed off no longer stands in the text: back to review, not published as verified.
    const flagged = (await team.viewer.get(`/api/claims/${claim.id}`)).body.claim;
    expect(flagged).toMatchObject({ status: 'in_review', statusReason: 'the passage needs review in v2', round: 1 });
    const csv = (await team.viewer.request('GET', `/api/workspaces/${team.wid}/export?format=csv&status=verified`)).body as string;
    expect(csv).not.toContain(claim.id);
    const start = after.indexOf('counted');
    const range = { start, end: start + 'counted 6,500 militants in the north'.length };
    const accepted = await team.annotator.post(`/api/claims/${claim.id}/anchor`, range);
    expect(accepted.status).toBe(200);
    expect(accepted.body.claim).toMatchObject({ status: 'in_review', round: 2, revealed: false, tally: { count: 0 }, anchor: { exact: 'counted 6,500 militants in the north' } });
    const history = (await team.viewer.get(`/api/claims/${claim.id}/history`)).body.events;
    expect(history.find((e: { action: string }) => e.action === 'round_started')).toMatchObject({ from: { exact: 'counted 6,000 militants in the north' }, to: { round: 2, exact: 'counted 6,500 militants in the north' }, reason: 'text changed in v2' });
    expect((await exported('claimreview')).find((r) => r.url.endsWith(claim.id))).toBeUndefined();
    const row = ((await exported('csv')) as string).split('\r\n').find((l) => l.includes(claim.id))!;
    expect(row).toContain('counted 6,500 militants in the north');
  });
});
