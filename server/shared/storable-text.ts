/**
 * What PostgreSQL can store as `text` or inside `jsonb`: no NUL character (`\u0000`) and no
 * unpaired UTF-16 surrogate. Every entry point (REST schemas, Yjs updates, imports) refuses
 * strings that fail this test before they reach a transaction. Imported by the server and the web app.
 */

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when PostgreSQL can store `s` in a `text` or `jsonb` column. */
export const isStorableText = (s: string): boolean => !UNSTORABLE.test(s);

/** Why `s` cannot be stored, as a phrase for an error message, or null when it can. */
export function unstorableReason(s: string): string | null {
  const match = UNSTORABLE.exec(s);
  if (!match) return null;
  return match[0] === '\u0000' ? 'contains a NUL character (\\u0000)' : 'contains an unpaired UTF-16 surrogate';
}
