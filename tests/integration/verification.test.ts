import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { claimEvents } from '../../db/schema';
import { claimsOf, readClaim } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { addFactcheckers, workspaceWithRoles, type Client } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let checkers: Client[];
let documentId: string;
let live: CollabClient;
const text = 'UN reports suggest that between 5,500 and 6,000 militants are active. Officials confirmed that 1,200 guards were deployed. The border is 2,650 km long.';

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

const newClaim = async (exact: string) => (await team.annotator.post(`/api/documents/${documentId}/claims`, { exact })).body.claim;
const liveClaim = (id: string) => claimsOf(live.doc).get(id)!;

describe('blind votes', () => {
  test('before reveal nobody sees another verdict: not in REST, not in history, not in the shared document', async () => {
    const claim = await newClaim('between 5,500 and 6,000 militants');
    const first = await checkers[0].request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'mostly_inaccurate', confidence: 70, note: 'Old estimate.' } });
    expect(first.status).toBe(200);
    expect(first.body.vote).toMatchObject({ verdict: 'mostly_inaccurate', confidence: 70, user: { id: checkers[0].user!.id } });
    expect(first.body.tally).toEqual({ count: 1, byVerdict: {}, consensus: null, agreement: null });

    const asOther = (await checkers[1].get(`/api/claims/${claim.id}`)).body.claim;
    expect(asOther.votes).toEqual([]);
    expect(asOther.revealed).toBe(false);
    expect(asOther.tally.count).toBe(1);
    const asVoter = (await checkers[0].get(`/api/claims/${claim.id}`)).body.claim;
    expect(asVoter.votes.map((v: { verdict: string }) => v.verdict)).toEqual(['mostly_inaccurate']);
    const history = (await checkers[1].get(`/api/claims/${claim.id}/history`)).body.events;
    const voted = history.find((e: { action: string }) => e.action === 'voted');
    expect(voted).toMatchObject({ user: { id: checkers[0].user!.id }, to: null });

    await eventually(() => (liveClaim(claim.id).get('tally') as { count: number })?.count === 1, 2000, 'count in the live doc');
    expect(JSON.stringify(live.doc.getMap('claims').toJSON())).not.toContain('mostly_inaccurate');
    expect((liveClaim(claim.id).get('votes') as Y.Map<unknown>).size).toBe(0);
  });

  test('a second vote replaces the first and the history keeps both; an unknown verdict is 400', async () => {
    const claim = await newClaim('1,200 guards were deployed');
    await checkers[0].request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'mixed' } });
    const again = await checkers[0].request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'accurate' } });
    expect(again.body.tally.count).toBe(1);
    const mine = (await checkers[0].get(`/api/claims/${claim.id}/history`)).body.events.filter((e) => e.field === 'vote');
    expect(mine.map((e) => [e.action, (e.to as { verdict: string }).verdict])).toEqual([['voted', 'mixed'], ['vote_changed', 'accurate']]);
    const bad = await checkers[0].request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'probably_true' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('validation_error');
  });

  test('annotators and viewers cannot vote (403)', async () => {
    const claim = await newClaim('2,650 km long');
    expect((await team.annotator.request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'mixed' } })).status).toBe(403);
    expect((await team.viewer.request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'mixed' } })).status).toBe(403);
    expect((await team.outsider.request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'mixed' } })).status).toBe(404);
  });
});

describe('reveal', () => {
  test('the quorum reveals a claim: every vote and the tally reach REST and the shared document', async () => {
    const claim = await newClaim('UN reports suggest');
    const verdicts = ['inaccurate', 'mostly_inaccurate', 'inaccurate'] as const;
    for (const [i, verdict] of verdicts.entries()) {
      await checkers[i].request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict } });
    }
    const seen = (await team.viewer.get(`/api/claims/${claim.id}`)).body.claim;
    expect(seen.revealed).toBe(true);
    expect(seen.votes).toHaveLength(3);
    expect(seen.tally).toEqual({ count: 3, byVerdict: { inaccurate: 2, mostly_inaccurate: 1 }, consensus: 'inaccurate', agreement: 2 / 3 });
    await eventually(() => liveClaim(claim.id).get('revealed') === true, 2000, 'revealed in the live doc');
    const liveVotes = (liveClaim(claim.id).get('votes') as Y.Map<{ verdict: string }>).toJSON();
    expect(Object.values(liveVotes).map((v) => (v as { verdict: string }).verdict).sort()).toEqual(['inaccurate', 'inaccurate', 'mostly_inaccurate']);
    expect(readClaim(liveClaim(claim.id)).tally.consensus).toBe('inaccurate');
  });

  test('a lead reveals early after confirming how many votes it reveals; others cannot; the workspace quorum is a lead setting', async () => {
    const claim = await newClaim('Officials confirmed');
    await checkers[0].request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'mixed' } });
    expect((await checkers[0].post(`/api/claims/${claim.id}/reveal`)).status).toBe(403);
    const ask = await team.lead.post(`/api/claims/${claim.id}/reveal`);
    expect(ask.status).toBe(409);
    expect(ask.body.error).toMatchObject({ code: 'confirmation_required', details: { count: 1, quorum: 3 } });
    expect(ask.body.error?.message).toContain('1 vote');
    expect((await team.viewer.get(`/api/claims/${claim.id}`)).body.claim.revealed).toBe(false);
    const revealed = await team.lead.post(`/api/claims/${claim.id}/reveal`, { confirm: true });
    expect(revealed.status).toBe(200);
    expect(revealed.body.claim).toMatchObject({ revealed: true, tally: { count: 1, consensus: 'mixed', agreement: 1 } });

    expect((await team.annotator.patch(`/api/workspaces/${team.wid}`, { quorum: 1 })).status).toBe(403);
    const set = await team.lead.patch(`/api/workspaces/${team.wid}`, { quorum: 1 });
    expect(set.body.workspace.quorum).toBe(1);
    const quick = await newClaim('5,500');
    await checkers[1].request('PUT', `/api/claims/${quick.id}/vote`, { json: { verdict: 'accurate' } });
    expect((await team.viewer.get(`/api/claims/${quick.id}`)).body.claim.revealed).toBe(true);
    await team.lead.patch(`/api/workspaces/${team.wid}`, { quorum: 3 });
  });
});

describe('sign-off', () => {
  test('only a lead sets the status; verifying needs a rationale, and without evidence or a revealed vote asks to confirm; the override is recorded', async () => {
    const claim = await newClaim('The border');
    expect((await team.annotator.post(`/api/claims/${claim.id}/status`, { status: 'verified', rationale: 'x' })).status).toBe(403);
    const review = await team.lead.post(`/api/claims/${claim.id}/status`, { status: 'in_review' });
    expect(review.body.claim.status).toBe('in_review');
    const noWhy = await team.lead.post(`/api/claims/${claim.id}/status`, { status: 'verified' });
    expect(noWhy.status).toBe(422);
    expect(noWhy.body.error?.code).toBe('rationale_required');
    const ask = await team.lead.post(`/api/claims/${claim.id}/status`, { status: 'verified', rationale: 'The survey agrees.' });
    expect(ask.status).toBe(409);
    expect(ask.body.error).toMatchObject({ code: 'confirmation_required', details: { missing: ['no_evidence', 'no_revealed_vote'] } });
    expect((await team.viewer.get(`/api/claims/${claim.id}`)).body.claim.status).toBe('in_review');
    const forced = await team.lead.post(`/api/claims/${claim.id}/status`, { status: 'verified', confirm: true, rationale: 'The survey agrees.' });
    expect(forced.body.claim.status).toBe('verified');
    expect(forced.body.claim.signOff).toMatchObject({ rationale: 'The survey agrees.', by: { id: team.lead.user!.id }, override: ['no_evidence', 'no_revealed_vote'] });
    await eventually(() => liveClaim(claim.id).get('status') === 'verified', 2000, 'status in the live doc');
    const events = await app.database.db.select().from(claimEvents).where(eq(claimEvents.claimId, claim.id));
    const changes = events.filter((e) => e.action === 'status_changed').map((e) => [e.from, e.to]);
    expect(changes).toEqual([['open', 'in_review'], ['in_review', { status: 'verified', override: ['no_evidence', 'no_revealed_vote'] }]]);
  });

  test('status is server-owned: a client writing it is undone', async () => {
    const claim = await newClaim('are active');
    const writer = await connect(app.url, documentId, team.annotator);
    await synced(writer);
    await eventually(() => claimsOf(writer.doc).has(claim.id), 2000, 'claim on writer');
    claimsOf(writer.doc).get(claim.id)!.set('status', 'verified');
    await eventually(() => claimsOf(writer.doc).get(claim.id)!.get('status') === 'open', 2000, 'status restored');
    await writer.saved.whenSaved();
    expect((await team.viewer.get(`/api/claims/${claim.id}`)).body.claim.status).toBe('open');
    writer.destroy();
  });
});

describe('comments', () => {
  test('comments and replies are stored, listed on the claim and shown live', async () => {
    const claim = await newClaim('militants are active');
    const first = await team.annotator.post(`/api/claims/${claim.id}/comments`, { body: 'Which UN report?' });
    expect(first.status).toBe(201);
    const reply = await team.lead.post(`/api/claims/${claim.id}/comments`, { body: 'The 2021 monitoring report.', replyTo: first.body.comment.id });
    expect(reply.body.comment).toMatchObject({ replyTo: first.body.comment.id, user: { id: team.lead.user!.id } });
    const seen = (await team.viewer.get(`/api/claims/${claim.id}`)).body.claim.comments;
    expect(seen.map((c: { body: string }) => c.body)).toEqual(['Which UN report?', 'The 2021 monitoring report.']);
    await eventually(() => (liveClaim(claim.id).get('comments') as Y.Array<unknown>)?.length === 2, 2000, 'comments live');
    const other = await newClaim('suggest that');
    const wrongThread = await team.lead.post(`/api/claims/${other.id}/comments`, { body: 'x', replyTo: first.body.comment.id });
    expect(wrongThread.status).toBe(422);
    expect((await team.viewer.post(`/api/claims/${claim.id}/comments`, { body: 'hi' })).status).toBe(403);
  });
});

describe('search and dashboards', () => {
  test('search finds claims by quote, note, evidence and comments, with filters', async () => {
    const claim = await newClaim('deployed');
    await team.annotator.patch(`/api/claims/${claim.id}`, { note: 'Budget figures contradict the deployment', confidence: 35 });
    await team.annotator.post(`/api/claims/${claim.id}/evidence`, { kind: 'url', stance: 'refutes', url: 'https://example.org/budget', title: 'Ministry budget tables' });
    await team.annotator.post(`/api/claims/${claim.id}/comments`, { body: 'Ask the press office about the gendarmerie.' });
    for (const q of ['deployed', 'contradicting budget', 'tables', 'gendarmerie']) {
      const res = await team.viewer.get(`/api/workspaces/${team.wid}/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.results.map((r: { claim: { id: string } }) => r.claim.id)).toContain(claim.id);
    }
    const hit = (await team.viewer.get(`/api/workspaces/${team.wid}/search?q=gendarmerie`)).body.results[0];
    expect(hit.document).toEqual({ id: documentId, title: 'Border' });
    expect(hit.snippet).toContain('«gendarmerie»');
    expect((await team.viewer.get(`/api/workspaces/${team.wid}/search?q=gendarmerie&minConfidence=50`)).body.results).toEqual([]);
    expect((await team.viewer.get(`/api/workspaces/${team.wid}/search?q=gendarmerie&status=verified`)).body.results).toEqual([]);
    const byVerdict = (await team.viewer.get(`/api/workspaces/${team.wid}/search?verdict=inaccurate`)).body.results;
    expect(byVerdict.length).toBeGreaterThan(0);
    expect(byVerdict.every((r) => r.claim.tally.consensus === 'inaccurate')).toBe(true);
    expect((await team.outsider.get(`/api/workspaces/${team.wid}/search?q=deployed`)).status).toBe(404);
    expect((await team.viewer.get(`/api/workspaces/${team.wid}/search?verdict=maybe`)).status).toBe(400);
  });

  test('the dashboard counts claims by status and verdict, gives alpha with its pairable judgements, and lists the to-do', async () => {
    const res = await team.viewer.get(`/api/workspaces/${team.wid}/dashboard`);
    expect(res.status).toBe(200);
    const d = res.body;
    const claims = (await team.viewer.get(`/api/documents/${documentId}/claims`)).body.claims;
    expect(d.claims).toBe(claims.length);
    expect(d.byStatus.verified).toBe(claims.filter((c: { status: string }) => c.status === 'verified').length);
    expect(d.verdicts.inaccurate).toBeGreaterThanOrEqual(1);
    expect(d.agreement.pairable).toBe(3);
    expect(d.agreement.units).toBe(1);
    expect(d.waitingForVotes.length).toBeGreaterThan(0);
    expect(d.waitingForSignOff.map((c: { exact: string }) => c.exact)).toContain('UN reports suggest');
    const perDoc = await team.viewer.get(`/api/documents/${documentId}/dashboard`);
    expect(perDoc.body.claims).toBe(d.claims);
    expect((await team.outsider.get(`/api/documents/${documentId}/dashboard`)).status).toBe(404);
  });
});
