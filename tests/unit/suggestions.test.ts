import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { toCanonicalText } from '../../server/documents/import';
import { findCitations, notesSectionStart } from '../../server/shared/footnote-citations';
import { suggestClaims } from '../../server/suggestions/claims';
import { evidenceOffers } from '../../server/shared/footnote-offers';

const report = toCanonicalText('markdown', readFileSync(new URL('../../server/demo/heat-report.md', import.meta.url), 'utf8'));
const opinion = toCanonicalText('markdown', readFileSync(new URL('../../server/demo/harbour-opinion.md', import.meta.url), 'utf8'));

describe('citation linking', () => {
  test('links every numbered marker of the demo report to its footnote', () => {
    const citations = findCitations(report);
    expect(citations.map((c) => c.marker.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const c of citations) {
      expect(report.slice(c.marker.start, c.marker.end)).toBe(`[${c.marker.label}]`);
      expect(report.slice(c.footnote.start, c.footnote.end)).toBe(`[${c.marker.label}] ${c.footnote.text}`);
    }
    expect(citations[5].footnote.text).toBe('National statistics office, provisional weekly mortality figures, 2022.');
  });

  test('handles ^n markers, grouped [2, 3] and ranges [4–5], and ignores markers without a footnote', () => {
    const text = 'One claim.^1 Two claims.[2, 3] A range.[4–5] Orphan.[9]\n\nNotes\n\n^1 First.\n\n[2] Second.\n\n[3] Third.\n\n4. Fourth.\n\n5) Fifth.';
    const labels = findCitations(text).map((c) => c.marker.label);
    expect(labels).toEqual(['1', '2', '3', '4', '5']);
    expect(notesSectionStart(text, findCitations(text))).toBe(text.indexOf('^1 First.'));
  });

  test('a document without a notes section has no citations', () => {
    expect(findCitations(opinion)).toEqual([]);
    expect(findCitations('In 2015 [citation needed] there were 12 [sic] cases.')).toEqual([]);
  });

  test('Markdown footnotes and HTML superscripts are imported as markers that link', () => {
    const md = toCanonicalText('markdown', 'It rose 4 per cent.[^1]\n\n[^1]: Office for Statistics, 2021.\n\nA closing paragraph.');
    expect(md).toBe('It rose 4 per cent.[1]\n\nA closing paragraph.\n\n[1] Office for Statistics, 2021.');
    expect(findCitations(md).map((c) => [c.marker.label, c.footnote.text])).toEqual([['1', 'Office for Statistics, 2021.']]);
    const html = toCanonicalText('html', '<p>It rose 4 per cent.<sup>1</sup></p><h2>Notes</h2><ol><li>Office for Statistics, 2021.</li></ol>');
    expect(html).toContain('It rose 4 per cent.[1]');
    expect(findCitations(html).map((c) => [c.marker.label, c.footnote.text])).toEqual([['1', 'Office for Statistics, 2021.']]);
  });
});

describe('claim finding', () => {
  test('suggests the opinion article’s unsourced figures and vague attributions, with reasons', async () => {
    const suggestions = await suggestClaims(opinion);
    const find = (words: string) => suggestions.find((s) => s.exact.includes(words));
    expect(find('officials confirmed')?.reasons).toEqual(expect.arrayContaining(['states a figure', 'vague attribution: “officials confirmed”']));
    expect(find('Reports suggest')?.score).toBeGreaterThanOrEqual(0.8);
    // A forecast in the writer's voice is a prediction, not a checkable claim (issue 16; tests/fixtures/claims/GUIDELINE.md).
    expect(find('It will be finished by 2031.')).toBeUndefined();
    for (const s of suggestions) expect(opinion.slice(s.start, s.end)).toBe(s.exact);
    expect(suggestions.some((s) => s.exact.startsWith('None of this means'))).toBe(false);
  });

  test('footnote markers do not glue sentences, stay outside the suggestion, and notes are skipped', async () => {
    const citations = findCitations(report);
    const suggestions = await suggestClaims(report, notesSectionStart(report, citations));
    const mortality = suggestions.find((s) => s.exact.startsWith('Heat mortality'))!;
    expect(mortality.exact).toBe('Heat mortality rose sharply during the heatwave of July 2022, with excess deaths concentrated among residents over 75 living alone.');
    expect(suggestions.every((s) => s.start < notesSectionStart(report, citations))).toBe(true);
  });
});

describe('footnotes offered as evidence', () => {
  test('a claim inside a sentence that ends in a marker is offered that footnote', () => {
    const citations = findCitations(report);
    const start = report.indexOf('excess deaths');
    const offers = evidenceOffers(report, [{ id: 'c1', start, end: start + 'excess deaths'.length }], citations);
    expect(offers.map((o) => o.citation.marker.label)).toEqual(['6']);
    const none = evidenceOffers(report, [{ id: 'c2', start: 0, end: 5 }], citations);
    expect(none).toEqual([]);
  });
});
