import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CloseCode } from '../../server/shared/collab-protocol';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { connect, nextClose, synced, type CollabClient } from '../helpers/collab';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
const open: CollabClient[] = [];

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Doc', text: 'Some text.' })).body.document.id;
});
afterAll(async () => {
  open.forEach((c) => c.destroy());
  await app?.close();
});

async function closeCodeFor(who: Parameters<typeof connect>[2], docId = documentId) {
  const c = await connect(app.url, docId, who);
  open.push(c);
  return (await nextClose(c)).code;
}

test('without a session or token the room closes with 4401, and an unknown token too', async () => {
  expect(await closeCodeFor(null)).toBe(CloseCode.unauthorized);
  expect(await closeCodeFor({ token: 'cbt_not-a-real-token' })).toBe(CloseCode.unauthorized);
});

test('a signed-in user who is not a member gets 4404, as for a document that does not exist', async () => {
  expect(await closeCodeFor(team.outsider)).toBe(CloseCode.notFound);
  expect(await closeCodeFor(team.lead, randomUUID())).toBe(CloseCode.notFound);
  expect(await closeCodeFor(team.lead, 'not-a-uuid')).toBe(CloseCode.notFound);
});

test('members connect with an API token as ?token= or with the session cookie', async () => {
  const byToken = await connect(app.url, documentId, team.viewer);
  const byCookie = await connect(app.url, documentId, team.annotator, { cookie: true });
  open.push(byToken, byCookie);
  await Promise.all([synced(byToken), synced(byCookie)]);
  expect(byToken.provider.synced && byCookie.provider.synced).toBe(true);
});

test('a cookie-authenticated upgrade from a foreign Origin closes with 4403', async () => {
  const { WebSocket } = await import('ws');
  const ws = new WebSocket(`${app.url.replace('http', 'ws')}/collab/${documentId}`, {
    headers: { cookie: team.annotator.cookie!, origin: 'https://evil.example' },
  });
  const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
  expect(code).toBe(CloseCode.forbidden);
});
