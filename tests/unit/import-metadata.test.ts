import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractDocument, type ImportInput } from '../../server/documents/import/extract';
import { cleanAuthors, cleanTitle, cleanUrl, normalizeDate, splitAuthors, titleFromFirstLine } from '../../server/documents/import/metadata';
import { isStorableText } from '../../server/shared/storable-text';
import { makeDocx, makePdf, withDocxCoreProperties, withPdfInfo } from '../helpers/make-files';

// Metadata read from the file itself (issue 14 item 1): title, source URL, authors, publication date.

const limits = { maxDocumentChars: 2_000_000, maxPdfPages: 2000, maxNestingDepth: 200, maxArchiveEntries: 2000, maxArchivePartBytes: 16 * 2 ** 20, maxArchiveBytes: 48 * 2 ** 20 };
const metadataOf = async (input: ImportInput) => {
  const { text: _text, ...metadata } = await extractDocument(input, limits);
  return metadata;
};
const html = (head: string, body = '<p>The council said 6,000 flats were built.</p>') => metadataOf({ format: 'html', raw: `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>` });
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/footnotes/${name}`, import.meta.url)));
const onePagePdf = (first = 'The council said 6,000 flats were built.') => makePdf([[{ text: first, x: 72, y: 700, size: 11 }]]);

describe('dates', () => {
  const now = new Date('2026-12-02T07:00:00Z');
  test.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T23:30:00-05:00', '2024-03-05'],
    ['2024-03-05T01:00:00Z', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ["D:20240305120000+01'00'", '2024-03-05'],
    ["D:20261202062434Z'", '2026-12-02'],
    ['5 March 2024', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05'],
    ['  2024-03-05\n', '2024-03-05'],
  ])('%j is the day %s', (value, day) => {
    expect(normalizeDate(value, now)).toBe(day);
  });

  test.each(['yesterday', 'last Tuesday', '2024', 'March 2024', '2024-02-30', '2024-13-01', '0999-01-01', '2027-06-01', '31/12/2023', '', '\u0000', '2024-03-05x', 'D:2024'])(
    '%j is no date',
    (value) => {
      expect(normalizeDate(value, now)).toBeNull();
    },
  );
});

describe('cleaning', () => {
  test('titles become one storable line within 300 characters, cut at a word with an ellipsis', () => {
    expect(cleanTitle('  The harbour\n\twall  ')).toBe('The harbour wall');
    expect(cleanTitle('a\u0000b\uD800c')).toBe('ab\uFFFDc');
    const long = cleanTitle('word '.repeat(2_000_000))!;
    expect(long.length).toBeLessThanOrEqual(300);
    expect(long).toMatch(/^(word )+word…$/);
    expect(cleanTitle('  ·  ')).toBeUndefined();
  });

  test('authors: names only (no profile URLs, no 10 MB "names"), without duplicates or "By", at most 20', () => {
    expect(cleanAuthors(['By Ada Lovelace', 'ada lovelace', 'https://facebook.com/ada', 'x'.repeat(10_000_000), 'a'.repeat(201), 'Ben\u0000 Okri', '\uD800Cy', 42, ''])).toEqual(['Ada Lovelace', 'Ben Okri', '\uFFFDCy']);
    expect(cleanAuthors(Array.from({ length: 30 }, (_, i) => `Author ${i}`))).toHaveLength(20);
  });

  test('one field naming several people splits on semicolons, and on commas only between full names', () => {
    expect(splitAuthors('Ada Lovelace; Ben Okri')).toEqual(['Ada Lovelace', 'Ben Okri']);
    expect(splitAuthors('Ada Lovelace, Ben Okri and Cy Twombly')).toEqual(['Ada Lovelace', 'Ben Okri', 'Cy Twombly']);
    expect(splitAuthors('Lovelace, Ada')).toEqual(['Lovelace, Ada']);
    expect(splitAuthors('x'.repeat(10_000_000))).toEqual([]);
  });

  test('source URLs are absolute http(s) addresses within 2,000 characters', () => {
    expect(cleanUrl(' https://news.example/a?b=1 ')).toBe('https://news.example/a?b=1');
    expect(cleanUrl('/a', 'https://news.example/x')).toBe('https://news.example/a');
    for (const bad of ['/a', 'javascript:alert(1)', 'ftp://news.example/', `https://news.example/${'a'.repeat(2000)}`, 'not a url', '']) expect(cleanUrl(bad)).toBeUndefined();
  });

  test('the first line is a title only when it reads as one', () => {
    expect(titleFromFirstLine('Harbour flood defences: an assessment\n\nThe board …')).toBe('Harbour flood defences: an assessment');
    expect(titleFromFirstLine('Is the wall high enough?\nIt is.')).toBe('Is the wall high enough?');
    expect(titleFromFirstLine('The council said 6,000 flats were built.[1]\n\nMore.')).toBeUndefined();
    expect(titleFromFirstLine('Plain.')).toBeUndefined();
    expect(titleFromFirstLine(`${'A very long opening line '.repeat(10)}\n\nMore`)).toBeUndefined();
    expect(titleFromFirstLine('2024\n\nMore')).toBeUndefined();
  });
});

describe('web pages', () => {
  test('a news page gives its canonical URL, its JSON-LD authors and date, and its og:title', async () => {
    const head = `<title>Harbour wall | Example News</title>
      <meta property="og:title" content="The harbour wall">
      <link rel="canonical" href="/news/harbour-wall"><meta property="og:url" content="https://news.example/news/harbour-wall?utm_source=x">
      <meta name="author" content="Someone Else"><meta property="article:published_time" content="2024-03-06T08:00:00+01:00">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example News"},
        {"@type":"NewsArticle","headline":"The harbour wall","author":[{"@type":"Person","name":"Ada Lovelace"},{"@type":"Person","name":"Ben Okri"}],"datePublished":"2024-03-05T23:30:00-05:00"}]}</script>`;
    expect(await html(head)).toEqual({ title: 'The harbour wall', sourceUrl: 'https://news.example/news/harbour-wall', authors: ['Ada Lovelace', 'Ben Okri'], sourcePublishedOn: '2024-03-05' });
  });

  test('Highwire citation tags name each author and the date; Dublin Core and Open Graph are read when nothing better is there', async () => {
    expect(await html('<meta name="citation_title" content="Tides and walls"><meta name="citation_author" content="Lovelace, Ada"><meta name="citation_author" content="Okri, Ben"><meta name="citation_publication_date" content="2023/11/02">')).toEqual({
      title: 'Tides and walls',
      authors: ['Lovelace, Ada', 'Okri, Ben'],
      sourcePublishedOn: '2023-11-02',
    });
    expect(await html('<meta name="DC.creator" content="Ada Lovelace"><meta name="DC.date" content="2022-01-31"><meta property="og:url" content="https://news.example/dc">')).toMatchObject({
      authors: ['Ada Lovelace'],
      sourcePublishedOn: '2022-01-31',
      sourceUrl: 'https://news.example/dc',
    });
    expect(await html('<meta property="article:author" content="https://facebook.com/ada"><meta property="article:author" content="Ada Lovelace">')).toMatchObject({ authors: ['Ada Lovelace'] });
  });

  test('JSON-LD as a list or one object, with authors as strings, and broken JSON-LD beside good meta tags', async () => {
    expect(await html('<script type="application/ld+json">[{"@type":"Article","author":"Ada Lovelace and Ben Okri","datePublished":"2021-07-04"}]</script>')).toMatchObject({ authors: ['Ada Lovelace', 'Ben Okri'], sourcePublishedOn: '2021-07-04' });
    expect(await html('<script type="application/ld+json">{"@type":["BlogPosting"],"author":{"name":"Ada Lovelace"}}</script>')).toMatchObject({ authors: ['Ada Lovelace'] });
    expect(await html('<script type="application/ld+json">{"@type":"Article", "author": [</script><meta name="author" content="Ben Okri"><meta name="dc.date" content="2020-02-29">')).toMatchObject({ authors: ['Ben Okri'], sourcePublishedOn: '2020-02-29' });
  });

  test('an unusable value falls back to the next source: a javascript: canonical link, a relative date, a JSON-LD date that is not text', async () => {
    expect(
      await html('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://news.example/ok"><script type="application/ld+json">{"@type":"Article","datePublished":{"x":1}}</script><meta property="article:published_time" content="yesterday"><meta name="dc.date" content="2019-05-01">'),
    ).toMatchObject({ sourceUrl: 'https://news.example/ok', sourcePublishedOn: '2019-05-01' });
  });

  test('a page without a <title> is titled by its first heading; a fragment by its first line when it reads as a title', async () => {
    expect((await html('', '<h1>The harbour wall</h1><p>Body.</p>')).title).toBe('The harbour wall');
    expect(await metadataOf({ format: 'html', raw: '<p>Harbour report</p><p>Body.</p>' })).toEqual({ title: 'Harbour report' });
  });

  test('hostile values are cleaned or dropped: NUL, a lone surrogate, 10 MB of author, a date of "yesterday"', async () => {
    const metadata = await html(`<title>Harbour\u0000 wall \uD800</title><meta name="author" content="${'x'.repeat(10_000_000)}"><meta name="citation_author" content="Ada\u0000 Lovelace"><meta name="citation_date" content="yesterday"><link rel="canonical" href="https://news.example/\u0000">`);
    expect(metadata).toEqual({ title: 'Harbour wall \uFFFD', authors: ['Ada Lovelace'], sourceUrl: 'https://news.example/' });
    for (const v of Object.values(metadata).flat()) expect(isStorableText(v)).toBe(true);
  });

  test('Markdown and plain text give a title (first heading, or first line) and nothing else', async () => {
    expect(await metadataOf({ format: 'markdown', raw: 'Intro line.\n\n# The harbour wall\n\nBody.' })).toEqual({ title: 'The harbour wall' });
    expect(await metadataOf({ format: 'text', raw: 'Harbour report\n\nThe council said 6,000 flats were built.' })).toEqual({ title: 'Harbour report' });
    expect(await metadataOf({ format: 'text', raw: 'The council said 6,000 flats were built.' })).toEqual({});
  });
});

describe('PDF', () => {
  test('the information dictionary gives the title, authors and date', async () => {
    const pdf = withPdfInfo(onePagePdf(), { Title: 'The harbour wall', Author: 'Ada Lovelace; Ben Okri', CreationDate: "D:20240305120000+01'00'" });
    expect(await metadataOf({ format: 'pdf', bytes: pdf })).toEqual({ title: 'The harbour wall', authors: ['Ada Lovelace', 'Ben Okri'], sourcePublishedOn: '2024-03-05' });
  });

  test('a converter\'s placeholder title gives way to the first line; no dictionary and a sentence for a first line give nothing', async () => {
    expect(await metadataOf({ format: 'pdf', bytes: withPdfInfo(onePagePdf('Harbour flood defences'), { Title: 'Microsoft Word - report.docx' }) })).toEqual({ title: 'Harbour flood defences' });
    expect(await metadataOf({ format: 'pdf', bytes: onePagePdf() })).toEqual({});
  });

  test('LibreOffice and Chromium PDFs: their Title and creation day', async () => {
    for (const name of ['report-libreoffice.pdf', 'report-chromium.pdf']) {
      expect(await metadataOf({ format: 'pdf', bytes: fixture(name) }), name).toEqual({ title: 'Harbour flood defences: an assessment', sourcePublishedOn: '2026-12-02' });
    }
  });

  test('hostile values are cleaned or dropped: NUL, a lone surrogate, 9 MB of author, a date of "yesterday"', async () => {
    const metadata = await metadataOf({ format: 'pdf', bytes: withPdfInfo(onePagePdf(), { Title: 'Harbour\u0000 wall', Author: 'x'.repeat(9_000_000), CreationDate: 'yesterday', Subject: '\uD800' }) });
    expect(metadata).toEqual({ title: 'Harbour wall' });
    const surrogate = await metadataOf({ format: 'pdf', bytes: withPdfInfo(onePagePdf(), { Title: 'Harbour \uD800wall', Author: 'Ada\u0000 Lovelace' }) });
    expect(surrogate.authors).toEqual(['Ada Lovelace']);
    expect(isStorableText(surrogate.title!)).toBe(true);
  });
});

describe('Word', () => {
  test('the core properties give the title, author and date', async () => {
    const docx = await withDocxCoreProperties(await makeDocx(['The council said 6,000 flats were built.'], []), { title: 'The harbour wall', creator: 'Ada Lovelace', created: '2024-03-05T10:00:00Z' });
    expect(await metadataOf({ format: 'docx', bytes: docx })).toEqual({ title: 'The harbour wall', authors: ['Ada Lovelace'], sourcePublishedOn: '2024-03-05' });
  });

  test("LibreOffice's DOCX: its dc:title (its dc:creator is empty and it writes no dcterms:created)", async () => {
    expect(await metadataOf({ format: 'docx', bytes: fixture('report-libreoffice.docx') })).toEqual({ title: 'Harbour flood defences: an assessment' });
  });

  test('without core properties, nothing but a first line that reads as a title', async () => {
    expect(await metadataOf({ format: 'docx', bytes: await makeDocx(['Harbour report', 'Body.'], []) })).toEqual({ title: 'Harbour report' });
    expect(await metadataOf({ format: 'docx', bytes: await makeDocx(['Officials confirmed 1,200 guards.{1}'], ['A note.']) })).toEqual({});
  });

  test('hostile values are cleaned or dropped: &#0;, a lone surrogate, 10 MB of author, a date of "yesterday"', async () => {
    const docx = await withDocxCoreProperties(await makeDocx(['The council said 6,000 flats were built.'], []), { title: 'Harbour&#0; wall &#xD800;', creator: 'x'.repeat(10_000_000), created: 'yesterday' });
    expect(await metadataOf({ format: 'docx', bytes: docx })).toEqual({ title: 'Harbour wall \uFFFD' });
  });
});
