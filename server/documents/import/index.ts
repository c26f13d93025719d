import { extname } from 'node:path';
import type { DocumentFormat } from '../../../db/schema';
import { docxToText } from './docx';
import { htmlTitle } from './html';
import { htmlPageText } from './html-page';
import { markdownTitle, markdownToText } from './markdown';
import { pdfToText } from './pdf';
import { mainContent } from './readable';
import { canonicalText } from './text';

export type TextFormat = Extract<DocumentFormat, 'text' | 'markdown' | 'html'>;
export const isTextFormat = (f: DocumentFormat): f is TextFormat => f === 'text' || f === 'markdown' || f === 'html';

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

const BY_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

const BY_MIME: Record<string, DocumentFormat> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** The format of an uploaded file, from its extension first and its MIME type second; null if unsupported. */
export function detectFormat(filename: string, mimetype: string): DocumentFormat | null {
  return BY_EXTENSION[extname(filename).toLowerCase()] ?? BY_MIME[mimetype.split(';')[0].trim()] ?? null;
}

/** The file name without its extension, as a default title. */
export const titleFromFilename = (filename: string): string =>
  filename.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() || 'Untitled';
