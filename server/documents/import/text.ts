/**
 * The canonical form of plain text that every anchor offset counts in: one newline style,
 * Unicode NFC, no leading or trailing spaces on a line, paragraphs separated by exactly one blank line, no
 * leading or trailing blank lines.
 */
export function canonicalText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+$/gm, '')
    .replace(/^[ \t\f\v\u00a0]+/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Joins already-extracted paragraphs into canonical text. */
export const joinParagraphs = (paragraphs: string[]): string =>
  canonicalText(paragraphs.map((p) => p.trim()).filter(Boolean).join('\n\n'));
