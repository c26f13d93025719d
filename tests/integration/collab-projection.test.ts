import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { anchorFromRange } from '../../server/anchoring';
import { claimsOf, newClaim, newEvidence, readClaim, STANCES, type ClaimState } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
const text =
  'Surface temperatures in dense city centres exceed those of surrounding farmland by 4 to 7 °C on clear summer afternoons. ' +
  'Street trees reduce the surface temperature beneath their canopy by as much as 12 °C compared with unshaded asphalt. ' +
  'Heat mortality rose sharply during the heatwave of July 2022.';

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
});
afterAll(() => app?.close());

type Op =
  | { kind: 'create'; client: number; start: number; length: number }
  | { kind: 'confidence'; client: number; claim: number; value: number | null }
  | { kind: 'type'; client: number; claim: number; at: number; text: string }
  | { kind: 'erase'; client: number; claim: number; at: number; length: number }
  | { kind: 'evidence'; client: number; claim: number; stance: number; title: string }
  | { kind: 'unevidence'; client: number; claim: number }
  | { kind: 'tags'; client: number; claim: number; tags: string[] }
  | { kind: 'delete'; client: number; claim: number }
  | { kind: 'pause' };

const client = fc.integer({ min: 0, max: 2 });
const claim = fc.nat(20);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), client, start: fc.nat(text.length - 2), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('confidence' as const), client, claim, value: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }) }),
  fc.record({ kind: fc.constant('type' as const), client, claim, at: fc.nat(50), text: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('erase' as const), client, claim, at: fc.nat(50), length: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('evidence' as const), client, claim, stance: fc.nat(2), title: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('unevidence' as const), client, claim }),
  fc.record({ kind: fc.constant('tags' as const), client, claim, tags: fc.array(fc.constantFrom('figure', 'date', 'source'), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), client, claim }),
  fc.constant({ kind: 'pause' as const }),
);

function apply(doc: Y.Doc, o: Op): void {
  if (o.kind === 'pause') return;
  const claims = claimsOf(doc);
  if (o.kind === 'create') {
    const id = randomUUID();
    const end = Math.min(text.length, o.start + o.length);
    claims.set(id, newClaim({ id, anchor: anchorFromRange(text, o.start, end) }));
    return;
  }
  const ids = [...claims.keys()].sort();
  if (ids.length === 0) return;
  const map = claims.get(ids[o.claim % ids.length])!;
  const note = map.get('note');
  const evidence = map.get('evidence');
  switch (o.kind) {
    case 'confidence':
      map.set('confidence', o.value);
      break;
    case 'type':
      if (note instanceof Y.Text) note.insert(Math.min(o.at, note.length), o.text);
      break;
    case 'erase':
      if (note instanceof Y.Text && note.length > 0) {
        const at = Math.min(o.at, note.length - 1);
        note.delete(at, Math.min(o.length, note.length - at));
      }
      break;
    case 'evidence':
      if (evidence instanceof Y.Array) {
        evidence.push([newEvidence({ id: randomUUID(), kind: 'quote', stance: STANCES[o.stance], url: null, title: o.title, excerpt: 'excerpt', documentId: null, anchor: null })]);
      }
      break;
    case 'unevidence':
      if (evidence instanceof Y.Array && evidence.length > 0) evidence.delete(0, 1);
      break;
    case 'tags':
      map.set('tags', Y.Array.from(o.tags));
      break;
    case 'delete':
      claims.delete(ids[o.claim % ids.length]);
      break;
  }
}

type Comparable = Pick<ClaimState, 'id' | 'anchor' | 'confidence' | 'note' | 'tags' | 'status' | 'createdBy' | 'evidence'>;

/** The fields both sides have, in id order: a claim from REST and one read from a Y.Doc compare equal when they agree. */
const comparable = (claims: Comparable[]) =>
  claims
    .map((c) => ({
      id: c.id,
      // A claim the shared document holds without a version is on the current one (1: no new version here).
      anchor: { ...c.anchor, version: c.anchor.version ?? 1 },
      confidence: c.confidence,
      note: c.note,
      tags: c.tags,
      status: c.status,
      createdBy: c.createdBy,
      evidence: c.evidence.map((e) => ({ id: e.id, kind: e.kind, stance: e.stance, title: e.title, excerpt: e.excerpt, addedBy: e.addedBy })),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));

/** What REST must show, read from a Y.Doc. */
const expected = (doc: Y.Doc) => comparable([...claimsOf(doc).values()].map(readClaim));

test('after random concurrent edits by three clients, GET /claims equals the shared document', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (ops) => {
      run++;
      const documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: `Run ${run}`, text })).body.document.id;
      const clients: CollabClient[] = [];
      try {
        for (const who of [team.annotator, team.factchecker, team.lead]) clients.push(await connect(app.url, documentId, who));
        await Promise.all(clients.map((c) => synced(c)));
        for (const o of ops) {
          if (o.kind === 'pause') await new Promise((r) => setTimeout(r, 2));
          else apply(clients[o.client].doc, o);
        }
        const state = (c: CollabClient) => JSON.stringify(expected(c.doc));
        await eventually(() => clients.every((c) => c.saved.status === 'saved') && new Set(clients.map(state)).size === 1, 10_000, 'convergence and saved');
        const rest = (await team.viewer.get(`/api/documents/${documentId}/claims`)).body.claims;
        expect(comparable(rest)).toEqual(expected(clients[0].doc));
      } finally {
        clients.forEach((c) => c.destroy());
      }
    }),
    { numRuns: 30 },
  );
}, 180_000);
