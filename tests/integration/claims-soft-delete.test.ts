import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { claims, comments, votes } from '../../db/schema';
import { claimsOf } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';

// A claim deleted from the shared document keeps its row, votes and comments (claims.deleted_at),
// so an undo restores both stores; while deleted, no read shows it.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
const open: CollabClient[] = [];
const text =
  'The harbour wall will protect 38,000 homes from a flood. It will cost 1.2 billion euros, officials confirmed. ' +
  'Dredging took 19 months, the contractor reported.';

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Harbour', text })).body.document.id;
});
afterAll(async () => {
  open.forEach((c) => c.destroy());
  await app?.close();
});

/** A claim with evidence, a revealed vote and a comment thread. */
async function discussedClaim(exact: string) {
  const claim = (await team.annotator.post(`/api/documents/${documentId}/claims`, { exact, confidence: 70 })).body.claim;
  await team.annotator.post(`/api/claims/${claim.id}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/budget', title: 'Budget line' });
  expect((await team.factchecker.request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'mostly_accurate', note: 'Budget line 4.' } })).status).toBe(200);
  await team.lead.post(`/api/claims/${claim.id}/reveal`, { confirm: true });
  const first = (await team.annotator.post(`/api/claims/${claim.id}/comments`, { body: 'Which budget year?' })).body.comment;
  await team.lead.post(`/api/claims/${claim.id}/comments`, { body: '2024, page 12.', replyTo: first.id });
  const full = (await team.viewer.get(`/api/claims/${claim.id}`)).body.claim;
  expect(full.votes).toHaveLength(1);
  expect(full.comments).toHaveLength(2);
  return full;
}

/** Where the claim shows up for members: every read that lists claims. */
async function visibleIn(claimId: string, word: string) {
  const list = (await team.viewer.get(`/api/documents/${documentId}/claims`)).body.claims.map((c: { id: string }) => c.id);
  const search = (await team.viewer.get(`/api/workspaces/${team.wid}/search?q=${encodeURIComponent(word)}`)).body.results.map((r: { claim: { id: string } }) => r.claim.id);
  const exported = await team.viewer.get(`/api/workspaces/${team.wid}/export?format=annotations&status=any`);
  const exportedIds = (exported.body.first?.items ?? []).map((a) => a.id);
  const csv = (await team.viewer.get(`/api/workspaces/${team.wid}/export?format=csv&status=any`)).body as string;
  const workspaceDashboard = (await team.viewer.get(`/api/workspaces/${team.wid}/dashboard`)).body;
  const documentDashboard = (await team.viewer.get(`/api/documents/${documentId}/dashboard`)).body;
  const documents = (await team.viewer.get(`/api/workspaces/${team.wid}/documents`)).body.documents;
  return {
    list: list.includes(claimId),
    search: search.includes(claimId),
    export: exportedIds.some((id: string) => id.includes(claimId)) || JSON.stringify(exported.body).includes(claimId),
    csv: csv.includes(word),
    dashboard: [...workspaceDashboard.waitingForSignOff, ...workspaceDashboard.waitingForVotes].some((r: { id: string }) => r.id === claimId),
    counts: { workspace: workspaceDashboard.claims, document: documentDashboard.claims, documents: documents[0].counts.claims },
  };
}

async function rowsOf(claimId: string) {
  const db = app.database.db;
  const [row] = await db.select({ deletedAt: claims.deletedAt }).from(claims).where(eq(claims.id, claimId));
  return {
    row: row ? (row.deletedAt ? 'deleted' : 'live') : 'gone',
    votes: (await db.select().from(votes).where(eq(votes.claimId, claimId))).length,
    comments: (await db.select().from(comments).where(eq(comments.claimId, claimId))).length,
  };
}

describe('deleting a claim keeps what was said about it', () => {
  test('a claim deleted by an annotator in the shared document and brought back by its undo has its votes and comments again; while deleted no read shows it', async () => {
    const claim = await discussedClaim('1.2 billion euros');
    const shown = await visibleIn(claim.id, 'billion');
    expect(shown).toMatchObject({ list: true, search: true, export: true, csv: true, dashboard: true });

    const annotator = await connect(app.url, documentId, team.annotator);
    open.push(annotator);
    await synced(annotator);
    await eventually(() => claimsOf(annotator.doc).has(claim.id), 5000, 'claim on the client');
    const mine = { action: 'delete claim' };
    const undo = new Y.UndoManager(claimsOf(annotator.doc), { trackedOrigins: new Set([mine]), captureTimeout: 0 });
    annotator.doc.transact(() => claimsOf(annotator.doc).delete(claim.id), mine);
    await annotator.saved.whenSaved();

    expect((await team.viewer.get(`/api/claims/${claim.id}`)).status).toBe(404);
    const hidden = await visibleIn(claim.id, 'billion');
    expect(hidden).toMatchObject({ list: false, search: false, export: false, csv: false, dashboard: false });
    expect(hidden.counts).toEqual({ workspace: shown.counts.workspace - 1, document: shown.counts.document - 1, documents: shown.counts.documents - 1 });
    // Nothing can be added to a deleted claim, and what it had is kept.
    expect((await team.factchecker.request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'accurate' } })).status).toBe(404);
    expect((await team.annotator.post(`/api/claims/${claim.id}/comments`, { body: 'Hello?' })).status).toBe(404);
    expect((await team.lead.post(`/api/claims/${claim.id}/status`, { status: 'verified', confirm: true, rationale: 'Checked.' })).status).toBe(404);
    expect(await rowsOf(claim.id)).toEqual({ row: 'deleted', votes: 1, comments: 2 });
    // Its history stays readable and ends with the deletion.
    expect((await team.viewer.get(`/api/claims/${claim.id}/history`)).body.events.at(-1)?.action).toBe('deleted');

    undo.undo();
    await annotator.saved.whenSaved();
    const back = await team.viewer.get(`/api/claims/${claim.id}`);
    expect(back.status).toBe(200);
    expect(back.body.claim.votes.map((v: { verdict: string; note: string }) => [v.verdict, v.note])).toEqual([['mostly_accurate', 'Budget line 4.']]);
    expect(back.body.claim.comments.map((c: { body: string }) => c.body)).toEqual(['Which budget year?', '2024, page 12.']);
    expect(back.body.claim).toMatchObject({ revealed: true, confidence: 70, evidence: [{ title: 'Budget line' }] });
    expect(await visibleIn(claim.id, 'billion')).toEqual(shown);
    expect(await rowsOf(claim.id)).toEqual({ row: 'live', votes: 1, comments: 2 });
  });

  test('a claim deleted over REST keeps its row, votes and comments in the database and is absent from every read', async () => {
    const claim = await discussedClaim('19 months');
    const shown = await visibleIn(claim.id, 'months');
    expect(shown).toMatchObject({ list: true, search: true, export: true, csv: true });

    expect((await team.annotator.delete(`/api/claims/${claim.id}`)).status).toBe(204);
    expect((await team.viewer.get(`/api/claims/${claim.id}`)).status).toBe(404);
    const hidden = await visibleIn(claim.id, 'months');
    expect(hidden).toMatchObject({ list: false, search: false, export: false, csv: false, dashboard: false });
    expect(hidden.counts.workspace).toBe(shown.counts.workspace - 1);
    expect(await rowsOf(claim.id)).toEqual({ row: 'deleted', votes: 1, comments: 2 });
    expect((await team.annotator.delete(`/api/claims/${claim.id}`)).status).toBe(404);
  });
});
