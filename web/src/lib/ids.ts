// Whether a value can be an API id is `isUuid` in $shared/ids.

/**
 * A new random (version 4) UUID for a claim or evidence entry made in the browser.
 * `crypto.randomUUID` exists only in secure contexts (https or localhost), so a plain-http
 * deployment gets one built from `crypto.getRandomValues`, which exists everywhere.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext !== false) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
