import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes), OWASP's recommended minimum.
/** Hashes a password with argon2id; the result embeds its salt and parameters. */
export const hashPassword = (password: string): Promise<string> => hash(password);

/** Checks a password against a stored argon2 hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash cannot match anything.
    return false;
  }
}

/** A valid hash of no real password, verified against when the email is unknown so timing does not reveal it. */
export const DUMMY_HASH = await hashPassword('not-a-real-password-used-for-timing');
