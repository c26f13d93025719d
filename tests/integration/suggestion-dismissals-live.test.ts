import { afterAll, beforeAll, expect, test } from 'vitest';
import { dismissalsRevisionOf } from '../../server/shared/suggestion-dismissals';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';

// Open readers learn at once that a document's dismissed suggestions changed: the server bumps a
// revision in the shared document's server-owned map (server/suggestions/live.ts), which every
// connected client receives through the normal sync. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.

const SENTENCE = 'The terminal cost 310 million euros to build.';
const TEXT = `The harbour expansion\n\n${SENTENCE} [1]\n\nNotes\n\n[1] Port authority annual report 2024, page 9.`;

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
let reader: CollabClient;

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Harbour', text: TEXT })).body.document.id;
  reader = await connect(app.url, documentId, team.viewer);
  await synced(reader);
});
afterAll(async () => {
  reader?.destroy();
  await app?.close();
});

test('an open reader is told of each dismissal and each restore, and of nothing that changed nothing', async () => {
  expect(dismissalsRevisionOf(reader.doc)).toBe(0);
  const path = `/api/documents/${documentId}/suggestions/dismissals` as const;

  const dismissed = await team.annotator.post(path, { exact: SENTENCE });
  expect(dismissed.status).toBe(201);
  await eventually(() => dismissalsRevisionOf(reader.doc) === 1, 10_000, 'the dismissal to be announced');

  // Dismissed again (200, the same dismissal) or refused: no change, no announcement.
  expect((await team.lead.post(path, { exact: SENTENCE })).status).toBe(200);
  expect((await team.lead.post(path, { exact: 'Not a sentence of this text.' })).status).toBe(422);

  const key = dismissed.body.dismissal!.key;
  expect((await team.annotator.delete(`${path}/${key}` as const)).status).toBe(204);
  await eventually(() => dismissalsRevisionOf(reader.doc) === 2, 10_000, 'the restore to be announced');
  expect((await team.annotator.delete(`${path}/${key}` as const)).status).toBe(404);

  // A late joiner reads the revision from the stored document.
  const late = await connect(app.url, documentId, team.lead);
  try {
    await synced(late);
    expect(dismissalsRevisionOf(late.doc)).toBe(2);
    expect(dismissalsRevisionOf(reader.doc)).toBe(2);
  } finally {
    late.destroy();
  }
});
