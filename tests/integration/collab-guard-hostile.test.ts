import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { auditLog } from '../../db/schema';
import { claimsOf, newClaim, newEvidence, readClaim, type ClaimMap } from '../../server/shared/claim-doc';
import { CloseCode } from '../../server/shared/collab-protocol';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles, type Client } from '../helpers/client';
import { connect, eventually, nextClose, synced, type CollabClient } from '../helpers/collab';
import { awarenessFrame, awarenessUpdate, nestArrays, RawSocket, setAsJsonContent, storedContains, storedDoc, syncUpdate, updateFrom } from '../helpers/hostile-updates';

/**
 * Issue 11 item 3, "a guard that cannot be tripped": hostile updates from a client with write
 * access. Whatever a refused update carries reaches nobody and nothing stored; whatever the guard
 * undoes is put back for everyone and audited.
 */
let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
const open: CollabClient[] = [];
const text = 'The ministry says 4,000 new homes were built in 2023, twice the 2022 figure, at a cost of 1.2 billion.';

const anchorOf = (exact: string) => {
  const start = text.indexOf(exact);
  return { start, end: start + exact.length, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) };
};

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
});
afterAll(async () => {
  open.forEach((c) => c.destroy());
  await app?.close();
});

async function newDocument(): Promise<string> {
  return (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Housing', text })).body.document.id;
}

async function restClaim(documentId: string, exact: string, extra: { note?: string; confidence?: number; tags?: string[] } = {}) {
  const res = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact, ...extra });
  expect(res.status).toBe(201);
  return res.body.claim.id as string;
}

async function live(documentId: string, who: Client): Promise<CollabClient> {
  const c = await connect(app.url, documentId, who);
  open.push(c);
  await synced(c);
  return c;
}

const claimOf = (c: CollabClient, id: string) => claimsOf(c.doc).get(id) as ClaimMap;
const restClaimOf = async (id: string) => (await team.viewer.get(`/api/claims/${id}`)).body.claim;

async function auditOf(documentId: string) {
  return app.database.db.select().from(auditLog).where(eq(auditLog.documentId, documentId));
}

/** Connects `who`, makes `write` in one transaction, and resolves with the close code the server answered with. */
async function refusedWrite(documentId: string, who: Client, write: (doc: Y.Doc) => void): Promise<number> {
  const c = await live(documentId, who);
  const sent: Uint8Array[] = [];
  c.doc.on('update', (u: Uint8Array) => sent.push(u));
  const closed = nextClose(c);
  c.doc.transact(() => write(c.doc));
  expect(sent).toHaveLength(1);
  const { code } = await closed;
  c.destroy();
  return code;
}

/** A bystander's edit that must keep being acknowledged: its confidence on its own claim. */
async function bystanderSaves(c: CollabClient, claimId: string): Promise<void> {
  const map = claimOf(c, claimId);
  map.set('confidence', ((map.get('confidence') as number | null) ?? 0) >= 99 ? 1 : ((map.get('confidence') as number | null) ?? 0) + 1);
  await c.saved.whenSaved();
}

test('one update forging status, a vote, the tally and the creator and nesting 3,000 arrays in the tags is refused whole: nobody sees it, nothing is stored, the refusal is audited', async () => {
  const documentId = await newDocument();
  const id = await restClaim(documentId, '4,000 new homes', { note: 'Ask the statistics office.', tags: ['housing'] });
  const other = await restClaim(documentId, 'twice the 2022 figure');
  const watcher = await live(documentId, team.lead);
  const before = await restClaimOf(id);
  const beforeLive = claimOf(watcher, id).toJSON();

  // Every update the watcher receives, and the target's status after each.
  const received: Uint8Array[] = [];
  const statuses: unknown[] = [];
  watcher.doc.on('update', (u: Uint8Array) => {
    received.push(u);
    statuses.push(claimOf(watcher, id)?.get('status'));
  });

  const code = await refusedWrite(documentId, team.annotator, (doc) => {
    const map = claimsOf(doc).get(id)!;
    map.set('status', 'verified');
    (map.get('votes') as Y.Map<unknown>).set(team.annotator.user!.id, { verdict: 'accurate', confidence: 100, note: 'forged-vote' });
    map.set('tally', { count: 3, byVerdict: { accurate: 3 }, consensus: 'accurate', agreement: 1 });
    map.set('createdBy', { id: team.lead.user!.id, name: 'lead' });
    const tags = new Y.Array<unknown>();
    map.set('tags', tags);
    nestArrays(tags, 3000);
  });
  expect(code).toBe(CloseCode.invalidContent);

  // The room carries on: the watcher's own edit is saved, and a later REST change reaches it, so
  // anything sent before that change would have reached it too.
  await bystanderSaves(watcher, other);
  await team.lead.patch(`/api/claims/${other}`, { note: 'after the forgery' });
  await eventually(() => readClaim(claimOf(watcher, other)).note === 'after the forgery', 5000, 'later change on the watcher');
  expect(received.length).toBeGreaterThan(0);
  expect(received.some((u) => Buffer.from(u).includes('verified') || Buffer.from(u).includes('forged-vote'))).toBe(false);
  expect(statuses.every((s) => s === 'open')).toBe(true);
  expect(claimOf(watcher, id).toJSON()).toEqual(beforeLive);

  expect(await restClaimOf(id)).toEqual(before);
  await eventually(async () => (await auditOf(documentId)).some((r) => r.action === 'update_refused'), 5000, 'refusal audited');
  const audit = await auditOf(documentId);
  expect(audit.filter((r) => r.action === 'update_refused')).toEqual([
    expect.objectContaining({ userId: team.annotator.user!.id, detail: expect.objectContaining({ code: CloseCode.invalidContent }) }),
  ]);
  expect(audit.filter((r) => r.action === 'forged_write_undone')).toEqual([]);

  // Unloaded, then loaded again from the database: the claim is as it was.
  watcher.destroy();
  await eventually(() => !app.app.rooms.isLoaded(documentId), 10_000, 'room unloaded');
  const stored = await storedDoc(app, documentId);
  expect(claimsOf(stored).get(id)!.toJSON()).toEqual(beforeLive);
  expect(await storedContains(app, documentId, 'forged-vote')).toBe(false);
  const again = await live(documentId, team.viewer);
  expect(claimOf(again, id).toJSON()).toEqual(beforeLive);
  expect(readClaim(claimOf(again, id))).toMatchObject({ status: 'open', tags: ['housing'], createdBy: { id: team.annotator.user!.id } });
  again.destroy();
  expect(await restClaimOf(id)).toEqual(before);
}, 60_000);

describe('text PostgreSQL cannot store', () => {
  let documentId: string;
  let target: string;
  let evidenceId: string;
  let bystander: CollabClient;
  let bystanderClaim: string;

  beforeAll(async () => {
    documentId = await newDocument();
    target = await restClaim(documentId, 'built in 2023', { note: 'Original note.', tags: ['t'] });
    evidenceId = (await team.annotator.post(`/api/claims/${target}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/stats', title: 'Stats' })).body.evidence.id;
    bystanderClaim = await restClaim(documentId, 'a cost of 1.2 billion');
    bystander = await live(documentId, team.lead);
  });

  const evidenceEntry = (doc: Y.Doc) => (claimsOf(doc).get(target)!.get('evidence') as Y.Array<Y.Map<unknown>>).get(0);
  const pushEvidence = (doc: Y.Doc, fields: Partial<Parameters<typeof newEvidence>[0]>) =>
    (claimsOf(doc).get(target)!.get('evidence') as Y.Array<Y.Map<unknown>>).push([
      newEvidence({ id: randomUUID(), kind: 'url', stance: 'context', url: null, title: null, excerpt: null, documentId: null, anchor: null, ...fields }),
    ]);
  const evidenceAnchor = (exact: string) => ({ start: 0, end: exact.length, exact, prefix: '', suffix: '' });

  /** Each write carries `bad` (a marker followed by NUL or a lone surrogate) into one field that reaches a text or jsonb column. */
  const writes: Record<string, (doc: Y.Doc, bad: string) => void> = {
    'the note text': (doc, bad) => (claimsOf(doc).get(target)!.get('note') as Y.Text).insert(0, bad),
    'a formatting attribute of the note': (doc, bad) => (claimsOf(doc).get(target)!.get('note') as Y.Text).insert(0, 'x', { comment: bad }),
    'a tag': (doc, bad) => (claimsOf(doc).get(target)!.get('tags') as Y.Array<string>).push([bad]),
    'a new evidence url': (doc, bad) => pushEvidence(doc, { url: `https://example.org/${bad}` }),
    'a new evidence title': (doc, bad) => pushEvidence(doc, { title: bad }),
    'a new evidence excerpt': (doc, bad) => pushEvidence(doc, { kind: 'quote', excerpt: bad }),
    'a new evidence anchor.exact': (doc, bad) => pushEvidence(doc, { anchor: evidenceAnchor(bad) }),
    'an existing evidence title': (doc, bad) => evidenceEntry(doc).set('title', bad),
    "a new claim's anchor": (doc, bad) => {
      const id = randomUUID();
      claimsOf(doc).set(id, newClaim({ id, anchor: { ...anchorOf('The ministry'), prefix: bad } }));
    },
    'a claim id': (doc, bad) => claimsOf(doc).set(bad, newClaim({ id: bad, anchor: anchorOf('The ministry') })),
    'a key of a claim map': (doc, bad) => claimsOf(doc).get(target)!.set(bad, 1),
    'a key inside an evidence anchor': (doc, bad) => pushEvidence(doc, { anchor: { ...evidenceAnchor('x'), [bad]: 1 } as never }),
  };

  test.each(Object.keys(writes))('NUL in %s closes the socket with 4422, stores nothing, and another client keeps being acknowledged', async (where) => {
    const before = await restClaimOf(target);
    const marker = `nul-${randomUUID().slice(0, 8)}`;
    const code = await refusedWrite(documentId, team.annotator, (doc) => writes[where](doc, `${marker}\u0000end`));
    expect(code).toBe(CloseCode.invalidContent);
    await bystanderSaves(bystander, bystanderClaim);
    expect(await storedContains(app, documentId, marker)).toBe(false);
    expect(JSON.stringify(bystander.doc.toJSON())).not.toContain(marker);
    expect(await restClaimOf(target)).toEqual(before);
  });

  test.each(['the note text', 'a tag', 'a new evidence title', 'a new evidence excerpt', 'a new evidence anchor.exact'])(
    'a lone surrogate in %s arrives as U+FFFD (lib0 sends UTF-8): stored well formed, and saving goes on',
    async (where) => {
      const marker = `sur-${randomUUID().slice(0, 8)}`;
      const c = await live(documentId, team.annotator);
      writes[where](c.doc, `${marker}\ud800end`);
      await c.saved.whenSaved();
      expect(c.closes).toEqual([]);
      await bystanderSaves(bystander, bystanderClaim);
      const stored = JSON.stringify(claimsOf(await storedDoc(app, documentId)).toJSON());
      // JSON.stringify writes a lone surrogate as a `\ud800` escape: none may be there.
      const loneSurrogate = /\\ud[89a-f][0-9a-f]{2}/i;
      expect(stored).toContain(`${marker}\ufffdend`);
      expect(stored).not.toMatch(loneSurrogate);
      const rest = JSON.stringify(await restClaimOf(target));
      expect(rest).toContain(`${marker}\ufffdend`);
      expect(rest).not.toMatch(loneSurrogate);
      c.destroy();
    },
  );

  test.each([
    ['NUL', '\u0000'],
    ['a lone surrogate', '\ud800'],
  ])('%s written as JSON content (escaped, so it survives UTF-8) in an evidence title or a claim field is refused with 4422', async (_what, bad) => {
    for (const write of [
      (doc: Y.Doc, marker: string) => setAsJsonContent(evidenceEntry(doc), 'title', `${marker}${bad}`),
      (doc: Y.Doc, marker: string) => setAsJsonContent(claimsOf(doc).get(target)!, 'confidence', { note: `${marker}${bad}` }),
      (doc: Y.Doc, marker: string) => setAsJsonContent(claimsOf(doc).get(target)!, 'anchor', { ...anchorOf('built in 2023'), exact: `${marker}${bad}` }),
    ]) {
      const before = await restClaimOf(target);
      const marker = `json-${randomUUID().slice(0, 8)}`;
      expect(await refusedWrite(documentId, team.annotator, (doc) => write(doc, marker))).toBe(CloseCode.invalidContent);
      await bystanderSaves(bystander, bystanderClaim);
      expect(await storedContains(app, documentId, marker)).toBe(false);
      expect(await restClaimOf(target)).toEqual(before);
    }
  });
});

describe('evidence entries', () => {
  let documentId: string;
  let id: string;
  let original: Record<string, unknown>;
  let writer: CollabClient;
  let watcher: CollabClient;

  beforeAll(async () => {
    documentId = await newDocument();
    id = await restClaim(documentId, 'The ministry says');
    await team.annotator.post(`/api/claims/${id}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/report', title: 'Report' });
    writer = await live(documentId, team.factchecker);
    watcher = await live(documentId, team.viewer);
    await eventually(() => readClaim(claimOf(writer, id)).evidence.length === 1, 5000, 'evidence on the writer');
    original = readClaim(claimOf(writer, id)).evidence[0] as unknown as Record<string, unknown>;
  });

  const entryOf = (c: CollabClient) => (claimOf(c, id).get('evidence') as Y.Array<Y.Map<unknown>>).get(0);

  test.each([
    ['its id changed', 'id', () => randomUUID()],
    ['its kind changed', 'kind', () => 'quote'],
    ['a stance outside supports/refutes/context', 'stance', () => 'maybe'],
    ['its adder changed', 'addedBy', () => ({ id: team.lead.user!.id, name: 'lead' })],
    ['its time changed', 'addedAt', () => '1999-01-01T00:00:00.000Z'],
    ['an unknown key added', 'secret', () => 'hidden'],
  ])('an evidence entry with %s is put back for everyone, and audited', async (_what, key, value) => {
    const auditBefore = (await auditOf(documentId)).length;
    entryOf(writer).set(key, value());
    const restored = (c: CollabClient) => JSON.stringify(readClaim(claimOf(c, id)).evidence[0]) === JSON.stringify(original) && !entryOf(c).has('secret');
    await eventually(() => restored(writer), 5000, `${key} put back on the writer`);
    await writer.saved.whenSaved();
    await eventually(() => restored(watcher), 5000, `${key} put back on the watcher`);
    expect((await restClaimOf(id)).evidence).toEqual([original]);
    const audit = (await auditOf(documentId)).slice(auditBefore);
    expect(audit.map((r) => [r.action, r.detail.field, r.userId])).toEqual([['forged_write_undone', `evidence.${key}`, team.factchecker.user!.id]]);
  });

  test('a stance changed to another valid one is kept and not audited', async () => {
    const auditBefore = (await auditOf(documentId)).length;
    entryOf(writer).set('stance', 'refutes');
    await writer.saved.whenSaved();
    await eventually(() => readClaim(claimOf(watcher, id)).evidence[0].stance === 'refutes', 5000, 'stance on the watcher');
    expect((await restClaimOf(id)).evidence[0].stance).toBe('refutes');
    expect((await auditOf(documentId)).slice(auditBefore)).toEqual([]);
  });
});

test('a note replaced by a plain string, or a claim replaced by a string, is refused with 4422 and stays intact for everyone and in the database', async () => {
  const documentId = await newDocument();
  const id = await restClaim(documentId, '1.2 billion', { note: 'Budget line 7.' });
  const watcher = await live(documentId, team.viewer);
  const before = await restClaimOf(id);
  const beforeLive = claimOf(watcher, id).toJSON();
  expect(await refusedWrite(documentId, team.annotator, (doc) => claimsOf(doc).get(id)!.set('note', 'a plain string'))).toBe(CloseCode.invalidContent);
  expect(await refusedWrite(documentId, team.annotator, (doc) => (claimsOf(doc) as Y.Map<unknown>).set(id, 'not a claim'))).toBe(CloseCode.invalidContent);
  // A later edit by someone else reaches the watcher, so the refused ones would have too.
  await team.lead.patch(`/api/claims/${id}`, { tags: ['later'] });
  await eventually(() => readClaim(claimOf(watcher, id)).tags[0] === 'later', 5000, 'later change on the watcher');
  expect(claimOf(watcher, id).get('note')).toBeInstanceOf(Y.Text);
  expect({ ...claimOf(watcher, id).toJSON(), tags: beforeLive.tags }).toEqual(beforeLive);
  expect({ ...(await restClaimOf(id)), tags: before.tags, updatedAt: before.updatedAt }).toEqual(before);
  const stored = claimsOf(await storedDoc(app, documentId)).get(id);
  expect(stored).toBeInstanceOf(Y.Map);
  expect(readClaim(stored!).note).toBe('Budget line 7.');
  watcher.destroy();
});

describe('a signed-off claim', () => {
  let documentId: string;
  let writer: CollabClient;
  let watcher: CollabClient;
  const passages = ['The ministry', 'ministry says', '4,000', 'new homes', 'in 2023', 'twice', '2022 figure', 'a cost', '1.2 billion'];

  beforeAll(async () => {
    documentId = await newDocument();
    writer = await live(documentId, team.annotator);
    watcher = await live(documentId, team.viewer);
  });

  /** A claim with a note, a rating, tags, evidence and a revealed vote, verified by the lead over REST. */
  async function verifiedClaim() {
    const id = await restClaim(documentId, passages.shift()!, { note: 'Matches the census.', confidence: 80, tags: ['census'] });
    const added = await team.annotator.post(`/api/claims/${id}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/census', title: 'Census' });
    expect(added.status).toBe(201);
    expect((await team.factchecker.request('PUT', `/api/claims/${id}/vote`, { json: { verdict: 'accurate', note: 'Checked.' } })).status).toBe(200);
    expect((await team.lead.post(`/api/claims/${id}/reveal`, { confirm: true })).status).toBe(200);
    const verified = await team.lead.post(`/api/claims/${id}/status`, { status: 'verified', rationale: 'Matches the census table.' });
    expect(verified.body.claim.status).toBe('verified');
    await eventually(() => claimOf(writer, id)?.get('status') === 'verified' && claimOf(watcher, id)?.get('revealed') === true, 5000, 'verified on the clients');
    return id;
  }

  /** What sign-off fixes, plus the server-owned fields, as one client sees them. */
  const signedOffView = (c: CollabClient, id: string) => {
    const map = claimOf(c, id);
    if (!(map instanceof Y.Map)) return null;
    const claim = readClaim(map);
    const votes = map.get('votes');
    return {
      note: claim.note,
      confidence: claim.confidence,
      evidence: claim.evidence,
      status: claim.status,
      revealed: claim.revealed,
      tally: claim.tally,
      createdBy: claim.createdBy,
      createdAt: claim.createdAt,
      votes: votes instanceof Y.Map ? votes.toJSON() : null,
    };
  };
  const restView = (claim: Record<string, unknown>) => {
    const { note, confidence, evidence, status, revealed, tally, createdBy, createdAt, votes, tags } = claim;
    return { note, confidence, evidence, status, revealed, tally, createdBy, createdAt, votes, tags };
  };

  test.each([
    ['its note', 'note', (m: ClaimMap) => (m.get('note') as Y.Text).insert(0, 'Actually wrong. ')],
    ['its confidence', 'confidence', (m: ClaimMap) => m.set('confidence', 5)],
    ['an evidence entry', 'evidence', (m: ClaimMap) => (m.get('evidence') as Y.Array<Y.Map<unknown>>).get(0).set('title', 'Rewritten')],
    [
      'its evidence list',
      'evidence',
      (m: ClaimMap) =>
        (m.get('evidence') as Y.Array<Y.Map<unknown>>).push([
          newEvidence({ id: randomUUID(), kind: 'url', stance: 'refutes', url: 'https://example.org/late', title: 'Late', excerpt: null, documentId: null, anchor: null }),
        ]),
    ],
  ])('a client editing %s is undone for everyone, with locked_write_undone in the audit log and the history', async (_what, field, edit) => {
    const id = await verifiedClaim();
    const signedOff = signedOffView(watcher, id);
    const restBefore = restView(await restClaimOf(id));
    const auditBefore = (await auditOf(documentId)).length;
    edit(claimOf(writer, id));
    await eventually(() => JSON.stringify(signedOffView(writer, id)) === JSON.stringify(signedOff), 5000, `${field} put back on the writer`);
    await writer.saved.whenSaved();
    await eventually(() => JSON.stringify(signedOffView(watcher, id)) === JSON.stringify(signedOff), 5000, `${field} put back on the watcher`);
    expect(restView(await restClaimOf(id))).toEqual(restBefore);
    const audit = (await auditOf(documentId)).slice(auditBefore);
    expect(audit.map((r) => [r.action, r.detail.field, r.userId])).toEqual([['locked_write_undone', field, team.annotator.user!.id]]);
    const history = (await team.viewer.get(`/api/claims/${id}/history`)).body.events;
    expect(history.filter((e: { action: string }) => e.action === 'locked_write_undone')).toEqual([expect.objectContaining({ field, user: expect.objectContaining({ id: team.annotator.user!.id }) })]);
  });

  test('its tags stay editable', async () => {
    const id = await verifiedClaim();
    (claimOf(writer, id).get('tags') as Y.Array<string>).push(['checked']);
    await writer.saved.whenSaved();
    await eventually(() => readClaim(claimOf(watcher, id)).tags.join() === 'census,checked', 5000, 'tag on the watcher');
    expect((await restClaimOf(id)).tags).toEqual(['census', 'checked']);
    expect((await auditOf(documentId)).filter((r) => r.detail.claimId === id)).toEqual([]);
  });

  test('a client deleting it gets it back whole: note, evidence, status, votes, creator, for everyone and in the database', async () => {
    const id = await verifiedClaim();
    const signedOff = signedOffView(watcher, id);
    const restBefore = restView(await restClaimOf(id));
    claimsOf(writer.doc).delete(id);
    await eventually(() => JSON.stringify(signedOffView(writer, id)) === JSON.stringify(signedOff), 5000, 'claim back on the writer');
    await writer.saved.whenSaved();
    await eventually(() => JSON.stringify(signedOffView(watcher, id)) === JSON.stringify(signedOff), 5000, 'claim back on the watcher');
    expect(readClaim(claimOf(watcher, id)).tags).toEqual(['census']);
    expect(restView(await restClaimOf(id))).toEqual(restBefore);
    expect(JSON.stringify(signedOff)).toContain('accurate');
    const audit = (await auditOf(documentId)).filter((r) => r.detail.claimId === id);
    expect(audit.map((r) => [r.action, r.detail.field])).toEqual([['locked_write_undone', 'claim']]);
    const stored = claimsOf(await storedDoc(app, documentId)).get(id);
    expect(readClaim(stored!)).toMatchObject({ status: 'verified', note: 'Matches the census.', confidence: 80 });
  });

  test('tags edited after sign-off come back with the claim when a client deletes it', async () => {
    const id = await verifiedClaim();
    (claimOf(writer, id).get('tags') as Y.Array<string>).push(['checked']);
    await writer.saved.whenSaved();
    claimsOf(writer.doc).delete(id);
    await eventually(() => claimOf(watcher, id)?.get('status') === 'verified' && claimOf(writer, id)?.get('status') === 'verified', 5000, 'claim back');
    await writer.saved.whenSaved();
    await eventually(() => readClaim(claimOf(watcher, id)).note === 'Matches the census.', 5000, 'note back');
    expect(readClaim(claimOf(watcher, id)).tags).toEqual(['census', 'checked']);
    expect((await restClaimOf(id)).tags).toEqual(['census', 'checked']);
  });
});

describe('the shape of the document', () => {
  test('an unknown top-level key on a claim map is removed for everyone and audited', async () => {
    const documentId = await newDocument();
    const id = await restClaim(documentId, 'The ministry says');
    const writer = await live(documentId, team.annotator);
    const watcher = await live(documentId, team.viewer);
    claimOf(writer, id).set('hidden', { payload: 'smuggled' });
    await eventually(() => !claimOf(writer, id).has('hidden'), 5000, 'key removed on the writer');
    await writer.saved.whenSaved();
    await team.lead.patch(`/api/claims/${id}`, { tags: ['later'] });
    await eventually(() => readClaim(claimOf(watcher, id)).tags[0] === 'later', 5000, 'later change on the watcher');
    expect(claimOf(watcher, id).has('hidden')).toBe(false);
    expect(claimsOf(await storedDoc(app, documentId)).get(id)!.has('hidden')).toBe(false);
    const audit = await auditOf(documentId);
    expect(audit.map((r) => [r.action, r.detail.field, r.userId])).toEqual([['unknown_field_removed', 'hidden', team.annotator.user!.id]]);
    writer.destroy();
    watcher.destroy();
  });

  test.each([
    ['a map other than claims', (doc: Y.Doc) => doc.getMap('other').set('x', 'smuggled')],
    ['a text root', (doc: Y.Doc) => doc.getText('notes').insert(0, 'smuggled')],
  ])('a write to %s is refused with 4422 and not stored', async (_what, write) => {
    const documentId = await newDocument();
    expect(await refusedWrite(documentId, team.annotator, write)).toBe(CloseCode.invalidContent);
    expect(await storedContains(app, documentId, 'smuggled')).toBe(false);
    const again = await live(documentId, team.viewer);
    expect(JSON.stringify(again.doc.toJSON())).not.toContain('smuggled');
    again.destroy();
  });

  test('a claims root written as a list (not keyed by claim id) is refused with 4422', async () => {
    const documentId = await newDocument();
    const token = (await team.annotator.post('/api/tokens', { name: 'raw' })).body.token;
    const raw = await RawSocket.open(app.url, documentId, token);
    const update = updateFrom(new Y.Doc(), (doc) => doc.getArray('claims').push(['smuggled']));
    expect(await raw.send(syncUpdate(update))).toEqual({ closed: CloseCode.invalidContent });
    raw.terminate();
    expect(await storedContains(app, documentId, 'smuggled')).toBe(false);
  });
});

test("a client sending presence for another client's awareness id does not change that client's presence as the others see it", async () => {
  const documentId = await newDocument();
  const first = await live(documentId, team.annotator);
  const observer = await live(documentId, team.viewer);
  first.provider.awareness.setLocalState({ viewing: 'claim-a' });
  const firstId = first.doc.clientID;
  const stateOn = (c: CollabClient, clientId: number) => c.provider.awareness.getStates().get(clientId) as { viewing?: string; user?: { id: string } } | undefined;
  await eventually(() => stateOn(observer, firstId)?.viewing === 'claim-a', 5000, "first client's presence on the observer");
  const firstClock = first.provider.awareness.meta.get(firstId)!.clock;

  const token = (await team.factchecker.post('/api/tokens', { name: 'raw' })).body.token;
  const raw = await RawSocket.open(app.url, documentId, token);
  const ownId = 0x7fff_0001;
  for (const json of [JSON.stringify({ viewing: 'forged' }), 'null']) {
    expect(await raw.send(awarenessFrame(awarenessUpdate([{ clientId: firstId, clock: firstClock + 100, json }])))).toEqual({ taken: true });
  }
  // Its own presence, sent after the forged ones, reaches the observer: the forged ones were handled first.
  expect(await raw.send(awarenessFrame(awarenessUpdate([{ clientId: ownId, clock: 1, json: JSON.stringify({ viewing: 'own' }) }])))).toEqual({ taken: true });
  await eventually(() => stateOn(observer, ownId)?.viewing === 'own', 5000, "the second client's own presence");
  expect(stateOn(observer, ownId)?.user?.id).toBe(team.factchecker.user!.id);
  expect(stateOn(observer, firstId)).toMatchObject({ viewing: 'claim-a' });
  expect(observer.provider.awareness.meta.get(firstId)!.clock).toBe(firstClock);
  raw.terminate();
  first.destroy();
  observer.destroy();
});
