import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { claimStatus, matchDecision } from '../../db/schema';
import { userRefSchema } from '../auth/schemas';

const iso = z.string().describe('ISO 8601 time');

/** At most this many passages per suggestion-matches request (a document's suggestions fit). */
export const MAX_SPANS = 200;
/** A passage longer than this is not a sentence to match. */
export const MAX_SPAN_LENGTH = 2000;

export const matchedClaimSchema = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  documentTitle: z.string(),
  exact: z.string().describe('the claim’s quoted words'),
  status: createSelectSchema(claimStatus),
  signOff: z
    .object({ rating: z.string().nullable().describe('the rating the lead published (a verdict), if any'), by: userRefSchema.nullable(), at: iso.nullable() })
    .nullable()
    .describe('set when the claim is signed off (verified or rejected)'),
});

export const matchSchema = z
  .object({
    claim: matchedClaimSchema,
    state: z.enum(['proposed', ...matchDecision.enumValues]).describe('proposed by the rule, or decided by a person'),
    score: z.number().describe('wording similarity, 0..1'),
    agreements: z.array(z.string()).describe('what agrees, in words, e.g. "same figures: 5.2%"'),
    decidedBy: userRefSchema.nullable(),
    decidedAt: iso.nullable(),
  })
  .meta({ id: 'ClaimMatch' });

export const matchesReply = z.object({ matches: z.array(matchSchema) });
export const matchReply = z.object({ match: matchSchema });

export const decideBody = z.strictObject({
  otherClaimId: z.uuid({ error: 'must be a claim id (UUID)' }),
  decision: z.enum(matchDecision.enumValues),
});

export const matchParams = z.object({
  id: z.uuid({ error: 'must be a claim id (UUID)' }),
  otherClaimId: z.uuid({ error: 'must be a claim id (UUID)' }),
});

export const spansQuery = z.strictObject({
  spans: z
    .string()
    .max(MAX_SPANS * 16)
    .regex(/^\d{1,9}-\d{1,9}(,\d{1,9}-\d{1,9})*$/, { error: 'must be start-end passages separated by commas, e.g. 0-120,121-260' })
    .describe(`comma-separated start-end character ranges of the document's text (at most ${MAX_SPANS})`),
});

export const spanMatchesReply = z.object({
  passages: z.array(z.object({ start: z.number().int(), end: z.number().int(), matches: z.array(matchSchema) })),
});

export const documentMatchesReply = z.object({
  claims: z
    .array(
      z.object({
        claimId: z.uuid(),
        likely: z.number().int().describe('matches proposed by the rule and not yet decided'),
        same: z.number().int().describe('matches a person confirmed as the same claim'),
      }),
    )
    .describe('only the claims that have a match'),
  truncated: z.boolean().describe('true when the document has more claims than are looked up (the first 1,000 by position)'),
});
