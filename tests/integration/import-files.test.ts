import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles, type Client } from '../helpers/client';
import { makeDocx, makePdf } from '../helpers/make-files';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
});
afterAll(() => app?.close());

const upload = (client: Client, name: string, bytes: Uint8Array | string, type: string) => client.upload(`/api/workspaces/${team.wid}/documents`, name, bytes, type);

test('a PDF keeps its paragraphs in order, superscript markers become [n] and footnotes a notes section that links', async () => {
  const pdf = makePdf([
    [
      { text: 'Sea levels have risen by about 20 centimetres in a', x: 72, y: 700, size: 11 },
      { text: 'century.', x: 72, y: 686, size: 11 },
      { text: '1', x: 115, y: 690, size: 7 },
      { text: 'The barrier will cost 1.2 billion euros.', x: 72, y: 660, size: 11 },
      { text: '1 Tide gauge records, 1920-2020.', x: 72, y: 60, size: 8 },
    ],
    [{ text: 'A second page, a second paragraph.', x: 72, y: 700, size: 11 }],
  ]);
  const res = await upload(team.annotator, 'tide-report.pdf', pdf as Uint8Array<ArrayBuffer>, 'application/pdf');
  expect(res.status).toBe(201);
  expect(res.body.document).toMatchObject({
    title: 'tide report',
    format: 'pdf',
    text: 'Sea levels have risen by about 20 centimetres in a century.[1]\n\nThe barrier will cost 1.2 billion euros.\n\nA second page, a second paragraph.\n\n[1] Tide gauge records, 1920-2020.',
  });
  const suggestions = (await team.viewer.get(`/api/documents/${res.body.document.id}/suggestions`)).body;
  expect(suggestions.citations.map((c: { footnote: { text: string } }) => c.footnote.text)).toEqual(['Tide gauge records, 1920-2020.']);
});

test('a Word file keeps its footnotes, linked from their references', async () => {
  const docx = await makeDocx(['Officials confirmed 1,200 guards.{1} The budget funds 700.{2}', 'A closing paragraph.'], ['Ministry press release, 3 March.', 'Budget law, annex 4.']);
  const res = await upload(team.annotator, 'border.docx', docx as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(res.status).toBe(201);
  expect(res.body.document.format).toBe('docx');
  expect(res.body.document.text).toBe(
    'Officials confirmed 1,200 guards.[1] The budget funds 700.[2]\n\nA closing paragraph.\n\nNotes\n\n[1] Ministry press release, 3 March.\n\n[2] Budget law, annex 4.',
  );
  const citations = (await team.viewer.get(`/api/documents/${res.body.document.id}/suggestions`)).body.citations;
  expect(citations.map((c: { marker: { label: string } }) => c.marker.label)).toEqual(['1', '2']);
});

test('a web page keeps its main content: navigation, scripts and boilerplate are dropped', async () => {
  const article = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the article reports that the harbour barrier will protect 38,000 homes, a figure officials confirmed last spring.</p>`).join('');
  const html = `<html><head><title>Harbour wall | Example News</title><script>track()</script></head><body>
    <nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
    <div class="cookie-banner">We use cookies. Accept all cookies?</div>
    <article><h1>The harbour wall</h1>${article}</article>
    <footer>© Example News. All rights reserved. Subscribe to our newsletter.</footer></body></html>`;
  const res = await upload(team.annotator, 'page.html', html, 'text/html');
  expect(res.status).toBe(201);
  const text: string = res.body.document.text;
  expect(text).toContain('Paragraph 1 of the article');
  expect(text).toContain('Paragraph 6 of the article');
  expect(text).not.toMatch(/Politics|cookies|All rights reserved|track\(\)/);
  expect(text.split('\n\n').length).toBeGreaterThanOrEqual(6);
});

test('a damaged PDF answers 422 with the file named, and nothing is stored', async () => {
  const before = (await team.viewer.get(`/api/workspaces/${team.wid}/documents`)).body.documents.length;
  const res = await upload(team.annotator, 'broken.pdf', '%PDF-1.4 this is not really a pdf', 'application/pdf');
  expect(res.status).toBe(422);
  expect(res.body.error).toMatchObject({ code: 'unreadable_file', message: expect.stringContaining('broken.pdf') });
  expect((await team.viewer.get(`/api/workspaces/${team.wid}/documents`)).body.documents.length).toBe(before);
});
