import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claimsOf, readClaim } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles, type AnyAnswer } from '../helpers/client';
import { connect, synced, type CollabClient } from '../helpers/collab';

// DESIGN.md "Sign-off locks": a verified or rejected claim is read-only on REST until a lead reopens it.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
let live: CollabClient;
const text =
  'UN reports suggest that between 5,500 and 6,000 militants are active. Officials confirmed that 1,200 guards were deployed. ' +
  'The border is 2,650 km long. The wall cost 1.2 billion euros.';

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Border', text })).body.document.id;
  live = await connect(app.url, documentId, team.viewer);
  await synced(live);
});
afterAll(async () => {
  live?.destroy();
  await app?.close();
});

/** A claim with a note, a rating and one piece of evidence, signed off by the lead as `status`. */
async function signedOff(exact: string, status: 'verified' | 'rejected') {
  const claim = (await team.annotator.post(`/api/documents/${documentId}/claims`, { exact, confidence: 60, note: 'As first read.' })).body.claim;
  await team.annotator.post(`/api/claims/${claim.id}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/report', title: 'Report' });
  const signed = await team.lead.post(`/api/claims/${claim.id}/status`, { status, confirm: true, rationale: 'Checked against the source.' });
  expect(signed.status).toBe(200);
  return (await team.viewer.get(`/api/claims/${claim.id}`)).body.claim;
}

const expectLocked = (res: AnyAnswer) => {
  expect(res.status).toBe(409);
  expect(res.body?.error?.code).toBe('claim_locked');
  expect(res.body?.error?.message).toMatch(/a lead must reopen it first/);
};

describe('a signed-off claim is locked on REST', () => {
  test('a verified claim refuses an anchor move, deletion, new evidence and note or rating changes with 409 claim_locked, and stays as it was', async () => {
    const before = await signedOff('between 5,500 and 6,000 militants', 'verified');
    const elsewhere = text.indexOf('1,200 guards');

    expectLocked(await team.annotator.post(`/api/claims/${before.id}/anchor`, { start: elsewhere, end: elsewhere + 12 }));
    expectLocked(await team.annotator.delete(`/api/claims/${before.id}`));
    expectLocked(await team.annotator.post(`/api/claims/${before.id}/evidence`, { kind: 'url', stance: 'refutes', url: 'https://example.org/other' }));
    expectLocked(await team.annotator.patch(`/api/claims/${before.id}`, { confidence: 10 }));
    expectLocked(await team.annotator.patch(`/api/claims/${before.id}`, { note: 'Rewritten after sign-off.' }));
    // A lead is held to it too: reopening comes first.
    expectLocked(await team.lead.patch(`/api/claims/${before.id}`, { confidence: 95, tags: ['x'] }));

    const after = (await team.viewer.get(`/api/claims/${before.id}`)).body.claim;
    expect(after).toMatchObject({ status: 'verified', anchor: before.anchor, confidence: 60, note: 'As first read.', tags: [] });
    expect(after.evidence.map((e: { id: string }) => e.id)).toEqual(before.evidence.map((e: { id: string }) => e.id));
    const shared = readClaim(claimsOf(live.doc).get(before.id)!);
    expect(shared).toMatchObject({ status: 'verified', confidence: 60, note: 'As first read.' });
    // The shared document's anchor of a REST-made claim has no version (absent means the current one).
    const { version, ...passage } = before.anchor;
    expect(version).toBe(1);
    expect(shared.anchor).toEqual(passage);
    const actions = (await team.viewer.get(`/api/claims/${before.id}/history`)).body.events.map((e: { action: string }) => e.action);
    expect(actions).not.toContain('anchor_moved');
    expect(actions).not.toContain('deleted');
  });

  test('a rejected claim is locked the same way', async () => {
    const claim = await signedOff('2,650 km long', 'rejected');
    expectLocked(await team.annotator.patch(`/api/claims/${claim.id}`, { confidence: 90 }));
    expectLocked(await team.annotator.delete(`/api/claims/${claim.id}`));
    expect((await team.viewer.get(`/api/claims/${claim.id}`)).body.claim).toMatchObject({ status: 'rejected', confidence: 60 });
  });

  test('tags, comments and votes stay open on a signed-off claim', async () => {
    const claim = await signedOff('1.2 billion euros', 'verified');
    const tagged = await team.annotator.patch(`/api/claims/${claim.id}`, { tags: ['budget'] });
    expect(tagged.status).toBe(200);
    expect(tagged.body.claim.tags).toEqual(['budget']);
    expect((await team.annotator.post(`/api/claims/${claim.id}/comments`, { body: 'Checked again, still holds.' })).status).toBe(201);
    expect((await team.factchecker.request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'accurate' } })).status).toBe(200);
  });
});

describe('reopening and anchor moves', () => {
  test('only a lead reopens a signed-off claim (to in_review); then it can be changed again, and the history says so', async () => {
    const claim = await signedOff('1,200 guards were deployed', 'verified');
    expect((await team.annotator.post(`/api/claims/${claim.id}/status`, { status: 'in_review', reason: 'New source found.' })).status).toBe(403);
    const reopened = await team.lead.post(`/api/claims/${claim.id}/status`, { status: 'in_review', reason: 'New source found.' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.claim.status).toBe('in_review');

    const changed = await team.annotator.patch(`/api/claims/${claim.id}`, { confidence: 80 });
    expect(changed.status).toBe(200);
    expect(changed.body.claim.confidence).toBe(80);
    const events = (await team.viewer.get(`/api/claims/${claim.id}/history`)).body.events;
    const statusChanges = events.filter((e: { action: string }) => e.action === 'status_changed');
    expect(statusChanges.at(-1)).toMatchObject({ from: 'verified', to: 'in_review', user: { id: team.lead.user!.id } });
    expect(events.at(-1)).toMatchObject({ action: 'confidence_changed', from: 60, to: 80 });
  });

  test("moving an unlocked claim's anchor records anchor_moved with the quote before and after", async () => {
    const claim = (await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: 'Officials confirmed' })).body.claim;
    const start = text.indexOf('UN reports suggest');
    const moved = await team.annotator.post(`/api/claims/${claim.id}/anchor`, { start, end: start + 'UN reports suggest'.length });
    expect(moved.status).toBe(200);
    expect(moved.body.claim.anchor).toMatchObject({ start, exact: 'UN reports suggest' });
    const events = (await team.viewer.get(`/api/claims/${claim.id}/history`)).body.events as Array<{ action: string }>;
    // Other words: a new voting round starts too (the verdicts belong to the words they were cast on).
    expect(events.map((e) => e.action).slice(-2).sort()).toEqual(['anchor_moved', 'round_started']);
    expect(events.find((e) => e.action === 'anchor_moved')).toMatchObject({
      action: 'anchor_moved',
      field: 'anchor',
      user: { id: team.annotator.user!.id },
      from: { start: claim.anchor.start, end: claim.anchor.end, exact: 'Officials confirmed' },
      to: { start, end: start + 18, exact: 'UN reports suggest' },
    });
  });
});
