/**
 * How closely the text around a candidate agrees with a stored prefix or suffix, and whether two
 * passages state the same numbers.
 */

/**
 * The most context compared, in code units. Context further from the quote says little about it,
 * and the comparison costs (context length)² per candidate.
 */
const MAX_COMPARED_CONTEXT = 64;

/**
 * Edit distance between `pattern` and the end of `text` that fits it best: the alignment must end
 * where `text` ends (where the quote begins) but may start anywhere in it.
 */
function distanceToEnd(pattern: string, text: string): number {
  const n = text.length;
  // Row 0 is all zeros: skipping leading characters of `text` is free.
  let previous = new Uint32Array(n + 1);
  let current = new Uint32Array(n + 1);
  for (let j = 1; j <= pattern.length; j++) {
    current[0] = j;
    const code = pattern.charCodeAt(j - 1);
    for (let i = 1; i <= n; i++) {
      const substitution = previous[i - 1] + (code === text.charCodeAt(i - 1) ? 0 : 1);
      current[i] = Math.min(substitution, previous[i] + 1, current[i - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[n];
}

const reversed = (s: string) => s.split('').reverse().join('');

/** Room for insertions: the text compared holds the context plus a quarter more. */
const nearbyLength = (contextLength: number) => contextLength + Math.ceil(contextLength / 4);

/**
 * 0..1: how well the text just before `start` agrees with `prefix` (1 - edit distance / length),
 * or null when there is no prefix to compare.
 */
export function prefixSimilarity(text: string, start: number, prefix: string | undefined): number | null {
  if (!prefix) return null;
  const expected = prefix.slice(-MAX_COMPARED_CONTEXT);
  const nearby = text.slice(Math.max(0, start - nearbyLength(expected.length)), start);
  if (nearby.endsWith(expected)) return 1;
  return Math.max(0, 1 - distanceToEnd(expected, nearby) / expected.length);
}

/**
 * 0..1: how well the text just after `end` agrees with `suffix`, or null when there is no suffix
 * to compare.
 */
export function suffixSimilarity(text: string, end: number, suffix: string | undefined): number | null {
  if (!suffix) return null;
  const expected = suffix.slice(0, MAX_COMPARED_CONTEXT);
  const nearby = text.slice(end, end + nearbyLength(expected.length));
  if (nearby.startsWith(expected)) return 1;
  // Reversed, "aligned to the start" becomes "aligned to the end".
  return Math.max(0, 1 - distanceToEnd(reversed(expected), reversed(nearby)) / expected.length);
}

/** Digit runs, with inner separators kept: "1,250.5 tonnes in 2021" → ["1,250.5", "2021"]. */
const NUMBER = /\d+(?:[.,]\d+)*/g;

/**
 * Whether two passages state the same numbers in the same order. A claim's figures are its
 * substance: "rose by 12 per cent" and "rose by 21 per cent" are one edit apart but different claims.
 */
export function sameNumbers(a: string, b: string): boolean {
  const numbersA = a.match(NUMBER) ?? [];
  const numbersB = b.match(NUMBER) ?? [];
  return numbersA.length === numbersB.length && numbersA.every((n, i) => n === numbersB[i]);
}
