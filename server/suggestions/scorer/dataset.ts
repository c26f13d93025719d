/**
 * The labelled set of check-worthy sentences (tests/fixtures/claims/): each annotated source names
 * its genre and split, then gives one sentence a line with its label and reasons. This module turns
 * a source into the document's plain text and the labelled sentences' offsets in it. Used by the
 * training and evaluation scripts and the tests, never by the server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const GENRES = ['news', 'opinion', 'research', 'press', 'speech', 'social'] as const;
export type Genre = (typeof GENRES)[number];
export type Split = 'train' | 'test';

/** Why a sentence is (+) or is not (−) check-worthy, by the code the annotated sources use. */
export const REASON_CODES = {
  fig: 'figure',
  qty: 'quantity in words',
  date: 'date',
  event: 'named event',
  attr: 'attributed statement',
  vague: 'vague attribution',
  cause: 'causal claim',
  comp: 'comparison',
  op: 'opinion',
  pred: 'prediction',
  q: 'question',
  cta: 'call to action',
  boiler: 'boilerplate',
  frame: 'framing',
} as const;
export type Reason = (typeof REASON_CODES)[keyof typeof REASON_CODES];
export const POSITIVE_REASONS: Reason[] = ['figure', 'quantity in words', 'date', 'named event', 'attributed statement', 'vague attribution', 'causal claim', 'comparison'];

export interface LabelledSentence {
  doc: string;
  genre: Genre;
  split: Split;
  /** Offsets in the document's plain text. */
  start: number;
  end: number;
  text: string;
  checkWorthy: boolean;
  reasons: Reason[];
}

export interface LabelledDocument {
  id: string;
  title: string;
  genre: Genre;
  split: Split;
  text: string;
  sentences: LabelledSentence[];
}

const LINE = /^([+-])([a-z,]+) \| (.+)$/;

/**
 * Reads one annotated source: a header (`title:`, `genre:`, `split:`, then `---`); then paragraphs
 * separated by blank lines, each line a sentence `+codes | text` or `-codes | text`, or `= text` for
 * an unlabelled paragraph (a heading, a dateline); after `=== notes`, the notes section as it stands.
 * The plain text is the title, then each paragraph's sentences joined by a space, paragraphs
 * separated by a blank line (the canonical text an import produces).
 */
export function parseAnnotated(id: string, source: string): LabelledDocument {
  const [header, body] = source.split(/^---$/m);
  const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(header)?.[1].trim() ?? '';
  const genre = field('genre') as Genre;
  const split = field('split') as Split;
  if (!GENRES.includes(genre) || (split !== 'train' && split !== 'test')) throw new Error(`${id}: genre or split missing`);
  const title = field('title');
  const [main, notes] = body.split(/^=== notes$/m);
  let text = title;
  const sentences: LabelledSentence[] = [];
  // An unlabelled line (a heading, a dateline) is a paragraph of its own.
  const blocks = main.replace(/^(= .*)$/gm, '\n$1\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  for (const block of blocks) {
    const parts: string[] = [];
    let offset = text.length + 2;
    for (const line of block.split('\n')) {
      if (line.startsWith('= ')) {
        parts.push(line.slice(2));
      } else {
        const m = LINE.exec(line);
        if (!m) throw new Error(`${id}: cannot read line “${line}”`);
        const reasons = m[2].split(',').map((code) => {
          const reason = REASON_CODES[code as keyof typeof REASON_CODES];
          if (!reason) throw new Error(`${id}: unknown reason code “${code}”`);
          return reason;
        });
        if ((m[1] === '+') !== reasons.every((r) => POSITIVE_REASONS.includes(r))) throw new Error(`${id}: label and reasons disagree in “${line}”`);
        const start = offset + parts.join(' ').length + (parts.length ? 1 : 0);
        sentences.push({ doc: id, genre, split, start, end: start + m[3].length, text: m[3], checkWorthy: m[1] === '+', reasons });
        parts.push(m[3]);
      }
    }
    text += `\n\n${parts.join(' ')}`;
    offset = text.length;
  }
  if (notes) text += `\n\n${notes.trim().split('\n').filter(Boolean).join('\n\n')}`;
  return { id, title, genre, split, text, sentences };
}

/** Every annotated source in `dir` (tests/fixtures/claims/annotated), sorted by name. */
export function loadDataset(dir: string): LabelledDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseAnnotated(f.replace(/\.txt$/, ''), readFileSync(join(dir, f), 'utf8')));
}
