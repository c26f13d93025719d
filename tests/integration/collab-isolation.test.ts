import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { auditLog, claims, quarantinedBatches } from '../../db/schema';
import { decodeQuarantined } from '../../server/collab/repository';
import { testConfig } from '../../server/config';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { CloseCode } from '../../server/shared/collab-protocol';
import { startApp, type TestApp } from '../helpers/app';
import { signUp, type Client } from '../helpers/client';
import { connect, eventually, nextClose, synced, type CollabClient } from '../helpers/collab';
import { testDbKind } from '../helpers/database';

const text = 'Officials said 4,200 households were evacuated before the river crested at 9.1 metres on Sunday.';
const anchorOf = (exact: string) => {
  const start = text.indexOf(exact);
  return { start, end: start + exact.length, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) };
};

let app: TestApp;
const open: CollabClient[] = [];

beforeAll(async () => {
  app = await startApp({ collab: { ...testConfig().collab, unsavedAlertMs: 1000 } });
  // A refusal the application does not anticipate (its own checks make NUL and other unstorable
  // text impossible to reach a transaction): a constraint only this test's database has.
  await app.database.db.execute(sql`alter table claims add constraint test_poison check (note not like '%POISON%')`);
});
afterAll(async () => {
  open.forEach((c) => c.destroy());
  await app?.close();
});

async function workspaceDocument(label: string): Promise<{ lead: Client; documentId: string }> {
  const lead = await signUp(app.url, label);
  const wid = (await lead.post('/api/workspaces', { name: `${label} desk` })).body.workspace.id;
  const documentId = (await lead.post(`/api/workspaces/${wid}/documents`, { title: 'Flood', text })).body.document.id as string;
  return { lead, documentId };
}

async function client(documentId: string, who: Client): Promise<CollabClient> {
  const c = await connect(app.url, documentId, who);
  open.push(c);
  await synced(c);
  return c;
}

function addClaim(c: CollabClient, exact: string): string {
  const id = randomUUID();
  claimsOf(c.doc).set(id, newClaim({ id, anchor: anchorOf(exact), confidence: 40 }));
  return id;
}

const noteOf = (c: CollabClient, id: string) => claimsOf(c.doc).get(id)!.get('note') as Y.Text;

test('a batch the database refuses is quarantined; every other workspace keeps saving, and the refused change never comes back', async () => {
  const poisoned = await workspaceDocument('poisoned');
  const healthy = await workspaceDocument('healthy');
  const attacker = await client(poisoned.documentId, poisoned.lead);
  const bystander = await client(healthy.documentId, healthy.lead);
  const claimId = addClaim(attacker, '4,200 households');
  const healthyClaim = addClaim(bystander, '9.1 metres');
  await Promise.all([attacker.saved.whenSaved(), bystander.saved.whenSaved()]);

  // The same group commit carries both rooms' batches: the refused one must not take the other down.
  const closed = nextClose(attacker);
  noteOf(attacker, claimId).insert(0, 'POISON');
  noteOf(bystander, healthyClaim).insert(0, 'Checked against the gauge record.');
  expect((await closed).code).toBe(CloseCode.saveRefused);
  await bystander.saved.whenSaved();
  for (let i = 0; i < 5; i++) {
    noteOf(bystander, healthyClaim).insert(0, `${i} `);
    await bystander.saved.whenSaved();
  }

  const [row] = await app.database.db.select().from(quarantinedBatches).where(eq(quarantinedBatches.documentId, poisoned.documentId));
  expect(row.error).toContain('test_poison');
  expect(row.userIds).toEqual([poisoned.lead.user!.id]);
  // Kept intact: the quarantined updates still hold the refused text.
  const [stored] = await app.database.db.select().from(claims).where(eq(claims.id, claimId));
  expect(stored.note).toBe('');
  expect(decodeQuarantined(row.updates).some((u) => Buffer.from(u).includes('POISON'))).toBe(true);

  // The client reconnects and sends the refused change again: refused at once (4422), never committed again.
  const again = await nextClose(attacker);
  expect(again.code).toBe(CloseCode.invalidContent);
  attacker.provider.disconnect();
  const rows = await app.database.db.select().from(quarantinedBatches).where(eq(quarantinedBatches.documentId, poisoned.documentId));
  expect(rows).toHaveLength(1);
  // The refusal is audited with the room's next commit.
  await eventually(async () => (await app.database.db.select().from(auditLog).where(eq(auditLog.documentId, poisoned.documentId))).some((r) => r.action === 'update_refused'), 5000, 'update_refused audited');

  const rest = await healthy.lead.get(`/api/claims/${healthyClaim}`);
  expect(rest.body.claim.note).toMatch(/^4 3 2 1 0 Checked against the gauge record\.$/);
  const health = await healthy.lead.get('/api/health');
  expect(health.status).toBe(200);
  expect(health.body.saves).toEqual({ unsavedSeconds: 0, quarantined: 1 });

  // The poisoned document still opens, without the refused change, and takes new edits.
  const fresh = await client(poisoned.documentId, poisoned.lead);
  expect(noteOf(fresh, claimId).toString()).toBe('');
  noteOf(fresh, claimId).insert(0, 'Confirmed by the county.');
  await fresh.saved.whenSaved();
  expect((await poisoned.lead.get(`/api/claims/${claimId}`)).body.claim.note).toBe('Confirmed by the county.');
});

test('a REST write in a refused batch answers 422 save_refused and changes nothing', async () => {
  const { lead, documentId } = await workspaceDocument('rest');
  const created = await lead.post(`/api/documents/${documentId}/claims`, { exact: '9.1 metres', note: 'fine' });
  expect(created.status).toBe(201);
  const res = await lead.patch(`/api/claims/${created.body.claim.id}`, { note: 'POISON in a REST body' });
  expect(res.status).toBe(422);
  expect(res.body.error?.code).toBe('save_refused');
  expect((await lead.get(`/api/claims/${created.body.claim.id}`)).body.claim.note).toBe('fine');
});

test.runIf(testDbKind() === 'postgres')('/api/health answers 503 while a commit has waited past the bound, and 200 once it is saved', async () => {
  const { lead, documentId } = await workspaceDocument('locked');
  const c = await client(documentId, lead);
  const claimId = addClaim(c, '4,200 households');
  await c.saved.whenSaved();
  // Another session holds a lock on the claims table: the next commit waits for it.
  const blocker = new pg.Client({ connectionString: app.config.databaseUrl });
  await blocker.connect();
  try {
    await blocker.query('begin');
    await blocker.query('lock table claims in access exclusive mode');
    noteOf(c, claimId).insert(0, 'Waiting for the lock.');
    await eventually(async () => (await lead.get('/api/health')).status === 503, 10_000, 'health 503');
    const health = await lead.get('/api/health');
    expect(health.body.ok).toBe(false);
    expect(health.body.saves.unsavedSeconds).toBeGreaterThanOrEqual(1);
    expect(c.saved.status).toBe('saving');
  } finally {
    await blocker.query('rollback');
    await blocker.end();
  }
  await c.saved.whenSaved();
  await eventually(async () => (await lead.get('/api/health')).status === 200, 10_000, 'health 200');
});
