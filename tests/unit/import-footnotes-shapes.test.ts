import { describe, expect, test } from 'vitest';
import { toCanonicalText } from '../../server/documents/import';
import { docxToText } from '../../server/documents/import/docx';
import { htmlToText } from '../../server/documents/import/html';
import { pdfToText } from '../../server/documents/import/pdf';
import { findCitations } from '../../server/shared/footnote-citations';
import { makeDocx, makePdf, type PdfRun } from '../helpers/make-files';

/** Each marker's label and the note text it links to. */
const links = (text: string) => findCitations(text).map((c) => [c.marker.label, c.footnote.text]);

describe('HTML footnote lists, in the shapes writers and converters produce', () => {
  test('WordPress footnotes: markers link by order, the ↩︎ backlinks are gone', () => {
    const id = (n: number) => `8c1a2b3c-0000-4000-8000-00000000000${n}`;
    const html = `<p>The council approved 1.2 billion euros.<sup data-fn="${id(1)}" class="fn"><a href="#${id(1)}" id="${id(1)}-link">1</a></sup> Work starts in May.<sup data-fn="${id(2)}" class="fn"><a href="#${id(2)}" id="${id(2)}-link">2</a></sup></p>
      <ol class="wp-block-footnotes"><li id="${id(1)}">Council minutes, 14 June 2023. <a href="#${id(1)}-link" aria-label="Jump to footnote reference 1">↩︎</a></li><li id="${id(2)}">Tender notice. <a href="#${id(2)}-link" aria-label="Jump to footnote reference 2">↩︎</a></li></ol>`;
    const text = toCanonicalText('html', html);
    expect(text).toBe('The council approved 1.2 billion euros.[1] Work starts in May.[2]\n\nNotes\n\n[1] Council minutes, 14 June 2023.\n\n[2] Tender notice.');
    expect(links(text)).toEqual([['1', 'Council minutes, 14 June 2023.'], ['2', 'Tender notice.']]);
  });

  test('Wikipedia references: a note cited twice links from both markers; ^ a b backlinks and the References heading go', () => {
    const html = `<p>The wall is 4.3 km long.<sup id="cite_ref-survey_1-0" class="reference"><a href="#cite_note-survey-1"><span class="cite-bracket">[</span>1<span class="cite-bracket">]</span></a></sup> It was built in 1968.<sup id="cite_ref-2" class="reference"><a href="#cite_note-2"><span class="cite-bracket">[</span>2<span class="cite-bracket">]</span></a></sup> It was raised twice.<sup id="cite_ref-survey_1-1" class="reference"><a href="#cite_note-survey-1">[1]</a></sup></p>
      <div class="mw-heading mw-heading2"><h2 id="References">References</h2><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Harbour&amp;action=edit&amp;section=1">edit</a><span class="mw-editsection-bracket">]</span></span></div>
      <div class="reflist"><div class="mw-references-wrap"><ol class="references">
      <li id="cite_note-survey-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-survey_1-0"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-survey_1-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text">Harbour survey, 2023.</span></li>
      <li id="cite_note-2"><span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span> <span class="reference-text">City archive, <a class="external" href="https://example.org/archive">box 12</a>.</span></li>
      </ol></div></div>`;
    const text = toCanonicalText('html', html);
    expect(text).toBe('The wall is 4.3 km long.[1] It was built in 1968.[2] It was raised twice.[1]\n\nNotes\n\n[1] Harbour survey, 2023.\n\n[2] City archive, box 12.');
    expect(links(text)).toEqual([['1', 'Harbour survey, 2023.'], ['2', 'City archive, box 12.'], ['1', 'Harbour survey, 2023.']]);
  });

  test('Pandoc, GitHub and markdown-it footnote sections (role="doc-endnotes", data-footnotes, footnote-backref)', () => {
    const pandoc = `<p>Sea levels rose 21 cm.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>
      <section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr /><ol><li id="fn1"><p>Tide gauge records.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>`;
    const github = `<p>Sea levels rose 21 cm.<sup><a href="#user-content-fn-1-4f2a" id="user-content-fnref-1-4f2a" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup></p>
      <section data-footnotes="" class="footnotes"><h2 id="footnote-label" class="sr-only">Footnotes</h2><ol><li id="user-content-fn-1-4f2a"><p>Tide gauge records. <a href="#user-content-fnref-1-4f2a" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p></li></ol></section>`;
    const markdownIt = `<p>Sea levels rose 21 cm.<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup></p>
      <hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list"><li id="fn1" class="footnote-item"><p>Tide gauge records. <a href="#fnref1" class="footnote-backref">↩︎</a></p></li></ol></section>`;
    for (const html of [pandoc, github, markdownIt]) expect(toCanonicalText('html', html)).toBe('Sea levels rose 21 cm.[1]\n\nNotes\n\n[1] Tide gauge records.');
  });

  test('DPUB-ARIA and EPUB notes: doc-noteref markers without a superscript, notes as asides or doc-endnote items', () => {
    const html = `<p>The gate leaks.<a href="#n1" role="doc-noteref" id="r1">1</a> The pumps trip.<a href="#n2" role="doc-noteref" id="r2">2</a></p>
      <aside id="n1" role="doc-footnote"><p>Inspection of 2022.</p></aside>
      <section role="doc-endnotes"><h2>Notes</h2><ol><li id="n2" role="doc-endnote"><p>Grid fault log. <a href="#r2" role="doc-backlink">↩</a></p></li></ol></section>`;
    expect(toCanonicalText('html', html)).toBe('The gate leaks.[1] The pumps trip.[2]\n\nNotes\n\n[1] Inspection of 2022.\n\n[2] Grid fault log.');
  });

  test('a numbered list under a "Notes" heading with plain <sup> markers: every item is its own note', () => {
    const html = '<p>It rose 4 per cent.<sup>1</sup> It fell in 2020.<sup>2</sup> It rose again.<sup>3</sup></p><h2>Notes</h2><ol><li>Office for Statistics, 2021.</li><li>Annual report.</li><li>Press release.</li></ol>';
    const text = toCanonicalText('html', html);
    expect(text).toBe('It rose 4 per cent.[1] It fell in 2020.[2] It rose again.[3]\n\nNotes\n\n[1] Office for Statistics, 2021.\n\n[2] Annual report.\n\n[3] Press release.');
    expect(links(text).map(([label]) => label)).toEqual(['1', '2', '3']);
  });

  test('two markers in one superscript link to their own notes', () => {
    const html = '<p>Both agree.<sup><a href="#fn1">1</a>,<a href="#fn2">2</a></sup></p><ol><li id="fn1">First.</li><li id="fn2">Second.</li></ol>';
    expect(links(toCanonicalText('html', html))).toEqual([['1', 'First.'], ['2', 'Second.']]);
  });

  test('in-page links that are not footnotes (a contents list, a skip link, a back-to-top arrow) leave the page as it was', () => {
    const html = '<a href="#main">Skip to content</a><ol><li><a href="#intro">Introduction</a></li><li><a href="#costs">Costs</a></li></ol><h2 id="intro">Introduction</h2><p id="main">An area of 4 km<sup>2</sup>.</p><h2 id="costs">Costs</h2><p>Low. <a href="#top">↑</a></p>';
    const text = toCanonicalText('html', html);
    expect(text).toBe(htmlToText(html));
    expect(text).toContain('Skip to content');
    expect(text).not.toContain('Notes');
  });
});

describe('Word notes', () => {
  test('are numbered by order of reference, whatever their ids in the file', async () => {
    // Word ids 3, 1, 2 in the order the text refers to them.
    const docx = await makeDocx(['The wall{3} and the gate{1} and the pumps.{2}'], ['Gate inspection.', 'Pump log.', 'Wall survey.']);
    const text = await docxToText(docx);
    expect(text).toBe('The wall[1] and the gate[2] and the pumps.[3]\n\nNotes\n\n[1] Wall survey.\n\n[2] Gate inspection.\n\n[3] Pump log.');
    expect(links(text)).toEqual([['1', 'Wall survey.'], ['2', 'Gate inspection.'], ['3', 'Pump log.']]);
  });
});

describe('PDF pages', () => {
  const header = (page: number): PdfRun[] => [
    { text: 'Harbour review - draft', x: 250, y: 760, size: 9 },
    { text: `Page ${page} of 2`, x: 500, y: 30, size: 9 },
  ];
  const body = (lines: string[], top: number, size = 11): PdfRun[] => lines.map((text, i) => ({ text, x: 72, y: top - i * 14, size }));

  test('drop running headers and page numbers, keep headings apart, continue a paragraph across the page break, and find notes however they are spaced', async () => {
    const pdf = makePdf([
      [
        ...header(1),
        { text: 'The harbour wall', x: 72, y: 720, size: 18 },
        ...body(['The wall was finished in 1968 and it has been raised twice since, the last', 'time after the storm.'], 696),
        { text: '1', x: 176, y: 686, size: 7 },
        ...body(['The northern gate fails its design standard, and the pumps could not keep', 'up with the rain of the storm for more than six hours, so that the lower'], 650),
        { text: '1See the tide gauge records, corrected for the settlement of', x: 72, y: 80, size: 8 },
        { text: '2021 in the annual report.', x: 72, y: 70, size: 8 },
      ],
      [
        ...header(2),
        ...body(['town flooded twice in one night.'], 720),
        { text: '2', x: 232, y: 724, size: 7 },
        ...body(['Both can be fixed.'], 694),
        { text: '2', x: 72, y: 80, size: 8 },
        { text: 'Incident report, section 3.', x: 76.5, y: 80, size: 8 },
      ],
    ]);
    const text = await pdfToText(pdf);
    expect(text).toBe(
      [
        'The harbour wall',
        'The wall was finished in 1968 and it has been raised twice since, the last time after the storm.[1]',
        'The northern gate fails its design standard, and the pumps could not keep up with the rain of the storm for more than six hours, so that the lower town flooded twice in one night.[2]',
        'Both can be fixed.',
        '[1] See the tide gauge records, corrected for the settlement of 2021 in the annual report.',
        '[2] Incident report, section 3.',
      ].join('\n\n'),
    );
    expect(links(text)).toEqual([
      ['1', 'See the tide gauge records, corrected for the settlement of 2021 in the annual report.'],
      ['2', 'Incident report, section 3.'],
    ]);
  });

  test('a note that runs on to the next page stays one note', async () => {
    const pdf = makePdf([
      [
        ...body(['The board reports on the state of the harbour wall, its gates and its pumps.', 'A claim about the wall, made in the report of the board on the harbour.'], 714),
        { text: '1', x: 420, y: 704, size: 7 },
        { text: '1 The board took its figures from the survey of 2023 and from', x: 72, y: 60, size: 8 },
      ],
      [...body(['Another paragraph on the next page.'], 700), { text: 'the tide gauge records of the harbour authority.', x: 72, y: 60, size: 8 }],
    ]);
    expect(links(await pdfToText(pdf))).toEqual([['1', 'The board took its figures from the survey of 2023 and from the tide gauge records of the harbour authority.']]);
  });

  test('small print at the foot of a later page stays in the text when the last note had ended', async () => {
    const pdf = makePdf([
      [
        ...body(['The board reports on the state of the harbour wall, its gates and its pumps.', 'A claim about the wall, made in the report of the board on the harbour.'], 714),
        { text: '1', x: 420, y: 704, size: 7 },
        { text: '1 Harbour survey, 2023.', x: 72, y: 60, size: 8 },
      ],
      [...body(['The last paragraph of the report, on the last of its pages.'], 700), { text: 'Published under a Creative Commons licence.', x: 72, y: 60, size: 8 }],
    ]);
    const text = await pdfToText(pdf);
    expect(links(text)).toEqual([['1', 'Harbour survey, 2023.']]);
    expect(text).toContain('on the last of its pages.\n\nPublished under a Creative Commons licence.\n\n[1] Harbour survey, 2023.');
  });

  test('endnotes set as a numbered list in body type, with hanging indents, are one paragraph each and link', async () => {
    const pdf = makePdf([
      [
        ...body(['The wall was raised twice.'], 700),
        { text: '1', x: 204, y: 704, size: 7 },
        ...body(['The gate leaks.'], 672),
        { text: '2', x: 152, y: 676, size: 7 },
        { text: 'Notes', x: 72, y: 640, size: 14 },
        { text: '1. Minutes of the harbour works committee, 1964 to 1966, in the city', x: 72, y: 616, size: 11 },
        { text: 'archive.', x: 84, y: 602, size: 11 },
        { text: '2. Inspection report of 2022.', x: 72, y: 588, size: 11 },
      ],
    ]);
    const text = await pdfToText(pdf);
    expect(text.split('\n\n').slice(-2)).toEqual(['1. Minutes of the harbour works committee, 1964 to 1966, in the city archive.', '2. Inspection report of 2022.']);
    expect(links(text)).toEqual([['1', 'Minutes of the harbour works committee, 1964 to 1966, in the city archive.'], ['2', 'Inspection report of 2022.']]);
  });

  test('a page that ends with a short line ends its paragraph, even without a full stop', async () => {
    const pdf = makePdf([
      [...body(['The works we recommend, in the order of the programme, are listed', 'in the table'], 700)],
      [...body(['Further works may follow when the barrier has been costed again.'], 700)],
    ]);
    expect((await pdfToText(pdf)).split('\n\n')).toEqual(['The works we recommend, in the order of the programme, are listed in the table', 'Further works may follow when the barrier has been costed again.']);
  });
});
