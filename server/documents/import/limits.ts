import type yauzl from 'yauzl';
import type { Config } from '../../config';

/** The input limits an import is checked against before its heavy work (docs/api.md "Limits"). */
export type ImportLimits = Pick<
  Config['jobs'],
  'maxDocumentChars' | 'maxPdfPages' | 'maxNestingDepth' | 'maxArchiveEntries' | 'maxArchivePartBytes' | 'maxArchiveBytes'
>;

/**
 * The limits an upload is checked against, as `GET /api/limits` tells clients (so the web app
 * refuses an oversized file before sending it): the file size the multipart parser allows
 * (`MAX_UPLOAD_BYTES`) and the extracted text's length and PDF page limits of the import jobs.
 */
export function uploadLimits(config: Pick<Config, 'maxUploadBytes' | 'jobs'>): { maxUploadBytes: number; maxDocumentChars: number; maxPdfPages: number } {
  return { maxUploadBytes: config.maxUploadBytes, maxDocumentChars: config.jobs.maxDocumentChars, maxPdfPages: config.jobs.maxPdfPages };
}

/** An input refused for its size or shape: the API's status, code and sentence, thrown inside a job and answered as is. */
export class ImportRefusal extends Error {
  constructor(
    readonly status: 413 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefusal';
  }
}

const count = (n: number) => n.toLocaleString('en-GB');
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MiB`;

/** Refuses a text longer than the limit (413 `document_too_large`). */
export function checkLength(text: string, limits: Pick<ImportLimits, 'maxDocumentChars'>): void {
  if (text.length > limits.maxDocumentChars) {
    throw new ImportRefusal(413, 'document_too_large', `The document has ${count(text.length)} characters of text; the limit is ${count(limits.maxDocumentChars)}. Split it into parts.`);
  }
}

/** Refuses a PDF with more pages than the limit (413 `too_many_pages`), read from its page tree before any page is parsed. */
export function checkPages(pages: number, limits: Pick<ImportLimits, 'maxPdfPages'>): void {
  if (pages > limits.maxPdfPages) {
    throw new ImportRefusal(413, 'too_many_pages', `The PDF has ${count(pages)} pages; the limit is ${count(limits.maxPdfPages)}. Split it into parts.`);
  }
}

function refuseNesting(depth: number, what: string, limits: Pick<ImportLimits, 'maxNestingDepth'>): never {
  throw new ImportRefusal(422, 'too_deeply_nested', `The ${what} nests more than ${count(limits.maxNestingDepth)} levels deep (at least ${count(depth)}); no real document does, so it is not imported.`);
}

// Elements that never have content, and those whose end tag may be left out (the parser closes them
// when a sibling starts), so neither deepens the count.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen']);
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rb', 'rt', 'rp', 'rtc', 'colgroup', 'caption']);
// A comment, a script or style element (its content is not markup), or a tag. No part scans past the
// next `<` or `>` (nor a comment or script past its end), so the pass stays linear on hostile input.
const TAG = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)(?:[^<>"']|"[^"<>]*"|'[^'<>]*')*?(\/?)>/g;

/**
 * How deeply the elements of an HTML text nest, by one linear pass over its tags (no parse): void
 * elements and self-closed tags do not count, an end tag closes back to its element, and an element
 * whose end tag may be omitted (`<p>`, `<li>`, `<td>` …) is closed by the next such element, as
 * parsers close siblings. Stops counting once past `stopAt`.
 */
export function htmlNestingDepth(html: string, stopAt = Infinity): number {
  const stack: string[] = [];
  let max = 0;
  for (const m of html.matchAll(TAG)) {
    const [, , closing, rawName, selfClosing] = m;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at !== -1) stack.length = at;
      continue;
    }
    if (VOID.has(name) || selfClosing) continue;
    while (stack.length && OPTIONAL_END.has(stack[stack.length - 1]) && (stack[stack.length - 1] === name || OPTIONAL_END.has(name))) stack.pop();
    stack.push(name);
    if (stack.length > max && (max = stack.length) > stopAt) return max;
  }
  return max;
}

// A line's block-quote markers, and a list item's indentation after them.
const QUOTES = /^(?: {0,3}> ?)+/;
const LIST_ITEM = /^( *)(?:[-*+]|\d{1,9}[.)])(?: |\n|$)/;

/**
 * How deeply a Markdown text nests, by one linear pass: block quotes (`>` markers at the start of a
 * line), list items (by their indentation, two spaces a level) and open brackets within a paragraph
 * (link and image labels, footnote references: a long unclosed run of them is what makes the
 * parser's link matching slow). Stops counting once past `stopAt`.
 */
export function markdownNestingDepth(markdown: string, stopAt = Infinity): number {
  // A line's markers are at its start: this many characters hold more levels than `stopAt`.
  const head = 4 * (Math.min(stopAt, 1_000_000) + 1);
  let max = 0;
  let brackets = 0;
  let lineStart = true;
  for (let i = 0; i < markdown.length; i++) {
    if (lineStart) {
      lineStart = false;
      const line = markdown.slice(i, i + head);
      const quoteMarks = QUOTES.exec(line)?.[0] ?? '';
      const item = LIST_ITEM.exec(line.slice(quoteMarks.length));
      const depth = (quoteMarks.match(/>/g)?.length ?? 0) + (item ? Math.floor(item[1].length / 2) + 1 : 0);
      if (depth > max && (max = depth) > stopAt) return max;
      // A blank line ends the paragraph, and with it any open label.
      if (line.charCodeAt(quoteMarks.length) === 10 || /^\s*$/.test(line.slice(0, line.indexOf('\n') + 1 || line.length))) brackets = 0;
    }
    const c = markdown.charCodeAt(i);
    if (c === 10) lineStart = true;
    else if (c === 92) i++; // A backslash escapes the next character.
    else if (c === 91 && ++brackets > max && (max = brackets) > stopAt) return max;
    else if (c === 93 && brackets > 0) brackets--;
  }
  return max;
}

/** Refuses HTML nested deeper than the limit (422 `too_deeply_nested`). */
export function checkHtmlNesting(html: string, limits: Pick<ImportLimits, 'maxNestingDepth'>): void {
  const depth = htmlNestingDepth(html, limits.maxNestingDepth);
  if (depth > limits.maxNestingDepth) refuseNesting(depth, 'HTML', limits);
}

/** Refuses Markdown (or the HTML inside it) nested deeper than the limit (422 `too_deeply_nested`). */
export function checkMarkdownNesting(markdown: string, limits: Pick<ImportLimits, 'maxNestingDepth'>): void {
  const depth = markdownNestingDepth(markdown, limits.maxNestingDepth);
  if (depth > limits.maxNestingDepth) refuseNesting(depth, 'Markdown', limits);
  checkHtmlNesting(markdown, limits);
}

/**
 * Refuses a Word file (a ZIP archive) whose entries would inflate past the limits (413
 * `archive_too_large`): the number of entries, then the inflated size of each and of all of them as
 * the central directory declares them, all read before anything is inflated. Then each entry is
 * inflated once into nothing, where yauzl stops any that inflates past its declared size: an archive
 * that lies about its sizes is refused too, before mammoth (whose JSZip inflates whole parts into
 * memory) reads it. With `inflate: false` only the directory is read (cheap enough for the event loop).
 */
export async function checkArchive(bytes: Uint8Array, limits: ImportLimits, options: { inflate: boolean } = { inflate: true }): Promise<void> {
  // Loaded on the first Word file, not at start.
  const { default: unzip } = await import('yauzl');
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    unzip.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const refuse = (why: string) => new ImportRefusal(413, 'archive_too_large', `The Word file ${why}; it was not inflated.`);
  try {
    if (zip.entryCount > limits.maxArchiveEntries) throw refuse(`has ${count(zip.entryCount)} parts (the limit is ${count(limits.maxArchiveEntries)})`);
    const entries: yauzl.Entry[] = [];
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.maxArchivePartBytes) {
          reject(refuse(`has a part (${entry.fileName}) that inflates to ${mib(entry.uncompressedSize)} (the limit is ${mib(limits.maxArchivePartBytes)})`));
        } else if (total > limits.maxArchiveBytes) {
          reject(refuse(`inflates to more than ${mib(limits.maxArchiveBytes)} (the limit)`));
        } else {
          entries.push(entry);
          zip.readEntry();
        }
      });
      zip.readEntry();
    });
    for (const entry of options.inflate ? entries : []) {
      if (entry.fileName.endsWith('/')) continue;
      await new Promise<void>((resolve, reject) =>
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          stream.on('error', () => reject(refuse(`has a part (${entry.fileName}) that inflates to more than it declares`)));
          stream.on('end', () => resolve());
          stream.resume();
        }),
      );
    }
  } finally {
    zip.close();
  }
}

/**
 * The cheap checks of an import, run on the event loop before the job is queued, so a refused
 * file is answered at once rather than after the heavy jobs ahead of it: the nesting depth of HTML
 * and Markdown (one linear pass each) and the declared sizes in a Word file's ZIP directory.
 * `extractDocument` runs them again in the worker, with the inflating pass of the archive check.
 */
export async function precheckDocument(input: { format: string; raw?: string; bytes?: Uint8Array }, limits: ImportLimits): Promise<void> {
  if (input.format === 'html') checkHtmlNesting((input as { raw: string }).raw, limits);
  else if (input.format === 'markdown') checkMarkdownNesting((input as { raw: string }).raw, limits);
  else if (input.format === 'docx') await checkArchive((input as { bytes: Uint8Array }).bytes, limits, { inflate: false });
}

/**
 * Text as PostgreSQL can store it (`isStorableText` in server/shared/storable-text.ts): NUL
 * characters removed, unpaired UTF-16 surrogates replaced by U+FFFD. Extracted text is normalised
 * rather than refused: a file's stray control characters are not its author's mistake to fix.
 */
export const storableText = (s: string): string => s.replaceAll('\u0000', '').toWellFormed();
