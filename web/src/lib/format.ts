const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "12 Mar 2025" for an ISO time; the input itself when it is not a date. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "12 Mar 2025" for a calendar date (`YYYY-MM-DD`), the same day in every time zone; the input when it is not one. */
export function formatDay(ymd: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(ymd) ? new Date(`${ymd}T00:00:00Z`) : new Date(NaN);
  return Number.isNaN(date.getTime()) ? ymd : dayFormat.format(date);
}

/** Names typed as one field ("Ana Lima, Bo Chen; Cy"), split at commas and semicolons, blanks dropped. */
export function splitNames(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** "12 Mar 2025, 14:05" for an ISO time. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** The host of a URL without "www." ("example.org"), or the input when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** "1 claim", "3 claims". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "840 B", "12.3 KB", "4.1 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The URL when it is http(s), else null: a stored `javascript:` URL must never become a link. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** `text` cut to at most `max` characters, with an ellipsis when cut. */
export const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
