import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { storable, storableString } from '../validation';
import { passwordProblem } from './password-rule';
import { apiTokens, users } from '../../db/schema';

/** The public view of a user (API.md `user`). */
export const userSchema = createSelectSchema(users).pick({ id: true, email: true, name: true });
export type PublicUser = z.infer<typeof userSchema>;

/** A user as other members see them next to a claim or comment. */
export const userRefSchema = userSchema.pick({ id: true, name: true });

const email = storable(z.email({ error: 'must be an email address' }).max(254));

export const signupBody = z.strictObject({
  email,
  password: storableString()
    .max(200)
    .check(
      z.superRefine((password: string, ctx) => {
        const problem = passwordProblem(password);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, input: password });
      }),
    ),
  name: storableString().trim().min(1, { error: 'must not be empty' }).max(100),
});

export const loginBody = z.strictObject({
  email,
  password: storableString().min(1).max(200),
});

export const userReply = z.object({ user: userSchema });

export const createTokenBody = z.strictObject({ name: storableString().trim().min(1).max(100) });

export const tokenSchema = createSelectSchema(apiTokens)
  .pick({ id: true, name: true })
  .extend({ createdAt: z.string(), lastUsedAt: z.string().nullable() });

export const createTokenReply = z.object({ token: z.string(), id: z.uuid(), name: z.string() });
export const listTokensReply = z.object({ tokens: z.array(tokenSchema) });
export const tokenParams = z.object({ id: z.uuid() });

/** Picks the public fields of a user row. */
export const presentUser = (u: { id: string; email: string; name: string }): PublicUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
});
