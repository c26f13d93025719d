import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { docUpdates } from '../../db/schema';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
const text = 'Officials confirmed the figure of 6,000 flats.';
const open: CollabClient[] = [];

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Doc', text })).body.document.id;
});
afterAll(async () => {
  open.forEach((c) => c.destroy());
  await app?.close();
});

test("a viewer's edits are never applied, broadcast or stored, while it still receives everyone else's", async () => {
  const viewer = await connect(app.url, documentId, team.viewer);
  const annotator = await connect(app.url, documentId, team.annotator);
  open.push(viewer, annotator);
  await Promise.all([synced(viewer), synced(annotator)]);
  const rowsBefore = await app.database.db.select().from(docUpdates).where(eq(docUpdates.documentId, documentId));

  const forged = randomUUID();
  claimsOf(viewer.doc).set(forged, newClaim({ id: forged, anchor: { start: 0, end: 9, exact: 'Officials', prefix: '', suffix: ' confirmed the figure of 6,000 f' } }));
  const real = randomUUID();
  claimsOf(annotator.doc).set(real, newClaim({ id: real, anchor: { start: 34, end: 39, exact: '6,000', prefix: 'Officials confirmed the figure of ', suffix: ' flats.' } }));

  await eventually(() => claimsOf(viewer.doc).get(real)?.get('status') === 'open', 5000, "annotator's claim on the viewer");
  await annotator.saved.whenSaved();
  // Give a dropped frame every chance to show up before asserting it did not.
  await new Promise((r) => setTimeout(r, 300));
  expect(claimsOf(annotator.doc).has(forged)).toBe(false);
  const rowsAfter = await app.database.db.select().from(docUpdates).where(eq(docUpdates.documentId, documentId));
  expect(rowsAfter.every((r) => r.userId !== team.viewer.user!.id)).toBe(true);
  expect(rowsAfter.length).toBeGreaterThan(rowsBefore.length);
  const rest = await team.lead.get(`/api/documents/${documentId}/claims`);
  expect(rest.body.claims.map((c: { id: string }) => c.id)).toEqual([real]);
});

test("a viewer's awareness is shared with the others", async () => {
  const viewer = await connect(app.url, documentId, team.viewer);
  const lead = await connect(app.url, documentId, team.lead);
  open.push(viewer, lead);
  await Promise.all([synced(viewer), synced(lead)]);
  viewer.provider.awareness.setLocalStateField('selection', { start: 0, end: 9 });
  await eventually(
    () => [...lead.provider.awareness.getStates().values()].some((s) => s.selection?.start === 0 && s.user?.id === team.viewer.user!.id),
    5000,
    "viewer's presence",
  );
  const state = [...lead.provider.awareness.getStates().values()].find((s) => s.user?.id === team.viewer.user!.id)!;
  expect(state.user.name).toBe('viewer');
});

test('presence always carries the real user, whatever name a client announces', async () => {
  const sneaky = await connect(app.url, documentId, team.annotator);
  const lead = await connect(app.url, documentId, team.lead);
  open.push(sneaky, lead);
  await Promise.all([synced(sneaky), synced(lead)]);
  sneaky.provider.awareness.setLocalStateField('user', { id: team.lead.user!.id, name: 'The Lead', color: '#f00' });
  await eventually(() => [...lead.provider.awareness.getStates().values()].some((s) => s.user?.color === '#f00'), 5000, 'sneaky presence');
  const state = [...lead.provider.awareness.getStates().values()].find((s) => s.user?.color === '#f00')!;
  expect(state.user).toEqual({ id: team.annotator.user!.id, name: 'annotator', color: '#f00' });
});
