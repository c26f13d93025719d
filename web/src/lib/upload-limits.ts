import { api } from './api';
import type { UploadLimits } from './types';

let asked: Promise<UploadLimits | null> | null = null;

/**
 * The server's upload limits (`GET /api/limits`), asked once per page load. Null when the server
 * did not answer: the upload is then sent, and the server's own 413 still refuses an oversized file.
 */
export function uploadLimits(): Promise<UploadLimits | null> {
  asked ??= api
    .get<{ limits: UploadLimits }>('/api/limits')
    .then((answer) => answer.limits)
    .catch(() => {
      asked = null; // Ask again next time: a network blip is not a limit.
      return null;
    });
  return asked;
}

// The checks themselves are pure (upload-size.ts, which the unit tests load); here with the asking.
export { oversizedFile, sizeLimitHint } from './upload-size';
