import { extractFacts, type ClaimFacts, type Figure } from './extract';

/**
 * The match rule: two claims are likely the same claim when their wording is similar enough AND
 * their figures, dates and names agree. Similar words with different figures ("unemployment rose
 * to 5.2%" / "… to 7.4%") are never a match, however similar.
 */

/** The trigram similarity the candidate query asks PostgreSQL for (`%`, pg_trgm.similarity_threshold). */
export const CANDIDATE_SIMILARITY = 0.2;
/** Wording this similar (on the normalised words) is a match when nothing disagrees. */
export const SIMILAR_WORDING = 0.5;
/** Less similar wording is a match only when the claims also share a figure, a date or a name. */
export const ANCHORED_WORDING = 0.3;

/**
 * pg_trgm's `similarity()` in JavaScript, so the rule and its evaluation need no database: words are
 * runs of letters and digits, lower-cased, padded with two spaces before and one after; the score is
 * shared trigrams over all distinct trigrams. (tests/integration/claim-matching.test.ts checks it
 * against PostgreSQL's.)
 */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const padded = [...`  ${word} `];
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3).join(''));
  }
  return set;
}

export interface MatchJudgement {
  match: boolean;
  /** The similarity of the normalised wording, 0..1. */
  score: number;
  /** What agrees, in words ("same figures: 5.2%"). */
  agreements: string[];
  /** What disagrees, in words ("figures differ: 5.2% / 7.4%"); any one rules a match out. */
  conflicts: string[];
}

const figureText = (f: Figure) => (f.unit === '%' ? `${f.value}%` : f.unit && ['$', '€', '£'].includes(f.unit) ? `${f.unit}${f.value}` : f.unit ? `${f.value} ${f.unit}` : String(f.value));

/** Whether two names name the same thing: equal, one the other's last words ("Obama" / "Barack Obama"), or an acronym of it ("UN" / "United Nations"). */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.endsWith(` ${short}`) || long.startsWith(`${short} `)) return true;
  const initials = long
    .split(' ')
    .filter((w) => !['of', 'for', 'and', 'the'].includes(w))
    .map((w) => w[0])
    .join('');
  return !short.includes(' ') && short.length >= 2 && initials === short;
}

/** Figures, dates and names compared: what agrees and what disagrees. */
export function compareFacts(a: ClaimFacts, b: ClaimFacts): { agreements: string[]; conflicts: string[] } {
  const agreements: string[] = [];
  const conflicts: string[] = [];
  // Figures: the same values on both sides (a unit written on both must be the same unit).
  if (a.figures.length || b.figures.length) {
    // "half of" (0.5) is "50%": a bare fraction equals the percentage a hundred times it.
    const asPercent = (f: Figure) => (f.unit === null && f.value > 0 && f.value < 1 ? { value: Math.round(f.value * 1e4) / 100, unit: '%' } : f);
    const same = (f: Figure, g: Figure) => f.value === g.value && (f.unit === null || g.unit === null || f.unit === g.unit);
    const found = (f: Figure, list: Figure[]) => list.some((g) => same(f, g) || same(asPercent(f), asPercent(g)));
    const onlyA = a.figures.filter((f) => !found(f, b.figures));
    const onlyB = b.figures.filter((f) => !found(f, a.figures));
    if (onlyA.length || onlyB.length) {
      conflicts.push(`figures differ: ${a.figures.map(figureText).join(', ') || 'none'} / ${b.figures.map(figureText).join(', ') || 'none'}`);
    } else agreements.push(`same figures: ${a.figures.map(figureText).join(', ')}`);
  }
  // Dates: when both give years (or months), they are the same.
  for (const [what, x, y] of [['years', a.years, b.years], ['months', a.months, b.months]] as const) {
    if (!x.length || !y.length) continue;
    const same = x.length === y.length && x.every((v) => y.includes(v));
    if (same) agreements.push(`same ${what}: ${x.join(', ')}`);
    else conflicts.push(`${what} differ: ${x.join(', ')} / ${y.join(', ')}`);
  }
  // Names: one side may name more (context), but a name replaced by another is another claim.
  if (a.names.length && b.names.length) {
    const unmatchedA = a.names.filter((n) => !b.names.some((m) => sameName(n, m)));
    const unmatchedB = b.names.filter((n) => !a.names.some((m) => sameName(n, m)));
    const shared = a.names.filter((n) => !unmatchedA.includes(n));
    if (unmatchedA.length && unmatchedB.length) conflicts.push(`names differ: ${unmatchedA.join(', ')} / ${unmatchedB.join(', ')}`);
    if (shared.length) agreements.push(`same names: ${shared.join(', ')}`);
  }
  // Direction and polarity: "rose" against "fell", "confirmed" against "denied", a "not" on one side only.
  const da = direction(a.normalized);
  const db = direction(b.normalized);
  if (da && db && da !== db) conflicts.push(`one says ${da}, the other ${db}`);
  if (negated(a.normalized) !== negated(b.normalized)) conflicts.push('one is negated, the other not');
  return { agreements, conflicts };
}

const UP = /\b(rise|rises|rose|risen|rising|increase[sd]?|increasing|grew|grow|grows|grown|growing|climb(?:s|ed)?|soar(?:s|ed)?|jump(?:s|ed)?|doubled|tripled|higher|more than)\b/i;
const DOWN = /\b(fall|falls|fell|fallen|falling|decrease[sd]?|decreasing|drop(?:s|ped)?|declin(?:e|es|ed)|shrank|shrunk|shrink|plunge[sd]?|plummet(?:s|ed)?|cut|cuts|halved|lower|fewer than|less than)\b/i;
const AFFIRM = /\b(confirm(?:s|ed)?|admit(?:s|ted)?|acknowledge[sd]?)\b/i;
const DENY = /\b(den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|refute[sd]?)\b/i;

/** Which way a claim says something went ("up"/"down"), or whether it confirms or denies, when it says one and not the other. */
function direction(text: string): string | null {
  const up = UP.test(text);
  const down = DOWN.test(text);
  if (up !== down) return up ? 'it went up' : 'it went down';
  const yes = AFFIRM.test(text);
  const no = DENY.test(text);
  if (yes !== no) return yes ? 'it was confirmed' : 'it was denied';
  return null;
}

const NEGATION = /\b(not|never|no longer|none|neither|nor)\b|n['’]t\b/gi;
/** Whether the claim is negated (an odd number of negations). */
const negated = (text: string) => (text.match(NEGATION)?.length ?? 0) % 2 === 1;

/**
 * Whether the claim worded `a` is likely the same claim as `b`: no figure, date or name disagrees,
 * and the wording (number words written as digits) is similar: SIMILAR_WORDING, or ANCHORED_WORDING
 * when they also share a figure, a date or a name.
 */
export function judgeMatch(a: string | ClaimFacts, b: string | ClaimFacts): MatchJudgement {
  const fa = typeof a === 'string' ? extractFacts(a) : a;
  const fb = typeof b === 'string' ? extractFacts(b) : b;
  const score = trigramSimilarity(fa.normalized, fb.normalized);
  const { agreements, conflicts } = compareFacts(fa, fb);
  // A shared figure or date is strong evidence; a shared name alone is not (same topic, other claim).
  const anchored = agreements.some((a) => !a.startsWith('same names'));
  const threshold = anchored ? ANCHORED_WORDING : SIMILAR_WORDING;
  return { match: conflicts.length === 0 && score >= threshold, score: Math.round(score * 1000) / 1000, agreements, conflicts };
}
