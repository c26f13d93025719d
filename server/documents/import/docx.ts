import mammoth from 'mammoth';
import { htmlToText } from './html';

/**
 * The text of a Word document: mammoth turns it into clean HTML (footnote and endnote references
 * as superscripts, the notes as a list at the end), which then goes the HTML way: references become
 * `[9]` markers and the notes a `[9] text` section, so citation linking finds both.
 */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  // mammoth writes a reference as <sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> and
  // each note as <li id="footnote-1"><p>text <a href="#footnote-ref-1">↑</a></p></li>.
  const html = value
    .replace(/<a href="#(?:foot|end)note-ref-\d+">↑<\/a>/g, '')
    .replace(/<ol>(\s*<li id="(?:foot|end)note-\d+">[\s\S]*?)<\/ol>\s*$/, (_m, items: string) =>
      `<h2>Notes</h2>${items.replace(/<li id="(?:foot|end)note-(\d+)">\s*<p>([\s\S]*?)<\/p>\s*<\/li>/g, '<p>[$1] $2</p>')}`,
    );
  return htmlToText(html);
}
