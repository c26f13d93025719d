import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { bodyParagraphs, notes, textBeforeMarker } from '../fixtures/footnotes/report';

// The report of eleven footnotes as LibreOffice and Chromium made it (tests/fixtures/footnotes/README.md),
// uploaded through the real route and linked by the suggestions route, as a reader attaching footnotes sees them.
let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
});
afterAll(() => app?.close());

const FILES: Array<[string, string]> = [
  ['report-libreoffice.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['report-libreoffice.pdf', 'application/pdf'],
  ['report-chromium.pdf', 'application/pdf'],
  ['report.html', 'text/html'],
  ['report-libreoffice.html', 'text/html'],
];

interface Citation {
  marker: { start: number; end: number; label: string };
  footnote: { start: number; end: number; text: string };
}

describe.each(FILES)('%s, uploaded', (file, type) => {
  test('offers all eleven footnotes, each linked from its marker at the right place to the right note, and keeps the report whole', async () => {
    const bytes = readFileSync(new URL(`../fixtures/footnotes/${file}`, import.meta.url));
    const res = await team.annotator.upload(`/api/workspaces/${team.wid}/documents`, file, new Uint8Array(bytes), type);
    expect(res.status).toBe(201);
    const text: string = res.body.document.text;
    expect(text).not.toMatch(/Coastal Review Board|, page \d|\b\d\/\d\b|example\.org|↩|↑/);
    // Every paragraph whole (those that cross a page break in the PDFs too); the web pages' first heading is their title.
    for (const paragraph of bodyParagraphs().slice(1)) expect(text.split('\n\n')).toContain(paragraph);

    const citations: Citation[] = (await team.viewer.get(`/api/documents/${res.body.document.id}/suggestions`)).body.citations;
    expect(citations.map((c) => ({ label: c.marker.label, before: text.slice(c.marker.start - 40, c.marker.start), note: c.footnote.text }))).toEqual(
      notes.map((note, i) => ({ label: String(i + 1), before: textBeforeMarker(i + 1), note })),
    );
    for (const c of citations) expect(text.slice(c.footnote.start, c.footnote.end)).toBe(`[${c.marker.label}] ${c.footnote.text}`);
  });
});
