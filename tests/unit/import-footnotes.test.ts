import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { toCanonicalText } from '../../server/documents/import';
import { docxToText } from '../../server/documents/import/docx';
import { pdfToText } from '../../server/documents/import/pdf';
import { findCitations } from '../../server/shared/footnote-citations';
import { bodyParagraphs, noteParagraphs, notes, sections, textBeforeMarker, title } from '../fixtures/footnotes/report';

// The report of eleven footnotes, as LibreOffice and Chromium made it (tests/fixtures/footnotes/README.md).
const fixture = (name: string) => readFileSync(new URL(`../fixtures/footnotes/${name}`, import.meta.url));

const FORMATS: Array<{ name: string; file: string; read: () => Promise<string>; expected: string[] }> = [
  { name: 'a Word file from LibreOffice', file: 'report-libreoffice.docx', read: () => docxToText(fixture('report-libreoffice.docx')), expected: [...bodyParagraphs(), 'Notes', ...noteParagraphs()] },
  { name: 'a PDF from LibreOffice', file: 'report-libreoffice.pdf', read: () => pdfToText(fixture('report-libreoffice.pdf')), expected: [...bodyParagraphs(), ...noteParagraphs()] },
  { name: "a PDF from Chromium's print-to-PDF", file: 'report-chromium.pdf', read: () => pdfToText(fixture('report-chromium.pdf')), expected: [...bodyParagraphs(), ...noteParagraphs()] },
  // Readability takes a page's first heading as its title, so the web pages' text starts at the first section.
  { name: 'a web page with a footnote list (Pandoc)', file: 'report.html', read: async () => toCanonicalText('html', fixture('report.html').toString('utf8')), expected: [...bodyParagraphs().slice(1), 'Notes', ...noteParagraphs()] },
  { name: 'a web page from LibreOffice', file: 'report-libreoffice.html', read: async () => toCanonicalText('html', fixture('report-libreoffice.html').toString('utf8')), expected: [...bodyParagraphs().slice(1), 'Notes', ...noteParagraphs()] },
];

/** The text of each page of a PDF as pdf.js reads it, to show where the fixture's page breaks fall. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await pdf.destroy();
  return pages;
}

describe.each(FORMATS)('$name', ({ read, expected }) => {
  test('links each of the eleven markers, at its place in the text, to the right note', async () => {
    const text = await read();
    const citations = findCitations(text);
    expect(citations.map((c) => ({ label: c.marker.label, before: text.slice(c.marker.start - 40, c.marker.start), note: c.footnote.text }))).toEqual(
      notes.map((note, i) => ({ label: String(i + 1), before: textBeforeMarker(i + 1), note })),
    );
  });

  test('gives back the report and nothing else: whole paragraphs, headings apart, no running header, footer, page number or backlink', async () => {
    const text = await read();
    expect(text).not.toMatch(/Coastal Review Board|working draft|, page \d|\b\d\/\d\b|02\/12\/2025|example\.org|↩|↑/);
    for (const s of sections) expect(text.split('\n\n')).toContain(s.heading);
    expect(text.split('\n\n')).toEqual(expected);
  });
});

describe('the PDF fixtures cross page breaks', () => {
  test('LibreOffice breaks a paragraph mid-sentence across pages 1 and 2; the import keeps it whole', async () => {
    const [page1, page2] = await pageTexts(fixture('report-libreoffice.pdf'));
    expect(page1).toContain('one of its two hydraulic rams has been out of service');
    expect(page1).not.toContain('since a fire in the control room');
    expect(page2).toContain('since a fire in the control room');
    expect((await pdfToText(fixture('report-libreoffice.pdf'))).split('\n\n')).toContain(bodyParagraphs().find((p) => p.startsWith('The two tidal gates')));
  });

  test('Chromium ends a paragraph with a full line at the foot of page 1; the import does not run it into the next', async () => {
    const [page1, page2] = await pageTexts(fixture('report-chromium.pdf'));
    expect(page1).toContain('they have twice failed to close it fully in the last five winters.');
    expect(page1).not.toContain('Replacing the northern gate');
    expect(page2).toContain('Replacing the northern gate');
    const text = await pdfToText(fixture('report-chromium.pdf'));
    expect(text).toContain('in the last five winters.\n\nReplacing the northern gate');
  });

  test('a note whose second line starts with a year (2060) is not taken for note 2060', async () => {
    expect((await pageTexts(fixture('report-libreoffice.pdf')))[2]).toContain('by the year 2060 the high scenario');
    expect(await pdfToText(fixture('report-libreoffice.pdf'))).not.toMatch(/\[2060\]/);
  });

  test('the title is its own paragraph, not the start of the first', async () => {
    for (const file of ['report-libreoffice.pdf', 'report-chromium.pdf']) expect((await pdfToText(fixture(file))).startsWith(`${title}\n\nSummary\n\nThe harbour wall`)).toBe(true);
  });
});
