import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { passageUrl } from '../../server/export/formats/claimreview';
import { startApp, type TestApp } from '../helpers/app';
import { claimReviewProblems } from '../helpers/claimreview-rules';
import { Client, workspaceWithRoles } from '../helpers/client';
import { schemaOrgProblems, schemaOrgReport } from '../helpers/schema-org';

// ClaimReview checked against the outside oracles (issue 14 item 3): the schema.org vocabulary
// (../shared/conformance/schema-org) and Google's fact-check rules, for the export and the JSON-LD
// of the public pages; and its text fragments, which must land on whole words.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
const TEXT_A =
  'In 2021 the well-known agency counted 38,000 homes at risk & rising, officials said 👍 today. Between the northern hills and the southern coast the new barrier, which is eleven kilometres long and cost far more than planned, protects the old town.';
const TEXT_B = 'Tide gauges show the sea rose 20 cm since 1900. The harbour was dredged twice.';
const docs: Record<string, string> = {};
const ids: Record<string, string> = {};

/** A claim by quote, or by offsets (a selection that starts or ends inside a word). */
async function claim(doc: string, at: string | { start: number; end: number }) {
  const res = await team.annotator.post(`/api/documents/${docs[doc]}/claims`, typeof at === 'string' ? { exact: at } : at);
  expect(res.status).toBe(201);
  return res.body.claim!.id as string;
}

/** Voted (revealed at once: quorum 1), signed off with an optional rating, and optionally published. */
async function signedOff(id: string, verdict: string | null, opts: { rating?: string; publish?: boolean } = {}) {
  if (verdict) await team.factchecker.request('PUT', `/api/claims/${id}/vote`, { json: { verdict } });
  const res = await team.lead.post(`/api/claims/${id}/status`, { status: 'verified', confirm: true, rationale: `Checked ${id.slice(0, 4)}.`, ...(opts.rating ? { rating: opts.rating } : {}) });
  expect(res.status).toBe(200);
  if (opts.publish !== false) expect((await team.lead.post(`/api/claims/${id}/publish`)).status).toBe(200);
}

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  await team.lead.patch(`/api/workspaces/${team.wid}`, { quorum: 1 });
  docs.a = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Barrier', text: TEXT_A, sourceUrl: 'https://news.example/barrier#comments', authors: ['Ada Lovelace', 'Charles Babbage'], sourcePublishedOn: '2021-03-04' })).body.document!.id;
  docs.b = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Tides', text: TEXT_B })).body.document!.id;
  const homes = TEXT_A.indexOf('38,000 homes');
  // Selected from inside "38,000" to inside "homes": the fragment must still be whole words.
  ids.homes = await claim('a', { start: homes + 1, end: homes + 10 });
  ids.long = await claim('a', 'the new barrier, which is eleven kilometres long and cost far more than planned, protects the old town');
  ids.agency = await claim('a', 'well-known agency');
  ids.risk = await claim('a', 'risk & rising');
  ids.emoji = await claim('a', 'said 👍 today');
  ids.sea = await claim('b', 'the sea rose 20 cm');
  ids.unpublished = await claim('a', 'officials said');
  ids.unrated = await claim('b', 'dredged twice');
  const url = await team.annotator.post(`/api/claims/${ids.homes}/evidence`, { kind: 'url', stance: 'refutes', url: 'https://register.example/homes', title: 'Register', excerpt: '31,000 homes' });
  expect(url.status).toBe(201);
  await team.annotator.post(`/api/claims/${ids.homes}/evidence`, { kind: 'quote', stance: 'context', title: 'Footnote 3', excerpt: 'Counted in 2020.' });
  await signedOff(ids.homes, 'mostly_inaccurate');
  await signedOff(ids.long, 'mixed', { rating: 'mostly_accurate' });
  await signedOff(ids.agency, 'accurate');
  await signedOff(ids.risk, 'inaccurate');
  await signedOff(ids.emoji, 'accurate');
  await signedOff(ids.sea, 'unverifiable');
  await signedOff(ids.unpublished, 'accurate', { publish: false });
  await signedOff(ids.unrated, null);
});
afterAll(() => app?.close());

const reviews = async () => (await team.viewer.get(`/api/workspaces/${team.wid}/export?format=claimreview&status=any`)).body as Array<Record<string, any>>;
const reviewOf = (all: Array<Record<string, any>>, id: string) => all.find((r) => r.url === `${app.url}/fact-checks/${id}`)!;

/** The decoded terms of a URL's text directive (`textStart[,textEnd]`). */
const termsOf = (url: string) => url.split('#:~:text=')[1].split(',').map(decodeURIComponent);

/** Whether `term` occurs in `text` with no letter or digit right before or after it (a word boundary, checked independently of the exporter's segmenter). */
function atWordBoundaries(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    const before = text.slice(0, at);
    const after = text.slice(at + term.length);
    if (!/[\p{L}\p{N}]$/u.test(before) && !/^[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

describe('ClaimReview conformance', () => {
  test('only published claims with a sign-off rating are exported; every one passes the schema.org vocabulary and Google’s rules', async () => {
    const all = await reviews();
    expect(all.map((r) => r.url).sort()).toEqual(['homes', 'long', 'agency', 'risk', 'emoji', 'sea'].map((k) => `${app.url}/fact-checks/${ids[k]}`).sort());
    const types = new Set<string>();
    const properties = new Set<string>();
    for (const review of all) {
      const report = schemaOrgReport(review);
      expect(report.problems).toEqual([]);
      expect(claimReviewProblems(review)).toEqual([]);
      report.types.forEach((t) => types.add(t));
      report.properties.forEach((p) => properties.add(p));
    }
    // What was checked: every type and property the export writes.
    expect([...types].sort()).toEqual(['Claim', 'ClaimReview', 'CreativeWork', 'Organization', 'Person', 'Rating']);
    expect([...properties].sort()).toEqual(
      ['alternateName', 'appearance', 'author', 'bestRating', 'citation', 'claimReviewed', 'datePublished', 'firstAppearance', 'itemReviewed', 'keywords', 'name', 'ratingValue', 'reviewBody', 'reviewRating', 'text', 'url', 'worstRating'].sort(),
    );
  });

  test('the rating is the one chosen at sign-off, by name and place on the scale; the claim has its source’s authors and date', async () => {
    const all = await reviews();
    const homes = reviewOf(all, ids.homes);
    expect(homes.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly inaccurate' });
    expect(homes.reviewBody).toBe(`Checked ${ids.homes.slice(0, 4)}.`);
    expect(homes.itemReviewed).toMatchObject({
      '@type': 'Claim',
      author: [{ '@type': 'Person', name: 'Ada Lovelace' }, { '@type': 'Person', name: 'Charles Babbage' }],
      datePublished: '2021-03-04',
      firstAppearance: { '@type': 'CreativeWork', url: 'https://news.example/barrier#:~:text=38%2C000%20homes' },
    });
    // The lead's rating over the consensus (mixed), with the override in words.
    const long = reviewOf(all, ids.long);
    expect(long.reviewRating).toMatchObject({ ratingValue: 4, alternateName: 'Mostly accurate' });
    expect(long.reviewBody).toContain("rated Mostly accurate over the blind votes' consensus, Mixed");
    // Unverifiable: a name, no place on the scale.
    const sea = reviewOf(all, ids.sea);
    expect(sea.reviewRating).toEqual({ '@type': 'Rating', bestRating: 5, worstRating: 1, alternateName: 'Unverifiable' });
    // No source URL: the claim appears on the document's public page, which quotes it; no authors or date are invented.
    expect(sea.itemReviewed.appearance[0].url).toBe(`${app.url}/fact-checks/documents/${docs.b}#:~:text=the%20sea%20rose%2020%20cm`);
    expect(sea.itemReviewed.author).toBeUndefined();
    expect(sea.itemReviewed.datePublished).toBeUndefined();
    const page = String((await new Client(app.url).get(`/fact-checks/documents/${docs.b}`, { noOrigin: true })).body);
    expect(page).toContain('the sea rose 20 cm');
  });

  test('text fragments land on whole words of the source: widened from inside a word, -, & and , encoded, a long quote as textStart,textEnd', async () => {
    const all = await reviews();
    for (const review of all) {
      const text = review.url.endsWith(ids.sea) ? TEXT_B : TEXT_A;
      for (const appearance of [...review.itemReviewed.appearance, review.itemReviewed.firstAppearance]) {
        expect(appearance.url).toMatch(/^[^#]+#:~:text=[^#]+$/);
        for (const term of termsOf(appearance.url)) expect(atWordBoundaries(text, term), `${term} at word boundaries`).toBe(true);
      }
    }
    const url = (id: string) => reviewOf(all, id).itemReviewed.appearance[0].url as string;
    expect(url(ids.homes)).toBe('https://news.example/barrier#:~:text=38%2C000%20homes');
    expect(url(ids.agency)).toBe('https://news.example/barrier#:~:text=well%2Dknown%20agency');
    expect(url(ids.risk)).toBe('https://news.example/barrier#:~:text=risk%20%26%20rising');
    expect(termsOf(url(ids.emoji))).toEqual(['said 👍 today']);
    const [start, end] = termsOf(url(ids.long));
    expect(start).toMatch(/^the new barrier/);
    expect(end).toMatch(/protects the old town$/);
  });

  test('the JSON-LD of every public page passes the vocabulary and the rules too', async () => {
    for (const key of ['homes', 'long', 'sea']) {
      const page = String((await new Client(app.url).get(`/fact-checks/${ids[key]}`, { noOrigin: true })).body);
      const json = JSON.parse(page.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]);
      expect(schemaOrgProblems(json)).toEqual([]);
      expect(claimReviewProblems(json)).toEqual([]);
      expect(json.url).toBe(`${app.url}/fact-checks/${ids[key]}`);
    }
  });
});

describe('the text fragment builder', () => {
  test('never cuts inside a word or a surrogate pair, and splits a long quote at word ends', () => {
    expect(passageUrl('https://a.example/p', { exact: '000 hom', prefix: 'protect 38,', suffix: 'es. It' })).toBe('https://a.example/p#:~:text=38%2C000%20homes');
    // A selection ending inside an emoji pair is widened to the whole character.
    const emoji = passageUrl('https://a.example/p', { exact: 'rose \uD83C', prefix: 'sea ', suffix: '\uDF0A high' });
    expect(termsOf(emoji)).toEqual(['rose 🌊']);
    const long = 'Between the northern hills and the southern coast the new barrier, which is eleven kilometres long, protects the town.';
    const [start, end] = termsOf(passageUrl('https://a.example/p', { exact: long }));
    expect(long.startsWith(start) && long.endsWith(end)).toBe(true);
    expect(atWordBoundaries(long, start) && atWordBoundaries(long, end)).toBe(true);
    expect(start.length + end.length).toBeLessThan(long.length);
  });
});

describe('the schema.org checker', () => {
  test('finds unknown terms, properties off their domain, values off their range, and accepts subclasses', () => {
    const problems = schemaOrgProblems({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'x',
      madeUp: 'y',
      appearance: { '@type': 'CreativeWork', url: 'https://a.example' },
      reviewRating: { '@type': 'Person', name: 'z' },
      datePublished: 'yesterday',
      itemReviewed: { '@type': 'NoSuchType' },
      author: { '@type': 'NewsMediaOrganization', name: 'N', url: 'not a url' },
    });
    expect(problems).toEqual([
      'madeUp: no such property madeUp',
      'appearance: appearance is not a property of ClaimReview (its domain: Claim)',
      'reviewRating: a Person is not in the range of reviewRating (Rating)',
      'datePublished: "yesterday" is not a value of datePublished\'s range (Date, DateTime)',
      'itemReviewed: no such type NoSuchType',
      'itemReviewed: a NoSuchType is not in the range of itemReviewed (Thing)',
      'author.url: "not a url" is not a value of url\'s range (URL)',
    ]);
  });
});
