import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { quarantinedBatches } from '../../db/schema';
import { CLAIM_FIELDS, claimsOf, newClaim, newEvidence, type ClaimMap, VALUE_LIMITS } from '../../server/shared/claim-doc';
import { AuthType, CloseCode } from '../../server/shared/collab-protocol';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { connect, synced, type CollabClient } from '../helpers/collab';
import {
  authFrame,
  awarenessFrame,
  awarenessUpdate,
  documentFingerprint,
  frame,
  nestArrays,
  nestedJson,
  queryAwarenessFrame,
  RawSocket,
  setAsJsonContent,
  storedDoc,
  syncStep1,
  syncStep2,
  syncUpdate,
  updateFrom,
} from '../helpers/hostile-updates';

/**
 * Generated y-protocols frames against a real room, of every kind (sync step 1, step 2, update,
 * awareness, query-awareness, auth): random and mutated bytes, and valid Yjs updates carrying what
 * the server must refuse or repair: NUL and lone surrogates (UTF-8 and JSON-escaped), nesting of
 * shared types and of plain JSON, huge strings and lists, a wrong type in every claim field.
 * Invariants: the server never falls over or answers 5xx, a refused frame leaves everything stored
 * for the document as it was, nothing accepted is refused by the database (no quarantined batch),
 * and a bystander in another document has every edit acknowledged throughout.
 */
let app: TestApp;
let token: string;
let documentId: string;
let claimId: string;
let base: Y.Doc;
let bystander: CollabClient;
let bystanderClaim: string;
const text = 'The barrier will protect 38,000 homes.';
const MAX_FRAME = 256 * 1024;

beforeAll(async () => {
  const { testConfig } = await import('../../server/config');
  const collab = testConfig().collab;
  app = await startApp({
    collab: {
      ...collab,
      idleUnloadMs: 3_600_000,
      maxFrameBytes: MAX_FRAME,
      // Hundreds of short-lived sockets of one user in a few seconds: budgets are not under test here.
      connectionsPerUser: 1000,
      messagesPerSecondPerUser: 100_000,
      bytesPerSecondPerUser: 1024 * 1024 * 1024,
      bytesPerSecond: 1024 * 1024 * 1024,
    },
  });
  const team = await workspaceWithRoles(app.url);
  token = (await team.annotator.post('/api/tokens', { name: 'fuzz' })).body.token;
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Fuzz', text })).body.document.id;
  claimId = (await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: '38,000 homes', note: 'Count them.', tags: ['flood'] })).body.claim.id;
  await team.annotator.post(`/api/claims/${claimId}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/plan', title: 'Plan' });
  base = await storedDoc(app, documentId);

  const elsewhere = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Bystander', text })).body.document.id;
  bystanderClaim = (await team.lead.post(`/api/documents/${elsewhere}/claims`, { exact: 'The barrier' })).body.claim.id;
  bystander = await connect(app.url, elsewhere, team.lead);
  await synced(bystander);
});
afterAll(async () => {
  bystander?.destroy();
  await app?.close();
});

// ---- Hostile Yjs updates, each built against `base` (the document as stored before the run) ----

interface Params {
  bad: string;
  depth: number;
  field: string;
  wrong: number;
}
const claim = (doc: Y.Doc) => claimsOf(doc).get(claimId) as ClaimMap;
const entry = (doc: Y.Doc) => (claim(doc).get('evidence') as Y.Array<Y.Map<unknown>>).get(0);
const evidenceItem = (fields: Record<string, unknown>) =>
  newEvidence({ id: randomUUID(), kind: 'url', stance: 'context', url: null, title: null, excerpt: null, documentId: null, anchor: null, ...fields });

/** Values of every kind, each wrong for most claim fields: `wrong` picks one. */
const wrongValues = (): unknown[] => [
  'a string',
  -1,
  1e12,
  true,
  null,
  { nested: { object: 1 } },
  [1, 2, 3],
  new Y.Text('shared text'),
  new Y.Map(),
  Y.Array.from([1, 'two']),
  Y.Array.from([new Y.Map()]),
];

/** Replaces the ContentAny string `placeholder` in an update with `depth` nested one-element arrays (lib0 `any` encoding). */
function deepAny(update: Uint8Array, placeholder: string, depth: number): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeUint8(enc, 119);
  encoding.writeVarString(enc, placeholder);
  const needle = Buffer.from(encoding.toUint8Array(enc));
  const at = Buffer.from(update).indexOf(needle);
  if (at < 0) throw new Error('placeholder not found');
  const nested = Buffer.alloc(depth * 2 + 3);
  for (let i = 0; i < depth; i++) nested.set([117, 1], i * 2);
  nested.set([119, 1, 120], depth * 2);
  return Buffer.concat([update.subarray(0, at), nested, update.subarray(at + needle.length)]);
}

/** Replaces the JSON text of the ContentJSON string `placeholder` in an update with `json` (any text at all). */
function rawJson(update: Uint8Array, placeholder: string, json: string): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarString(enc, JSON.stringify(placeholder));
  const needle = Buffer.from(encoding.toUint8Array(enc));
  const at = Buffer.from(update).indexOf(needle);
  if (at < 0) throw new Error('placeholder not found');
  const replacement = encoding.createEncoder();
  encoding.writeVarString(replacement, json);
  return Buffer.concat([update.subarray(0, at), encoding.toUint8Array(replacement), update.subarray(at + needle.length)]);
}

const recipes: Record<string, (p: Params) => Uint8Array> = {
  // Unstorable text in every field that reaches a text or jsonb column (lib0 turns a lone surrogate into U+FFFD).
  noteText: (p) => updateFrom(base, (d) => (claim(d).get('note') as Y.Text).insert(0, p.bad)),
  noteFormat: (p) => updateFrom(base, (d) => (claim(d).get('note') as Y.Text).insert(0, 'x', { [p.bad]: p.bad })),
  tag: (p) => updateFrom(base, (d) => (claim(d).get('tags') as Y.Array<string>).push([p.bad])),
  evidenceUrl: (p) => updateFrom(base, (d) => (claim(d).get('evidence') as Y.Array<unknown>).push([evidenceItem({ url: p.bad })])),
  evidenceTitle: (p) => updateFrom(base, (d) => entry(d).set('title', p.bad)),
  evidenceExcerpt: (p) => updateFrom(base, (d) => (claim(d).get('evidence') as Y.Array<unknown>).push([evidenceItem({ kind: 'quote', excerpt: p.bad })])),
  evidenceAnchor: (p) => updateFrom(base, (d) => entry(d).set('anchor', { start: 0, end: 1, exact: p.bad, prefix: '', suffix: '' })),
  newClaimAnchor: (p) =>
    updateFrom(base, (d) => {
      const id = randomUUID();
      claimsOf(d).set(id, newClaim({ id, anchor: { start: 0, end: 3, exact: 'The', prefix: p.bad, suffix: '' } }));
    }),
  claimKey: (p) => updateFrom(base, (d) => claim(d).set(p.bad, 1)),
  claimIdKey: (p) => updateFrom(base, (d) => claimsOf(d).set(p.bad, newClaim({ id: p.bad, anchor: { start: 0, end: 3, exact: 'The', prefix: '', suffix: '' } }))),
  jsonKey: (p) => updateFrom(base, (d) => claim(d).set('confidence', { [p.bad]: 1 } as never)),
  // The same, as JSON content: `\u0000` and `\ud800` arrive as escapes and survive decoding.
  jsonContent: (p) => updateFrom(base, (d) => setAsJsonContent(p.field === 'evidence' ? entry(d) : claim(d), p.field === 'evidence' ? 'title' : p.field, p.bad)),
  // Nesting: shared types inside the tags, an evidence entry or a new key; plain JSON values; raw encodings far deeper than any client builds.
  deepTypes: (p) => updateFrom(base, (d) => nestArrays(p.wrong % 2 ? (claim(d).get('tags') as Y.Array<unknown>) : (() => { const a = new Y.Array<unknown>(); entry(d).set('extra', a); return a; })(), p.depth)),
  deepJson: (p) => updateFrom(base, (d) => claim(d).set(p.field, nestedJson(Math.min(p.depth, 2000)) as never)),
  deepAnyRaw: (p) => deepAny(updateFrom(base, (d) => claim(d).set(p.field, 'PLACEHOLDER-any')), 'PLACEHOLDER-any', p.depth * 20),
  deepJsonRaw: (p) =>
    rawJson(updateFrom(base, (d) => setAsJsonContent(claim(d), p.field, 'PLACEHOLDER-json')), 'PLACEHOLDER-json', '['.repeat(p.depth * 20) + ']'.repeat(p.depth * 20)),
  invalidJsonRaw: (p) => rawJson(updateFrom(base, (d) => setAsJsonContent(claim(d), p.field, 'PLACEHOLDER-json')), 'PLACEHOLDER-json', `{"a": ${p.bad}`),
  // Sizes just past each limit.
  hugeNote: () => updateFrom(base, (d) => (claim(d).get('note') as Y.Text).insert(0, 'n'.repeat(CLAIM_FIELDS.note.limits.maxChars + 1))),
  hugeValueString: () => updateFrom(base, (d) => entry(d).set('excerpt', 'e'.repeat(VALUE_LIMITS.valueChars + 1))),
  longTag: () => updateFrom(base, (d) => (claim(d).get('tags') as Y.Array<string>).push(['t'.repeat(CLAIM_FIELDS.tags.limits.maxChars + 1)])),
  manyTags: () => updateFrom(base, (d) => (claim(d).get('tags') as Y.Array<string>).push(Array.from({ length: CLAIM_FIELDS.tags.limits.maxEntries + 1 }, (_, i) => `t${i}`))),
  manyEvidence: () => updateFrom(base, (d) => (claim(d).get('evidence') as Y.Array<unknown>).push(Array.from({ length: CLAIM_FIELDS.evidence.limits.maxEntries + 1 }, () => evidenceItem({})))),
  hugeJsonArray: (p) => updateFrom(base, (d) => claim(d).set(p.field, Array.from({ length: VALUE_LIMITS.valueNodes + 1 }, (_, i) => i) as never)),
  hugeShadowArray: () => updateFrom(base, (d) => claim(d).set('scratch', Y.Array.from(Array.from({ length: 20_000 }, (_, i) => i)))),
  // A wrong type in each claim field, on the existing claim and on a new one.
  wrongType: (p) => updateFrom(base, (d) => claim(d).set(p.field, wrongValues()[p.wrong])),
  wrongTypeNewClaim: (p) =>
    updateFrom(base, (d) => {
      const id = randomUUID();
      const map = newClaim({ id, anchor: { start: 0, end: 3, exact: 'The', prefix: '', suffix: ' barrier will' } });
      map.set(p.field, wrongValues()[p.wrong]);
      claimsOf(d).set(id, map);
    }),
  wrongTypeEvidenceField: (p) => updateFrom(base, (d) => entry(d).set(['id', 'kind', 'stance', 'url', 'title', 'anchor', 'addedBy'][p.wrong % 7], wrongValues()[p.wrong])),
  wrongTypeClaim: (p) => updateFrom(base, (d) => (claimsOf(d) as Y.Map<unknown>).set(claimId, wrongValues()[p.wrong])),
  otherRoot: (p) => updateFrom(base, (d) => d.getMap(p.bad.length % 2 ? 'other' : 'claims-x').set('k', p.bad)),
  // Plausible edits the server accepts (or repairs), so the run also covers frames that are stored.
  validEdit: (p) => updateFrom(base, (d) => claim(d).set('confidence', p.depth % 101)),
  forgedStatus: () => updateFrom(base, (d) => claim(d).set('status', 'verified')),
};

const badStrings = ['a\u0000b', '\u0000', 'x\ud800y', '\udfff', 'ok', `${'é'.repeat(3)}\u0000`];
const fields = Object.keys(CLAIM_FIELDS).concat(['unknownKey', 'evidence']);
const params = fc.record({
  bad: fc.constantFrom(...badStrings),
  depth: fc.constantFrom(2, 3, 4, 9, 50, 3000, 5000),
  field: fc.constantFrom(...fields),
  wrong: fc.nat({ max: 10 }),
});

const hostileUpdate = fc.tuple(fc.constantFrom(...Object.keys(recipes)), params).map(([name, p]) => ({ name, make: () => recipes[name](p) }));

/** Awareness payloads: states with unstorable text, deep nesting, over the size bound, not an object, not JSON at all, removals. */
const hostileAwareness = fc
  .tuple(fc.constantFrom('nul', 'surrogate', 'deep', 'huge', 'notJson', 'array', 'remove'), fc.nat({ max: 2 ** 30 }))
  .map(([what, clientId]) => {
    const json = {
      nul: '{"cursor":"\\u0000"}',
      surrogate: '{"user":{"name":"\\ud800"}}',
      deep: '{"a":'.repeat(2500) + '1' + '}'.repeat(2500),
      huge: JSON.stringify({ pad: 'p'.repeat(20_000) }),
      notJson: '{"a":',
      array: '[1,2]',
      remove: 'null',
    }[what];
    return awarenessUpdate([{ clientId, clock: 1, json }]);
  });

// ---- Frames of every kind ----

interface Generated {
  kind: string;
  /** Built lazily: some updates take a few milliseconds to encode. */
  build: () => Uint8Array;
}

const seeds = () => [updateFrom(base, (d) => claim(d).set('confidence', 42)), updateFrom(base, (d) => claim(d).set('status', 'verified'))];
const mutated = fc.tuple(fc.nat({ max: 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }));
const mutate = ([which, edits]: [number, Array<[number, number]>]) => {
  const copy = new Uint8Array(seeds()[which]);
  for (const [at, byte] of edits) copy[at % copy.length] = byte;
  return copy;
};

const frames: fc.Arbitrary<Generated> = fc.oneof(
  { weight: 6, arbitrary: hostileUpdate.map((u) => ({ kind: `update:${u.name}`, build: () => syncUpdate(u.make()) })) },
  { weight: 3, arbitrary: hostileUpdate.map((u) => ({ kind: `step2:${u.name}`, build: () => syncStep2(u.make()) })) },
  { weight: 1, arbitrary: hostileUpdate.map((u) => ({ kind: `step1:${u.name}`, build: () => syncStep1(u.make()) })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 32 }).map((sv) => ({ kind: 'step1:random', build: () => syncStep1(sv) })) },
  { weight: 2, arbitrary: hostileAwareness.map((a) => ({ kind: 'awareness', build: () => awarenessFrame(a) })) },
  { weight: 1, arbitrary: hostileUpdate.map((u) => ({ kind: `awareness:${u.name}`, build: () => awarenessFrame(u.make()) })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 16 }).map((tail) => ({ kind: 'query-awareness', build: () => Buffer.concat([queryAwarenessFrame(), tail]) })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(AuthType.permissionDenied, AuthType.saved, 7), fc.oneof(fc.nat(), fc.constantFrom(...badStrings)))
      .map(([sub, payload]) => ({ kind: 'auth', build: () => authFrame(sub, payload) })),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => ({ kind: 'random', build: () => b })) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 5 }), mutated).map(([t, s, m]) => ({ kind: 'mutated', build: () => frame(t, t === 0 ? s : null, mutate(m)) })) },
  { weight: 1, arbitrary: mutated.map((m) => ({ kind: 'truncated', build: () => { const f = syncUpdate(mutate(m)); return f.slice(0, Math.max(1, f.length - 3)); } })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'huge-declared-length', build: () => new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f]) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'over-frame-limit', build: () => new Uint8Array(MAX_FRAME + 1).fill(1) }) },
);

async function quarantined(): Promise<number> {
  const [{ n }] = await app.database.db.select({ n: count() }).from(quarantinedBatches);
  return n;
}

/** Rejects when `promise` has not settled within `ms` (so a stuck acknowledgement fails the run rather than hanging it). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

const REFUSED: number[] = [CloseCode.malformed, CloseCode.tooLarge, CloseCode.invalidContent];
const NUM_RUNS = 400;

test('generated frames of every kind, carrying unstorable text, deep nesting, huge values and wrong types, never crash the server; refused ones change nothing stored, and a bystander keeps being acknowledged', async () => {
  const outcomes = new Map<string, number>();
  /** Frame kind (with its recipe) → the outcomes it had. */
  const byKind = new Map<string, Set<number>>();
  let bystanderEdits = 0;
  await fc.assert(
    fc.asyncProperty(frames, async ({ kind, build }) => {
      const data = build();
      // Whatever earlier accepted frames wrote is committed first, so `before` is settled.
      await app.app.rooms.writer.drain();
      const before = await documentFingerprint(app, documentId);
      const raw = await RawSocket.open(app.url, documentId, token);
      const outcome = await raw.send(data);
      raw.terminate();
      const code = 'closed' in outcome ? outcome.closed : 0;
      outcomes.set(String(code), (outcomes.get(String(code)) ?? 0) + 1);
      // Anything but a refusal (4400/4413/4422) or being taken is a failure: no 4500 (the database
      // refused something admitted), no 1011 (the server failed).
      expect([0, ...REFUSED], `${kind} closed with ${code}`).toContain(code);
      await app.app.rooms.writer.drain();
      byKind.set(kind, (byKind.get(kind) ?? new Set()).add(code));
      if (REFUSED.includes(code)) {
        expect(await documentFingerprint(app, documentId), `${kind} refused with ${code} changed what is stored`).toBe(before);
      }
      expect((await fetch(`${app.url}/api/health`)).status, `health after ${kind}`).toBe(200);

      // The bystander, in another document, edits and is acknowledged.
      const map = claimsOf(bystander.doc).get(bystanderClaim)!;
      map.set('confidence', ++bystanderEdits % 101);
      await within(bystander.saved.whenSaved(), 5000, `bystander's save after ${kind}`);
    }),
    { numRuns: NUM_RUNS },
  );
  expect(await quarantined()).toBe(0);
  expect(bystander.closes).toEqual([]);
  // The generator must reach every refusal and accepted frames, or the property says little.
  console.info(`fuzz-frames: ${NUM_RUNS} frames, outcomes by close code (0 = taken): ${JSON.stringify(Object.fromEntries(outcomes))}; by kind: ${[...byKind].sort().map(([k, v]) => `${k}=${[...v].join('/')}`).join(' ')}`);
  expect(outcomes.get(String(CloseCode.invalidContent))).toBeGreaterThan(5);
  expect(outcomes.get(String(CloseCode.tooLarge))).toBeGreaterThan(3);
  expect(outcomes.get(String(CloseCode.malformed))).toBeGreaterThan(10);
  expect(outcomes.get('0')).toBeGreaterThan(20);
}, 180_000);
