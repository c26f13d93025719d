import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { candidatePairsOfDocument } from '../../server/matching/candidates';
import { trigramSimilarity } from '../../server/matching/rule';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { expandToRdf, failedMusts } from '../helpers/web-annotation-oracle';

/** `GET /api/documents/:id/claim-matches` (typed here until the API types are regenerated with it). */
type ClaimMatchCounts = { claims: Array<{ claimId: string; likely: number; same: number }>; truncated: boolean };

// Claim matching: claims of other documents of the same workspace that are likely the same claim,
// confirmed or rejected by a person, linked both ways, in history and in the W3C export; never a
// verdict copied, never a claim of another workspace.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
const ids: Record<string, string> = {};
const docs: Record<string, string> = {};

const checkedText =
  'Unemployment rose to 5.2% in 2021, the statistics office said. The border between the two countries is 2,650 km long. The mayor opened a new library.';
const newText =
  'According to the statistics office, unemployment rose to 5.2% in 2021. Unemployment rose to 7.4% in 2021, a union claimed. The border between the two countries is 2,650 km long. Parks were busy on Sunday.';
const elsewhereText = 'In 2021, unemployment rose to 5.2%, the statistics office said.';

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  docs.checked = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Jobs report', text: checkedText })).body.document.id;
  docs.fresh = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Union leaflet', text: newText })).body.document.id;
  const claim = async (doc: string, exact: string) => (await team.annotator.post(`/api/documents/${docs[doc]}/claims`, { exact })).body.claim.id as string;
  ids.checked = await claim('checked', 'Unemployment rose to 5.2% in 2021');
  ids.border = await claim('checked', 'The border between the two countries is 2,650 km long.');
  ids.library = await claim('checked', 'The mayor opened a new library.');
  ids.fresh = await claim('fresh', 'unemployment rose to 5.2% in 2021');
  ids.otherFigure = await claim('fresh', 'Unemployment rose to 7.4% in 2021');
  ids.freshBorder = await claim('fresh', 'The border between the two countries is 2,650 km long.');
  const signed = await team.lead.post(`/api/claims/${ids.checked}/status`, { status: 'verified', rationale: 'The office’s bulletin gives 5.2%.', confirm: true, rating: 'mostly_accurate' });
  expect(signed.status).toBe(200);
  // The same sentence in another workspace: never proposed, never reachable.
  const elsewhere = (await team.outsider.get('/api/workspaces')).body.workspaces[0].id;
  docs.elsewhere = (await team.outsider.post(`/api/workspaces/${elsewhere}/documents`, { title: 'Elsewhere', text: elsewhereText })).body.document.id;
  ids.elsewhere = (await team.outsider.post(`/api/documents/${docs.elsewhere}/claims`, { exact: elsewhereText })).body.claim.id;
});
afterAll(() => app?.close());

/** The `corroborate:` namespace the export's context declares. */
const nsOf = (context: Array<string | Record<string, string>>) => (context.find((c) => typeof c === 'object') as Record<string, string>).corroborate;

const matchesOf = async (claimId: string, as = team.viewer) => {
  const res = await as.get(`/api/claims/${claimId}/matches`);
  expect(res.status).toBe(200);
  return res.body.matches;
};

describe('proposals', () => {
  test('a claim is proposed the checked claim of another document, with its status, rating, lead and date; a different figure is not proposed', async () => {
    const matches = await matchesOf(ids.fresh);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      state: 'proposed',
      claim: { id: ids.checked, documentId: docs.checked, documentTitle: 'Jobs report', status: 'verified', signOff: { rating: 'mostly_accurate', by: { name: 'lead' } } },
      agreements: expect.arrayContaining(['same figures: 5.2%', 'same years: 2021']),
    });
    expect(Date.parse(matches[0].claim.signOff!.at!)).not.toBeNaN();
    // "…to 7.4%": similar words, another figure: no match either way.
    expect((await matchesOf(ids.otherFigure)).map((m: { claim: { id: string } }) => m.claim.id)).not.toContain(ids.checked);
    expect((await matchesOf(ids.checked)).map((m: { claim: { id: string } }) => m.claim.id)).toEqual([ids.fresh]);
    // Claims of the same document are never proposed.
    expect((await matchesOf(ids.border)).map((m: { claim: { id: string } }) => m.claim.id)).toEqual([ids.freshBorder]);
  });

  test('a suggested sentence (a passage not yet a claim) gets the same proposals; a passage outside the text is 422', async () => {
    const start = newText.indexOf('According');
    const end = newText.indexOf('2021.') + 5;
    const other = newText.indexOf('Parks');
    const res = await team.viewer.get(`/api/documents/${docs.fresh}/suggestion-matches?spans=${start}-${end},${other}-${newText.length}`);
    expect(res.status).toBe(200);
    expect(res.body.passages).toHaveLength(2);
    expect(res.body.passages[0].matches.map((m: { claim: { id: string } }) => m.claim.id)).toEqual([ids.checked]);
    expect(res.body.passages[1].matches).toEqual([]);
    const outside = await team.viewer.get(`/api/documents/${docs.fresh}/suggestion-matches?spans=0-${newText.length + 1}`);
    expect(outside.status).toBe(422);
    expect(outside.body.error?.code).toBe('passage_out_of_range');
    const malformed = await team.viewer.get(`/api/documents/${docs.fresh}/suggestion-matches?spans=0-5;drop`);
    expect(malformed.status).toBe(400);
    const many = Array.from({ length: 201 }, () => '0-5').join(',');
    expect((await team.viewer.get(`/api/documents/${docs.fresh}/suggestion-matches?spans=${many}`)).status).toBe(422);
  });

  test('the claim list’s markers: a document’s claims with a likely match, all in one request; another figure is not marked', async () => {
    const res = await team.viewer.get(`/api/documents/${docs.fresh}/claim-matches`);
    expect(res.status).toBe(200);
    const want = [{ claimId: ids.fresh, likely: 1, same: 0 }, { claimId: ids.freshBorder, likely: 1, same: 0 }].sort((a, b) => a.claimId.localeCompare(b.claimId));
    expect(res.body).toEqual({ claims: want, truncated: false });
    const checked = ((await team.viewer.get(`/api/documents/${docs.checked}/claim-matches`)).body as ClaimMatchCounts).claims.map((c) => c.claimId);
    expect(checked.sort()).toEqual([ids.checked, ids.border].sort());
    expect((await team.outsider.get(`/api/documents/${docs.fresh}/claim-matches`)).status).toBe(404);
  });

  test('the markers stop looking when their time is spent and say so (truncated), after at least one batch of claims', async () => {
    const sentences = Array.from({ length: 30 }, (_, i) => `Unemployment in district ${i + 1} rose to 5.2% in 2021.`);
    const doc = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Districts', text: sentences.join(' ') })).body.document.id;
    for (const exact of sentences) expect((await team.annotator.post(`/api/documents/${doc}/claims`, { exact })).status).toBe(201);
    const db = app.database.db as Parameters<typeof candidatePairsOfDocument>[0];
    const where = { workspaceId: team.wid, documentId: doc };
    const spent = await candidatePairsOfDocument(db, where, 0);
    expect(spent.truncated).toBe(true);
    expect(new Set(spent.pairs.map((p) => p.claimId)).size).toBeGreaterThan(0);
    const all = await candidatePairsOfDocument(db, where, 60_000);
    expect(all.truncated).toBe(false);
    expect(new Set(all.pairs.map((p) => p.claimId)).size).toBe(30);
    expect((await team.lead.request('DELETE', `/api/documents/${doc}`)).status).toBeLessThan(300);
  });

  test('pg_trgm’s similarity agrees with the rule’s JavaScript trigram similarity', async () => {
    const pairs = [
      ['Unemployment rose to 5.2% in 2021.', 'In 2021 unemployment rose to 5.2 per cent.'],
      ['The border is 2,650 km long.', 'The 2,650 km-long border'],
      ['Émile Zola’s café, naïve façade', 'emile zola cafe naive facade'],
    ];
    for (const [a, b] of pairs) {
      const result = await app.database.db.execute(sql`select similarity(${a}, ${b}) as s`);
      const rows = (Array.isArray(result) ? result : (result as { rows: Array<{ s: number }> }).rows) as Array<{ s: number }>;
      expect(trigramSimilarity(a, b)).toBeCloseTo(Number(rows[0].s), 5);
    }
  });
});

describe('decisions', () => {
  test('confirming links the claims both ways and in both histories; the verdict is not copied', async () => {
    const before = (await team.viewer.get(`/api/claims/${ids.fresh}`)).body.claim;
    const res = await team.factchecker.post(`/api/claims/${ids.fresh}/matches`, { otherClaimId: ids.checked, decision: 'confirmed' });
    expect(res.status).toBe(200);
    expect(res.body.match).toMatchObject({ state: 'confirmed', claim: { id: ids.checked }, decidedBy: { name: 'factchecker' } });
    expect((await matchesOf(ids.checked))[0]).toMatchObject({ state: 'confirmed', claim: { id: ids.fresh, documentTitle: 'Union leaflet', status: 'open', signOff: null } });
    // The verified verdict of the other claim is never copied: status, sign-off, votes as they were.
    const after = (await team.viewer.get(`/api/claims/${ids.fresh}`)).body.claim;
    expect(after.status).toBe('open');
    expect(after.signOff).toBeNull();
    expect(after.votes).toEqual(before.votes);
    expect(after.tally).toEqual(before.tally);
    for (const [self, other, doc] of [[ids.fresh, ids.checked, docs.checked], [ids.checked, ids.fresh, docs.fresh]]) {
      const events = (await team.viewer.get(`/api/claims/${self}/history`)).body.events.filter((e: { action: string }) => e.action.startsWith('match_'));
      expect(events).toEqual([expect.objectContaining({ action: 'match_confirmed', user: expect.objectContaining({ name: 'factchecker' }), to: expect.objectContaining({ decision: 'confirmed', claimId: other, documentId: doc }) })]);
    }
    // Confirming again changes nothing and writes no second entry.
    expect((await team.factchecker.post(`/api/claims/${ids.checked}/matches`, { otherClaimId: ids.fresh, decision: 'confirmed' })).status).toBe(200);
    expect((await team.viewer.get(`/api/claims/${ids.checked}/history?kinds=match_confirmed`)).body.events).toHaveLength(1);
  });

  test('the W3C export links each confirmed claim to the other’s annotation, and still passes the test suite’s MUST assertions', async () => {
    const res = await team.viewer.get(`/api/workspaces/${team.wid}/export?format=annotations&status=any`);
    expect(res.status).toBe(200);
    const items = res.body.first.items as Array<Record<string, any>>;
    const of = (id: string) => items.find((a) => a.id.endsWith(`#claim-${id}`))!;
    expect(of(ids.fresh)['corroborate:sameClaim']).toEqual([{ id: of(ids.checked).id }]);
    expect(of(ids.checked)['corroborate:sameClaim']).toEqual([{ id: of(ids.fresh).id }]);
    expect(of(ids.border)['corroborate:sameClaim']).toBeUndefined();
    const annotation = { '@context': res.body['@context'], ...of(ids.fresh) };
    expect(failedMusts(annotation, 'annotation')).toEqual([]);
    // As RDF the link is an IRI (a node reference), not a string.
    const { nquads } = await expandToRdf(annotation);
    const link = `<${of(ids.fresh).id}> <${nsOf(res.body['@context'])}sameClaim> <${of(ids.checked).id}> .`;
    expect(nquads.split('\n').filter((l) => l.includes('sameClaim'))).toEqual([link]);
  });

  test('a rejected match is not proposed again; undo brings it back, and both are in the history', async () => {
    const res = await team.factchecker.post(`/api/claims/${ids.freshBorder}/matches`, { otherClaimId: ids.border, decision: 'rejected' });
    expect(res.status).toBe(200);
    expect(res.body.match.state).toBe('rejected');
    expect((await matchesOf(ids.border)).filter((m: { state: string }) => m.state === 'proposed')).toEqual([]);
    const suggested = newText.indexOf('The border');
    const passage = (await team.viewer.get(`/api/documents/${docs.fresh}/suggestion-matches?spans=${suggested}-${suggested + 54}`)).body.passages[0];
    expect(passage.matches.map((m: { claim: { id: string } }) => m.claim.id)).toEqual([ids.border]);
    expect((await team.factchecker.request('DELETE', `/api/claims/${ids.border}/matches/${ids.freshBorder}`)).status).toBe(204);
    expect((await matchesOf(ids.border))[0]).toMatchObject({ state: 'proposed', claim: { id: ids.freshBorder } });
    const undoAgain = await team.factchecker.request('DELETE', `/api/claims/${ids.border}/matches/${ids.freshBorder}`);
    expect(undoAgain.status).toBe(404);
    expect(undoAgain.body?.error?.code).toBe('match_not_found');
    const actions = (await team.viewer.get(`/api/claims/${ids.border}/history`)).body.events.map((e: { action: string }) => e.action).filter((a: string) => a.startsWith('match_'));
    expect(actions).toEqual(['match_rejected', 'match_undone']);
  });

  test('a claim is not matched with itself or with a claim of its own document', async () => {
    const self = await team.factchecker.post(`/api/claims/${ids.border}/matches`, { otherClaimId: ids.border, decision: 'confirmed' });
    expect(self.status).toBe(422);
    expect(self.body.error?.code).toBe('same_claim');
    const sameDoc = await team.factchecker.post(`/api/claims/${ids.border}/matches`, { otherClaimId: ids.library, decision: 'confirmed' });
    expect(sameDoc.status).toBe(422);
    expect(sameDoc.body.error?.code).toBe('same_document');
    const unknown = await team.factchecker.post(`/api/claims/${ids.border}/matches`, { otherClaimId: ids.border, decision: 'maybe' });
    expect(unknown.status).toBe(400);
  });
});

describe('markers after decisions', () => {
  test('a confirmed match counts as "same claim", not as likely; an undone rejection is likely again', async () => {
    const { claims } = (await team.viewer.get(`/api/documents/${docs.fresh}/claim-matches`)).body as ClaimMatchCounts;
    expect(claims).toEqual(expect.arrayContaining([{ claimId: ids.fresh, likely: 0, same: 1 }, { claimId: ids.freshBorder, likely: 1, same: 0 }]));
    expect(claims).toHaveLength(2);
  });
});

describe('access', () => {
  test('viewers and annotators see matches but cannot decide; fact-checkers and up decide', async () => {
    expect((await team.viewer.get(`/api/claims/${ids.library}/matches`)).status).toBe(200);
    for (const who of [team.viewer, team.annotator]) {
      const refused = await who.post(`/api/claims/${ids.border}/matches`, { otherClaimId: ids.freshBorder, decision: 'confirmed' });
      expect(refused.status).toBe(403);
      expect(refused.body.error?.code).toBe('insufficient_role');
      expect((await who.request('DELETE', `/api/claims/${ids.fresh}/matches/${ids.checked}`)).status).toBe(403);
    }
    expect((await team.factchecker.post(`/api/claims/${ids.border}/matches`, { otherClaimId: ids.freshBorder, decision: 'confirmed' })).status).toBe(200);
    expect((await team.lead.request('DELETE', `/api/claims/${ids.border}/matches/${ids.freshBorder}`)).status).toBe(204);
  });

  test('a claim of another workspace is never proposed, never linked, and its id is not found', async () => {
    for (const id of [ids.fresh, ids.checked, ids.otherFigure]) {
      expect((await matchesOf(id)).map((m: { claim: { id: string } }) => m.claim.id)).not.toContain(ids.elsewhere);
    }
    // The outsider's own claim, worded the same, is proposed nothing from our workspace.
    expect((await team.outsider.get(`/api/claims/${ids.elsewhere}/matches`)).body.matches).toEqual([]);
    const across = await team.factchecker.post(`/api/claims/${ids.fresh}/matches`, { otherClaimId: ids.elsewhere, decision: 'confirmed' });
    expect(across.status).toBe(404);
    expect(across.body.error?.code).toBe('claim_not_found');
    const reverse = await team.outsider.post(`/api/claims/${ids.elsewhere}/matches`, { otherClaimId: ids.checked, decision: 'confirmed' });
    expect(reverse.status).toBe(404);
    expect((await team.outsider.get(`/api/claims/${ids.checked}/matches`)).status).toBe(404);
    expect((await team.outsider.get(`/api/documents/${docs.fresh}/suggestion-matches?spans=0-10`)).status).toBe(404);
  });

  test('a deleted claim drops out of its matches', async () => {
    const extra = (await team.annotator.post(`/api/documents/${docs.fresh}/claims`, { exact: 'Parks were busy on Sunday.' })).body.claim.id;
    expect((await team.factchecker.post(`/api/claims/${extra}/matches`, { otherClaimId: ids.library, decision: 'confirmed' })).status).toBe(200);
    expect((await matchesOf(ids.library)).map((m: { claim: { id: string } }) => m.claim.id)).toContain(extra);
    expect((await team.annotator.request('DELETE', `/api/claims/${extra}`)).status).toBe(204);
    expect((await matchesOf(ids.library)).map((m: { claim: { id: string } }) => m.claim.id)).not.toContain(extra);
    const exported = (await team.viewer.get(`/api/workspaces/${team.wid}/export?format=annotations&status=any`)).body.first.items as Array<Record<string, any>>;
    expect(exported.find((a) => a.id.endsWith(`#claim-${ids.library}`))!['corroborate:sameClaim']).toBeUndefined();
  });
});
