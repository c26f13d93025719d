import { extname } from 'node:path';
import type { DocumentFormat } from '../../../db/schema';
import { htmlToText } from './html';
import { markdownToText } from './markdown';
import { canonicalText } from './text';

export { htmlTitle } from './html';
export { markdownTitle } from './markdown';

/** Converts an imported document to the canonical plain text that anchors count in. */
export function toCanonicalText(format: DocumentFormat, raw: string): string {
  switch (format) {
    case 'html':
      return htmlToText(raw);
    case 'markdown':
      return markdownToText(raw);
    case 'text':
      return canonicalText(raw);
  }
}

const BY_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

const BY_MIME: Record<string, DocumentFormat> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
};

/** The format of an uploaded file, from its extension first and its MIME type second; null if unsupported. */
export function detectFormat(filename: string, mimetype: string): DocumentFormat | null {
  return BY_EXTENSION[extname(filename).toLowerCase()] ?? BY_MIME[mimetype.split(';')[0].trim()] ?? null;
}

/** The file name without its extension, as a default title. */
export const titleFromFilename = (filename: string): string =>
  filename.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() || 'Untitled';
