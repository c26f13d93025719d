import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { claimsOf } from '../../server/shared/claim-doc';
import { dashboardAgreement } from '../../server/votes/agreement';
import { startApp, type TestApp } from '../helpers/app';
import { addFactcheckers, workspaceWithRoles, type Client } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';

// Blind means blind: the votes cast before reveal are final for the tally; what comes after is shown, never counted.

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
const vote = (c: Client, id: string, verdict: string) => c.request('PUT', `/api/claims/${id}/vote`, { json: { verdict } });
const revise = (c: Client, id: string, verdict: string, reason: string) => c.post(`/api/claims/${id}/vote/revision`, { verdict, reason });

describe('blind votes', () => {
  test('after reveal a blind vote is final: revising records the new verdict with its reason beside it and never moves the tally', async () => {
    const claim = await newClaim('between 5,500 and 6,000 militants');
    for (const [i, v] of (['inaccurate', 'inaccurate', 'mixed'] as const).entries()) expect((await vote(checkers[i], claim.id, v)).status).toBe(200);
    const before = (await team.viewer.get(`/api/claims/${claim.id}`)).body.claim;
    expect(before.revealed).toBe(true);
    expect(before.tally).toEqual({ count: 3, byVerdict: { inaccurate: 2, mixed: 1 }, consensus: 'inaccurate', agreement: 2 / 3 });

    const change = await vote(checkers[0], claim.id, 'accurate');
    expect(change.status).toBe(409);
    expect(change.body.error?.code).toBe('vote_final');
    expect((await revise(checkers[0], claim.id, 'accurate', '   ')).status).toBe(400);

    const revised = await revise(checkers[0], claim.id, 'accurate', 'The ministry corrected its figure.');
    expect(revised.status).toBe(200);
    expect(revised.body.vote).toMatchObject({ verdict: 'inaccurate', afterReveal: false, revised: { verdict: 'accurate', reason: 'The ministry corrected its figure.' } });
    await revise(checkers[1], claim.id, 'accurate', 'Same correction.');
    const after = (await team.viewer.get(`/api/claims/${claim.id}`)).body.claim;
    expect(after.tally).toEqual(before.tally);
    expect(after.votes.filter((v: { revised: unknown }) => v.revised).map((v) => v.revised!.verdict)).toEqual(['accurate', 'accurate']);

    const history = (await team.viewer.get(`/api/claims/${claim.id}/history`)).body.events;
    const revision = history.find((e: { action: string }) => e.action === 'vote_revised');
    expect(revision).toMatchObject({ user: { id: checkers[0].user!.id }, from: { verdict: 'inaccurate' }, to: { verdict: 'accurate' }, reason: 'The ministry corrected its figure.' });

    await eventually(() => {
      const votes = (claimsOf(live.doc).get(claim.id)?.get('votes') as Y.Map<{ revised: unknown }> | undefined)?.get(checkers[0].user!.id);
      return Boolean(votes?.revised);
    }, 2000, 'the revision in the live doc');
    expect((claimsOf(live.doc).get(claim.id)!.get('tally') as { consensus: string }).consensus).toBe('inaccurate');
  });

  test('before reveal a vote can still be changed, and revising is refused until reveal', async () => {
    const claim = await newClaim('1,200 guards were deployed');
    await vote(checkers[0], claim.id, 'mixed');
    const changed = await vote(checkers[0], claim.id, 'accurate');
    expect(changed.status).toBe(200);
    expect(changed.body.vote).toMatchObject({ verdict: 'accurate', afterReveal: false, round: 1, wording: '1,200 guards were deployed' });
    const early = await revise(checkers[0], claim.id, 'mixed', 'Second thoughts.');
    expect(early.status).toBe(409);
    expect(early.body.error?.code).toBe('not_revealed');
  });

  test('a first vote cast after reveal is marked after_reveal and not counted', async () => {
    const claim = await newClaim('2,650 km long');
    for (const [i, v] of (['accurate', 'accurate', 'mostly_accurate'] as const).entries()) await vote(checkers[i], claim.id, v);
    const leadVote = await vote(team.lead, claim.id, 'inaccurate');
    expect(leadVote.status).toBe(200);
    expect(leadVote.body.vote).toMatchObject({ verdict: 'inaccurate', afterReveal: true });
    expect(leadVote.body.tally).toMatchObject({ count: 3, consensus: 'accurate', byVerdict: { accurate: 2, mostly_accurate: 1 } });
    // It may be changed (it never counted), but it stays marked.
    const again = await vote(team.lead, claim.id, 'mixed');
    expect(again.body.vote).toMatchObject({ verdict: 'mixed', afterReveal: true });
    const seen = (await team.viewer.get(`/api/claims/${claim.id}`)).body.claim;
    expect(seen.votes.find((v: { user: { id: string } }) => v.user.id === team.lead.user!.id)).toMatchObject({ afterReveal: true });
    expect(seen.tally.count).toBe(3);
    const history = (await team.viewer.get(`/api/claims/${claim.id}/history`)).body.events;
    expect(history.find((e: { action: string; user: { id: string } | null }) => e.action === 'voted' && e.user?.id === team.lead.user!.id)?.to).toMatchObject({ afterReveal: true });
  });

  test('a reveal below the quorum needs confirmation and says how many votes it reveals', async () => {
    const claim = await newClaim('Officials confirmed');
    await vote(checkers[0], claim.id, 'mixed');
    await vote(checkers[1], claim.id, 'mixed');
    const ask = await team.lead.post(`/api/claims/${claim.id}/reveal`);
    expect(ask.status).toBe(409);
    expect(ask.body.error).toMatchObject({ code: 'confirmation_required', details: { count: 2, quorum: 3 } });
    expect(ask.body.error?.message).toContain('2 votes');
    expect((await team.viewer.get(`/api/claims/${claim.id}`)).body.claim.revealed).toBe(false);
    expect((await team.lead.post(`/api/claims/${claim.id}/reveal`, { confirm: 'yes' })).status).toBe(400);
    const done = await team.lead.post(`/api/claims/${claim.id}/reveal`, { confirm: true });
    expect(done.body.claim).toMatchObject({ revealed: true, tally: { count: 2, consensus: 'mixed' } });
    // Revealing a revealed claim again is a no-op, without confirmation.
    expect((await team.lead.post(`/api/claims/${claim.id}/reveal`)).status).toBe(200);
  });

  test('the dashboard and its alpha use the blind votes only: revisions and votes after reveal leave them as they were', async () => {
    const board = async () => (await team.viewer.get(`/api/documents/${documentId}/dashboard`)).body;
    const claims = (await team.viewer.get(`/api/documents/${documentId}/claims`)).body.claims;
    const blind = claims.filter((c: { revealed: boolean }) => c.revealed).map((c) => c.votes.filter((v) => !v.afterReveal).map((v) => v.verdict));
    const first = await board();
    expect(first.agreement).toEqual(dashboardAgreement(blind));
    expect(first.verdicts.inaccurate).toBe(1);

    const claim = claims.find((c) => c.anchor.exact === 'between 5,500 and 6,000 militants')!;
    await revise(checkers[2], claim.id, 'accurate', 'Convinced by the others.');
    const third = claims.find((c) => c.anchor.exact === '2,650 km long')!;
    await vote(team.lead, third.id, 'inaccurate');
    const second = await board();
    expect(second.agreement).toEqual(first.agreement);
    expect(second.verdicts).toEqual(first.verdicts);
  });
});
