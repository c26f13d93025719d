/**
 * Each claim status's colour where it must be a value rather than a CSS rule (the margin strip's
 * canvas): the colours of StatusChip.svelte's squares, which match the highlights in the text.
 */
export const STATUS_COLORS: Record<string, string> = {
  open: 'rgb(250 204 21 / 0.7)',
  in_review: 'rgb(96 165 250 / 0.75)',
  verified: 'rgb(74 222 128 / 0.8)',
  rejected: 'rgb(248 113 113 / 0.75)',
};

/** A status this build does not know is drawn grey. */
export const UNKNOWN_STATUS_COLOR = 'rgb(148 163 184 / 0.8)';
