import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { claimEvents, claims } from '../../db/schema';
import { loadStoredState } from '../../server/collab/repository';
import { claimsOf } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';

const LIMIT = 10_000;
let app: TestApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.close());

// Sentences with a distinct number each, so every annotation's quote is unique in the text.
const text = Array.from({ length: 2_000 }, (_, i) => `Station ${i} logged ${1000 + i} readings.`).join(' ');

test(`an import of ${LIMIT.toLocaleString('en')} annotations (the documented limit) is committed whole, in statements PostgreSQL accepts`, async () => {
  const team = await workspaceWithRoles(app.url);
  const documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Stations', text })).body.document.id as string;
  const items = Array.from({ length: LIMIT }, (_, i) => {
    const exact = `Station ${i % 2000} logged`;
    const start = text.indexOf(exact);
    return { target: { selector: [{ type: 'TextPositionSelector', start, end: start + exact.length }] }, bodyValue: `n${i}` };
  });
  const res = await team.annotator.post(`/api/documents/${documentId}/annotations`, items);
  expect(res.status).toBe(201);
  expect(res.body.created).toHaveLength(LIMIT);

  const [{ n }] = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(claims).where(eq(claims.documentId, documentId));
  expect(n).toBe(LIMIT);
  const [{ events }] = await app.database.db.select({ events: sql<number>`count(*)::int` }).from(claimEvents).where(eq(claimEvents.documentId, documentId));
  expect(events).toBeGreaterThanOrEqual(LIMIT);
  // The update log holds it too: a reload (after a restart) has every claim.
  const stored = await loadStoredState(app.database.db, documentId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  stored.updates.forEach((u) => Y.applyUpdate(doc, u));
  expect(claimsOf(doc).size).toBe(LIMIT);
  // One more than the limit is refused with a clear error, and stores nothing.
  const over = await team.annotator.post(`/api/documents/${documentId}/annotations`, [...items, items[0]]);
  expect(over.status).toBe(400);
  expect(over.body.error?.code).toBe('too_many_annotations');
}, 120_000);
