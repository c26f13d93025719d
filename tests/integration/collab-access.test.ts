import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { memberships, sessions } from '../../db/schema';
import { anchorFromRange } from '../../server/anchoring';
import { loadStoredState } from '../../server/collab/repository';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { CloseCode } from '../../server/shared/collab-protocol';
import { startApp, type TestApp } from '../helpers/app';
import { Client, signUp } from '../helpers/client';
import { connect, eventually, nextClose, synced, type CollabClient } from '../helpers/collab';
import { testDbKind } from '../helpers/database';
import { isPermanentClose } from '../../web/src/lib/collab/close-reasons';

// DESIGN.md "Access for the life of a connection": logout, revocation, expiry, removal and a
// change of write access apply to open sockets, and nothing the socket sends afterwards is stored.

let app: TestApp;
let lead: Client;
let wid: string;
let documentId: string;
const text = 'Officials confirmed that 6,000 flats were built in 2015, at a cost of 1.2 billion euros.';
const open: CollabClient[] = [];
/** Time from each change to the close the client saw, for the report at the end. */
const figures: string[] = [];
/** A change made in this process is applied before its REST answer; elsewhere within the polling interval. */
const REST_DEADLINE_MS = 1000;
const POLL_DEADLINE_MS = 1500;

beforeAll(async () => {
  app = await startApp();
  lead = await signUp(app.url, 'lead');
  wid = (await lead.post('/api/workspaces', { name: 'Newsroom' })).body.workspace.id;
  documentId = (await lead.post(`/api/workspaces/${wid}/documents`, { title: 'Flats', text })).body.document.id;
});
afterAll(async () => {
  open.forEach((c) => c.destroy());
  if (figures.length) console.info(`collab access: ${figures.join('; ')}`);
  await app?.close();
});

async function member(role: 'viewer' | 'annotator' | 'factchecker', label: string = role): Promise<Client> {
  const c = await signUp(app.url, label);
  const added = await lead.post(`/api/workspaces/${wid}/members`, { email: c.user!.email, role });
  if (added.status !== 201) throw new Error(`add member failed: ${JSON.stringify(added.body)}`);
  return c;
}

async function newToken(c: Client): Promise<{ id: string; token: string }> {
  const res = await c.post('/api/tokens', { name: 'collab access test' });
  return { id: res.body.id, token: res.body.token };
}

async function joined(who: Parameters<typeof connect>[2], opts: Parameters<typeof connect>[3] = {}): Promise<CollabClient> {
  const c = await connect(app.url, documentId, who, opts);
  open.push(c);
  await synced(c);
  return c;
}

/** Adds a claim on the client's copy of the document; returns its id. */
function addClaim(c: CollabClient, start = 25, end = 30): string {
  const id = randomUUID();
  claimsOf(c.doc).set(id, newClaim({ id, anchor: anchorFromRange(text, start, end) }));
  return id;
}

/** Whether the claim is stored: in the REST projection, or in the update log and snapshot as a fresh load reads them. */
async function stored(claimId: string): Promise<{ rest: boolean; log: boolean }> {
  const rest = (await lead.get(`/api/documents/${documentId}/claims`)).body.claims.some((c: { id: string }) => c.id === claimId);
  const state = await loadStoredState(app.database.db, documentId);
  const doc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const u of state.updates) Y.applyUpdate(doc, u);
  const log = claimsOf(doc).has(claimId);
  doc.destroy();
  return { rest, log };
}

/**
 * Once everything the lead's own client sent is saved, anything the server accepted before it is
 * committed too: a later check that finds a claim missing is not merely early.
 */
async function settle(): Promise<void> {
  const probe = await joined(lead);
  addClaim(probe, 0, 9);
  await probe.saved.whenSaved();
  probe.destroy();
}

async function closedWithin(c: CollabClient, since: number, deadlineMs: number, what: string): Promise<number> {
  const close = await nextClose(c, deadlineMs);
  const ms = Date.now() - since;
  figures.push(`${what} → ${close.code} in ${ms} ms`);
  return close.code;
}

describe('an open connection loses its access when its credential does', () => {
  test('logging out closes the cookie-authenticated socket with 4401, and an edit sent after the logout is never stored', async () => {
    const annotator = await member('annotator', 'logout');
    const live = await joined(annotator, { cookie: true });
    const before = addClaim(live);
    await live.saved.whenSaved();
    expect(await stored(before)).toEqual({ rest: true, log: true });

    const closing = nextClose(live, REST_DEADLINE_MS);
    const t0 = Date.now();
    expect((await annotator.post('/api/auth/logout')).status).toBe(204);
    const after = addClaim(live, 36, 40);
    const close = await closing;
    figures.push(`logout → ${close.code} in ${Date.now() - t0} ms`);
    expect(close.code).toBe(CloseCode.unauthorized);

    await settle();
    expect(await stored(after)).toEqual({ rest: false, log: false });
  });

  test('revoking an API token closes the socket that uses it with 4401, and an edit sent after the revocation is never stored', async () => {
    const annotator = await member('annotator', 'revoked');
    const { id, token } = await newToken(annotator);
    const live = await joined({ token });
    const before = addClaim(live);
    await live.saved.whenSaved();
    expect((await stored(before)).rest).toBe(true);

    const closing = nextClose(live, REST_DEADLINE_MS);
    const t0 = Date.now();
    expect((await annotator.delete(`/api/tokens/${id}`)).status).toBe(204);
    const after = addClaim(live, 36, 40);
    const close = await closing;
    figures.push(`token revocation → ${close.code} in ${Date.now() - t0} ms`);
    expect(close.code).toBe(CloseCode.unauthorized);

    // Trying again with the same token is refused at the door.
    live.provider.connect();
    expect((await nextClose(live)).code).toBe(CloseCode.unauthorized);
    await settle();
    expect(await stored(after)).toEqual({ rest: false, log: false });
  });

  test('a session that expires while connected is closed with 4401 within the polling interval, and what it sends next is never stored', async () => {
    const annotator = await member('annotator', 'expiring');
    const live = await joined(annotator, { cookie: true });
    const t0 = Date.now();
    await app.database.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.userId, annotator.user!.id));
    expect(await closedWithin(live, t0, POLL_DEADLINE_MS, 'session expiry')).toBe(CloseCode.unauthorized);

    const after = addClaim(live, 36, 40);
    live.provider.connect();
    expect((await nextClose(live)).code).toBe(CloseCode.unauthorized);
    await settle();
    expect(await stored(after)).toEqual({ rest: false, log: false });
  });
});

describe('an open connection follows its membership', () => {
  test('a member removed from the workspace is closed with 4403 within the polling interval, and cannot come back', async () => {
    const annotator = await member('annotator', 'removed');
    const live = await joined(annotator);
    // No REST route removes a member yet: the row goes as an administrator (or another process) would remove it.
    const t0 = Date.now();
    await app.database.db.delete(memberships).where(and(eq(memberships.workspaceId, wid), eq(memberships.userId, annotator.user!.id)));
    expect(await closedWithin(live, t0, POLL_DEADLINE_MS, 'removal')).toBe(CloseCode.forbidden);

    const after = addClaim(live, 36, 40);
    live.provider.connect();
    // Not a member any more: the same answer as for a document that does not exist.
    expect((await nextClose(live)).code).toBe(CloseCode.notFound);
    await settle();
    expect(await stored(after)).toEqual({ rest: false, log: false });
  });

  test('an annotator demoted to viewer is closed with 4409; after reconnecting it is read-only and its edits are never stored', async () => {
    const annotator = await member('annotator', 'demoted');
    const live = await joined(annotator);
    const watcher = await joined(lead);

    const closing = nextClose(live, REST_DEADLINE_MS);
    const t0 = Date.now();
    expect((await lead.patch(`/api/workspaces/${wid}/members/${annotator.user!.id}`, { role: 'viewer' })).status).toBe(200);
    const sentBeforeReconnect = addClaim(live, 36, 40);
    const close = await closing;
    figures.push(`demotion → ${close.code} in ${Date.now() - t0} ms`);
    expect(close.code).toBe(CloseCode.roleChanged);

    // The web app reconnects after 4409 by itself; this plain client is told to.
    live.provider.connect();
    await synced(live);
    const sentAsViewer = addClaim(live, 45, 49);
    // It still receives everyone else's edits.
    const fromLead = addClaim(watcher, 57, 60);
    await watcher.saved.whenSaved();
    await eventually(() => claimsOf(live.doc).get(fromLead)?.get('status') === 'open', 5000, "the lead's claim on the viewer");
    await settle();
    expect(await stored(sentBeforeReconnect)).toEqual({ rest: false, log: false });
    expect(await stored(sentAsViewer)).toEqual({ rest: false, log: false });
    expect(claimsOf(watcher.doc).has(sentAsViewer)).toBe(false);
  });

  test('a viewer promoted to annotator is closed with 4409, reconnects by itself with the web app\'s rule, and then writes', async () => {
    const viewer = await member('viewer', 'promoted');
    const live = await joined(viewer);
    // The predicate web/src/lib/collab/room.svelte.ts gives its provider.
    live.provider.shouldReconnect = (event) => !isPermanentClose(event.code);
    const closing = nextClose(live, REST_DEADLINE_MS);
    expect((await lead.patch(`/api/workspaces/${wid}/members/${viewer.user!.id}`, { role: 'annotator' })).status).toBe(200);
    expect((await closing).code).toBe(CloseCode.roleChanged);
    await eventually(() => live.provider.synced, 10_000, 'reconnected and synced');
    const claim = addClaim(live, 45, 49);
    await live.saved.whenSaved();
    expect(await stored(claim)).toEqual({ rest: true, log: true });
  });

  test('a role change that keeps write access also closes with 4409 (the page learns its new rights), and the client reconnects and keeps writing', async () => {
    const annotator = await member('annotator', 'steady');
    const live = await joined(annotator);
    const closing = nextClose(live, REST_DEADLINE_MS);
    // The REST answer comes after this process re-checked its connections.
    expect((await lead.patch(`/api/workspaces/${wid}/members/${annotator.user!.id}`, { role: 'factchecker' })).status).toBe(200);
    // An edit made as the connection closes is kept on the client and sent again after reconnecting.
    const during = addClaim(live, 36, 40);
    expect((await closing).code).toBe(CloseCode.roleChanged);
    live.provider.connect();
    await synced(live);
    const after = addClaim(live, 45, 49);
    await live.saved.whenSaved();
    await settle();
    expect((await stored(during)).rest).toBe(true);
    expect((await stored(after)).rest).toBe(true);
  });
});

describe('when the database does not answer', () => {
  test('an access check that fails keeps open connections as they are, and they keep saving afterwards', async () => {
    const annotator = await member('annotator', 'kept');
    const live = await joined(annotator);
    // A real failure of the check's query: one of the tables it reads is briefly not there.
    await app.database.db.execute(sql`alter table memberships rename to memberships_away`);
    try {
      await app.app.accessWatch.check();
      expect(app.app.accessWatch.failedChecks).toBeGreaterThan(0);
      expect(live.closes).toEqual([]);
    } finally {
      await app.database.db.execute(sql`alter table memberships_away rename to memberships`);
    }
    await app.app.accessWatch.check();
    expect(app.app.accessWatch.failedChecks).toBe(0);
    const claim = addClaim(live, 45, 49);
    await live.saved.whenSaved();
    expect(live.closes).toEqual([]);
    expect((await stored(claim)).rest).toBe(true);
  });
});

describe.runIf(testDbKind() === 'postgres')('several processes', () => {
  let other: TestApp;
  beforeAll(async () => {
    other = await startApp({ databaseUrl: app.config.databaseUrl });
  });
  afterAll(async () => {
    await other?.close();
  });

  test('a token revoked through another server process closes the socket here with 4401 within the polling interval', async () => {
    const annotator = await member('annotator', 'elsewhere');
    const { id, token } = await newToken(annotator);
    const live = await joined({ token });
    const remote = new Client(other.url);
    remote.token = token;
    const t0 = Date.now();
    expect((await remote.delete(`/api/tokens/${id}`)).status).toBe(204);
    expect(await closedWithin(live, t0, POLL_DEADLINE_MS, 'revocation in another process')).toBe(CloseCode.unauthorized);
  });
});
