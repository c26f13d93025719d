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
const anchor = { start: 34, end: 39, exact: '6,000', prefix: 'Officials confirmed the figure of ', suffix: ' flats.' };

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  const res = await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Doc', text });
  documentId = res.body.document.id;
});
afterAll(async () => {
  open.forEach((c) => c.destroy());
  await app?.close();
});

async function joined(who: 'viewer' | 'annotator'): Promise<CollabClient> {
  const client = await connect(app.url, documentId, team[who]);
  open.push(client);
  await synced(client);
  return client;
}

test("a viewer's sync answer that changes nothing is acknowledged: its saved state settles without a viewer special case", async () => {
  const viewer = await joined('viewer');
  await viewer.saved.whenSaved();
  expect(viewer.saved.status).toBe('saved');
  expect(viewer.saved.denied).toBeNull();
});

test("a viewer's write is answered with permission-denied (never applied or stored), and its saved state says denied", async () => {
  const viewer = await joined('viewer');
  const annotator = await joined('annotator');
  await viewer.saved.whenSaved();
  const forged = randomUUID();
  claimsOf(viewer.doc).set(forged, newClaim({ id: forged, anchor }));

  await eventually(() => viewer.saved.status === 'denied', 5000, 'permission-denied on the viewer');
  expect(viewer.saved.denied).toMatch(/read-only/);
  // The one who may write is not told anything of the kind, and never sees the viewer's claim.
  const real = randomUUID();
  claimsOf(annotator.doc).set(real, newClaim({ id: real, anchor }));
  await annotator.saved.whenSaved();
  expect(annotator.saved.denied).toBeNull();
  expect(claimsOf(annotator.doc).has(forged)).toBe(false);
  const rows = await app.database.db.select().from(docUpdates).where(eq(docUpdates.documentId, documentId));
  expect(rows.some((r) => r.userId === team.viewer.user!.id)).toBe(false);
});

test('a viewer reconnecting after others deleted a claim repeats only known deletions: saved, not denied', async () => {
  const viewer = await joined('viewer');
  const annotator = await joined('annotator');
  const id = randomUUID();
  claimsOf(annotator.doc).set(id, newClaim({ id, anchor }));
  await eventually(() => claimsOf(viewer.doc).has(id), 5000, 'the claim on the viewer');
  claimsOf(annotator.doc).delete(id);
  await eventually(() => !claimsOf(viewer.doc).has(id), 5000, 'the deletion on the viewer');
  await annotator.saved.whenSaved();

  // Its sync step 2 on reconnecting carries the viewer's whole delete set, all of it known to the server.
  viewer.provider.disconnect();
  viewer.provider.connect();
  await synced(viewer);
  await viewer.saved.whenSaved();
  expect(viewer.saved.status).toBe('saved');
  expect(viewer.saved.denied).toBeNull();
});
