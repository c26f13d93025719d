import { describe, expect, test } from 'vitest';
import { evaluateMatching, loadPairs, PAIR_SETS } from '../../server/matching/evaluate';

// Claim matching's precision on the labelled pairs of tests/fixtures/claim-pairs/ (README there),
// as `npm run eval:matching` measures it, with floors well below what it measures (94.1 % precision,
// 98.5 % recall on all 140 pairs when this was written, docs/claim-matching.md) so that a small
// change of the rule does not fail CI but a broken one does. No database: the candidate step is
// pg_trgm's similarity in JavaScript (rule.ts; the integration test checks it against PostgreSQL).

const PRECISION_FLOOR = 0.8;
const RECALL_FLOOR = 0.8;
/** The kinds of pair that must never be proposed as a match: a wrong figure or date is a wrong claim. */
const NEVER_MATCHED = ['different_figures', 'different_dates', 'negation', 'unrelated'];

const development = loadPairs(PAIR_SETS.development);
const heldOut = loadPairs(PAIR_SETS['held-out']);

describe('claim matching on the labelled pairs', () => {
  test('the pair files are well formed: every pair has a kind, a label and two non-empty claims, and no pair is in both sets', () => {
    for (const pair of [...development, ...heldOut]) {
      expect(typeof pair.kind).toBe('string');
      expect(typeof pair.match).toBe('boolean');
      expect(pair.a.trim().length).toBeGreaterThan(0);
      expect(pair.b.trim().length).toBeGreaterThan(0);
    }
    const key = (p: { a: string; b: string }) => [p.a, p.b].sort().join('\u0000');
    const developed = new Set(development.map(key));
    expect(heldOut.filter((p) => developed.has(key(p)))).toEqual([]);
    expect(development.length + heldOut.length).toBeGreaterThanOrEqual(140);
  });

  test(`precision and recall stay above ${PRECISION_FLOOR * 100} % on the development set, the held-out set and both`, () => {
    const sets: Array<[string, typeof development]> = [['development', development], ['held-out', heldOut], ['all', [...development, ...heldOut]]];
    for (const [name, pairs] of sets) {
      const result = evaluateMatching(pairs);
      expect(result.precision, `${name} precision`).toBeGreaterThanOrEqual(PRECISION_FLOOR);
      expect(result.recall, `${name} recall`).toBeGreaterThanOrEqual(RECALL_FLOOR);
    }
  });

  test('pairs with a different figure, a different date, a negation, or nothing in common are never matched', () => {
    const result = evaluateMatching([...development, ...heldOut]);
    const wrong = result.mistakes.filter((m) => NEVER_MATCHED.includes(m.kind)).map((m) => `${m.kind}: ${m.a} / ${m.b}`);
    expect(wrong).toEqual([]);
    for (const kind of NEVER_MATCHED) expect(result.byKind[kind]?.pairs, kind).toBeGreaterThan(0);
  });
});
