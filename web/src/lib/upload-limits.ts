import { api } from './api';
import { formatBytes } from './format';
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

/** "Files up to 10.0 MB", for the upload forms; null while the limit is unknown. */
export function sizeLimitHint(limits: UploadLimits | null): string | null {
  return limits ? `Files up to ${formatBytes(limits.maxUploadBytes)}` : null;
}

/**
 * Why a file cannot be uploaded for its size, in a sentence, or null when it may be sent: checked
 * before any byte is sent, so a 38 MB file is refused at once rather than after its upload.
 */
export function oversizedFile(file: { name: string; size: number }, limits: UploadLimits | null): string | null {
  if (!limits || file.size <= limits.maxUploadBytes) return null;
  return `${file.name} is ${formatBytes(file.size)}; this server takes files up to ${formatBytes(limits.maxUploadBytes)}. Split it into smaller files.`;
}
