import { createHash, randomBytes } from 'node:crypto';

/** Prefix of API tokens, so a leaked one is recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'cbt_';

/** A new random secret (256 bits), URL-safe. */
export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

/**
 * SHA-256 of a secret, as stored in the database. A fast hash is right here: the secrets are
 * 256-bit random values, not guessable passwords.
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

// What a secret looks like in a log line: an API token, an invite link's secret, `?token=…` in a URL, a Bearer header, a session cookie.
const SECRETS: Array<[RegExp, string]> = [
  [new RegExp(`${API_TOKEN_PREFIX}[A-Za-z0-9_-]+`, 'g'), `${API_TOKEN_PREFIX}[redacted]`],
  // An invite link's secret (invites/repository.ts), in `/invite/…` and `/api/invites/…` paths.
  [/cbi_[A-Za-z0-9_-]+/g, 'cbi_[redacted]'],
  [/([?&;]token=)[^&\s"#]*/gi, '$1[redacted]'],
  [/(Bearer\s+)[^\s",]+/gi, '$1[redacted]'],
  [/(corroborate_session=)[^;\s"]*/g, '$1[redacted]'],
];

/** `text` with every API token, `?token=` value, Bearer credential and session cookie replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRETS) out = out.replace(pattern, replacement);
  return out;
}

/** How a request appears in the log: Fastify's default fields, with secrets taken out of the URL. */
export function logRequest(request: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }) {
  return {
    method: request.method,
    url: redactSecrets(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
