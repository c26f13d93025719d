import { readDocx } from './docx';
import { docxCoreProperties } from './docx-metadata';
import { htmlPageText } from './html-page';
import { isTextFormat, titleFromContent, toCanonicalText, type TextFormat } from './index';
import { checkArchive, checkHtmlNesting, checkLength, checkMarkdownNesting, storableText, type ImportLimits } from './limits';
import { cleanMetadata, splitAuthors, titleFromFirstLine, type MetadataCandidates, type SourceMetadata } from './metadata';
import { readPdf } from './pdf';

/** What an import hands to extraction: a text format's decoded text, or a binary file's bytes. */
export type ImportInput = { format: TextFormat; raw: string } | { format: 'pdf' | 'docx'; bytes: Uint8Array };

/**
 * A document's canonical, storable text, and what the file says about its source (metadata.ts):
 * the title (a page's article title or `<title>`, a Markdown or Word file's first heading, a PDF's
 * or Word file's own Title, else the text's first line if it reads as a title), and from web pages,
 * PDFs and Word files the source's address, authors and publication date. The uploader's values
 * override these (routes.ts).
 */
export interface Extracted extends SourceMetadata {
  text: string;
}

/** A PDF's or Word file's own title, unless it is a placeholder or a file name that a converter wrote ("Microsoft Word - report.docx", "Untitled"). */
const ownTitle = (title: string | undefined) => {
  const t = title?.trim().replace(/^Microsoft Word - /i, '');
  return !t || /^untitled\b/i.test(t) || /\.(?:docx?|odt|rtf|pdf|txt|indd|tex|pages|html?)$/i.test(t) ? undefined : t;
};

/**
 * Extracts a document's text and metadata within the limits: the cheap checks first (nesting depth
 * of HTML and Markdown, the archive directory of a Word file, the page count of a PDF), then the
 * conversion, then the length of the result. Throws `ImportRefusal` for a refused input; any other
 * error means the file could not be read. Runs in a worker thread (server/jobs), never on the event loop.
 */
export async function extractDocument(input: ImportInput, limits: ImportLimits): Promise<Extracted> {
  let text: string;
  let candidates: MetadataCandidates = {};
  if (isTextFormat(input.format)) {
    const { raw } = input as Extract<ImportInput, { raw: string }>;
    if (input.format === 'html') {
      checkHtmlNesting(raw, limits);
      const page = htmlPageText(raw);
      text = page.text;
      candidates = page.metadata;
    } else {
      if (input.format === 'markdown') checkMarkdownNesting(raw, limits);
      text = toCanonicalText(input.format, raw);
      candidates = { titles: [titleFromContent(input.format, raw)] };
    }
  } else if (input.format === 'pdf') {
    const pdf = await readPdf((input as Extract<ImportInput, { bytes: Uint8Array }>).bytes, limits);
    text = pdf.text;
    candidates = { titles: [ownTitle(pdf.info.title)], authorLists: [splitAuthors(pdf.info.author)], dates: [pdf.info.creationDate] };
  } else {
    const { bytes } = input as Extract<ImportInput, { bytes: Uint8Array }>;
    await checkArchive(bytes, limits);
    const [docx, core] = [await readDocx(bytes), await docxCoreProperties(bytes)];
    text = docx.text;
    candidates = { titles: [ownTitle(core.title), docx.heading], authorLists: [splitAuthors(core.creator)], dates: [core.created] };
  }
  text = storableText(text);
  checkLength(text, limits);
  const metadata = cleanMetadata(candidates);
  // The first line only when the file names no title itself; the route falls back to the file name.
  metadata.title ??= titleFromFirstLine(text);
  if (metadata.title === undefined) delete metadata.title;
  return { text, ...metadata };
}
