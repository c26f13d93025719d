import { withNotesSection } from './notes';
import { furnitureOf, linesOf, type Line, type TextRun } from './pdf-lines';

export type { TextRun } from './pdf-lines';

/** What the whole document's lines show: the body text size and the usual distance between lines. */
interface Measures {
  bodySize: number;
  /** Baseline to baseline within a paragraph, in body font sizes. */
  pitch: number;
  /** Per page, where body lines end on the right: how far a full line reaches. */
  right: number[];
  /** Every word of the document, to tell a typesetter's hyphen from a word's own. */
  words: Set<string>;
}

interface Paragraph {
  heading: boolean;
  lines: Line[];
}

/** A footnote as it is gathered from the foot of the pages: its number and its lines. */
interface FootNote {
  number: number;
  lines: Line[];
}

const near = (a: number, b: number, share: number) => Math.abs(a - b) <= share * Math.max(a, b);

/** The body size (the size most characters are set in), the line pitch, each page's right edge and the document's words. */
function measure(pages: Line[][]): Measures {
  const chars = new Map<number, number>();
  for (const line of pages.flat()) for (const run of line.runs) chars.set(Math.round(run.size * 2) / 2, (chars.get(Math.round(run.size * 2) / 2) ?? 0) + run.text.length);
  const bodySize = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const isBody = (l: Line) => near(l.size, bodySize, 0.08);
  const ratios: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const r = (lines[i - 1].y - lines[i].y) / bodySize;
      if (isBody(lines[i]) && isBody(lines[i - 1]) && r > 0.9 && r < 3) ratios.push(r);
    }
  }
  // The lower quartile: most gaps are within paragraphs, and no gap within one is smaller.
  const pitch = ratios.length ? [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 4)] : 1.2;
  const right = pages.map((lines) => lines.reduce((max, l) => (isBody(l) ? Math.max(max, l.right) : max), 0));
  const words = new Set(pages.flat().flatMap((l) => l.text.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []));
  return { bodySize, pitch, right, words };
}

/** Joins a paragraph's lines: with a space, or across a line-end hyphen (dropped when the document also has the word whole). */
function joinLines(lines: string[], words: Set<string>): string {
  let out = '';
  for (const line of lines) {
    const hyphenated = /(\p{L}+)-$/u.exec(out);
    const next = /^\p{Ll}\p{L}*/u.exec(line);
    if (hyphenated && next) {
      const whole = `${hyphenated[1]}${next[0]}`.toLowerCase();
      out = words.has(whole) && !words.has(`${hyphenated[1]}-${next[0]}`.toLowerCase()) ? out.slice(0, -1) + line : out + line;
    } else out = out ? `${out} ${line}` : line;
  }
  return out;
}

/** A footnote's number at the start of a line: its own run (`1`, `[1]`, `1.`) or the line's first characters, spaced or not (`1See …`). */
function noteStart(line: Line): { number: number; rest: string } | null {
  const own = /^\[?(\d{1,4})\]?[.)]?$/.exec(line.runs[0].text.trim());
  const start = own && line.runs.length > 1 ? own : /^\[?(\d{1,4})\]?(?:[.)](?=\s|\p{L})|(?=\s|\p{L}|["'“‘(]))/u.exec(line.text);
  if (!start) return null;
  const number = Number(start[1]);
  return { number, rest: line.text.replace(new RegExp(`^\\[?${number}\\]?[.)]?\\s*`), '') };
}

/** Whether a note number can start a note, the last one being `last`: the next in order, or a first note, or numbering restarting. */
const follows = (number: number, last: number | null, firstOnPage: boolean) =>
  last === null || number === last + 1 || (firstOnPage && (number === 1 || (number > last && number <= last + 3)));

const ENDS_SENTENCE = /[.!?…:]["'”’)\]]*(?:\[\d{1,4}\])*$/u;
const STARTS_SENTENCE = /^[\p{Lu}\d"“‘'([•]/u;
const LIST_ITEM = /^(\d{1,3})[.)]\s/;

/** Whether a line within a page starts a new paragraph after `prev` (the line before it) in `paragraph`. */
function startsParagraph(paragraph: Paragraph, prev: Line, line: Line, next: Line | undefined, m: Measures): boolean {
  if (!near(line.size, prev.size, 0.1)) return true;
  // Line spacing grows with the type, so the gap counts in the line's own size.
  const gap = (prev.y - line.y) / line.size;
  if (gap < 0 || gap > m.pitch * 1.25) return true;
  // A first-line indent: this line indented, the lines around it not, and the line before ended
  // short (a hanging indent, as in a numbered list, follows a full line).
  if (line.x > prev.x + line.size * 0.8 && next && Math.abs(next.x - prev.x) < line.size * 0.3 && near(next.size, line.size, 0.1) && wouldHaveFitted(prev, line, m)) return true;
  // The items of a numbered list, and bullets.
  const item = LIST_ITEM.exec(line.text);
  if (item && LIST_ITEM.exec(paragraph.lines[0].text)?.[1] === String(Number(item[1]) - 1)) return true;
  return /^[•▪●◦‣]/u.test(line.text);
}

/**
 * Whether the first line of a page continues the paragraph that ended the page before: not after
 * or before a heading, not when the last line ends a sentence and this one starts one, and not
 * when this line's first word would have fitted at the end of the last (so the line did not
 * break for want of room).
 */
function continuesParagraph(last: Paragraph, line: Line, m: Measures): boolean {
  const prev = last.lines[last.lines.length - 1];
  if (last.heading || line.size > m.bodySize * 1.08 || !near(line.size, prev.size, 0.1)) return false;
  if (/^\p{Ll}/u.test(line.text)) return true;
  if (ENDS_SENTENCE.test(prev.text) && STARTS_SENTENCE.test(line.text)) return false;
  if (LIST_ITEM.test(line.text) || /^[•▪●◦‣]/u.test(line.text)) return false;
  return !wouldHaveFitted(prev, line, m);
}

/** Whether the first word of `line` would have fitted at the end of `prev`: then `prev` did not break for want of room. */
function wouldHaveFitted(prev: Line, line: Line, m: Measures): boolean {
  const word = line.text.split(' ')[0];
  const first = line.runs[0];
  const wordWidth = (first.width / Math.max(1, first.text.length)) * word.length;
  return m.right[prev.page] - prev.right >= wordWidth + prev.size * 0.3;
}

/**
 * Splits a page's lines (furniture removed) into body lines and its footnote area: the run of
 * smaller type at the foot of the page, from its first line that starts a note in order. Smaller
 * lines above that are body text, unless they continue the last note of the page before: they
 * then stand apart from the body above, and that note did not end with a sentence (or they do
 * not start one).
 */
function footOf(lines: Line[], notes: FootNote[], m: Measures): { body: Line[]; foot: Line[] } {
  let start = lines.length;
  while (start > 0 && lines[start - 1].size < m.bodySize * 0.92) start--;
  const last = notes.length ? notes[notes.length - 1].number : null;
  let first = start;
  while (first < lines.length && !(noteStart(lines[first]) && follows(noteStart(lines[first])!.number, last, true))) first++;
  if (start === lines.length) return { body: lines, foot: [] };
  const apart = start === 0 || (lines[start - 1].y - lines[start].y) / m.bodySize > m.pitch * 1.25;
  const open = notes.length > 0 && !(ENDS_SENTENCE.test(notes[notes.length - 1].lines.at(-1)!.text) && STARTS_SENTENCE.test(lines[start].text));
  const from = open && apart ? start : first;
  return { body: lines.slice(0, from), foot: lines.slice(from) };
}

/**
 * The text of a PDF's pages from their runs: running headers, footers and page numbers dropped;
 * lines grouped into paragraphs by the gaps between them, by changes of size (headings) and by
 * indents, and continued across page breaks; footnotes (the smaller type at the foot of a page,
 * numbered in order, however the number is spaced) gathered into a notes section at the end as
 * `[9] text`; superscript markers in the body as `[9]`.
 */
export function pdfLayoutText(pages: TextRun[][]): string {
  const lines = pages.map((runs, page) => linesOf(runs.filter((r) => r.text.trim() && r.size > 0.5), page));
  if (!lines.some((l) => l.length)) return '';
  const m = measure(lines);
  const furniture = furnitureOf(lines);
  const paragraphs: Paragraph[] = [];
  const notes: FootNote[] = [];
  for (const pageLines of lines) {
    const { body, foot } = footOf(
      pageLines.filter((l) => !furniture.has(l)),
      notes,
      m,
    );
    body.forEach((line, i) => {
      const last = paragraphs[paragraphs.length - 1];
      const continues = last && (i === 0 ? continuesParagraph(last, line, m) : !startsParagraph(last, body[i - 1], line, body[i + 1], m));
      if (continues) last.lines.push(line);
      else paragraphs.push({ heading: line.size > m.bodySize * 1.08, lines: [line] });
    });
    foot.forEach((line, i) => {
      const start = noteStart(line);
      const lastNumber = notes.length ? notes[notes.length - 1].number : null;
      if (start && follows(start.number, lastNumber, i === 0)) notes.push({ number: start.number, lines: [{ ...line, text: start.rest }] });
      else if (notes.length) notes[notes.length - 1].lines.push(line);
    });
  }
  const text = (ls: Line[]) => joinLines(ls.map((l) => l.text), m.words).replace(/\s*[↩\uFE0E\uFE0F]+$/u, '');
  return withNotesSection(
    paragraphs.map((p) => text(p.lines)).join('\n\n'),
    notes.map((n) => ({ label: String(n.number), text: text(n.lines) })),
    null,
  );
}
