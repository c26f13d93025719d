import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { makeDocx, makePdf, withDocxCoreProperties, withPdfInfo } from '../helpers/make-files';
import { isStorableText } from '../../server/shared/storable-text';

// A document's metadata read from the file itself when the uploader does not give it (issue 14 item 1).

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
});
afterAll(() => app?.close());

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const body = '<p>The council said 6,000 flats were built in 2023.</p>';
const page = (head: string) => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const newsHead = `<title>Housing | Example News</title><meta property="og:title" content="Council housing">
  <link rel="canonical" href="https://news.example/housing"><meta property="og:url" content="https://news.example/housing?ref=x">
  <meta name="author" content="Ada Lovelace, Ben Okri"><meta property="article:published_time" content="2024-03-05T09:00:00+01:00">`;
const pdfBody = () => makePdf([[{ text: 'The council said 6,000 flats were built in 2023.', x: 72, y: 700, size: 11 }]]);
const docxBody = () => makeDocx(['The council said 6,000 flats were built in 2023.'], []);
const upload = (name: string, bytes: Uint8Array | string, type: string, fields?: Record<string, string>) => team.annotator.upload(`/api/workspaces/${team.wid}/documents`, name, bytes, type, fields);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/footnotes/${name}`, import.meta.url)));
const metadataOf = (doc: { title: string; sourceUrl: string | null; authors: string[]; sourcePublishedOn: string | null }) => ({ title: doc.title, sourceUrl: doc.sourceUrl, authors: doc.authors, sourcePublishedOn: doc.sourcePublishedOn });

describe('read from the file when the uploader gives nothing', () => {
  test('a web page: its og:title, canonical URL, authors and publication date, stored and read back', async () => {
    const res = await upload('housing.html', page(newsHead), 'text/html');
    expect(res.status).toBe(201);
    const expected = { title: 'Council housing', sourceUrl: 'https://news.example/housing', authors: ['Ada Lovelace', 'Ben Okri'], sourcePublishedOn: '2024-03-05' };
    expect(metadataOf(res.body.document)).toEqual(expected);
    expect(metadataOf((await team.viewer.get(`/api/documents/${res.body.document.id}`)).body.document!)).toEqual(expected);
  });

  test('a web page pasted as JSON gives its URL, authors and date; the body keeps its required title', async () => {
    const res = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'Pasted', text: page(newsHead), format: 'html' });
    expect(res.status).toBe(201);
    expect(metadataOf(res.body.document)).toEqual({ title: 'Pasted', sourceUrl: 'https://news.example/housing', authors: ['Ada Lovelace', 'Ben Okri'], sourcePublishedOn: '2024-03-05' });
  });

  test("a PDF: its Info dictionary's Title, Author and CreationDate", async () => {
    const pdf = withPdfInfo(pdfBody(), { Title: 'Council housing', Author: 'Ada Lovelace; Ben Okri', CreationDate: "D:20240305101500+01'00'" });
    const res = await upload('scan_0042.pdf', pdf, PDF);
    expect(res.status).toBe(201);
    expect(metadataOf(res.body.document)).toEqual({ title: 'Council housing', sourceUrl: null, authors: ['Ada Lovelace', 'Ben Okri'], sourcePublishedOn: '2024-03-05' });
  });

  test("a Word file: its core properties' dc:title, dc:creator and dcterms:created", async () => {
    const docx = await withDocxCoreProperties(await docxBody(), { title: 'Council housing', creator: 'Ada Lovelace', created: '2024-03-05T10:00:00Z' });
    const res = await upload('draft-v3.docx', docx, DOCX);
    expect(res.status).toBe(201);
    expect(metadataOf(res.body.document)).toEqual({ title: 'Council housing', sourceUrl: null, authors: ['Ada Lovelace'], sourcePublishedOn: '2024-03-05' });
  });

  test('LibreOffice files are titled by their own title, not their file name', async () => {
    for (const [name, type] of [['report-libreoffice.pdf', PDF], ['report-libreoffice.docx', DOCX]]) {
      const res = await upload(name, fixture(name), type);
      expect(res.status, name).toBe(201);
      expect(res.body.document.title, name).toBe('Harbour flood defences: an assessment');
    }
  });

  test('a text file is titled by a first line that reads as a title, and by its file name when the first line is a sentence', async () => {
    expect((await upload('notes_0042.txt', 'Council housing\n\nThe council said 6,000 flats were built.', 'text/plain')).body.document.title).toBe('Council housing');
    expect((await upload('housing_notes.txt', 'The council said 6,000 flats were built.', 'text/plain')).body.document.title).toBe('housing notes');
  });
});

describe("the uploader's values win", () => {
  const given = { title: 'My title', sourceUrl: 'https://mirror.example/housing', authors: 'C. Reporter', sourcePublishedOn: '2020-01-02' };
  const mine = { title: 'My title', sourceUrl: 'https://mirror.example/housing', authors: ['C. Reporter'], sourcePublishedOn: '2020-01-02' };

  test('over a web page, a PDF and a Word file', async () => {
    const files: Array<[string, Uint8Array | string, string]> = [
      ['housing.html', page(newsHead), 'text/html'],
      ['housing.pdf', withPdfInfo(pdfBody(), { Title: 'Council housing', Author: 'Ada Lovelace', CreationDate: 'D:20240305' }), PDF],
      ['housing.docx', await withDocxCoreProperties(await docxBody(), { title: 'Council housing', creator: 'Ada Lovelace', created: '2024-03-05T10:00:00Z' }), DOCX],
    ];
    for (const [name, bytes, type] of files) {
      const res = await upload(name, bytes, type, given);
      expect(res.status, name).toBe(201);
      expect(metadataOf(res.body.document), name).toEqual(mine);
    }
    const pasted = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { ...mine, text: page(newsHead), format: 'html' });
    expect(metadataOf(pasted.body.document)).toEqual(mine);
  });

  test('field by field: what the uploader leaves out still comes from the file (an empty authors field counts as left out)', async () => {
    const res = await upload('housing.html', page(newsHead), 'text/html', { title: 'My title', authors: '' });
    expect(metadataOf(res.body.document)).toEqual({ title: 'My title', sourceUrl: 'https://news.example/housing', authors: ['Ada Lovelace', 'Ben Okri'], sourcePublishedOn: '2024-03-05' });
  });
});

describe('hostile metadata never fails an import', () => {
  const storable = (doc: { title: string; sourceUrl: string | null; authors: string[] }) => {
    for (const v of [doc.title, doc.sourceUrl ?? '', ...doc.authors]) expect(isStorableText(v)).toBe(true);
    expect(doc.title.length).toBeLessThanOrEqual(300);
    for (const a of doc.authors) expect(a.length).toBeLessThanOrEqual(200);
  };

  test('a web page with NUL, a lone surrogate, 10 MB of author and a date of "yesterday"', async () => {
    const head = `<title>Housing\u0000 &#xD800; report ${'long '.repeat(200)}</title><meta name="author" content="${'x'.repeat(10_000_000)}">
      <meta name="citation_author" content="Ada&#0; Lovelace"><meta name="dc.creator" content="&#xDC00;"><meta name="citation_date" content="yesterday">
      <link rel="canonical" href="javascript:alert(1)"><script type="application/ld+json">{"@type":"Article","author":{"name":"\\ud800"},"datePublished":"yesterday"}</script>`;
    const res = await upload('hostile.html', page(head), 'text/html');
    expect(res.status).toBe(201);
    storable(res.body.document);
    // An HTML parser reads `&#0;` as U+FFFD, as the HTML standard says.
    expect(res.body.document).toMatchObject({ sourceUrl: null, sourcePublishedOn: null, authors: ['Ada\uFFFD Lovelace'] });
    expect(res.body.document.title).toMatch(/^Housing .*report (long )+long…$/);
  });

  test('the same page pasted as JSON (with 1.5 MB of author, under the body limit)', async () => {
    const head = `<title>Housing &#xD800;</title><meta name="author" content="${'x'.repeat(1_500_000)}"><meta name="dc.date" content="yesterday"><meta property="og:url" content="https://news.example/&#0;a">`;
    const res = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'Pasted', text: page(head), format: 'html' });
    expect(res.status).toBe(201);
    storable(res.body.document);
    expect(res.body.document).toMatchObject({ title: 'Pasted', authors: [], sourcePublishedOn: null });
  });

  test('a PDF with NUL, a lone surrogate, 9 MB of author and a date of "yesterday"', async () => {
    for (const info of [
      { Title: 'Housing\u0000 report', Author: 'x'.repeat(9_000_000), CreationDate: 'yesterday' },
      { Title: 'Housing \uD800report', Author: 'Ada\u0000 Lovelace; \uDC00', CreationDate: 'D:20249999' },
    ]) {
      const res = await upload('hostile.pdf', withPdfInfo(pdfBody(), info), PDF);
      expect(res.status).toBe(201);
      storable(res.body.document);
      expect(res.body.document.sourcePublishedOn).toBeNull();
    }
  });

  test('a Word file with &#0;, a lone surrogate, 10 MB of author and a date of "yesterday"', async () => {
    const docx = await withDocxCoreProperties(await docxBody(), { title: 'Housing&#0; report &#xD800;', creator: 'x'.repeat(10_000_000), created: 'yesterday' });
    const res = await upload('hostile.docx', docx, DOCX);
    expect(res.status).toBe(201);
    storable(res.body.document);
    expect(metadataOf(res.body.document)).toEqual({ title: 'Housing report \uFFFD', sourceUrl: null, authors: [], sourcePublishedOn: null });
  });
});
