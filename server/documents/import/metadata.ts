import { storableText } from './limits';

/**
 * What a file says about its source (issue 14 item 1): the title, the address it was published at,
 * its authors and its publication date, each value cleaned to what a document can store (the
 * limits of server/documents/schemas.ts). Absent when the file does not say, or says something
 * unusable.
 */
export interface SourceMetadata {
  title?: string;
  sourceUrl?: string;
  authors?: string[];
  /** A calendar day, YYYY-MM-DD. */
  sourcePublishedOn?: string;
}

/**
 * Everything a file offers for each field, best first (an HTML page's JSON-LD before its `<meta>`
 * tags, a PDF's Title before its first line): the first value that survives cleaning is kept, so
 * an invalid canonical link falls back to `og:url` and an unreadable date to the next one.
 */
export interface MetadataCandidates {
  titles?: Array<string | undefined>;
  urls?: Array<string | undefined>;
  /** Lists of names, one list per source. */
  authorLists?: Array<string[] | undefined>;
  dates?: Array<string | undefined>;
}

// The limits of the document schema (server/documents/schemas.ts), repeated here because this runs
// in a worker thread, which does not load the request schemas; the route checks the result against
// the schemas themselves (accept-metadata.ts), so a drift drops a value rather than storing it.
const MAX_TITLE = 300;
const MAX_AUTHOR = 200;
const MAX_AUTHORS = 20;
const MAX_URL = 2000;
/** How much of a candidate is read at all: a 10 MB `<meta name="author">` costs no more than this. */
const MAX_READ = 4 * MAX_TITLE;

/** A candidate as one storable line: NUL removed, lone surrogates replaced, whitespace runs (newlines too) made one space. */
function oneLine(value: unknown, max = MAX_READ): string {
  if (typeof value !== 'string') return '';
  const start = value.search(/\S/);
  if (start === -1) return '';
  return storableText(value.slice(start, start + max).normalize('NFC'))
    .replace(/[\s\u0000-\u001f\u007f\u200b\ufeff]+/g, ' ')
    .trim();
}

/** A title cut to the limit at a word boundary, with an ellipsis; a title without a letter or digit is none. */
export function cleanTitle(value: unknown): string | undefined {
  const title = oneLine(value);
  if (!/[\p{L}\p{N}]/u.test(title)) return undefined;
  if (title.length <= MAX_TITLE) return title;
  const cut = title.slice(0, MAX_TITLE - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** A source address: an absolute http(s) URL within the limit, resolved against `base` when relative; otherwise none. */
export function cleanUrl(value: unknown, base?: string): string | undefined {
  const raw = oneLine(value, MAX_URL + 1);
  if (!raw || raw.length > MAX_URL) return undefined;
  try {
    const url = new URL(raw, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href.length <= MAX_URL ? url.href : undefined;
  } catch {
    return undefined; // Not a URL (or relative with no base): the file gives no usable address.
  }
}

/**
 * Authors' names, trimmed, each within the limit (a longer "name" is not one and is dropped),
 * without addresses (Open Graph's `article:author` is often a profile URL), duplicates or a "By "
 * prefix, at most the schema's number.
 */
export function cleanAuthors(names: readonly unknown[] | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const name of names ?? []) {
    if (typeof name === 'string' && name.length > MAX_READ * 4) continue;
    const author = oneLine(name).replace(/^by\s+/i, '');
    if (!author || author.length > MAX_AUTHOR || /^[a-z][a-z\d+.-]*:\/\//i.test(author) || !/\p{L}/u.test(author)) continue;
    const key = author.toLocaleLowerCase('en');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(author);
    if (out.length === MAX_AUTHORS) break;
  }
  return out;
}

/**
 * One metadata field naming several people ("Ada Lovelace; Ben Okri", "Ada Lovelace, Ben Okri and
 * Cy Twombly") as a list. A comma splits only when every part is a name of several words, so
 * "Lovelace, Ada" (one person, the citation style) stays whole.
 */
export function splitAuthors(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const text = value.length > MAX_READ * 4 ? '' : value;
  return text.split(/\s*;\s*|\s*\n\s*/).filter((part) => part.trim()).flatMap((part) => {
    const byComma = part.split(/\s*,\s*|\s+(?:and|&)\s+/i).filter(Boolean);
    return byComma.length > 1 && byComma.every((p) => /\S\s+\S/.test(p)) ? byComma : [part];
  });
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** YYYY-MM-DD for a real calendar day between the year 1000 and tomorrow (a source not yet published has no date); otherwise null. */
function calendarDay(year: number, month: number, day: number, now: Date): string | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  // Time zones: a page dated "today" east of UTC may be a day ahead of this server.
  if (date.getTime() > now.getTime() + 24 * 3600 * 1000) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A publication date as YYYY-MM-DD, from the forms files write: ISO 8601 dates and times
 * (`2024-03-05`, `2024-03-05T23:30:00-05:00`: the day as the source wrote it, not moved to UTC),
 * `2024/03/05`, `20240305`, a PDF date (`D:20240305120000+01'00'`) and written dates ("5 March
 * 2024", "March 5, 2024", "Tue, 05 Mar 2024 10:00:00 GMT"). A year or a month alone, a relative
 * date ("yesterday") or an impossible day gives null.
 */
export function normalizeDate(value: unknown, now = new Date()): string | null {
  const s = oneLine(value).slice(0, 100);
  let m = /^(?:D:)?(\d{4})(\d{2})(\d{2})(?:\d{0,6}(?:[Zz+-].*)?)?$/.exec(s);
  if (m) return calendarDay(+m[1], +m[2], +m[3], now);
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s]\d|Z$)/i.exec(s);
  if (m) return calendarDay(+m[1], +m[2], +m[3], now);
  const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  const monthName = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
  m = new RegExp(`^(?:[a-z]{3,9},?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthName},?\\s+(\\d{4})\\b`, 'i').exec(s);
  if (m) return calendarDay(+m[3], month(m[2]), +m[1], now);
  m = new RegExp(`^(?:[a-z]{3,9},?\\s+)?${monthName}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(s);
  if (m) return calendarDay(+m[3], month(m[1]), +m[2], now);
  return null;
}

/**
 * The title a document's text gives when its file gives none: its first line, if that reads as a
 * title — one line of at most 200 characters with a letter in it, not ending as a sentence or a
 * clause does (`.`, `,`, `;`, `:`, after any `[n]` note marker). Otherwise none, and the file name is used.
 */
export function titleFromFirstLine(text: string): string | undefined {
  const line = text.slice(0, 400).split('\n', 1)[0].trim();
  if (!line || line.length > 200 || !/\p{L}/u.test(line)) return undefined;
  if (/[.,;:]$/.test(line.replace(/(?:\[\d{1,4}\])+$/, ''))) return undefined;
  return cleanTitle(line);
}

/** The first usable value of each field among a file's candidates (see `MetadataCandidates`). */
export function cleanMetadata(candidates: MetadataCandidates, now = new Date()): SourceMetadata {
  const out: SourceMetadata = {};
  for (const t of candidates.titles ?? []) if ((out.title = cleanTitle(t))) break;
  for (const u of candidates.urls ?? []) if ((out.sourceUrl = cleanUrl(u))) break;
  for (const list of candidates.authorLists ?? []) {
    const authors = cleanAuthors(list);
    if (authors.length) {
      out.authors = authors;
      break;
    }
  }
  for (const d of candidates.dates ?? []) if ((out.sourcePublishedOn = normalizeDate(d, now) ?? undefined)) break;
  for (const key of Object.keys(out) as Array<keyof SourceMetadata>) if (out[key] === undefined) delete out[key];
  return out;
}
