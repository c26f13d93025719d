import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claimsOf, newClaim, readClaim } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
const text = 'The barrier will protect 38,000 homes. It will cost 1.2 billion euros.';
const open: CollabClient[] = [];

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Wall', text })).body.document.id;
});
afterAll(async () => {
  open.forEach((c) => c.destroy());
  await app?.close();
});

const anchorOf = (exact: string) => {
  const start = text.indexOf(exact);
  return { start, end: start + exact.length, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) };
};

describe('a room over y-websocket', () => {
  test('two unmodified WebsocketProviders sync a claim, and the server fills its server-owned fields', async () => {
    const a = await connect(app.url, documentId, team.annotator);
    const b = await connect(app.url, documentId, team.factchecker);
    open.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    const id = randomUUID();
    claimsOf(a.doc).set(id, newClaim({ id, anchor: anchorOf('38,000 homes'), confidence: 40 }));
    await eventually(() => claimsOf(b.doc).get(id)?.get('status') === 'open', 5000, 'claim on b');
    const seen = readClaim(claimsOf(b.doc).get(id)!);
    expect(seen).toMatchObject({ id, confidence: 40, status: 'open', revealed: false, createdBy: { id: team.annotator.user!.id, name: 'annotator' } });
    expect(Date.parse(seen.createdAt!)).toBeGreaterThan(Date.now() - 60_000);
    await a.saved.whenSaved();
    const rest = await team.viewer.get(`/api/documents/${documentId}/claims`);
    expect(rest.body.claims.map((c: { id: string }) => c.id)).toContain(id);
  });

  test('a client that reconnects keeps syncing and receives what it missed', async () => {
    const a = await connect(app.url, documentId, team.annotator);
    const b = await connect(app.url, documentId, team.lead);
    open.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    a.provider.disconnect();
    const id = randomUUID();
    claimsOf(b.doc).set(id, newClaim({ id, anchor: anchorOf('1.2 billion euros') }));
    await b.saved.whenSaved();
    a.provider.connect();
    await eventually(() => claimsOf(a.doc).has(id), 5000, 'missed claim after reconnect');
    expect(readClaim(claimsOf(a.doc).get(id)!).anchor.exact).toBe('1.2 billion euros');
  });
});
