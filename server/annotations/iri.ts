/**
 * Addresses as the Web Annotation model needs them: an IRI (RFC 3987) where the model has one, and
 * the W3C test suite checks for RFC 3986 (`format: uri`). Evidence URLs come from people and other
 * tools with spaces, quotes and non-ASCII letters in them; what a URI does not allow is
 * percent-encoded (as UTF-8), a host is written in ASCII (punycode), and what already is a valid
 * escape stays as it is, so encoding twice changes nothing.
 */

/** Characters a URI allows outside a host: unreserved, reserved (but the host's brackets) and `%` of an escape. */
const ALLOWED = /[A-Za-z0-9\-._~:/?#@!$&'()*+,;=]/;

/** Percent-encodes every character that a URI does not allow, keeping valid `%XX` escapes. */
function encodeDisallowed(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i, i + 2))) out += '%';
    else if (ALLOWED.test(ch)) out += ch;
    // encodeURIComponent writes UTF-8 escapes; a lone surrogate cannot be written and becomes U+FFFD.
    else out += encodeURIComponent(cp >= 0xd800 && cp <= 0xdfff ? '\uFFFD' : ch);
  }
  return out;
}

/**
 * The URL as a valid URI (and so a valid IRI): `https://example.org/a "b"/é` becomes
 * `https://example.org/a%20%22b%22/%C3%A9`. An http(s) URL is normalised by the WHATWG parser first
 * (its host lower-cased and punycoded); anything else keeps its text with only the disallowed
 * characters encoded.
 */
export function toUri(url: string): string {
  let text = url.trim();
  if (/^https?:/i.test(text)) {
    try {
      text = new URL(text).href;
    } catch {
      // Not parseable as a URL: encode what is there.
    }
  }
  const authority = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)(\[[0-9A-Fa-f:.]+\])?/.exec(text);
  // An IPv6 host keeps its brackets; everywhere else they are encoded.
  const kept = authority?.[2] ? authority[0].length : 0;
  return text.slice(0, kept) + encodeDisallowed(text.slice(kept));
}

/**
 * Whether a value is an absolute IRI, as an imported annotation's `id`, `source` or body IRI must be:
 * a scheme, then no space and none of the characters an IRI never holds (`"<>\\^`{|}`).
 */
export function isAbsoluteIri(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s"<>\\^`{|}\u0000-\u001f]*$/u.test(value);
}
