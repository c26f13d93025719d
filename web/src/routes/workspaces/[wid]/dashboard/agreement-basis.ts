// Relative imports rather than `$lib`/`$shared`, so the unit tests (which know no Kit aliases) can load it.
import { plural } from '../../../../lib/format';
import type { Agreement } from '../../../../../../server/shared/dashboard';

/**
 * Why the dashboard shows no α, in a sentence with how far the votes are from enough
 * ("Not enough votes to measure agreement (1 of the 3 claims with two or more revealed votes it
 * needs)"), or null when α is measured. One claim's votes (the claim panel's "2 of 3 votes agree")
 * are never enough: α compares claims.
 */
export function agreementShortfall(agreement: Pick<Agreement, 'alpha' | 'pairable' | 'units' | 'enough' | 'minimum'>): string | null {
  if (agreement.enough) return agreement.alpha === null ? 'Every revealed vote gives the same verdict: nothing to measure agreement against yet' : null;
  // Claims first: each claim counted brings two or more paired votes, so the claims are usually what is short.
  const short =
    agreement.units < agreement.minimum.units
      ? `${agreement.units} of the ${plural(agreement.minimum.units, 'claim')} with two or more revealed votes it needs`
      : agreement.pairable < agreement.minimum.pairable
        ? `${agreement.pairable} of the ${plural(agreement.minimum.pairable, 'paired vote')} it needs`
        : null;
  return `Not enough votes to measure agreement${short ? ` (${short})` : ''}`;
}
