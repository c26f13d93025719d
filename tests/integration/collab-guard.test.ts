import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { auditLog } from '../../db/schema';
import { claimsOf, newClaim, newEvidence, readClaim } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
const text = 'Reports suggest that between 5,500 and 6,000 militants crossed the 2,650 km-long border.';
const open: CollabClient[] = [];
let a: CollabClient;
let b: CollabClient;

const anchorOf = (exact: string) => {
  const start = text.indexOf(exact);
  return { start, end: start + exact.length, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) };
};

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Doc', text })).body.document.id;
  a = await connect(app.url, documentId, team.annotator);
  b = await connect(app.url, documentId, team.lead);
  open.push(a, b);
  await Promise.all([synced(a), synced(b)]);
});
afterAll(async () => {
  open.forEach((c) => c.destroy());
  await app?.close();
});

async function createClaim(exact: string) {
  const id = randomUUID();
  claimsOf(a.doc).set(id, newClaim({ id, anchor: anchorOf(exact), confidence: 50 }));
  await eventually(() => claimsOf(a.doc).get(id)?.get('status') === 'open', 5000, 'server fills the claim');
  await a.saved.whenSaved();
  return id;
}

test('a client write to a server-owned field is undone at once and recorded in the audit log and history', async () => {
  const id = await createClaim('5,500 and 6,000 militants');
  const original = readClaim(claimsOf(a.doc).get(id)!);
  a.doc.transact(() => {
    const map = claimsOf(a.doc).get(id)!;
    map.set('status', 'verified');
    map.set('createdBy', { id: team.annotator.user!.id, name: 'Someone else' });
    (map.get('votes') as Y.Map<unknown>).set(team.annotator.user!.id, { verdict: 'accurate' });
  });
  await eventually(() => claimsOf(a.doc).get(id)?.get('status') === 'open', 5000, 'status restored on the forger');
  await a.saved.whenSaved();
  for (const c of [a, b]) {
    const claim = readClaim(claimsOf(c.doc).get(id)!);
    expect(claim.status).toBe('open');
    expect(claim.createdBy).toEqual(original.createdBy);
    expect((claimsOf(c.doc).get(id)!.get('votes') as Y.Map<unknown>).size).toBe(0);
  }
  // The other client never ends up with the forged value.
  expect(readClaim(claimsOf(b.doc).get(id)!).status).toBe('open');
  const audit = await app.database.db.select().from(auditLog).where(eq(auditLog.documentId, documentId));
  const fields = audit.filter((r) => r.action === 'forged_write_undone').map((r) => r.detail.field).sort();
  expect(fields).toEqual(['createdBy', 'status', 'votes']);
  expect(audit.every((r) => r.userId === team.annotator.user!.id)).toBe(true);
  const history = await team.viewer.get(`/api/claims/${id}/history`);
  expect(history.body.events.filter((e: { action: string }) => e.action === 'forged_write_undone')).toHaveLength(3);
  const rest = await team.viewer.get(`/api/claims/${id}`);
  expect(rest.body.claim.status).toBe('open');
});

test('server-owned values sent with a new claim are replaced by the server’s own', async () => {
  const id = randomUUID();
  const map = newClaim({ id, anchor: anchorOf('2,650 km-long border') });
  map.set('status', 'verified');
  map.set('createdBy', { id: team.lead.user!.id, name: 'Lead' });
  map.set('createdAt', '1999-01-01T00:00:00.000Z');
  claimsOf(a.doc).set(id, map);
  await eventually(() => claimsOf(b.doc).get(id)?.get('status') === 'open', 5000, 'claim filled by server');
  const seen = readClaim(claimsOf(b.doc).get(id)!);
  expect(seen.createdBy).toEqual({ id: team.annotator.user!.id, name: 'annotator' });
  expect(seen.createdAt).not.toBe('1999-01-01T00:00:00.000Z');
});

test('a claim whose anchor is not in the text, or whose id is not a UUID, is removed', async () => {
  const badAnchor = randomUUID();
  claimsOf(a.doc).set(badAnchor, newClaim({ id: badAnchor, anchor: { start: 0, end: 7, exact: 'Invented', prefix: '', suffix: '' } }));
  claimsOf(a.doc).set('not-a-uuid', newClaim({ id: 'not-a-uuid', anchor: anchorOf('Reports suggest') }));
  await eventually(() => !claimsOf(a.doc).has(badAnchor) && !claimsOf(a.doc).has('not-a-uuid'), 5000, 'invalid claims removed');
  await a.saved.whenSaved();
  expect(claimsOf(b.doc).has(badAnchor) || claimsOf(b.doc).has('not-a-uuid')).toBe(false);
});

test('an out-of-range confidence is put back; evidence gets its adder from the server', async () => {
  const id = await createClaim('Reports suggest');
  const map = claimsOf(a.doc).get(id)!;
  map.set('confidence', 250);
  await eventually(() => claimsOf(a.doc).get(id)!.get('confidence') === 50, 5000, 'confidence restored');
  const evidenceId = randomUUID();
  (map.get('evidence') as Y.Array<Y.Map<unknown>>).push([
    newEvidence({ id: evidenceId, kind: 'url', stance: 'supports', url: 'https://example.org/un', title: 'UN report', excerpt: null, documentId: null, anchor: null, addedBy: { id: team.lead.user!.id, name: 'Not me' } }),
  ]);
  await eventually(() => readClaim(claimsOf(b.doc).get(id)!).evidence[0]?.addedBy?.id === team.annotator.user!.id, 5000, 'evidence adder');
  await a.saved.whenSaved();
  const rest = await team.viewer.get(`/api/claims/${id}`);
  expect(rest.body.claim.confidence).toBe(50);
  expect(rest.body.claim.evidence).toEqual([expect.objectContaining({ id: evidenceId, title: 'UN report', addedBy: { id: team.annotator.user!.id, name: 'annotator' } })]);
});

test('undoing the delete of a claim brings it back with its creator, status and comments, and nothing counts as forged', async () => {
  const id = await createClaim('6,000 militants');
  await team.lead.post(`/api/claims/${id}/status`, { status: 'in_review' });
  await team.lead.post(`/api/claims/${id}/comments`, { body: 'Keep this one.' });
  await eventually(() => claimsOf(a.doc).get(id)?.get('status') === 'in_review' && (claimsOf(a.doc).get(id)?.get('comments') as Y.Array<unknown>)?.length === 1, 5000, 'server fields on a');
  const before = readClaim(claimsOf(a.doc).get(id)!);
  const auditBefore = (await app.database.db.select().from(auditLog).where(eq(auditLog.documentId, documentId))).length;

  const undo = new Y.UndoManager(claimsOf(a.doc), { trackedOrigins: new Set([null]) });
  claimsOf(a.doc).delete(id);
  await a.saved.whenSaved();
  // The saved acknowledgement can reach the writer before the fan-out reaches the others: wait for b to see the delete.
  await eventually(() => !claimsOf(b.doc).has(id), 5000, 'claim deleted on b');
  undo.undo();
  await a.saved.whenSaved();
  await eventually(() => claimsOf(b.doc).get(id)?.get('status') === 'in_review', 5000, 'claim back on b');
  const after = readClaim(claimsOf(b.doc).get(id)!);
  expect(after).toMatchObject({ status: 'in_review', createdBy: before.createdBy, createdAt: before.createdAt });
  expect((claimsOf(b.doc).get(id)!.get('comments') as Y.Array<{ body: string }>).toArray().map((c) => c.body)).toEqual(['Keep this one.']);
  const auditAfter = await app.database.db.select().from(auditLog).where(eq(auditLog.documentId, documentId));
  expect(auditAfter.slice(auditBefore).filter((r) => r.action === 'forged_write_undone')).toEqual([]);
  undo.destroy();
});

test('evidence removed and put back by an undo keeps who added it and when', async () => {
  const id = await createClaim('crossed the 2,650 km-long border');
  const added = await team.lead.post(`/api/claims/${id}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/border', title: 'Border survey' });
  expect(added.status).toBe(201);
  await eventually(() => readClaim(claimsOf(a.doc).get(id)!).evidence.length === 1, 5000, 'evidence on a');
  const before = readClaim(claimsOf(a.doc).get(id)!).evidence[0];
  expect(before.addedBy?.id).toBe(team.lead.user!.id);

  const list = claimsOf(a.doc).get(id)!.get('evidence') as Y.Array<Y.Map<unknown>>;
  const undo = new Y.UndoManager(list, { trackedOrigins: new Set([null]) });
  list.delete(0, 1);
  await a.saved.whenSaved();
  undo.undo();
  await eventually(() => readClaim(claimsOf(b.doc).get(id)!).evidence.length === 1, 5000, 'evidence back on b');
  await a.saved.whenSaved();
  await new Promise((r) => setTimeout(r, 100));
  for (const c of [a, b]) expect(readClaim(claimsOf(c.doc).get(id)!).evidence[0]).toMatchObject({ id: before.id, addedBy: before.addedBy, addedAt: before.addedAt });
  const rest = (await team.viewer.get(`/api/claims/${id}`)).body.claim.evidence;
  expect(rest).toEqual([expect.objectContaining({ id: before.id, addedBy: { id: team.lead.user!.id, name: 'lead' } })]);
  undo.destroy();
});

test('a claim whose anchor names another version of the text than the current one is removed', async () => {
  const id = randomUUID();
  claimsOf(a.doc).set(id, newClaim({ id, anchor: { ...anchorOf('Reports suggest'), version: 7 } }));
  await eventually(() => !claimsOf(a.doc).has(id), 5000, 'claim removed');
  await a.saved.whenSaved();
  expect(claimsOf(b.doc).has(id)).toBe(false);
  const audit = await app.database.db.select().from(auditLog).where(eq(auditLog.documentId, documentId));
  expect(audit.some((r) => r.action === 'invalid_claim_removed' && r.detail.claimId === id)).toBe(true);
});
