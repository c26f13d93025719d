/**
 * What a claim says that must agree for two claims to be the same claim: its figures (numbers,
 * number words, with their unit and scale), its dates (years, months) and its names (runs of
 * capitalised words). Pure and fast: it runs on the request path for every candidate, so it uses
 * no NLP library (compromise costs ~0.5 s and ~50 MB to load, and the suggestion worker owns it).
 */

/** A figure: its value after scale ("2.5 million" → 2 500 000) and its unit when one is written. */
export interface Figure {
  value: number;
  unit: string | null;
}

export interface ClaimFacts {
  figures: Figure[];
  years: number[];
  /** Months named, as 1–12 (with or without a year). */
  months: number[];
  /** Names, lower-cased, each as its words ("united nations"). */
  names: string[];
  /** The text with number words written as digits, for wording similarity. */
  normalized: string;
}

const UNITS: Record<number, string> = { 0: 'zero', 1: 'one', 2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight', 9: 'nine' };
const SMALL: Record<string, number> = {
  ...Object.fromEntries(Object.entries(UNITS).map(([n, w]) => [w, Number(n)])),
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  a: 1, an: 1, dozen: 12, half: 0.5,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, bn: 1e9, mn: 1e6 };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS: Record<string, number> = Object.fromEntries(MONTHS.map((m, i) => [m.slice(0, 3), i + 1]));
delete MONTH_ABBREVIATIONS.may; // "may" is a verb far more often than a month; the full word still counts when capitalised.

/** Unit words and symbols, by the unit they are read as. */
const UNIT_WORDS: Record<string, string> = {
  '%': '%', percent: '%', 'per cent': '%', percentage: '%',
  km: 'km', kilometre: 'km', kilometres: 'km', kilometer: 'km', kilometers: 'km',
  mi: 'mile', mile: 'mile', miles: 'mile',
  m: 'm', metre: 'm', metres: 'm', meter: 'm', meters: 'm', cm: 'cm', centimetre: 'cm', centimetres: 'cm', centimeter: 'cm', centimeters: 'cm',
  mm: 'mm', millimetre: 'mm', millimetres: 'mm', inch: 'inch', inches: 'inch', ft: 'ft', foot: 'ft', feet: 'ft',
  ha: 'ha', hectare: 'ha', hectares: 'ha', acre: 'acre', acres: 'acre', litre: 'l', litres: 'l', liter: 'l', liters: 'l', gallon: 'gallon', gallons: 'gallon',
  kg: 'kg', kilogram: 'kg', kilograms: 'kg', tonne: 't', tonnes: 't', ton: 't', tons: 't',
  $: '$', usd: '$', dollar: '$', dollars: '$', '€': '€', eur: '€', euro: '€', euros: '€', '£': '£', gbp: '£', pound: '£', pounds: '£',
  year: 'year', years: 'year', month: 'month', months: 'month', day: 'day', days: 'day', hour: 'hour', hours: 'hour',
};

/** Words that start a sentence or a clause capitalised without being a name. */
const NOT_NAMES = new Set(
  ('a an the this that these those it its he she they we i you our their his her there here in on at of for by with from to and or but ' +
    'if when while after before since as because although though according however meanwhile yet so also some many most all every each ' +
    'no not one two three officials reports report critics experts analysts data figures studies study researchers sources last next ' +
    'mr mrs ms dr prof president minister general secretary spokesperson spokesman spokeswoman monday tuesday wednesday thursday friday saturday sunday ' +
    MONTHS.join(' ')).split(' '),
);
/** Small words allowed inside a name ("Bank of England", "Department for Education"). */
const NAME_JOINERS = new Set(['of', 'for', 'and', 'the', 'de', 'la', 'von', 'van']);

const NUMBER_WORD = new RegExp(`^(?:${[...Object.keys(SMALL), ...Object.keys(SCALES).filter((s) => s.length > 2)].join('|')})$`, 'i');

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Digits with separators and decimals ("5,500", "5.2", "1 200" is left as two), words with
  // apostrophes and hyphens, and single symbols.
  const re = /\d+(?:[.,]\d+)*|[\p{L}][\p{L}\p{M}'’-]*|[%$€£]|\S/gu;
  for (const m of text.matchAll(re)) tokens.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return tokens;
}

/** "5,500" → 5500, "5.2" → 5.2, "1.200.000" (European thousands) → 1200000; null when not a number. */
function parseDigits(raw: string): number | null {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) return Number(raw.replaceAll(',', ''));
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(raw)) return Number(raw.replaceAll('.', ''));
  if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (/^\d+,\d{1,2}$/.test(raw)) return Number(raw.replace(',', '.'));
  return null;
}

/** Reads number words from `tokens[i]` on ("two hundred and fifty thousand", "twenty-three"): the value and the tokens used. */
function readNumberWords(tokens: Token[], i: number): { value: number; used: number } | null {
  let total = 0;
  let current = 0;
  let used = 0;
  let any = false;
  for (let j = i; j < tokens.length; j++) {
    const word = tokens[j].lower;
    const parts = word.split('-');
    if (parts.length === 2 && parts.every((p) => p in SMALL)) {
      current += SMALL[parts[0]] + SMALL[parts[1]];
    } else if (word in SMALL && !(word === 'a' || word === 'an') ) {
      if (word === 'half') current += 0.5;
      else if (word === 'dozen') current = (current || 1) * 12;
      else current += SMALL[word];
    } else if ((word === 'a' || word === 'an') && !any && j + 1 < tokens.length && (tokens[j + 1].lower in SCALES || tokens[j + 1].lower === 'dozen')) {
      current += 1;
    } else if (word in SCALES && word.length > 2 && any) {
      const scale = SCALES[word];
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else if (word === 'and' && any && tokens[j + 1]?.lower === 'a' && tokens[j + 2]?.lower === 'half') {
      // "seven and a half (million)"
      current += 0.5;
      j += 2;
    } else if (word === 'and' && any && j + 1 < tokens.length && tokens[j + 1].lower in SMALL && tokens[j + 1].lower !== 'a') {
      // "two hundred and fifty": the "and" joins.
    } else break;
    any = true;
    used = j - i + 1;
  }
  if (!any) return null;
  const value = total + current;
  // A lone "a"/"an"/"one" is an article or a pronoun far more often than a figure.
  if (used === 1 && tokens[i].lower === 'one') return null;
  // "half" is a figure as "half of …" (50%), not in "half-hearted" or "the second half".
  if (used === 1 && tokens[i].lower === 'half' && tokens[i + 1]?.lower !== 'of') return null;
  return { value, used };
}

/** The unit written right after a figure (tokens from `j`), and how many tokens it takes. */
function unitAt(tokens: Token[], j: number): { unit: string; used: number } | null {
  const a = tokens[j]?.lower;
  if (!a) return null;
  if (a === 'per' && tokens[j + 1]?.lower === 'cent') return { unit: '%', used: 2 };
  if (a in UNIT_WORDS && a !== '$' && a !== '€' && a !== '£') return { unit: UNIT_WORDS[a], used: 1 };
  return null;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The figures, dates and names of a claim's words. Years are four-digit numbers from 1800 to 2099
 * with no unit; a day of the month ("3 March") is part of its date, not a figure.
 */
export function extractFacts(text: string): ClaimFacts {
  const tokens = tokenize(text);
  const figures: Figure[] = [];
  const years: number[] = [];
  const months: number[] = [];
  const names: string[] = [];
  const normalizedParts: string[] = [];
  let cursor = 0;
  const replace = (from: number, to: number, with_: string) => {
    normalizedParts.push(text.slice(cursor, from), with_);
    cursor = to;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // Months: a capitalised full month name ("May" only when a day or a year is beside it), or an abbreviation.
    const month = monthOf(tokens, i);
    if (month) {
      months.push(month);
      // A day before or after the month is part of the date.
      const prev = tokens[i - 1];
      if (prev && /^\d{1,2}$/.test(prev.text) && figures.length && figures.at(-1)!.value === Number(prev.text) && figures.at(-1)!.unit === null) figures.pop();
      const next = tokens[i + 1];
      if (next && /^\d{1,2}$/.test(next.text) && Number(next.text) <= 31) i++;
      continue;
    }
    let currency: string | null = null;
    let k = i;
    if (t.text === '$' || t.text === '€' || t.text === '£') {
      currency = UNIT_WORDS[t.text];
      k = i + 1;
    }
    const at = tokens[k];
    if (!at) continue;
    let value: number | null = null;
    let used = 0;
    const digits = /^\d/.test(at.text) ? parseDigits(at.text) : null;
    if (digits !== null) {
      value = digits;
      used = 1;
      // "2.5 million", "300k", "3bn"
      // "2.5 million" with a space; "300k", "3bn", "5m" only attached (a spaced "5 m" is metres).
      const next = tokens[k + 1];
      const attached = next?.start === at.end;
      if (next && next.lower in SCALES && (next.lower.length > 2 ? !attached && next.start === at.end + 1 : attached)) {
        const scale = next.lower;
        value *= SCALES[scale];
        used = 2;
      }
    } else if (NUMBER_WORD.test(at.lower) || /^[a-z]+-[a-z]+$/.test(at.lower)) {
      const words = readNumberWords(tokens, k);
      if (words) {
        value = words.value;
        used = words.used;
      }
    }
    if (value === null) continue;
    const unit = currency ?? unitAt(tokens, k + used)?.unit ?? null;
    const unitTokens = currency ? 0 : (unitAt(tokens, k + used)?.used ?? 0);
    const isYear = digits !== null && used === 1 && !currency && /^\d{4}$/.test(at.text) && value >= 1800 && value <= 2099 && (unit === null || unit === 'year');
    if (isYear && unit === null) years.push(value);
    else figures.push({ value: round(value), unit });
    if (!isYear || unit !== null) replace(tokens[i].start, tokens[k + used - 1].end, String(round(value)));
    i = k + used - 1 + (isYear ? 0 : unitTokens);
  }
  normalizedParts.push(text.slice(cursor));

  // Names: runs of capitalised words (with joiners inside), not a sentence's ordinary first word.
  for (let i = 0; i < tokens.length; i++) {
    if (!isCapitalised(tokens[i]) || monthOf(tokens, i)) continue;
    let j = i;
    const words: string[] = [];
    while (j < tokens.length) {
      const w = tokens[j];
      if (isCapitalised(w) && !monthOf(tokens, j)) words.push(w.lower);
      else if (NAME_JOINERS.has(w.lower) && words.length && isCapitalised(tokens[j + 1]) && !w.text.match(/^[A-Z]/)) words.push(w.lower);
      else break;
      j++;
    }
    while (words.length && NOT_NAMES.has(words[0])) words.shift();
    // A sentence's first word is capitalised anyway: alone, it is a name only when written in capitals ("NATO").
    const sentenceStart = i === 0 || /^[.!?:;"“‘(]$/.test(tokens[i - 1].text);
    if (sentenceStart && j - i === 1 && tokens[i].text !== tokens[i].text.toUpperCase()) words.length = 0;
    if (words.length) names.push(words.join(' ').replace(/['’]s$/, ''));
    i = j - 1;
  }

  return { figures, years: unique(years), months: unique(months), names: unique(names), normalized: normalizedParts.join('') };
}

function isCapitalised(t: Token | undefined): boolean {
  return !!t && /^\p{Lu}/u.test(t.text) && t.text.length > 1 && !NUMBER_WORD.test(t.lower);
}

function monthOf(tokens: Token[], i: number): number | null {
  const t = tokens[i];
  if (!t || !/^\p{Lu}/u.test(t.text)) return null;
  const full = MONTHS.indexOf(t.lower) + 1;
  if (full && t.lower !== 'may' && t.lower !== 'march') return full;
  const dated = /^\d{1,4}$/.test(tokens[i + 1]?.text ?? '') || /^\d{1,2}$/.test(tokens[i - 1]?.text ?? '');
  if (full) return dated ? full : null;
  const abbreviation = t.lower.replace(/\.$/, '');
  return abbreviation in MONTH_ABBREVIATIONS && dated ? MONTH_ABBREVIATIONS[abbreviation] : null;
}

const unique = <T>(items: T[]) => [...new Set(items)];
