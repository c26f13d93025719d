import { afterAll, beforeAll, expect, test } from 'vitest';
import { exportItems } from '../../server/export/repository';
import { startApp, type TestApp } from '../helpers/app';
import { signUp } from '../helpers/client';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.close());

test('the export reads claims page by page across documents, each exactly once, in document then text order', async () => {
  const lead = await signUp(app.url, 'lead');
  const wid = (await lead.post('/api/workspaces', { name: 'Paging' })).body.workspace.id;
  const expected: string[] = [];
  for (const title of ['First', 'Second']) {
    const text = Array.from({ length: 7 }, (_, i) => `Sentence ${title} ${i}.`).join(' ');
    const doc = (await lead.post(`/api/workspaces/${wid}/documents`, { title, text })).body.document;
    for (let i = 6; i >= 0; i--) {
      const res = await lead.post(`/api/documents/${doc.id}/claims`, { exact: `Sentence ${title} ${i}.` });
      expect(res.status).toBe(201);
    }
    for (let i = 0; i < 7; i++) expected.push(`Sentence ${title} ${i}.`);
  }
  const seen: string[] = [];
  for await (const item of exportItems(app.database.db, { workspaceId: wid, status: 'any' }, 3)) seen.push(item.claim.anchor.exact);
  expect(seen).toEqual(expected);
  const limited: string[] = [];
  for await (const item of exportItems(app.database.db, { workspaceId: wid, status: 'any' }, 3, 8)) limited.push(item.claim.anchor.exact);
  expect(limited).toEqual(expected.slice(0, 8));
});
