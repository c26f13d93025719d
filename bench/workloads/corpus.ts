/** Deterministic bench text and claim anchors: prose paragraphs, and non-overlapping sentence spans in them. */
import type { Anchor } from '../../server/shared/claim-doc';

/** A small seeded PRNG (mulberry32), so every run benchmarks the same text. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the report said that officials confirmed between border ministry figures per cent million estimated according ' +
  'analysts data survey region growth rate annual since increase decline population budget spending water supply ' +
  'harbour trade exports imports households energy prices inflation council committee published statement findings'
).split(' ');

/** About `length` characters of prose: sentences with figures, in paragraphs separated by blank lines. */
export function proseText(length: number, seed = 7): string {
  const rand = prng(seed);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  const paragraphs: string[] = [];
  let total = 0;
  while (total < length) {
    const sentences: string[] = [];
    const n = 3 + Math.floor(rand() * 5);
    for (let s = 0; s < n; s++) {
      const words = Array.from({ length: 8 + Math.floor(rand() * 14) }, pick);
      words.splice(Math.floor(rand() * words.length), 0, String(Math.floor(rand() * 9000) + 100));
      const sentence = words.join(' ');
      sentences.push(sentence[0].toUpperCase() + sentence.slice(1) + '.');
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    total += paragraph.length + 2;
  }
  return paragraphs.join('\n\n').slice(0, length).trimEnd() + '.';
}

/** `count` non-overlapping anchors on sentence-sized spans, spread evenly through the text. */
export function spreadAnchors(text: string, count: number, context = 32): Anchor[] {
  const anchors: Anchor[] = [];
  const stride = Math.floor(text.length / count);
  for (let i = 0; i < count; i++) {
    const from = i * stride;
    // Start at a word boundary and take 20–60 characters, ending at a word boundary inside the stride.
    let start = text.indexOf(' ', from) + 1;
    if (start <= 0 || start >= from + stride - 10) start = from;
    let end = Math.min(start + 20 + ((i * 7919) % 40), from + stride - 1, text.length);
    const space = text.lastIndexOf(' ', end);
    if (space > start + 5) end = space;
    if (end <= start) end = Math.min(start + 5, text.length);
    anchors.push({
      start,
      end,
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - context), start),
      suffix: text.slice(end, end + context),
    });
  }
  return anchors;
}
