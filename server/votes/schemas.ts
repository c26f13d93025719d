import { z } from 'zod';
import { storableString } from '../validation';
import { claimStatus } from '../../db/schema';
import { createSelectSchema } from 'drizzle-zod';
import { commentSchema, tallySchema, verdictSchema, voteSchema } from '../claims/schemas';

export const voteBody = z.strictObject({
  verdict: verdictSchema,
  confidence: z.number().int().min(0).max(100).nullable().optional(),
  note: storableString().max(10_000).optional(),
});
export const voteReply = z.object({ vote: voteSchema, tally: tallySchema });

export const statusBody = z.strictObject({
  status: createSelectSchema(claimStatus),
  /** Verify although the claim has no evidence or no revealed vote; recorded as an override. */
  confirm: z.boolean().optional(),
});

export const commentBody = z.strictObject({ body: storableString().trim().min(1).max(10_000), replyTo: z.uuid().nullable().optional() });
export const commentReply = z.object({ comment: commentSchema });
