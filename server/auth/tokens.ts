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
