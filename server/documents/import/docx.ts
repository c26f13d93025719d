import mammoth from 'mammoth';
import { htmlToText } from './html';
import { splitNotes } from './html-page';
import { withNotesSection } from './notes';

/**
 * The text of a Word document: mammoth turns it into clean HTML, with each footnote or endnote
 * reference as `<sup><a href="#footnote-2">[1]</a></sup>` and the notes as a list at the end in
 * the order they are referenced. The notes are taken out as a web page's are (html-notes.ts), so
 * they are numbered by that order, as the document shows them: the number in mammoth's links is
 * Word's internal note id, which LibreOffice starts at 2 (its separators take 0 and 1) and Word at
 * 1, and which need not follow the order of the notes at all.
 */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  return (await readDocx(bytes)).text;
}

/** The text of a Word document (as `docxToText`) and its first heading (a Heading 1 paragraph, mammoth's `<h1>`), if any. */
export async function readDocx(bytes: Uint8Array): Promise<{ text: string; heading?: string }> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const { html, notes } = splitNotes(value);
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  return { text: withNotesSection(htmlToText(html), notes), heading: h1 ? htmlToText(h1[1]) || undefined : undefined };
}
