import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { claimReviewProblems } from '../helpers/claimreview-rules';
import { schemaOrgProblems } from '../helpers/schema-org';
import type { ClaimJson } from '../../server/claims/schemas';
import { markdownFormat } from '../../server/export/formats/markdown';
import { workspaceWithRoles, type ClaimAnnotation, type ExportedAnnotation } from '../helpers/client';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
const docs: Record<string, string> = {};
const ids: Record<string, string> = {};
const wallText = 'The barrier will protect 38,000 homes. It will cost 1.2 billion euros, "well within the envelope", officials said.';
const sheetText = 'The spreadsheet cell read =HYPERLINK("http://evil.example","click"), and the total was -40, per the minutes.';

async function claim(doc: string, exact: string, confidence?: number) {
  const res = await team.annotator.post(`/api/documents/${docs[doc]}/claims`, { exact, confidence });
  expect(res.status).toBe(201);
  return res.body.claim.id as string;
}

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  await team.lead.patch(`/api/workspaces/${team.wid}`, { quorum: 1 });
  docs.wall = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Harbour wall', text: wallText, sourceUrl: 'https://example.org/wall' })).body.document.id;
  docs.sheet = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Minutes, "draft"', text: sheetText })).body.document.id;
  ids.homes = await claim('wall', '38,000 homes', 40);
  ids.cost = await claim('wall', '1.2 billion euros, "well within the envelope"', 80);
  ids.formula = await claim('sheet', '=HYPERLINK("http://evil.example","click")');
  ids.minus = await claim('sheet', '-40', 60);
  ids.open = await claim('wall', 'officials said');
  await team.annotator.post(`/api/claims/${ids.homes}/evidence`, { kind: 'url', stance: 'refutes', url: 'https://example.org/flood-map', title: 'Flood map 2018' });
  await team.annotator.post(`/api/claims/${ids.homes}/evidence`, { kind: 'quote', stance: 'context', excerpt: 'Roughly 6,000 flats were built since.' });
  await team.factchecker.request('PUT', `/api/claims/${ids.homes}/vote`, { json: { verdict: 'mostly_inaccurate' } });
  await team.factchecker.request('PUT', `/api/claims/${ids.cost}/vote`, { json: { verdict: 'unverifiable' } });
  // Ratings: the consensus by default (homes, cost), one chosen without a consensus (minus), none (formula).
  for (const id of [ids.homes, ids.cost, ids.formula, ids.minus]) {
    const res = await team.lead.post(`/api/claims/${id}/status`, { status: 'verified', confirm: true, rationale: 'Checked against the published figures.', ...(id === ids.minus ? { rating: 'mixed' } : {}) });
    expect(res.status).toBe(200);
    expect((await team.lead.post(`/api/claims/${id}/publish`)).status).toBe(200);
  }
  // A hidden vote on an unrevealed claim must never leave the server.
  await team.lead.patch(`/api/workspaces/${team.wid}`, { quorum: 5 });
  await team.factchecker.request('PUT', `/api/claims/${ids.open}/vote`, { json: { verdict: 'inaccurate' } });
});
afterAll(() => app?.close());

const exportOf = <Q extends string>(query: Q) => team.viewer.request('GET', `/api/workspaces/${team.wid}/export?${query}`);

describe('ClaimReview', () => {
  test('every exported object passes the rules of Google’s fact-check markup and the schema.org vocabulary; only published, rated claims, verified by default', async () => {
    const res = await exportOf('format=claimreview');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.jsonld"/);
    const reviews = res.body;
    // The formula claim is published but was signed off without a rating: it is left out.
    expect(reviews.map((r) => r.claimReviewed).sort()).toEqual(['-40', '1.2 billion euros, "well within the envelope"', '38,000 homes']);
    for (const review of reviews) {
      expect(claimReviewProblems(review)).toEqual([]);
      expect(schemaOrgProblems(review)).toEqual([]);
    }
    const homes = reviews.find((r) => r.claimReviewed === '38,000 homes')!;
    expect(homes.url).toBe(`${app.url}/fact-checks/${ids.homes}`);
    expect(homes.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly inaccurate' });
    expect(homes.itemReviewed.appearance[0].url).toBe('https://example.org/wall#:~:text=38%2C000%20homes');
    expect(homes.itemReviewed.firstAppearance.url).toBe('https://example.org/wall#:~:text=38%2C000%20homes');
    // Without a source URL, the claim appears on the document's public page (which quotes it).
    const minus = reviews.find((r) => r.claimReviewed === '-40')!;
    expect(minus.reviewRating).toMatchObject({ ratingValue: 3, alternateName: 'Mixed' });
    expect(minus.itemReviewed.appearance[0].url).toBe(`${app.url}/fact-checks/documents/${docs.sheet}#:~:text=%2D40`);
    expect(homes.author).toEqual({ '@type': 'Organization', name: 'Newsroom', url: expect.stringMatching(/^http/) });
    expect(homes.citation.map((c) => [c.name ?? c.text, c.keywords])).toEqual([['Flood map 2018', 'refutes'], ['Roughly 6,000 flats were built since.', 'context']]);
    const cost = reviews.find((r) => r.claimReviewed.startsWith('1.2 billion'))!;
    expect(cost.reviewRating.ratingValue).toBeUndefined();
    expect(cost.reviewRating.alternateName).toBe('Unverifiable');
  });

  test('the rule checker rejects what Google would reject', () => {
    expect(claimReviewProblems({ '@type': 'ClaimReview' })).toContain('claimReviewed is a non-empty text');
    expect(claimReviewProblems({ reviewRating: { '@type': 'Rating', ratingValue: 9, bestRating: 5, worstRating: 1, alternateName: 'x' } })).toContain(
      'ratingValue lies between worstRating and bestRating',
    );
  });

  test('filters: status=any, minConfidence and documentId; hidden verdicts never appear', async () => {
    const any = (await exportOf('format=claimreview&status=any')).body;
    // The open claim is neither signed off nor published.
    expect(any).toHaveLength(3);
    expect(JSON.stringify(any)).not.toMatch(/"Inaccurate"|ratingValue":1/);
    const confident = (await exportOf('format=claimreview&minConfidence=50')).body;
    expect(confident.map((r) => r.claimReviewed).sort()).toEqual(['-40', '1.2 billion euros, "well within the envelope"']);
    const oneDoc = (await exportOf(`format=claimreview&documentId=${docs.sheet}`)).body;
    expect(oneDoc.map((r) => r.claimReviewed)).toEqual(['-40']);
    const summary = await team.viewer.get(`/api/workspaces/${team.wid}/export/summary?status=any`);
    expect(summary.body).toEqual({ claims: 5, documents: 2 });
    // The count of a ClaimReview export is of its reviews: the header and the summary with format say so.
    const all = await exportOf('format=claimreview&status=any');
    expect(Number(all.headers.get('x-export-count'))).toBe(all.body.length);
    const reviews = await team.viewer.get(`/api/workspaces/${team.wid}/export/summary?status=any&format=claimreview`);
    expect(reviews.body.claims).toBe(all.body.length);
    expect(reviews.body.claims).toBeLessThan(5);
  });
});

describe('W3C Web Annotation', () => {
  test('an AnnotationCollection with TextQuote and TextPosition selectors and the evidence as bodies', async () => {
    const res = await exportOf('format=annotations');
    const collection = res.body;
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(4);
    expect(collection.first.items).toHaveLength(4);
    // The claims' annotations (comments' replies target an annotation, not the text).
    const quoteOf = (a: ExportedAnnotation) => (typeof a.target === 'string' ? undefined : (a.target.selector[0] as { exact?: string }).exact);
    const homes = collection.first.items.find((a) => quoteOf(a) === '38,000 homes') as ClaimAnnotation;
    expect(homes.type).toBe('Annotation');
    expect(homes.target).toEqual({
      source: 'https://example.org/wall',
      selector: [
        { type: 'TextQuoteSelector', exact: '38,000 homes', prefix: 'The barrier will protect ', suffix: '. It will cost 1.2 billion euros' },
        { type: 'TextPositionSelector', start: 25, end: 37 },
      ],
    });
    const links = homes.body.filter((b) => b.purpose === 'linking');
    expect(links.map((b) => b.source ?? b.value)).toEqual(['https://example.org/flood-map', 'Roughly 6,000 flats were built since.']);
  });
});

describe('CSV', () => {
  test('one row per claim, quoted as needed, with formula-like cells neutralised', async () => {
    const res = await exportOf('format=csv&status=any');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const parsed = Papa.parse<string[]>(res.body as string, { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    expect(header.slice(0, 3)).toEqual(['document', 'source_url', 'quote']);
    expect(rows).toHaveLength(5);
    const quotes = rows.map((r) => r[2]);
    expect(quotes).toContain('1.2 billion euros, "well within the envelope"');
    expect(quotes).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(quotes).toContain(`'-40`);
    expect(rows.map((r) => r[0])).toContain('Minutes, "draft"');
    expect(rows.find((r) => r[2] === 'officials said')![9]).toBe('1 hidden');
    expect(rows.find((r) => r[2] === '38,000 homes')![10]).toBe('https://example.org/flood-map');
  });
});

describe('Markdown', () => {
  test('a readable report grouped by document', async () => {
    const res = await exportOf('format=markdown');
    const md = res.body as string;
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(md.indexOf('## Harbour wall')).toBeLessThan(md.indexOf('## Minutes'));
    expect(md).toContain('### “38,000 homes”');
    expect(md).toContain('**Rating:** Mostly inaccurate · **Status:** Verified · **Blind votes:** Mostly inaccurate, 100% agreement of 1 · **Team confidence:** 40/100');
    expect(md).toContain('**Refutes:** [Flood map 2018](https://example.org/flood-map)');
    const nodes = allNodes(fromMarkdown(md));
    expect(nodes.filter((n) => n.type === 'heading' && n.depth === 3).map((n) => toString(n))).toContain('“=HYPERLINK("http://evil.example","click")”');
    expect(nodes.filter((n) => n.type === 'link').map((n) => n.url)).not.toContain('http://evil.example');
  });

  test('hostile titles, quotes, notes and URLs stay text: parsed back, the report has no HTML and every link points where it was meant to', async () => {
    const title = '<script>alert(1)</script> [x](javascript:alert(2))\n# Injected heading `tick`';
    const sourceUrl = 'https://example.org/src?a=1)](javascript:alert(3))';
    const text = 'Officials said the wall `cost` <b>nothing</b> ](javascript:alert(4)) and more.';
    const doc = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title, text, sourceUrl })).body.document;
    expect(doc).toBeDefined();
    const note = 'See <img src=x onerror=alert(5)>\n\n- [click](javascript:alert(6))\n```\n<script>alert(7)</script>\n```';
    const claim = await team.annotator.post(`/api/documents/${doc.id}/claims`, { exact: '`cost` <b>nothing</b> ](javascript:alert(4))', note });
    expect(claim.status).toBe(201);
    const evidenceUrl = 'https://example.org/a)](javascript:alert(8))<script>alert(9)</script>';
    const evidenceTitle = '`code` ](javascript:alert(10)) <img src=x onerror=alert(11)>\n## Not a heading';
    expect((await team.annotator.post(`/api/claims/${claim.body.claim.id}/evidence`, { kind: 'url', stance: 'supports', url: evidenceUrl, title: evidenceTitle })).status).toBe(201);
    expect((await team.annotator.post(`/api/claims/${claim.body.claim.id}/evidence`, { kind: 'quote', stance: 'context', excerpt: '</p><iframe src="javascript:alert(12)">\n> quoted' })).status).toBe(201);

    const res = await exportOf(`format=markdown&status=any&documentId=${doc.id}`);
    expect(res.status).toBe(200);
    const md = res.body as string;
    const nodes = allNodes(fromMarkdown(md));
    expect(nodes.filter((n) => n.type === 'html')).toEqual([]);
    // One heading per level: nothing a field held became a heading of its own.
    expect(nodes.filter((n) => n.type === 'heading').map((n) => [n.depth, toString(n)])).toEqual([
      [1, `Newsroom: All claims in “${title.replace('\n', ' ')}”`],
      [2, title.replace('\n', ' ')],
      [3, '“`cost` <b>nothing</b> ](javascript:alert(4))”'],
    ]);
    const links = nodes.filter((n) => n.type === 'link');
    expect(links.map((n) => n.url)).toEqual([sourceUrl, evidenceUrl, expect.stringMatching(new RegExp(`/d/${doc.id}#claim-${claim.body.claim.id}$`))]);
    expect(toString(links[1])).toBe(evidenceTitle.replace('\n', ' '));
    // No code block, and the note is one list item's text.
    expect(nodes.filter((n) => n.type === 'code' || n.type === 'inlineCode')).toEqual([]);
    const items = nodes.filter((n) => n.type === 'listItem').map((n) => toString(n));
    expect(items).toContain(`Note: ${note.replace(/\s*\n+\s*/g, ' ')}`);
    expect(items).toContain('Context: “</p><iframe src="javascript:alert(12)"> > quoted”');
  });
});

describe('Markdown report', () => {
  test('its heading says what was exported: the status filter, the document when filtered by one, the count', async () => {
    const verified = (await exportOf('format=markdown')).body as string;
    expect(verified.split('\n').slice(0, 3)).toEqual(['# Newsroom: Verified claims', '', expect.stringMatching(/^4 claims, exported \d{4}-\d{2}-\d{2}\.$/)]);
    const all = (await exportOf(`format=markdown&status=any&documentId=${docs.wall}&minConfidence=10`)).body as string;
    expect(all.split('\n')[0]).toBe('# Newsroom: All claims in “Harbour wall”');
    expect(all).toContain('2 claims, team confidence at least 10/100, exported');
    const none = (await exportOf('format=markdown&status=rejected')).body as string;
    expect(none).toContain('0 claims, exported');
  });

  test('each claim has its rating, rationale, sign-off and publication; a document its source, authors and date; evidence its content: a footnote’s text, a quotation’s words', async () => {
    const doc = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, {
      title: 'Flood report',
      text: 'The wall protects 12,000 people.[9]\n\nNotes\n\n[9] Census 2021, table 4: 11,840 residents.',
      sourceUrl: 'https://example.org/flood-report',
      authors: ['Ada Lovelace', 'Charles Babbage'],
      sourcePublishedOn: '2021-03-04',
    })).body.document!;
    const id = (await team.annotator.post(`/api/documents/${doc.id}/claims`, { exact: 'protects 12,000 people' })).body.claim!.id;
    await team.annotator.post(`/api/claims/${id}/evidence`, { kind: 'quote', stance: 'supports', title: 'Footnote 9', excerpt: 'Census 2021, table 4: 11,840 residents.' });
    await team.annotator.post(`/api/claims/${id}/evidence`, { kind: 'url', stance: 'context', url: 'https://example.org/census', title: 'Census 2021', excerpt: 'Table 4' });
    await team.factchecker.request('PUT', `/api/claims/${id}/vote`, { json: { verdict: 'accurate' } });
    await team.lead.post(`/api/claims/${id}/reveal`, { confirm: true });
    expect((await team.lead.post(`/api/claims/${id}/status`, { status: 'verified', rationale: 'The census counts 11,840.', rating: 'mostly_accurate' })).status).toBe(200);
    expect((await team.lead.post(`/api/claims/${id}/publish`)).status).toBe(200);

    const md = (await exportOf(`format=markdown&documentId=${doc.id}`)).body as string;
    expect(md).toContain('# Newsroom: Verified claims in “Flood report”');
    expect(md).toContain('**Source:** <https://example.org/flood-report> · **By:** Ada Lovelace, Charles Babbage · **Published:** 2021-03-04');
    expect(md).toContain('**Rating:** Mostly accurate · **Status:** Verified · **Blind votes:** Accurate, 100% agreement of 1');
    expect(md).toContain('**Why:** The census counts 11,840.');
    expect(md).toContain('**Signed off:** lead, ');
    expect(md).toContain("**Override:** Signed off as verified rated Mostly accurate over the blind votes' consensus, Accurate.");
    expect(md).toContain('**Supports:** Footnote 9: “Census 2021, table 4: 11,840 residents.”');
    expect(md).toContain('**Context:** [Census 2021](https://example.org/census): “Table 4”');
    expect(md).toContain(`**Published:** [public fact-check](${app.url}/fact-checks/${id}) (`);
  });

  test('an archived link shows when it was fetched and its hash', () => {
    const format = markdownFormat();
    const claim = { anchor: { exact: 'x' }, status: 'open', revealed: false, tally: { count: 0, consensus: null, agreement: null }, confidence: null, signOff: null, statusReason: null, note: '', votes: [], publication: null, id: 'c1',
      evidence: [{ id: 'e1', kind: 'url', stance: 'refutes', url: 'https://example.org/gone', title: 'Gone page', excerpt: null }] } as unknown as ClaimJson;
    const document = { id: 'd1', title: 'Doc', sourceUrl: null, authors: [], sourcePublishedOn: null, createdAt: new Date() };
    const ctx = { workspaceName: 'Newsroom', origin: 'https://corroborate.example', total: 1, generatedAt: new Date('2024-05-02T00:00:00Z') };
    const md = format.item({ claim, document, archives: new Map([['e1', { fetchedAt: '2024-05-01T10:00:00.000Z', sha256: 'ab'.repeat(32), finalUrl: null }]]), filter: { workspaceId: 'w', status: 'any' } }, 0, ctx);
    expect(md).toContain(`**Refutes:** [Gone page](https://example.org/gone) (archived 2024-05-01, SHA-256 ${'ab'.repeat(32)})`);
    expect(md.startsWith('# Newsroom: All claims\n')).toBe(true);
  });
});

/** Every node of a Markdown syntax tree, depth first. */
function allNodes(node: any, out: any[] = []): any[] {
  out.push(node);
  for (const child of node.children ?? []) allNodes(child, out);
  return out;
}

test('an outsider cannot export (404) and an unknown format is 400', async () => {
  expect((await team.outsider.request('GET', `/api/workspaces/${team.wid}/export?format=csv`)).status).toBe(404);
  const bad = await exportOf('format=xml');
  expect(bad.status).toBe(400);
  expect(bad.body.error?.code).toBe('validation_error');
});
