/**
 * How far fact-checkers agree: the per-claim tally (consensus and agreement) and Krippendorff's
 * alpha across claims. Pure functions.
 */
import { VERDICTS, type Tally, type Verdict } from '../shared/claim-doc';
import type { Agreement } from '../shared/dashboard';

/** The verdicts on the ordinal scale, best first; `unverifiable` is off the scale. */
export const SCALE: readonly Verdict[] = VERDICTS.filter((v) => v !== 'unverifiable');

/** The schema.org-style rating of a verdict: 5 (accurate) … 1 (inaccurate); null off the scale. */
export const ratingOf = (v: Verdict): number | null => (SCALE.includes(v) ? SCALE.length - SCALE.indexOf(v) : null);

/**
 * The tally of one claim's votes: how many for each verdict, the consensus (the plurality verdict,
 * none on a tie) and the agreement (the share of votes for the modal verdict).
 */
export function tally(verdicts: readonly Verdict[]): Tally {
  const byVerdict: Partial<Record<Verdict, number>> = {};
  for (const v of verdicts) byVerdict[v] = (byVerdict[v] ?? 0) + 1;
  const counts = Object.entries(byVerdict) as Array<[Verdict, number]>;
  if (counts.length === 0) return { count: 0, byVerdict, consensus: null, agreement: null };
  const top = Math.max(...counts.map(([, n]) => n));
  const modal = counts.filter(([, n]) => n === top);
  return {
    count: verdicts.length,
    byVerdict,
    consensus: modal.length === 1 ? modal[0][0] : null,
    agreement: top / verdicts.length,
  };
}

export type Metric = 'nominal' | 'ordinal' | 'interval';

/** Alpha with what it rests on. */
export type AlphaResult = Pick<Agreement, 'alpha' | 'pairable' | 'units'>;

/**
 * Krippendorff's alpha over units of judgements (`units[u]` = the values coders gave unit u; a
 * missing judgement is simply absent). Computed through the coincidence matrix as in Krippendorff
 * (2011), "Computing Krippendorff's Alpha-Reliability": alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 * Values are numbers; for the ordinal metric, their order is what counts.
 */
export function krippendorffAlpha(units: ReadonlyArray<ReadonlyArray<number>>, metric: Metric): AlphaResult {
  const pairableUnits = units.filter((u) => u.length >= 2);
  const values = [...new Set(pairableUnits.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const k = values.length;
  // Coincidence matrix: each ordered pair of values within a unit adds 1 / (m_u − 1).
  const o = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const unit of pairableUnits) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++) {
      for (let j = 0; j < unit.length; j++) {
        if (i !== j) o[index.get(unit[i])!][index.get(unit[j])!] += weight;
      }
    }
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  const result = { pairable: Math.round(n), units: pairableUnits.length };
  if (n < 2 || k < 2) return { alpha: null, ...result };

  const delta2 = (c: number, kk: number): number => {
    if (c === kk) return 0;
    switch (metric) {
      case 'nominal':
        return 1;
      case 'interval':
        return (values[c] - values[kk]) ** 2;
      case 'ordinal': {
        const [lo, hi] = c < kk ? [c, kk] : [kk, c];
        let sum = 0;
        for (let g = lo; g <= hi; g++) sum += nc[g];
        return (sum - (nc[c] + nc[kk]) / 2) ** 2;
      }
    }
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let kk = 0; kk < k; kk++) {
      const d = delta2(c, kk);
      observed += o[c][kk] * d;
      expected += nc[c] * nc[kk] * d;
    }
  }
  return { alpha: expected === 0 ? null : 1 - ((n - 1) * observed) / expected, ...result };
}

/** Ordinal alpha over claims' revealed verdicts (`unverifiable` counts as missing: it is off the scale). */
export function verdictAlpha(claims: ReadonlyArray<ReadonlyArray<Verdict>>): AlphaResult {
  return krippendorffAlpha(
    claims.map((vs) => vs.map(ratingOf).filter((r): r is number => r !== null)),
    'ordinal',
  );
}

/**
 * When alpha is worth showing: over at least MIN_ALPHA_UNITS claims with two or more judgements
 * on the scale, and at least MIN_ALPHA_PAIRABLE pairable judgements in all. Below that one claim
 * decides everything (a single claim with three votes gives α = 0.00 or undefined whatever the
 * team's reliability), so the dashboards say there are not enough votes yet instead.
 */
export const MIN_ALPHA_UNITS = 3;
export const MIN_ALPHA_PAIRABLE = 6;

/** Whether an alpha rests on enough judgements to mean something (MIN_ALPHA_UNITS, MIN_ALPHA_PAIRABLE). */
export const enoughForAlpha = (r: { units: number; pairable: number }): boolean => r.units >= MIN_ALPHA_UNITS && r.pairable >= MIN_ALPHA_PAIRABLE;

/**
 * The dashboards' agreement: ordinal alpha over the claims' revealed verdicts with what it rests
 * on, and alpha itself only when `enoughForAlpha` (null otherwise, with `enough: false`).
 */
export function dashboardAgreement(claims: ReadonlyArray<ReadonlyArray<Verdict>>): Agreement {
  const result = verdictAlpha(claims);
  const enough = enoughForAlpha(result);
  return { alpha: enough ? result.alpha : null, pairable: result.pairable, units: result.units, enough, minimum: { units: MIN_ALPHA_UNITS, pairable: MIN_ALPHA_PAIRABLE } };
}
