import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { anchorFromRange } from '../../server/anchoring';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { CloseCode } from '../../server/shared/collab-protocol';
import { isPermanentClose } from '../../web/src/lib/collab/close-reasons';
import { startApp, type TestApp } from '../helpers/app';
import { type Client, signUp } from '../helpers/client';
import { connect, eventually, nextClose, synced, type CollabClient } from '../helpers/collab';

// The members page's changes reach live connections (issue 15 item 1): removing a member through
// DELETE /api/workspaces/:wid/members/:userId (or their leaving) closes their socket with 4403
// before the REST answer; a fact-checker made a viewer through the PATCH is closed with 4409,
// reconnects read-only, and its next write is refused with permission-denied, never stored.

let app: TestApp;
let lead: Client;
let wid: string;
let documentId: string;
const text = 'Officials confirmed that 6,000 flats were built in 2015, at a cost of 1.2 billion euros.';
const open: CollabClient[] = [];

beforeAll(async () => {
  app = await startApp();
  lead = await signUp(app.url, 'lead');
  wid = (await lead.post('/api/workspaces', { name: 'Newsroom' })).body.workspace!.id;
  documentId = (await lead.post(`/api/workspaces/${wid}/documents`, { title: 'Flats', text })).body.document!.id;
});
afterAll(async () => {
  open.forEach((c) => c.destroy());
  await app?.close();
});

async function member(role: 'viewer' | 'annotator' | 'factchecker', label: string): Promise<Client> {
  const c = await signUp(app.url, label);
  expect((await lead.post(`/api/workspaces/${wid}/members`, { email: c.user!.email, role })).status).toBe(201);
  return c;
}

async function joined(who: Client, cookie = false): Promise<CollabClient> {
  const c = await connect(app.url, documentId, who, { cookie });
  open.push(c);
  await synced(c);
  return c;
}

function addClaim(c: CollabClient, start: number, end: number): string {
  const id = randomUUID();
  claimsOf(c.doc).set(id, newClaim({ id, anchor: anchorFromRange(text, start, end) }));
  return id;
}

const restHas = async (claimId: string) => (await lead.get(`/api/documents/${documentId}/claims`)).body.claims!.some((c) => c.id === claimId);

test('a member removed on the members page has their socket closed with 4403 by the time the removal answers', async () => {
  const fc = await member('factchecker', 'removed');
  const live = await joined(fc, true);
  const closing = nextClose(live, 5000);
  expect((await lead.delete(`/api/workspaces/${wid}/members/${fc.user!.id}`)).status).toBe(204);
  // The answer leaves after this process re-checked its connections: the close is already on its way.
  expect((await closing).code).toBe(CloseCode.forbidden);
  expect(isPermanentClose(CloseCode.forbidden)).toBe(true);
  live.provider.connect();
  expect((await nextClose(live)).code).toBe(CloseCode.notFound);
});

test('a member who leaves has their own sockets closed with 4403', async () => {
  const annotator = await member('annotator', 'leaver');
  const live = await joined(annotator);
  const closing = nextClose(live, 5000);
  expect((await annotator.delete(`/api/workspaces/${wid}/members/${annotator.user!.id}`)).status).toBe(204);
  expect((await closing).code).toBe(CloseCode.forbidden);
});

test('a fact-checker made a viewer is closed with 4409, reconnects read-only, and its write is refused as read-only and never stored', async () => {
  const fc = await member('factchecker', 'demoted');
  const live = await joined(fc);
  live.provider.shouldReconnect = (event) => !isPermanentClose(event.code);
  const closing = nextClose(live, 5000);
  expect((await lead.patch(`/api/workspaces/${wid}/members/${fc.user!.id}`, { role: 'viewer' })).status).toBe(200);
  expect((await closing).code).toBe(CloseCode.roleChanged);
  await eventually(() => live.provider.wsconnected && live.provider.synced, 10_000, 'reconnected as a viewer');

  const refused = addClaim(live, 25, 30);
  await eventually(() => live.saved.status === 'denied', 5000, 'permission-denied');
  expect(live.saved.denied).toMatch(/read-only/);
  // Something the lead saves afterwards is stored; the viewer's claim never is.
  const probe = await joined(lead);
  const fromLead = addClaim(probe, 36, 40);
  await probe.saved.whenSaved();
  expect(await restHas(fromLead)).toBe(true);
  expect(await restHas(refused)).toBe(false);
});
