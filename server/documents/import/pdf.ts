import { checkPages, type ImportLimits } from './limits';
import { pdfLayoutText, type TextRun } from './pdf-layout';

/**
 * The text of a PDF (pdf.js), with its paragraphs and footnotes kept in order (pdf-layout.ts):
 * running headers, footers and page numbers dropped, paragraphs continued across page breaks,
 * headings apart, footnotes gathered into a notes section at the end as `[9] text` and
 * superscript markers in the body as `[9]`, so citation linking finds both. A PDF with more pages
 * than `limits.maxPdfPages` is refused (413 `too_many_pages`) before any page is read.
 */
export async function pdfToText(bytes: Uint8Array, limits: Pick<ImportLimits, 'maxPdfPages'> = { maxPdfPages: Infinity }): Promise<string> {
  return (await readPdf(bytes, limits)).text;
}

/** A PDF's document information dictionary, as far as it names the source (each entry only if a string). */
export interface PdfInfo {
  title?: string;
  author?: string;
  /** As the PDF writes it: `D:YYYYMMDDHHmmSS…` (metadata.ts `normalizeDate` reads it). */
  creationDate?: string;
}

/** The text of a PDF (as `pdfToText`) and its information dictionary (Title, Author, CreationDate). */
export async function readPdf(bytes: Uint8Array, limits: Pick<ImportLimits, 'maxPdfPages'> = { maxPdfPages: Infinity }): Promise<{ text: string; info: PdfInfo }> {
  // Loaded on first use: pdf.js adds about 200 MB to a server's memory (BENCHMARKS.md, Memory).
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js refuses a Node Buffer (a Uint8Array subclass): hand it a plain copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: TextRun[][] = [];
  let info: PdfInfo = {};
  try {
    checkPages(pdf.numPages, limits);
    info = await pdfInfo(pdf);
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, , , x, y] = item.transform as number[];
        runs.push({ text: item.str, x, y, size: Math.hypot(a, b), width: item.width });
      }
      pages.push(runs);
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return { text: pdfLayoutText(pages), info };
}

/** The Title, Author and CreationDate entries of a PDF's information dictionary; an unreadable one gives none. */
async function pdfInfo(pdf: { getMetadata(): Promise<{ info: object }> }): Promise<PdfInfo> {
  let info: Record<string, unknown>;
  try {
    info = (await pdf.getMetadata()).info as Record<string, unknown>;
  } catch {
    return {}; // A damaged Info dictionary does not stop the text from being read.
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { title: str(info.Title), author: str(info.Author), creationDate: str(info.CreationDate) };
}
