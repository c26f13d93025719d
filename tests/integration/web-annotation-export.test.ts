import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentTextAt } from '../../server/annotations/repository';
import { annotationsFormat } from '../../server/export/formats/annotations';
import { exportItems } from '../../server/export/repository';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { expandToRdf, failedMusts, keysOf, mustCount, offlineLoader } from '../helpers/web-annotation-oracle';

// The W3C Web Annotation export of real claims, checked against the W3C test suite's MUST schemas
// and expanded with the stored JSON-LD context, offline.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let collection: any;
const ids: Record<string, string> = {};
/** An emoji and a flag (two code units each, and two regional indicators for the flag) before the claims. */
const text = 'Flood 🌊 report for 🇳🇱 the Netherlands: 38,000 homes were protected. The dyke cost 1.2 billion euros.';
const evidenceText = 'The ministry counted 6,000 flats built since 2010.';
const strangeUrl = 'https://example.org/report "final"/été?q=café plan';

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  await team.lead.patch(`/api/workspaces/${team.wid}`, { quorum: 1 });
  const doc = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Flood 🌊 report', text, sourceUrl: 'https://example.org/flood report' })).body.document;
  const other = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Ministry figures', text: evidenceText })).body.document;
  ids.doc = doc.id;
  ids.homes = (await team.annotator.post(`/api/documents/${doc.id}/claims`, { exact: '38,000 homes', note: 'Which homes?', tags: ['figure'], confidence: 70 })).body.claim.id;
  ids.cost = (await team.annotator.post(`/api/documents/${doc.id}/claims`, { exact: '1.2 billion euros' })).body.claim.id;
  const start = evidenceText.indexOf('6,000 flats');
  expect((await team.annotator.post(`/api/claims/${ids.homes}/evidence`, { kind: 'url', stance: 'refutes', url: strangeUrl, title: 'Report "final"' })).status).toBe(201);
  expect((await team.annotator.post(`/api/claims/${ids.homes}/evidence`, { kind: 'quote', stance: 'context', excerpt: 'Roughly 6,000 flats.' })).status).toBe(201);
  expect((await team.annotator.post(`/api/claims/${ids.homes}/evidence`, { kind: 'document', stance: 'supports', documentId: other.id, start, end: start + 11 })).status).toBe(201);
  expect((await team.factchecker.request('PUT', `/api/claims/${ids.homes}/vote`, { json: { verdict: 'mostly_accurate' } })).status).toBe(200);
  expect((await team.lead.post(`/api/claims/${ids.homes}/status`, { status: 'verified', rationale: 'The ministry’s count agrees.', confirm: true })).status).toBe(200);
  const first = (await team.annotator.post(`/api/claims/${ids.homes}/comments`, { body: 'Checked the map too.' })).body.comment;
  ids.comment = first.id;
  ids.reply = (await team.lead.post(`/api/claims/${ids.homes}/comments`, { body: 'Thanks!', replyTo: first.id })).body.comment.id;
  // A hidden vote on an unrevealed claim must never leave the server.
  await team.lead.patch(`/api/workspaces/${team.wid}`, { quorum: 5 });
  await team.factchecker.request('PUT', `/api/claims/${ids.cost}/vote`, { json: { verdict: 'inaccurate' } });
  const res = await team.viewer.request('GET', `/api/workspaces/${team.wid}/export?format=annotations&status=any&documentId=${doc.id}`);
  expect(res.status).toBe(200);
  collection = res.body;
});
afterAll(() => app?.close());

const annotations = () => collection.first.items as any[];
const claimAnnotation = (claimId: string) => annotations().find((a) => a.id.endsWith(`#claim-${claimId}`));
/** An annotation as a single serialisation: with the collection's context, as the suite's annotation tests read one. */
const standalone = (a: object) => ({ '@context': collection['@context'], ...a });

describe('the W3C test suite’s MUST assertions', () => {
  test('the collection passes every MUST assertion for collections', () => {
    expect(mustCount('collection')).toBe(10);
    expect(failedMusts(collection, 'collection')).toEqual([]);
    expect(collection).toMatchObject({ type: 'AnnotationCollection', id: expect.stringMatching(/^urn:uuid:/), total: 4 });
  });

  test('its page passes every MUST assertion for pages, embedded in the collection and on its own', () => {
    expect(mustCount('page')).toBe(15);
    expect(failedMusts(collection, 'page')).toEqual([]);
    expect(failedMusts(standalone(collection.first), 'page')).toEqual([]);
    expect(collection.first).toMatchObject({ type: 'AnnotationPage', id: expect.stringMatching(/^urn:uuid:/), startIndex: 0 });
    expect(collection.items).toBeUndefined();
  });

  test('every annotation passes every MUST assertion for annotations', () => {
    expect(mustCount('annotation')).toBe(54);
    expect(annotations()).toHaveLength(4);
    for (const a of annotations()) expect({ id: a.id, failed: failedMusts(standalone(a), 'annotation') }).toEqual({ id: a.id, failed: [] });
  });
});

describe('JSON-LD', () => {
  test('the export expands to RDF with the stored context, offline, and no term is dropped', async () => {
    const { expanded, nquads } = await expandToRdf(collection);
    expect(expanded).toHaveLength(1);
    expect(nquads).toContain('<http://www.w3.org/ns/oa#motivatedBy> <http://www.w3.org/ns/oa#assessing>');
    expect(nquads).toContain('<http://www.w3.org/ns/oa#motivatedBy> <http://www.w3.org/ns/oa#replying>');
    // Every key of the JSON maps to an IRI (or is an alias of @id / @type) under the export's context.
    const keys = [...new Set(keysOf(collection).map((k) => k.key))];
    const unmapped: string[] = [];
    for (const key of keys) {
      if (key === 'id' || key === 'type') continue;
      const probe: any[] = await (jsonld.expand as any)({ '@context': collection['@context'], '@id': 'urn:probe:s', [key]: { '@id': 'urn:probe:o' } }, { documentLoader: offlineLoader });
      const iris = Object.keys((probe[0] ?? {}) as object).filter((k) => !k.startsWith('@'));
      if (iris.length !== 1 || !/^[a-z]+:/.test(iris[0])) unmapped.push(key);
    }
    expect(unmapped).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(['first', 'items', 'selector', 'corroborate:stance', 'schema:ratingValue']));
  });
});

describe('what the annotations say', () => {
  test('status, rating and the votes’ consensus are assessing bodies; a hidden verdict is not there', () => {
    const homes = claimAnnotation(ids.homes);
    const assessing = homes.body.filter((b: any) => b.purpose === 'assessing');
    expect(assessing.map((b: any) => [b['corroborate:role'], b.value])).toEqual([
      ['status', 'verified'],
      ['rating', 'Mostly accurate'],
      ['consensus', 'mostly_accurate'],
      ['rationale', 'The ministry’s count agrees.'],
    ]);
    expect(assessing[1]).toMatchObject({ 'schema:ratingValue': 4, 'schema:bestRating': 5, 'schema:worstRating': 1 });
    expect(assessing[2]).toMatchObject({ 'corroborate:votes': 1, 'corroborate:agreement': 1 });
    const cost = claimAnnotation(ids.cost);
    expect(cost.body.filter((b: any) => b.purpose === 'assessing').map((b: any) => b['corroborate:role'])).toEqual(['status']);
    expect(JSON.stringify(collection)).not.toMatch(/inaccurate"|Inaccurate/);
  });

  test('comments are replying annotations on the claim’s annotation, a reply on the comment it answers', () => {
    const replies = annotations().filter((a) => a.motivation === 'replying');
    const homes = claimAnnotation(ids.homes);
    expect(replies.map((r) => [r.body.value, r.target])).toEqual([
      ['Checked the map too.', homes.id],
      ['Thanks!', replies[0].id],
    ]);
    expect(replies[0].id).toBe(`${homes.id}/comments/${ids.comment}`);
    expect(replies[1].creator).toEqual({ type: 'Person', name: 'lead' });
  });

  test('evidence URLs and the source URL are valid IRIs, percent-encoded where a URI does not allow a character', () => {
    const homes = claimAnnotation(ids.homes);
    const link = homes.body.find((b: any) => b['corroborate:kind'] === 'url');
    expect(link.source).toBe('https://example.org/report%20%22final%22/%C3%A9t%C3%A9?q=caf%C3%A9%20plan');
    expect(link['dc:title']).toBe('Report "final"');
    expect(homes.target.source).toBe('https://example.org/flood%20report');
  });

  test('passage evidence is the other document’s quote and words, and a quotation has no id', () => {
    const homes = claimAnnotation(ids.homes);
    const passage = homes.body.find((b: any) => b['corroborate:kind'] === 'document');
    expect(passage).toMatchObject({ type: 'SpecificResource', purpose: 'linking', 'corroborate:excerpt': '6,000 flats', selector: { type: 'TextQuoteSelector', exact: '6,000 flats' } });
    const quote = homes.body.find((b: any) => b['corroborate:kind'] === 'quote');
    expect(quote).toEqual({ type: 'TextualBody', value: 'Roughly 6,000 flats.', format: 'text/plain', purpose: 'linking', 'corroborate:stance': 'context', 'corroborate:kind': 'quote' });
  });

  test('the TextPositionSelector counts code points: the emoji and the flag before the claim are one character each', () => {
    const homes = claimAnnotation(ids.homes);
    const start = [...text.slice(0, text.indexOf('38,000 homes'))].length;
    expect(homes.target.selector[1]).toEqual({ type: 'TextPositionSelector', start, end: start + 12 });
  });

  test('with each claim’s text handed to the format (as the repository would), the same export counts code points', async () => {
    expect(await documentTextAt(app.database.db, ids.doc, 1)).toBe(text);
    expect(await documentTextAt(app.database.db, ids.doc, 2)).toBeNull();
    const ctx = { workspaceName: 'Newsroom', origin: 'https://corroborate.example', total: 2, generatedAt: new Date() };
    let out = annotationsFormat.head(ctx);
    let index = 0;
    for await (const item of exportItems(app.database.db, { workspaceId: team.wid, status: 'any', documentId: ids.doc })) {
      out += annotationsFormat.item({ ...item, text: (await documentTextAt(app.database.db, item.document.id, item.claim.anchor.version))! } as typeof item, index++, ctx);
    }
    out += annotationsFormat.tail(ctx);
    const parsed = JSON.parse(out);
    const homes = parsed.first.items.find((a: any) => a.id.endsWith(`#claim-${ids.homes}`));
    const start = [...text.slice(0, text.indexOf('38,000 homes'))].length;
    expect(start).toBe(text.indexOf('38,000 homes') - 3);
    expect(homes.target.selector[1]).toEqual({ type: 'TextPositionSelector', start, end: start + 12 });
    expect(failedMusts(parsed, 'collection')).toEqual([]);
  });
});
