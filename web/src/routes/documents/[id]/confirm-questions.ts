// Relative imports rather than `$lib`, so the unit tests (which know no Kit aliases) can load it.
import { plural } from '../../../lib/format';

/**
 * The questions the claim panel asks when the API answers 409 `confirmation_required`, written
 * from the answer's `details`: its message is for API callers ('send "confirm": true …') and is
 * never shown as it is.
 */

/**
 * "This claim has no evidence and no revealed vote. Verify it anyway? …", from `details.missing`
 * named with `labels` (OVERRIDE_LABELS of $lib/verification).
 */
export function verifyAnywayQuestion(details: unknown, labels: Readonly<Record<string, string>>): string {
  const missing = Array.isArray((details as { missing?: unknown } | null)?.missing) ? ((details as { missing: unknown[] }).missing.filter((m) => typeof m === 'string') as string[]) : [];
  const lacks = missing.map((m) => labels[m] ?? m.replaceAll('_', ' '));
  const what = lacks.length ? `This claim has ${lacks.join(' and ')}.` : 'This claim lacks what a verification normally rests on.';
  return `${what} Verify it anyway? The override is recorded and published with it.`;
}

/** "Only 1 vote of the 3 the quorum needs is in. Reveal 1 vote to everyone now?", from `details.{count, quorum}`. */
export function revealAnywayQuestion(details: unknown): string {
  const { count, quorum } = (details ?? {}) as { count?: unknown; quorum?: unknown };
  if (typeof count !== 'number' || typeof quorum !== 'number') return 'Fewer votes than the quorum are in. Reveal them to everyone now?';
  return `Only ${plural(count, 'vote')} of the ${quorum} the quorum needs ${count === 1 ? 'is' : 'are'} in. Reveal ${count === 1 ? 'it' : 'them'} to everyone now?`;
}
