/**
 * The job pool's worker threads (each a V8 isolate of its own, tens of MB): with the warm-up on
 * (production) they start as the server starts, so the first suggestions do not wait for the scorer
 * (issue 16 item 5); without it none runs before the first job or a reader opening a document. The
 * first job still answers, and after the idle time (here 1 s) they stop until the next use.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../../server/config';
import type { JobPool } from '../../server/jobs';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { eventually } from '../helpers/collab';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let pool: JobPool;

beforeAll(async () => {
  app = await startApp({ jobs: { ...loadConfig({}).jobs, threads: 1, warmUp: false, idleMs: 1000 } });
  team = await workspaceWithRoles(app.url);
  pool = app.app.jobs;
});
afterAll(() => app?.close());

test('the pool has no thread before the first job, the first job answers, and the thread stops after the idle time', async () => {
  expect(pool.threads).toBe(0);
  const res = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'Harbour', text: 'The harbour opened in 1871.', format: 'text' });
  expect(res.status).toBe(201);
  expect(res.body.document.text).toBe('The harbour opened in 1871.');
  expect(pool.threads).toBe(1);
  await eventually(() => pool.threads === 0, 10_000, 'the idle thread to stop');
  expect(pool.stats).toEqual({ running: 0, waiting: 0 });
});

test('a reader opening a document starts the thread before any job, and the suggestions then answer', async () => {
  const created = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'Port', text: 'Unemployment fell by 40% in 2023, the mayor said.', format: 'text' });
  expect(created.status).toBe(201);
  await eventually(() => pool.threads === 0, 10_000, 'the idle thread to stop');
  const opened = await team.viewer.get(`/api/documents/${created.body.document.id}`);
  expect(opened.status).toBe(200);
  expect(pool.threads).toBe(1);
  const suggestions = await team.viewer.get(`/api/documents/${created.body.document.id}/suggestions`);
  expect(suggestions.status).toBe(200);
  expect(Array.isArray(suggestions.body.claims)).toBe(true);
});

test('with the warm-up on, the thread starts with the server, warms the scorer, and stops after the idle time', async () => {
  const warm = await startApp({ jobs: { ...loadConfig({}).jobs, threads: 1, warmUp: true, idleMs: 1000 } });
  try {
    expect(warm.app.jobs.threads).toBe(1);
    await eventually(() => warm.app.jobs.threads === 0, 30_000, 'the warmed, idle thread to stop');
  } finally {
    await warm.close();
  }
});

test('a document the reader may not open starts no thread', async () => {
  const created = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'Quay', text: 'The quay is 300 metres long.', format: 'text' });
  expect(created.status).toBe(201);
  await eventually(() => pool.threads === 0, 10_000, 'the idle thread to stop');
  const refused = await team.outsider.get(`/api/documents/${created.body.document.id}`);
  expect(refused.status).toBe(404);
  expect(pool.threads).toBe(0);
});
