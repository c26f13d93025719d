import type { DocumentFormat } from '../../../db/schema';
import { docxToText } from './docx';
import { htmlTitle } from './html';
import { htmlPageText } from './html-page';
import { markdownTitle, markdownToText } from './markdown';
import { pdfToText } from './pdf';
import { mainContent } from './readable';
import type { TextFormat } from './format';
import { canonicalText } from './text';

export { detectFormat, isTextFormat, titleFromFilename, type TextFormat } from './format';

/** Converts a text import (pasted or a UTF-8 file) to the canonical plain text that anchors count in; HTML keeps its main content and its footnotes only. */
export function toCanonicalText(format: TextFormat, raw: string): string {
  switch (format) {
    case 'html':
      return htmlPageText(raw).text;
    case 'markdown':
      return markdownToText(raw);
    case 'text':
      return canonicalText(raw);
  }
}

/** The title a text import carries itself: an article's or page's title, or a Markdown file's first heading. */
export function titleFromContent(format: TextFormat, raw: string): string | undefined {
  if (format === 'html') return mainContent(raw).title ?? htmlTitle(raw);
  if (format === 'markdown') return markdownTitle(raw);
  return undefined;
}

/** Converts a binary import (PDF, Word) to canonical plain text. */
export function binaryToText(format: Exclude<DocumentFormat, TextFormat>, bytes: Uint8Array): Promise<string> {
  return format === 'pdf' ? pdfToText(bytes) : docxToText(bytes);
}
