import { describe, expect, test } from 'vitest';
import { dashboardAgreement, enoughForAlpha, krippendorffAlpha, MIN_ALPHA_PAIRABLE, MIN_ALPHA_UNITS, ratingOf, tally, verdictAlpha } from '../../server/votes/agreement';

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: four observers,
 * twelve units, values 1–5, with missing judgements (null). Published: nominal .743, ordinal .815,
 * interval .849.
 */
const reliabilityData: Array<Array<number | null>> = [
  // unit:  1     2  3  4  5  6  7  8  9  10    11    12
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null], // observer A
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3], // observer B
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null], // observer C
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null], // observer D
];
const byUnit = reliabilityData[0].map((_, u) => reliabilityData.map((row) => row[u]).filter((v): v is number => v !== null));

describe("Krippendorff's alpha", () => {
  test("matches Krippendorff's published values for his reliability data with missing values", () => {
    expect(krippendorffAlpha(byUnit, 'nominal').alpha).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(byUnit, 'ordinal').alpha).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(byUnit, 'interval').alpha).toBeCloseTo(0.849, 3);
  });

  test('counts only pairable values: unit 12 has a single judgement and is left out', () => {
    const result = krippendorffAlpha(byUnit, 'ordinal');
    expect(result.units).toBe(11);
    expect(result.pairable).toBe(40);
  });

  test('matches the published binary example of two coders (nominal alpha 0.095)', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlpha(a.map((v, i) => [v, b[i]]), 'nominal').alpha).toBeCloseTo(0.095, 3);
  });

  test('is 1 for perfect agreement with variation, and undefined without pairable values or variation', () => {
    expect(krippendorffAlpha([[1, 1], [3, 3, 3], [5, 5]], 'ordinal').alpha).toBe(1);
    expect(krippendorffAlpha([[2], [3]], 'ordinal')).toEqual({ alpha: null, pairable: 0, units: 0 });
    expect(krippendorffAlpha([[4, 4], [4, 4]], 'ordinal').alpha).toBeNull();
  });

  test('verdicts map onto the ordinal scale with unverifiable as missing', () => {
    expect(ratingOf('accurate')).toBe(5);
    expect(ratingOf('inaccurate')).toBe(1);
    expect(ratingOf('unverifiable')).toBeNull();
    const result = verdictAlpha([
      ['accurate', 'accurate', 'unverifiable'],
      ['inaccurate', 'mostly_inaccurate'],
    ]);
    expect(result.pairable).toBe(4);
    expect(result.alpha).toBeGreaterThan(0.5);
  });
});

describe('tally', () => {
  test('the consensus is the plurality verdict and agreement the share of the modal verdict', () => {
    expect(tally(['accurate', 'accurate', 'mixed'])).toEqual({
      count: 3,
      byVerdict: { accurate: 2, mixed: 1 },
      consensus: 'accurate',
      agreement: 2 / 3,
    });
  });

  test('a tie has no consensus; no votes have no agreement', () => {
    expect(tally(['accurate', 'mixed'])).toMatchObject({ consensus: null, agreement: 0.5 });
    expect(tally([])).toEqual({ count: 0, byVerdict: {}, consensus: null, agreement: null });
  });
});

describe('when alpha is shown (dashboardAgreement)', () => {
  test('one claim with three votes is not enough: alpha is null, with what it rests on and the minimum', () => {
    const one = dashboardAgreement([['accurate', 'accurate', 'mixed']]);
    expect(one).toEqual({ alpha: null, pairable: 3, units: 1, enough: false, minimum: { units: MIN_ALPHA_UNITS, pairable: MIN_ALPHA_PAIRABLE } });
    // The raw coefficient exists, and is the misleading figure the dashboard used to show.
    expect(verdictAlpha([['accurate', 'accurate', 'mixed']]).alpha).not.toBeNull();
  });

  test('two claims with many votes are still too few claims; three claims with two votes each are enough', () => {
    expect(dashboardAgreement([Array(5).fill('accurate'), ['inaccurate', 'inaccurate', 'mixed', 'inaccurate']]).enough).toBe(false);
    const three = dashboardAgreement([
      ['accurate', 'accurate'],
      ['inaccurate', 'inaccurate'],
      ['mixed', 'mostly_accurate'],
    ]);
    expect(three.enough).toBe(true);
    expect(three.alpha).toBe(verdictAlpha([['accurate', 'accurate'], ['inaccurate', 'inaccurate'], ['mixed', 'mostly_accurate']]).alpha);
  });

  test('claims with one vote, and unverifiable votes, do not count toward the minimum', () => {
    const r = dashboardAgreement([['accurate'], ['mixed'], ['inaccurate', 'unverifiable'], ['accurate', 'accurate'], ['mixed', 'mixed']]);
    expect(r).toMatchObject({ units: 2, pairable: 4, enough: false, alpha: null });
  });

  test('the rule is exactly the minimum: units and pairable values each at least their bound', () => {
    expect(enoughForAlpha({ units: MIN_ALPHA_UNITS, pairable: MIN_ALPHA_PAIRABLE })).toBe(true);
    expect(enoughForAlpha({ units: MIN_ALPHA_UNITS - 1, pairable: 100 })).toBe(false);
    expect(enoughForAlpha({ units: 100, pairable: MIN_ALPHA_PAIRABLE - 1 })).toBe(false);
  });
});
