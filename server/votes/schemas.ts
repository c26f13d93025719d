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

/** A revised verdict after reveal: recorded beside the blind vote, with the reason, never replacing it. */
export const revisionBody = z.strictObject({
  verdict: verdictSchema,
  reason: storableString().trim().min(1, { error: 'say why you revise your verdict' }).max(2000),
});

/** Revealing below the quorum needs `confirm: true` (the answer says how many votes it reveals). */
export const revealBody = z.strictObject({ confirm: z.boolean().optional() }).optional();

export const statusBody = z.strictObject({
  status: createSelectSchema(claimStatus),
  /** Verify although the claim has no evidence, no revealed vote or no consensus; recorded as an override. */
  confirm: z.boolean().optional(),
  /** Required to sign off (verified, rejected): the published "why". */
  rationale: storableString().trim().max(5000).optional(),
  /** Required to reopen a signed-off claim (back to in_review or open); kept as its status reason. */
  reason: storableString().trim().max(2000).optional(),
  /**
   * When signing off: the rating published (ClaimReview's reviewRating). Default: the revealed
   * consensus of the current round; one other than that consensus is recorded as an override.
   */
  rating: verdictSchema.optional(),
});

export const commentBody = z.strictObject({ body: storableString().trim().min(1).max(10_000), replyTo: z.uuid().nullable().optional() });
export const commentReply = z.object({ comment: commentSchema });
