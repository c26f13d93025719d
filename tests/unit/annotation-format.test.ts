import { describe, expect, test } from 'vitest';
import { CodePointOffsets } from '../../server/annotations/code-points';
import { annotationsOf, itemProblem, parseAnnotation, type ImportedAnnotation } from '../../server/annotations/parse';
import { anchorTargetIn, readSelectors } from '../../server/annotations/selectors';
import { annotationProblem } from '../../server/annotations/validate';
import { exportContext } from '../../server/annotations/vocabulary';
import type { ClaimJson } from '../../server/claims/schemas';
import { annotation } from '../../server/export/formats/annotations';
import type { ExportContext } from '../../server/export/formats/types';
import { failedMusts, samples } from '../helpers/web-annotation-oracle';

const ctx: ExportContext = { workspaceName: 'Desk', origin: 'https://corroborate.example', total: 1, generatedAt: new Date('2026-01-01T00:00:00Z') };
const text = 'Flood 🌊 report for 🇳🇱: 38,000 homes were protected.';
const start = text.indexOf('38,000 homes');

function claim(overrides: Partial<ClaimJson> = {}): ClaimJson {
  return {
    id: '00000000-0000-4000-8000-000000000001', documentId: '00000000-0000-4000-8000-000000000002',
    anchor: { start, end: start + 12, exact: '38,000 homes', prefix: 'report for 🇳🇱: ', suffix: ' were protected.', version: 1 },
    status: 'verified', confidence: 70, note: 'Which homes?', tags: ['figure'], createdBy: { id: 'u', name: 'Ana' },
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z',
    evidence: [
      { id: '00000000-0000-4000-8000-000000000003', kind: 'url', stance: 'refutes', url: 'https://example.org/a "b"', title: 'A', excerpt: null, documentId: null, anchor: null, addedBy: null, addedAt: '2026-01-01T00:00:00.000Z' },
      { id: '00000000-0000-4000-8000-000000000004', kind: 'quote', stance: 'supports', url: null, title: null, excerpt: 'Six thousand flats.', documentId: null, anchor: null, addedBy: null, addedAt: '2026-01-01T00:00:00.000Z' },
    ],
    votes: [], revealed: true, tally: { count: 3, byVerdict: { mostly_accurate: 2, accurate: 1 }, consensus: 'mostly_accurate', agreement: 0.67 }, round: 1, earlierVotes: [],
    statusReason: null, signOff: { rationale: 'Counted twice.', by: null, at: null, override: [] }, comments: [], review: null,
    ...overrides,
  } as ClaimJson;
}
const item = (c = claim()) => ({ claim: c, document: { id: c.documentId, title: 'Flood', sourceUrl: null, createdAt: new Date() } }) as any;
const entryOf = (a: object) => annotationsOf({ '@context': exportContext(ctx.origin), ...a }).items[0];

describe('the export', () => {
  test('with the document’s text, the TextPositionSelector counts code points (an emoji and a flag before the claim)', () => {
    const a = annotation(item(), ctx, new CodePointOffsets(text));
    const cp = [...text.slice(0, start)].length;
    expect(cp).toBe(start - 3);
    expect(a.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: cp, end: cp + 12 });
    expect(failedMusts({ '@context': exportContext(ctx.origin), ...a }, 'annotation')).toEqual([]);
  });

  test('read back by the import, it gives the same note, tags, evidence, status, verdict and rationale, and the same passage', () => {
    const a = annotation(item(), ctx, new CodePointOffsets(text));
    const entry = entryOf(a);
    expect(itemProblem(entry)).toBeNull();
    const parsed = parseAnnotation(entry) as ImportedAnnotation;
    expect(parsed).toMatchObject({
      note: 'Which homes?', tags: ['figure'], confidence: 70,
      assessment: { status: 'verified', verdict: { value: 'mostly_accurate', votes: 3, agreement: 0.67 }, rationale: 'Counted twice.' },
    });
    expect(parsed.evidence).toEqual([
      { kind: 'url', stance: 'refutes', url: 'https://example.org/a%20%22b%22', title: 'A', excerpt: null },
      { kind: 'quote', stance: 'supports', url: null, title: null, excerpt: 'Six thousand flats.' },
    ]);
    expect(anchorTargetIn(text, parsed.selection)).toMatchObject({ exact: '38,000 homes', start, end: start + 12 });
  });

  test('before reveal, neither rating nor consensus is exported', () => {
    const hidden = annotation(item(claim({ revealed: false, status: 'in_review', signOff: null, tally: { count: 2, byVerdict: {}, consensus: null, agreement: null } })), ctx);
    expect(hidden.body.filter((b: any) => b.purpose === 'assessing').map((b: any) => b['corroborate:role'])).toEqual(['status']);
  });
});

describe('selectors placed in a text', () => {
  const doc = 'one two three two four';
  const place = (selector: unknown, units: 'code_points' | 'utf16' = 'code_points') => anchorTargetIn(doc, readSelectors(selector, units)!);

  test('a quote with a position gives both, so the position is tried first', () => {
    expect(place([{ type: 'TextQuoteSelector', exact: 'two', prefix: 'three ' }, { type: 'TextPositionSelector', start: 14, end: 17 }])).toEqual({ exact: 'two', prefix: 'three ', start: 14, end: 17 });
  });

  test('a RangeSelector runs from the start of its start selector to the start of its end selector', () => {
    expect(place({ type: 'RangeSelector', startSelector: { type: 'TextQuoteSelector', exact: 'two', suffix: ' four' }, endSelector: { type: 'TextPositionSelector', start: 22, end: 22 } })).toEqual({ exact: 'two four', start: 14, end: 22 });
  });

  test('a refinement selects within its outer selection; one inside markup is searched as a quote, or reported as a position', () => {
    expect(place({ type: 'TextPositionSelector', start: 8, end: 22, refinedBy: { type: 'TextQuoteSelector', exact: 'two' } })).toEqual({ exact: 'two', start: 14, end: 17 });
    expect(place({ type: 'FragmentSelector', value: 'p1', refinedBy: { type: 'TextQuoteSelector', exact: 'four' } })).toEqual({ exact: 'four' });
    expect(place({ type: 'FragmentSelector', value: 'p1', refinedBy: { type: 'TextPositionSelector', start: 0, end: 3 } })).toEqual({ reason: 'unresolved_selector' });
    expect(place({ type: 'TextPositionSelector', start: 20, end: 99 })).toEqual({ reason: 'position_outside_text' });
  });

  test('a range whose quote occurs twice in the same context is reported as ambiguous, never placed on one of them', () => {
    expect(place({ type: 'RangeSelector', startSelector: { type: 'TextQuoteSelector', exact: 'two' }, endSelector: { type: 'TextQuoteSelector', exact: 'four' } })).toEqual({ reason: 'ambiguous' });
  });
});

describe('the import’s MUST rules agree with the W3C suite', () => {
  const annotationsIn = (json: any): object[] => (json.type === 'Annotation' ? [json] : (json.first?.items ?? json.items ?? []).map((a: object) => ({ '@context': json['@context'], ...a })));

  test('every annotation of the correct samples passes the import’s rules, and the suite’s but for its own blind spot', () => {
    let checked = 0;
    const suiteRefuses: string[] = [];
    for (const { name, text: raw } of samples('correct')) {
      for (const a of annotationsIn(JSON.parse(raw))) {
        expect({ name, problem: annotationProblem(a, (a as any)['@context']) }).toEqual({ name, problem: null });
        const failed = failedMusts(a, 'annotation').map((f) => f.schema);
        if (failed.length) suiteRefuses.push(`${(a as any).id} ${failed.join(' ')}`);
        checked++;
      }
    }
    expect(checked).toBe(41 + 41 + 4);
    // 3.2-targetObjectsRecognized does not know Composite, List and Independents targets, which the
    // model (§3.2.7) and its own correct samples anno11–13 (also in collection1) use.
    expect([...new Set(suiteRefuses)]).toEqual(['11', '12', '13'].map((n) => `http://example.org/anno${n} 3.2-targetObjectsRecognized.json`));
  });

  test('every incorrect sample (its JSON repaired) fails both', () => {
    for (const { name, text: raw } of samples('incorrect')) {
      if (name === 'anno1.json' || name === 'anno2.json') continue;
      const a = JSON.parse(raw.replace(/,(\s*[}\]])/g, '$1'));
      expect({ name, refused: annotationProblem(a, a['@context']) !== null, suite: failedMusts(a, 'annotation').length > 0 }).toEqual({ name, refused: true, suite: true });
    }
  });
});
