import { createHash } from 'node:crypto';
import { HttpError } from '../errors';
import { BusyError, JobFailedError, type JobPool } from '../jobs';
import type { FetchedPage } from './fetch-page';

/** What the archive keeps of a page: its title (when it has one) and its text, and the text's SHA-256. */
export interface ExtractedPage {
  title: string | null;
  text: string;
  sha256: string;
}

/** Why a fetched page gave no text (too large once extracted, too complex, unreadable, empty). */
export class ExtractFailure extends Error {}

/** Decodes a text body in its declared charset (UTF-8 when none is declared or the name is unknown). */
function decode(body: Uint8Array, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

/** The SHA-256 of the archived text (UTF-8), in hex: anyone can recompute it from the stored text. */
export const textHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const BUSY_RETRIES = 5;

/**
 * Extracts a fetched page's text in the job pool, as imports are extracted (Readability for HTML,
 * pdf.js for PDF, plain text as is; documents/import/extract.ts), so a heavy page never holds the
 * event loop. A full pool is waited for (a few times, as its Retry-After says); the job's own
 * refusals and failures become an `ExtractFailure` with their sentence.
 */
export async function extractPage(jobs: JobPool, page: FetchedPage, signal?: AbortSignal): Promise<ExtractedPage> {
  const input = page.format === 'pdf' ? { format: 'pdf' as const, bytes: page.body } : { format: page.format, raw: decode(page.body, page.charset) };
  for (let attempt = 0; ; attempt++) {
    try {
      const { text, title } = await jobs.run('importDocument', input);
      if (text.trim() === '') throw new ExtractFailure('No text could be read from the page.');
      return { title: title?.trim() || null, text, sha256: textHash(text) };
    } catch (err) {
      if (err instanceof BusyError && attempt < BUSY_RETRIES && !signal?.aborted) {
        await new Promise((resolve) => setTimeout(resolve, err.retryAfterSeconds * 1000).unref());
        continue;
      }
      if (err instanceof ExtractFailure) throw err;
      if (err instanceof HttpError) throw new ExtractFailure(err.message);
      if (err instanceof JobFailedError) throw new ExtractFailure(`The page could not be read (${(err.cause as Error)?.message ?? 'unreadable'}).`);
      throw err;
    }
  }
}
