/** One paragraph of a document's text: `text === source.slice(start, end)`. */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/** A blank line (possibly holding spaces or \r), with any whitespace that follows it. */
const SEPARATOR = /\n[^\S\n]*\n\s*/g;

/**
 * Splits a document's text into paragraphs at blank lines, keeping each paragraph's offset
 * (UTF-16 code units, as the API counts them) so that a position inside a rendered paragraph
 * maps back to `start + offset within the paragraph`. Whitespace around a paragraph is left
 * out of it; whitespace-only stretches produce no paragraph.
 */
export function splitParagraphs(source: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const add = (from: number, to: number) => {
    const chunk = source.slice(from, to);
    const lead = chunk.length - chunk.trimStart().length;
    const trimmed = chunk.trim();
    if (!trimmed) return;
    const start = from + lead;
    paragraphs.push({ start, end: start + trimmed.length, text: trimmed });
  };
  let from = 0;
  for (const match of source.matchAll(SEPARATOR)) {
    add(from, match.index);
    from = match.index + match[0].length;
  }
  add(from, source.length);
  return paragraphs;
}
