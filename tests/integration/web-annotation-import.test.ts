import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { signUp, workspaceWithRoles, type Client } from '../helpers/client';
import { HYPOTHESIS, samples } from '../helpers/web-annotation-oracle';

// Importing Web Annotations as the W3C suite's samples and Hypothesis write them, and keeping a
// claim's status and verdict across an export and an import into another workspace.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
});
afterAll(() => app?.close());

async function documentWith(text: string, format?: 'html') {
  const res = await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Imported into', text, ...(format ? { format } : {}) });
  expect(res.status).toBe(201);
  return res.body.document as { id: string; text: string };
}
const importInto = (client: Client, documentId: string, body: unknown) => client.post(`/api/documents/${documentId}/annotations`, body);

describe('the W3C suite’s samples', () => {
  // A text that the samples targeting text fit: anno26's quote, anno32's quote (refining a
  // fragment of markup) and anno27's position 412–795.
  const text = `${'Filler sentence. '.repeat(20)}Now this is an anotation that has some typos, and text before the Selected Text and text after it. ${'More words follow here. '.repeat(30)}`;

  test('every correct sample is accepted: those that target text are anchored, the rest reported', async () => {
    const doc = await documentWith(text);
    const anchored: string[] = [];
    const reported: Record<string, string[]> = {};
    for (const { name, text: json } of samples('correct')) {
      const res = await importInto(team.annotator, doc.id, JSON.parse(json));
      expect({ name, status: res.status, error: res.body.error }).toEqual({ name, status: 201, error: undefined });
      if (name === 'collection1.json') {
        expect(res.body.created.map((c) => c.anchor.exact)).toEqual(['anotation', text.slice(412, 795), 'Selected Text']);
        continue;
      }
      if (res.body.created.length) anchored.push(name);
      for (const s of res.body.skipped) (reported[s.reason] ??= []).push(name);
    }
    expect(anchored).toEqual(['anno26.json', 'anno27.json', 'anno32.json']);
    // anno31 is a range of XPath selectors and anno41 a position within an XPointer fragment:
    // markup this plain text does not have. example41 only names its pages.
    expect(reported.unresolved_selector).toEqual(['anno22.json', 'anno24.json', 'anno25.json', 'anno28.json', 'anno29.json', 'anno30.json', 'anno31.json', 'anno39.json', 'anno41-example44.json']);
    expect(reported.pages_not_included).toEqual(['example41.json']);
    // The other 31 files, example42 and example43 with two annotations each: targets that are whole resources.
    expect(reported.no_text_selector).toHaveLength(33);
  });

  test('a sample’s position counts code points and its quote lands on the same words', async () => {
    const doc = await documentWith(text);
    const res = await importInto(team.annotator, doc.id, JSON.parse(samples('correct').find((s) => s.name === 'anno27.json')!.text));
    expect(res.body.created[0]).toMatchObject({ method: 'position', anchor: { start: 412, end: 795 } });
  });

  /** The label of each incorrect sample names what is wrong; the answer's code says the same. */
  const expectedCode: Record<string, string> = {
    'anno3.json': 'invalid_context', 'anno4.json': 'invalid_context', 'anno5.json': 'invalid_context', 'anno6.json': 'invalid_id', 'anno7.json': 'invalid_id',
    'anno8.json': 'invalid_type', 'anno9.json': 'invalid_type', 'anno10.json': 'no_target', 'anno11.json': 'invalid_target', 'anno12.json': 'invalid_body',
    'anno13.json': 'invalid_id', 'anno14.json': 'invalid_format', 'anno15.json': 'invalid_id', 'anno16.json': 'invalid_text_direction', 'anno17.json': 'invalid_textual_body',
    'anno18.json': 'invalid_textual_body', 'anno19.json': 'body_and_body_value', 'anno20.json': 'invalid_body_value', 'anno21.json': 'invalid_body_value',
    'anno22.json': 'invalid_body', 'anno23.json': 'invalid_language', 'anno24.json': 'invalid_text_direction', 'anno25.json': 'invalid_body', 'anno26.json': 'invalid_agent',
    'anno27.json': 'invalid_agent', 'anno28.json': 'invalid_date', 'anno29.json': 'invalid_date', 'anno30.json': 'invalid_date', 'anno31.json': 'invalid_date',
    'anno32.json': 'invalid_date', 'anno33.json': 'invalid_date', 'anno34.json': 'invalid_iri', 'anno35.json': 'invalid_iri', 'anno36.json': 'invalid_iri',
    'anno37.json': 'invalid_specific_resource', 'anno38.json': 'invalid_selector', 'anno39.json': 'invalid_selector',
  };

  test('every incorrect sample is refused with 400, a code and a sentence; with its JSON repaired, for the rule its label names', async () => {
    const doc = await documentWith(text);
    const incorrect = samples('incorrect');
    expect(incorrect).toHaveLength(39);
    for (const { name, text: raw } of incorrect) {
      const res = await team.annotator.request('POST', `/api/documents/${doc.id}/annotations`, { body: raw, headers: { 'content-type': 'application/ld+json' } });
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect(res.body.error!.code).toMatch(/^[a-z_]+$/);
      expect(res.body.error!.message).toMatch(/^[A-Z].*\.$/);
      // Most samples also end an object with a trailing comma (not JSON): without it, the rule named in the label is what fails.
      if (name === 'anno1.json' || name === 'anno2.json') continue;
      const repaired = JSON.parse(raw.replace(/,(\s*[}\]])/g, '$1'));
      const again = await importInto(team.annotator, doc.id, repaired);
      expect({ name, label: repaired.label, status: again.status, code: again.body.error?.code }).toEqual({ name, label: repaired.label, status: 400, code: expectedCode[name] });
    }
    expect((await claimsOf(doc.id)).length).toBe(0);
  });
});

const claimsOf = async (documentId: string) => (await team.viewer.get(`/api/documents/${documentId}/claims`)).body.claims as any[];

describe('shapes other tools write', () => {
  const text = 'Intro 🌊 and 🇳🇱 flags. Street trees cool the street by 12 °C. Green roofs cool buildings. The end.';
  const at = (words: string) => ({ start: [...text.slice(0, text.indexOf(words))].length, end: [...text.slice(0, text.indexOf(words))].length + [...words].length });
  const w3c = (target: unknown, extra: object = {}) => ({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/a1', type: 'Annotation', target, ...extra });

  test('positions count code points in a Web Annotation and UTF-16 units in a Hypothesis one; both land after an emoji and a flag', async () => {
    const doc = await documentWith(text);
    const cp = at('Street trees');
    const utf16 = { start: text.indexOf('Street trees'), end: text.indexOf('Street trees') + 12 };
    expect(utf16.start - cp.start).toBe(3);
    const res = await importInto(team.annotator, doc.id, [
      w3c({ source: 'http://example.org/page', selector: { type: 'TextPositionSelector', ...cp } }),
      { target: [{ selector: [{ type: 'TextPositionSelector', ...utf16 }] }] },
    ]);
    expect(res.body.created.map((c) => [c.method, c.anchor.exact, c.anchor.start])).toEqual([
      ['position', 'Street trees', utf16.start],
      ['position', 'Street trees', utf16.start],
    ]);
  });

  test('a RangeSelector of quotes, refinedBy chains, bodyValue, a body IRI and a TextualBody without purpose', async () => {
    const doc = await documentWith(text);
    const roofs = at('Green roofs cool buildings');
    const trees = at('Street trees');
    const res = await importInto(team.annotator, doc.id, {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/page1',
      type: 'AnnotationPage',
      items: [
        w3c({ source: 'http://example.org/p', selector: { type: 'RangeSelector', startSelector: { type: 'TextQuoteSelector', exact: 'Street' }, endSelector: { type: 'TextQuoteSelector', exact: ' by 12' } } }, { bodyValue: 'From the range' }),
        w3c({ source: 'http://example.org/p', selector: { type: 'TextPositionSelector', ...roofs, refinedBy: { type: 'TextQuoteSelector', exact: 'roofs' } } }, { body: 'https://example.org/roofs-study', motivation: 'commenting' }),
        w3c({ source: 'http://example.org/p', selector: { type: 'TextPositionSelector', ...roofs, refinedBy: { type: 'TextPositionSelector', start: 12, end: 26 } } }, { body: { type: 'TextualBody', value: 'No purpose: a comment' }, motivation: 'commenting' }),
        w3c({ source: 'http://example.org/p', selector: { type: 'FragmentSelector', value: `char=${trees.start},${trees.end}`, conformsTo: 'http://tools.ietf.org/rfc/rfc5147' } }, { body: { type: 'TextualBody', value: 'heat', purpose: 'tagging' } }),
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.skipped).toEqual([]);
    expect(res.body.created.map((c) => c.anchor.exact)).toEqual(['Street trees cool the street', 'roofs', 'cool buildings', 'Street trees']);
    const claims = await claimsOf(doc.id);
    const byExact = (exact: string) => claims.find((c) => c.anchor.exact === exact);
    expect(byExact('Street trees cool the street').note).toBe('From the range');
    expect(byExact('roofs').evidence.map((e: any) => [e.kind, e.url])).toEqual([['url', 'https://example.org/roofs-study']]);
    expect(byExact('cool buildings').note).toBe('No purpose: a comment');
    expect(byExact('Street trees').tags).toEqual(['heat']);
  });

  test('a position within a fragment of markup is reported, never placed on other text', async () => {
    const doc = await documentWith(text);
    const res = await importInto(team.annotator, doc.id, [w3c({ source: 'http://example.org/p', selector: { type: 'XPathSelector', value: '/p[2]', refinedBy: { type: 'TextPositionSelector', start: 0, end: 5 } } })]);
    expect(res.body).toEqual({ created: [], skipped: [{ index: 0, reason: 'unresolved_selector' }], notKept: [] });
  });
});

describe('Hypothesis annotations on the pages they were made on', () => {
  for (const page of ['minimal', 'wikipedia-regression-testing']) {
    test(`${page}: the HTML page imported, each annotation lands on its quote or is reported`, async () => {
      const doc = await documentWith(readFileSync(join(HYPOTHESIS, `${page}.html`), 'utf8'), 'html');
      const search = JSON.parse(readFileSync(join(HYPOTHESIS, `${page}.json`), 'utf8'));
      const res = await importInto(team.annotator, doc.id, search);
      expect(res.status).toBe(201);
      const quoteOf = (i: number) => search.rows[i].target[0].selector.find((s: any) => s.type === 'TextQuoteSelector').exact;
      const created = res.body.created;
      const placed = new Set<number>();
      // Each claim is on its annotation's quote (the rows are imported in order; skipped ones are listed).
      const skippedIndexes = new Set(res.body.skipped.map((s) => s.index));
      const anchoredIndexes = search.rows.map((_: unknown, i: number) => i).filter((i: number) => !skippedIndexes.has(i));
      expect(created).toHaveLength(anchoredIndexes.length);
      created.forEach((c, k) => {
        expect(c.anchor.exact.replace(/\s+/g, ' ').trim()).toBe(quoteOf(anchoredIndexes[k]).replace(/\s+/g, ' ').trim());
        placed.add(anchoredIndexes[k]);
      });
      expect(placed.size + skippedIndexes.size).toBe(search.rows.length);
      console.log(`hypothesis ${page}: ${placed.size} anchored, ${skippedIndexes.size} reported of ${search.rows.length}`, res.body.skipped);
    });
  }
});

describe('a round trip keeps status and verdicts', () => {
  const text = 'The barrier protects 38,000 homes. It cost 1.2 billion euros. Officials expect no flood until 2100.';
  let exported: any;

  beforeAll(async () => {
    await team.lead.patch(`/api/workspaces/${team.wid}`, { quorum: 1 });
    const doc = await documentWith(text);
    const other = await documentWith('The ministry counted 6,000 flats built since 2010.');
    const claim = async (exact: string) => (await team.annotator.post(`/api/documents/${doc.id}/claims`, { exact, note: `About ${exact}` })).body.claim.id as string;
    const homes = await claim('38,000 homes');
    const cost = await claim('1.2 billion euros');
    const flood = await claim('no flood until 2100');
    await team.annotator.post(`/api/claims/${homes}/evidence`, { kind: 'document', stance: 'refutes', documentId: other.id, start: 21, end: 32 });
    await team.factchecker.request('PUT', `/api/claims/${homes}/vote`, { json: { verdict: 'mostly_inaccurate' } });
    await team.factchecker.request('PUT', `/api/claims/${cost}/vote`, { json: { verdict: 'accurate' } });
    expect((await team.lead.post(`/api/claims/${homes}/status`, { status: 'verified', rationale: 'The ministry counts fewer.' })).status).toBe(200);
    expect((await team.lead.post(`/api/claims/${cost}/status`, { status: 'rejected', rationale: 'Out of scope.' })).status).toBe(200);
    expect((await team.lead.post(`/api/claims/${flood}/status`, { status: 'in_review' })).status).toBe(200);
    exported = (await team.viewer.request('GET', `/api/workspaces/${team.wid}/export?format=annotations&status=any&documentId=${doc.id}`)).body;
  });

  const summary = (claims: any[]) =>
    claims.map((c) => ({ exact: c.anchor.exact, status: c.status, consensus: c.tally.consensus, rationale: c.signOff?.rationale ?? null, note: c.note }));

  test('imported by a lead of another workspace: the same statuses, verdicts and rationales; passage evidence becomes its words', async () => {
    const lead = await signUp(app.url, 'other-lead');
    const wid = (await lead.post('/api/workspaces', { name: 'Other desk' })).body.workspace.id;
    const target = (await lead.post(`/api/workspaces/${wid}/documents`, { title: 'Copy', text })).body.document;
    const res = await importInto(lead, target.id, exported);
    expect(res.status).toBe(201);
    expect(res.body.notKept).toEqual([]);
    expect(res.body.skipped).toEqual([]);
    const after = (await lead.get(`/api/documents/${target.id}/claims`)).body.claims;
    expect(summary(after)).toEqual([
      { exact: '38,000 homes', status: 'verified', consensus: 'mostly_inaccurate', rationale: 'The ministry counts fewer.', note: 'About 38,000 homes' },
      { exact: '1.2 billion euros', status: 'rejected', consensus: 'accurate', rationale: 'Out of scope.', note: 'About 1.2 billion euros' },
      { exact: 'no flood until 2100', status: 'in_review', consensus: null, rationale: null, note: 'About no flood until 2100' },
    ]);
    expect(after[0].evidence.map((e: any) => [e.kind, e.stance, e.url, e.excerpt])).toEqual([['quote', 'refutes', null, '6,000 flats']]);
    expect(after[0].votes[0]).toMatchObject({ user: { name: 'other-lead' }, verdict: 'mostly_inaccurate', note: expect.stringContaining('Imported: the revealed consensus of 1 blind vote') });
    // Exported again, the assessments read the same.
    const again = (await lead.request('GET', `/api/workspaces/${wid}/export?format=annotations&status=any`)).body as any;
    const roles = (a: any) => a.body.filter((b: any) => b.purpose === 'assessing' && b['corroborate:role'] !== 'override').map((b: any) => [b['corroborate:role'], b.value]);
    const original = exported.first.items.filter((a: any) => a.motivation === 'assessing');
    expect(again.first.items.map(roles)).toEqual(original.map(roles));
  });

  test('imported by an annotator: the claims arrive open, and what their role could not keep is listed', async () => {
    const target = await documentWith(text);
    const res = await importInto(team.annotator, target.id, exported);
    expect(res.status).toBe(201);
    expect(res.body.notKept).toEqual([
      { index: 0, field: 'verdict', reason: 'insufficient_role', role: 'factchecker' },
      { index: 0, field: 'status', reason: 'insufficient_role', role: 'lead' },
      { index: 1, field: 'verdict', reason: 'insufficient_role', role: 'factchecker' },
      { index: 1, field: 'status', reason: 'insufficient_role', role: 'lead' },
      { index: 2, field: 'status', reason: 'insufficient_role', role: 'lead' },
    ]);
    expect((await claimsOf(target.id)).map((c) => c.status)).toEqual(['open', 'open', 'open']);
  });
});
