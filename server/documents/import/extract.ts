import { docxToText } from './docx';
import { htmlPageText } from './html-page';
import { isTextFormat, titleFromContent, toCanonicalText, type TextFormat } from './index';
import { checkArchive, checkHtmlNesting, checkLength, checkMarkdownNesting, storableText, type ImportLimits } from './limits';
import { pdfToText } from './pdf';

/** What an import hands to extraction: a text format's decoded text, or a binary file's bytes. */
export type ImportInput = { format: TextFormat; raw: string } | { format: 'pdf' | 'docx'; bytes: Uint8Array };

/** A document's canonical, storable text, and the title it carries itself (text formats only). */
export interface Extracted {
  text: string;
  title?: string;
}

/**
 * Extracts a document's text within the limits: the cheap checks first (nesting depth of HTML and
 * Markdown, the archive directory of a Word file, the page count of a PDF), then the conversion,
 * then the length of the result. Throws `ImportRefusal` for a refused input; any other error means
 * the file could not be read. Runs in a worker thread (server/jobs), never on the event loop.
 */
export async function extractDocument(input: ImportInput, limits: ImportLimits): Promise<Extracted> {
  let text: string;
  let title: string | undefined;
  if (isTextFormat(input.format)) {
    const { raw } = input as Extract<ImportInput, { raw: string }>;
    if (input.format === 'html') {
      checkHtmlNesting(raw, limits);
      ({ text, title } = htmlPageText(raw));
    } else {
      if (input.format === 'markdown') checkMarkdownNesting(raw, limits);
      text = toCanonicalText(input.format, raw);
      title = titleFromContent(input.format, raw);
    }
  } else {
    const { bytes } = input as Extract<ImportInput, { bytes: Uint8Array }>;
    if (input.format === 'docx') await checkArchive(bytes, limits);
    text = input.format === 'pdf' ? await pdfToText(bytes, limits) : await docxToText(bytes);
  }
  text = storableText(text);
  checkLength(text, limits);
  return { text, title: title === undefined ? undefined : storableText(title) };
}
