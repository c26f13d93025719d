import { extname } from 'node:path';
import type { DocumentFormat } from '../../../db/schema';

// What kind of file an upload is, told from its name and type alone: kept apart from the converters
// (index.ts), so the routes that check an upload do not load the Word, PDF and HTML libraries.

export type TextFormat = Extract<DocumentFormat, 'text' | 'markdown' | 'html'>;
export const isTextFormat = (f: DocumentFormat): f is TextFormat => f === 'text' || f === 'markdown' || f === 'html';

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
