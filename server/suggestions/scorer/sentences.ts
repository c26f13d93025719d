import type nlpType from 'compromise';

/** A word as compromise tagged it (its part of speech, entity type, value, date…). */
export interface Term {
  text: string;
  tags: string[];
}

/** A sentence of a document, with its words and where it stands. */
export interface Sentence {
  /** Offsets in the document's text (an opening quote included, a trailing footnote marker not). */
  start: number;
  end: number;
  exact: string;
  terms: Term[];
  /** Which sentence of the document it is (0-based), and of how many. */
  index: number;
  count: number;
  /** 0 for the first sentence of its paragraph. */
  indexInParagraph: number;
  /** A footnote marker (`[3]`, `^3`) follows it. */
  footnoted: boolean;
}

/** Footnote markers: masked before analysis so they do not glue sentences or count as figures. */
const MARKER = /\[\d{1,4}(?:\s*[,–-]\s*\d{1,4})*\]|\^\d{1,4}\b/g;
/** Sentence-final punctuation then a closing quote: a boundary compromise misses (`…here." "This…`). */
const QUOTE_END = /[.!?]["”’»]\s/;

interface RawTerm {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

/**
 * The document's sentences up to `until`, as compromise splits and tags them. Each paragraph
 * (and each line) is read on its own: a paragraph break always ends a sentence (a heading is not
 * glued to what follows it), and compromise's offsets cost time quadratic in its input.
 */
export function splitSentences(nlp: typeof nlpType, text: string, until = text.length): Sentence[] {
  const masked = text.slice(0, until).replace(MARKER, (m) => ' '.repeat(m.length));
  const out: Array<Omit<Sentence, 'index' | 'count'>> = [];
  const line = /[^\n]+/g;
  for (let m = line.exec(masked); m; m = line.exec(masked)) {
    if (!m[0].trim()) continue;
    const base = m.index;
    const parsed = nlp(m[0]).json({ offset: true, terms: { offset: true } }) as Array<{ terms: RawTerm[] }>;
    let indexInParagraph = 0;
    for (const sentence of parsed) {
      for (const run of splitAtQuotes(sentence.terms)) {
        const first = run[0];
        const last = run[run.length - 1];
        // An opening quote belongs to the sentence; so do the closing punctuation and quote.
        const opening = /["“‘«(]$/.test(first.pre) ? 1 : 0;
        const start = base + first.offset.start - opening;
        const tail = /^[^\s]*/.exec(last.post)![0];
        const end = base + last.offset.start + last.offset.length + tail.length;
        const rest = text.slice(end, end + 12);
        out.push({
          start,
          end,
          exact: text.slice(start, end),
          terms: run.map((t) => ({ text: t.text, tags: t.tags })),
          indexInParagraph: indexInParagraph++,
          footnoted: /^\s*(\[\d|\^\d)/.test(rest),
        });
      }
    }
  }
  return out.map((s, index) => ({ ...s, index, count: out.length }));
}

/** Splits a sentence's words where one ends in `."` and more follow (compromise keeps them together). */
function splitAtQuotes(terms: RawTerm[]): RawTerm[][] {
  const runs: RawTerm[][] = [[]];
  terms.forEach((t, i) => {
    runs[runs.length - 1].push(t);
    if (i < terms.length - 1 && QUOTE_END.test(t.post)) runs.push([]);
  });
  return runs.filter((r) => r.length > 0);
}
