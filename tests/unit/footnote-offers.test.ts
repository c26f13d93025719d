import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { toCanonicalText } from '../../server/documents/import';
import { findCitations } from '../../server/shared/footnote-citations';
import { evidenceOffers, sentenceEndAfter } from '../../server/shared/footnote-offers';
import { bodyParagraphs, noteParagraphs } from '../fixtures/footnotes/report';

// The footnoted report of tests/fixtures/footnotes, as its canonical text: the body, a "Notes"
// heading and the eleven notes.
const report = [...bodyParagraphs(), 'Notes', ...noteParagraphs()].join('\n\n');
const citations = findCitations(report);
const heat = toCanonicalText('markdown', readFileSync(new URL('../../server/demo/heat-report.md', import.meta.url), 'utf8'));

/** The labels offered for a claim on `[start, end)`. */
const offered = (text: string, start: number, end: number, cites = findCitations(text)) =>
  evidenceOffers(text, [{ id: 'c', start, end }], cites).map((o) => o.citation.marker.label);

/** The passage of `quote` in `text` (its first occurrence). */
function at(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`not in the text: ${quote}`);
  return { start, end: start + quote.length };
}

describe('footnotes offered for a claim: only its own sentence’s markers', () => {
  test('a claim that ends in its full stop is offered the marker after it, not the next sentence’s (the [3]/[4] case of the report)', () => {
    const claim = at(report, 'and the pumping station could not keep up with the rainfall of the 2021 storm for more than six hours.');
    expect(report.slice(claim.end, claim.end + 4)).toBe('[3] ');
    expect(offered(report, claim.start, claim.end, citations)).toEqual(['3']);
  });

  test('a claim on the sentence with [9] is offered [9] only, not [10] of the next sentence', () => {
    const text = 'Planting cut the surface temperature by 12 °C.[9] A second study found 4 °C.[10]\n\nNotes\n\n[9] First study.\n\n[10] Second study.';
    const claim = at(text, 'Planting cut the surface temperature by 12 °C.');
    expect(offered(text, claim.start, claim.end)).toEqual(['9']);
    // The same sentence without its full stop, or a part of it, finds the full stop and its marker.
    expect(offered(text, claim.start, claim.end - 1)).toEqual(['9']);
    expect(offered(text, at(text, 'surface temperature').start, at(text, 'surface temperature').end)).toEqual(['9']);
    // With its marker selected too, still only [9].
    expect(offered(text, claim.start, claim.end + '[9]'.length)).toEqual(['9']);
    // The next sentence is offered its own.
    const next = at(text, 'A second study found 4 °C.');
    expect(offered(text, next.start, next.end)).toEqual(['10']);
  });

  test('every sentence of the fixture report, taken whole up to its full stop, is offered exactly the markers in it and right after it', () => {
    const body = report.slice(0, report.indexOf('\n\nNotes\n\n'));
    let checked = 0;
    let base = 0;
    for (const paragraph of body.split('\n\n')) {
      // Sentences end at a full stop (and its markers) before a capital letter.
      for (const sentence of paragraph.split(/(?<=[.!?](?:\[\d+\])*)\s+(?=[A-Z])/)) {
        const markers = [...sentence.matchAll(/\[(\d+)\]/g)].map((m) => m[1]);
        const claimText = sentence.replace(/(?:\[\d+\])+$/, '');
        const start = base + paragraph.indexOf(sentence);
        expect(offered(report, start, start + claimText.length, citations), claimText).toEqual(markers);
        checked += markers.length;
      }
      base += paragraph.length + 2;
    }
    expect(checked).toBe(11);
  });

  test('a marker inside the claim is offered, also mid-sentence (`today,[2] and …`)', () => {
    const claim = at(report, 'the northern gate fails its design standard today,[2] and the pumping station');
    expect(offered(report, claim.start, claim.end, citations)).toEqual(['2', '3']);
    const short = at(report, 'the northern gate fails its design standard today');
    // Up to the sentence's end: [2] within, [3] after its full stop; [4] is the next sentence's.
    expect(offered(report, short.start, short.end, citations)).toEqual(['2', '3']);
  });

  test('a chain of markers after the full stop belongs to the sentence, and a paragraph break ends it', () => {
    const text = 'It rose 4 per cent.[1][2] It fell.[3]\n\nA new paragraph.[4]\n\n[1] One.\n\n[2] Two.\n\n[3] Three.\n\n[4] Four.';
    expect(offered(text, 0, 'It rose 4 per cent.'.length)).toEqual(['1', '2']);
    const fell = at(text, 'It fell');
    expect(offered(text, fell.start, fell.end)).toEqual(['3']);
    const heading = 'A paragraph without a stop';
    const t2 = `${heading}\n\nNext one.[1]\n\n[1] One.`;
    expect(offered(t2, 0, heading.length)).toEqual([]);
  });

  test('a decimal point is no sentence end: a claim cut after “4.” reads on to the sentence’s end', () => {
    const text = 'The wall is 4.3 kilometres long.[1] It was built in 1968.[2]\n\n[1] Survey.\n\n[2] Archive.';
    const cut = at(text, 'The wall is 4.');
    expect(sentenceEndAfter(text, cut.start, cut.end)).toBe(at(text, 'long.[1]').end);
    expect(offered(text, cut.start, cut.end)).toEqual(['1']);
  });

  test('the demo report: a claim on the mortality sentence is offered [6], the next sentence [7]', () => {
    const first = at(heat, 'Heat mortality rose sharply during the heatwave of July 2022, with excess deaths concentrated among residents over 75 living alone.');
    expect(offered(heat, first.start, first.end)).toEqual(['6']);
    const second = at(heat, 'Neighbourhoods with the least green space recorded the highest excess mortality');
    expect(offered(heat, second.start, second.end)).toEqual(['7']);
  });
});
