import { joinParagraphs } from './text';

/**
 * A document's footnote or endnote as an import finds it: its label (the number its markers carry
 * in the text, `[label]`) and its text. Every format writes its notes the same way, as a notes
 * section of `[label] text` paragraphs after the body, where citation linking
 * (server/shared/footnote-citations.ts) finds them.
 */
export interface Note {
  label: string;
  text: string;
}

// What a note's way back to its marker leaves behind once the link is gone: arrows and carets
// (Pandoc's ↩︎, mammoth's ↑, Wikipedia's ^ with its a b c), with the variation selectors after them.
const BACK_ARROWS = /[↩↑⤴^\uFE0E\uFE0F]/u;
const EDGE_ARROWS = /^[\s↩↑⤴^\uFE0E\uFE0F]+|[\s↩↑⤴^\uFE0E\uFE0F]+$/gu;

/** True when a piece of text is only backlink arrows (and spaces or commas between several). */
export const isOnlyBackArrows = (text: string): boolean => BACK_ARROWS.test(text) && /^[\s↩↑⤴^\uFE0E\uFE0F,\p{Ll}]{0,12}$/u.test(text) && !/\p{Ll}{2}/u.test(text);

/** A note's text without the backlink arrows at its ends, its lines kept, its spaces collapsed. */
export const cleanNoteText = (text: string): string =>
  text
    .replace(EDGE_ARROWS, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');

/**
 * The canonical text of a document with its notes: the body, then (when there are notes) a heading
 * and one `[label] text` paragraph per note, in order.
 */
export function withNotesSection(body: string, notes: Note[], heading: string | null = 'Notes'): string {
  const paragraphs = notes.map((n) => ({ label: n.label, text: cleanNoteText(n.text) })).filter((n) => n.text);
  if (!paragraphs.length) return joinParagraphs([body]);
  return joinParagraphs([body, ...(heading ? [heading] : []), ...paragraphs.map((n) => `[${n.label}] ${n.text}`)]);
}
