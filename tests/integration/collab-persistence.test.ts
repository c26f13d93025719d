import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { docSnapshots, docUpdates } from '../../db/schema';
import { loadStoredState } from '../../server/collab/repository';
import { claimsOf, newClaim, readClaim } from '../../server/shared/claim-doc';
import { CloseCode } from '../../server/shared/collab-protocol';
import { startApp, type TestApp } from '../helpers/app';
import { Client, signUp } from '../helpers/client';
import { connect, eventually, nextClose, synced } from '../helpers/collab';
import { freshPostgresDatabase, testDbKind } from '../helpers/database';

const text = 'Sea levels along this coast have risen by about 20 centimetres in a century.';
const anchorOf = (exact: string) => {
  const start = text.indexOf(exact);
  return { start, end: start + exact.length, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) };
};

async function setup(app: TestApp, lead?: Client) {
  lead ??= await signUp(app.url, 'lead');
  const wid = (await lead.post('/api/workspaces', { name: 'W' })).body.workspace.id;
  const documentId = (await lead.post(`/api/workspaces/${wid}/documents`, { title: 'Doc', text })).body.document.id as string;
  return { lead, documentId };
}

/** The document as Postgres has it: snapshot + log replayed into a fresh Y.Doc. */
async function storedDoc(app: TestApp, documentId: string): Promise<Y.Doc> {
  const stored = await loadStoredState(app.database.db, documentId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  stored.updates.forEach((u) => Y.applyUpdate(doc, u));
  return doc;
}

describe('the saved acknowledgement', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ collab: { ...(await import('../../server/config')).testConfig().collab, commitIntervalMs: 150 } });
  });
  afterAll(() => app?.close());

  test('arrives only once the edit is committed, and what it covers is in Postgres', async () => {
    const { lead, documentId } = await setup(app);
    const c = await connect(app.url, documentId, lead);
    await synced(c);
    await c.saved.whenSaved();
    const statuses: string[] = [];
    c.saved.subscribe((s) => statuses.push(s));
    const id = randomUUID();
    claimsOf(c.doc).set(id, newClaim({ id, anchor: anchorOf('20 centimetres'), confidence: 70 }));
    expect(c.saved.status).toBe('saving');
    // With a 150 ms group-commit interval, nothing is in the log yet a few milliseconds later.
    await new Promise((r) => setTimeout(r, 20));
    expect(claimsOf(await storedDoc(app, documentId)).has(id)).toBe(false);
    expect(c.saved.status).toBe('saving');
    await c.saved.whenSaved();
    const stored = claimsOf(await storedDoc(app, documentId)).get(id);
    expect(stored && readClaim(stored).confidence).toBe(70);
    expect(statuses).toEqual(['saving', 'saved']);
    c.destroy();
  });
});

describe('loading, compaction and unloading', () => {
  let app: TestApp;
  beforeAll(async () => {
    const { testConfig } = await import('../../server/config');
    app = await startApp({ collab: { ...testConfig().collab, compactAfterRows: 20, idleUnloadMs: 200 } });
  });
  afterAll(() => app?.close());

  test('compaction folds the log into a snapshot and deletes the covered rows; the document loads the same', async () => {
    const { lead, documentId } = await setup(app);
    const c = await connect(app.url, documentId, lead);
    await synced(c);
    const id = randomUUID();
    claimsOf(c.doc).set(id, newClaim({ id, anchor: anchorOf('Sea levels') }));
    for (let i = 0; i <= 40; i++) {
      claimsOf(c.doc).get(id)!.set('confidence', i);
      await new Promise((r) => setTimeout(r, 5));
    }
    await c.saved.whenSaved();
    // Commits landing during a compaction bring the log past the threshold again: the room compacts
    // again once the one in flight ends, until the log is back under it, without waiting for another edit.
    await eventually(async () => {
      const [snap] = await app.database.db.select().from(docSnapshots).where(eq(docSnapshots.documentId, documentId));
      const [{ rows }] = await app.database.db.select({ rows: count() }).from(docUpdates).where(eq(docUpdates.documentId, documentId));
      return Boolean(snap) && rows < 20;
    }, 5000, 'a snapshot and fewer than 20 log rows');
    const [{ rows }] = await app.database.db.select({ rows: count() }).from(docUpdates).where(eq(docUpdates.documentId, documentId));
    expect(rows).toBeLessThan(20);
    expect(readClaim(claimsOf(await storedDoc(app, documentId)).get(id)!).confidence).toBe(40);
    c.destroy();

    // Unloaded after its last save, then loaded again from snapshot + log by a new client.
    await eventually(() => !app.app.rooms.isLoaded(documentId), 5000, 'room unloaded when idle');
    const again = await connect(app.url, documentId, lead);
    await synced(again);
    expect(readClaim(claimsOf(again.doc).get(id)!).confidence).toBe(40);
    again.destroy();
  });

  test('a document whose stored state cannot be loaded refuses connections (4503) and is never overwritten', async () => {
    const { lead, documentId } = await setup(app);
    const corrupt = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01, 0x02]);
    await app.database.db.insert(docSnapshots).values({ documentId, seq: 0, state: corrupt });
    const c = await connect(app.url, documentId, lead);
    const close = await nextClose(c);
    expect(close.code).toBe(CloseCode.unavailable);
    c.destroy();
    const [snap] = await app.database.db.select().from(docSnapshots).where(eq(docSnapshots.documentId, documentId));
    expect([...snap.state]).toEqual([...corrupt]);
    const rows = await app.database.db.select().from(docUpdates).where(eq(docUpdates.documentId, documentId));
    expect(rows).toEqual([]);
  });
});

test('edits survive a restart of the server: the log is replayed on load', async () => {
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'corroborate-collab-restart-'));
  if (testDbKind() === 'postgres') ({ url: databaseUrl, drop } = await freshPostgresDatabase());
  const options = databaseUrl ? { databaseUrl } : { dataDir };
  try {
    const first = await startApp(options);
    const { lead, documentId } = await setup(first);
    const c = await connect(first.url, documentId, lead);
    await synced(c);
    const id = randomUUID();
    claimsOf(c.doc).set(id, newClaim({ id, anchor: anchorOf('about 20 centimetres'), note: 'Check the tide gauge.' }));
    await c.saved.whenSaved();
    c.destroy();
    await first.close();

    const second = await startApp(options);
    try {
      const login = new Client(second.url);
      await login.post('/api/auth/login', { email: lead.user!.email, password: 'correct horse battery' });
      const d = await connect(second.url, documentId, login);
      await synced(d);
      expect(readClaim(claimsOf(d.doc).get(id)!).note).toBe('Check the tide gauge.');
      d.destroy();
    } finally {
      await second.close();
    }
  } finally {
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
