
export type { ClaimRef, Dashboard } from '$shared/dashboard';

/** "0.82", "−0.15": two decimals, with a real minus sign. */
export function formatAlpha(alpha: number): string {
  return alpha.toFixed(2).replace('-', '−');
}

/**
 * What an alpha means, by Krippendorff's own thresholds: from 0.800 a team's verdicts can be
 * relied on, from 0.667 only tentatively, and below that they agree little more than chance.
 */
export function alphaReading(alpha: number): { label: string; tone: 'good' | 'fair' | 'poor' } {
  if (alpha >= 0.8) return { label: 'Reliable agreement', tone: 'good' };
  if (alpha >= 0.667) return { label: 'Tentative agreement', tone: 'fair' };
  return { label: 'Low agreement', tone: 'poor' };
}

/** `part` as a whole-number percentage of `total` (0 when the total is 0). */
export function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 100);
}
