import { formatBytes } from './format';

/** What the size checks need of the server's limits (`GET /api/limits`, `UploadLimits`). */
type SizeLimit = { maxUploadBytes: number };

/** "up to 10.0 MB each", for the upload forms' hint; null while the limit is unknown. */
export function sizeLimitHint(limits: SizeLimit | null): string | null {
  return limits ? `up to ${formatBytes(limits.maxUploadBytes)} each` : null;
}

/**
 * Why a file cannot be uploaded for its size, in a sentence, or null when it may be sent: checked
 * before any byte is sent, so a 38 MB file is refused at once rather than after its upload.
 */
export function oversizedFile(file: { name: string; size: number }, limits: SizeLimit | null): string | null {
  if (!limits || file.size <= limits.maxUploadBytes) return null;
  return `${file.name} is ${formatBytes(file.size)}; this server takes files up to ${formatBytes(limits.maxUploadBytes)}. Split it into smaller files.`;
}
