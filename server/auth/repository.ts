import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { apiTokens, sessions, users, type User } from '../../db/schema';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './tokens';

/** Creates a user; returns null when the email is taken. */
export async function createUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string },
): Promise<User | null> {
  const [user] = await db
    .insert(users)
    .values({ email: input.email.toLowerCase(), name: input.name, passwordHash: input.passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return user ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return user ?? null;
}

/** Starts a session; returns the cookie value (only its hash is stored). */
export async function createSession(db: Db, userId: string, ttlSeconds: number): Promise<string> {
  const secret = newSecret();
  await db.insert(sessions).values({
    tokenHash: hashSecret(secret),
    userId,
    expiresAt: new Date(Date.now() + ttlSeconds * 1000),
  });
  return secret;
}

/** The user of a live (unexpired) session, or null. */
export async function findSessionUser(db: Db, secret: string): Promise<User | null> {
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashSecret(secret)), gt(sessions.expiresAt, sql`now()`)));
  return row?.user ?? null;
}

export async function deleteSession(db: Db, secret: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(secret)));
}

/** Creates an API token; returns the secret, shown to the user once. */
export async function createApiToken(db: Db, userId: string, name: string): Promise<{ id: string; token: string }> {
  const token = newSecret(API_TOKEN_PREFIX);
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hashSecret(token) })
    .returning({ id: apiTokens.id });
  return { id: row.id, token };
}

/** The user of an unrevoked API token, or null; records when it was last used. */
export async function findTokenUser(db: Db, token: string): Promise<User | null> {
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt)))
    .returning({ userId: apiTokens.userId });
  if (!row) return null;
  const [user] = await db.select().from(users).where(eq(users.id, row.userId));
  return user ?? null;
}

/** Lists a user's tokens (never their secrets). */
export function listApiTokens(db: Db, userId: string) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(apiTokens.createdAt);
}

/** Revokes one of the user's tokens; false when there is no such token of theirs. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
