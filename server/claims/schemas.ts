import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { storable, storableString } from '../validation';
import { claimStatus, evidenceKind, stance } from '../../db/schema';
import { userRefSchema } from '../auth/schemas';
import { VERDICTS } from '../shared/claim-doc';

const iso = z.string().describe('ISO 8601 time');
const offset = z.number().int().min(0);

export const anchorSchema = z.object({
  start: offset,
  end: offset,
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  version: z.number().int().optional().describe('the document version whose text the offsets count in'),
});
export const verdictSchema = z.enum(VERDICTS);

export const evidenceSchema = z.object({
  id: z.uuid(),
  kind: createSelectSchema(evidenceKind),
  stance: createSelectSchema(stance),
  url: z.string().nullable(),
  title: z.string().nullable(),
  excerpt: z.string().nullable(),
  documentId: z.uuid().nullable(),
  anchor: anchorSchema.nullable(),
  addedBy: userRefSchema.nullable(),
  addedAt: iso,
});

export const tallySchema = z.object({
  count: z.number().int(),
  byVerdict: z.record(z.string(), z.number().int()),
  consensus: verdictSchema.nullable(),
  agreement: z.number().nullable(),
});

/** A comment; `user` is null once its author's account is deleted. */
export const commentSchema = z.object({ id: z.uuid(), user: userRefSchema.nullable(), body: z.string(), replyTo: z.uuid().nullable(), at: iso });
export const voteSchema = z.object({
  user: userRefSchema,
  verdict: verdictSchema,
  confidence: z.number().nullable(),
  note: z.string(),
  at: iso,
  /** The voting round it was cast in, and the claim's quoted words it was cast on. */
  round: z.number().int(),
  wording: z.string().nullable(),
  /** First cast after the round's reveal: shown, never counted in the blind tally. */
  afterReveal: z.boolean(),
  /** A verdict recorded after reveal beside the blind one, with its reason; the tally keeps the blind verdict. */
  revised: z.object({ verdict: verdictSchema, reason: z.string(), at: iso }).nullable(),
});

/** The lead's sign-off of a verified or rejected claim: the published "why" and rating, who, when, and what was overridden. */
export const signOffSchema = z.object({
  rationale: z.string().nullable(),
  /** The rating published (ClaimReview's reviewRating): chosen at sign-off, by default the revealed consensus; null when there was none. */
  rating: verdictSchema.nullable(),
  by: userRefSchema.nullable(),
  at: iso.nullable(),
  override: z.array(z.string()),
});

export const claimSchema = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  /** `version`: the document version the anchor's offsets count in (API.md "A new version"). */
  anchor: anchorSchema.extend({ version: z.number().int() }),
  status: createSelectSchema(claimStatus),
  confidence: z.number().int().min(0).max(100).nullable(),
  note: z.string(),
  tags: z.array(z.string()),
  createdBy: userRefSchema.nullable(),
  createdAt: iso,
  updatedAt: iso,
  evidence: z.array(evidenceSchema),
  votes: z.array(voteSchema),
  revealed: z.boolean(),
  tally: tallySchema,
  /** The current voting round (a new one starts when the claim's quoted words change). */
  round: z.number().int(),
  /** Votes of earlier rounds, cast on earlier wording: shown, never counted. Before reveal, only the caller's own. */
  earlierVotes: z.array(voteSchema),
  /** Why the status is what it is, when the server or a lead said so ("text changed in v2", a reopening's reason). */
  statusReason: z.string().nullable(),
  /** Set while the claim is verified or rejected. */
  signOff: signOffSchema.nullable(),
  /** Set while a lead has the signed-off claim published: its public fact-check page, readable without signing in. */
  publication: z.object({ url: z.string(), at: iso }).nullable(),
  comments: z.array(commentSchema),
  /** Set when a new version of the document could not re-anchor the claim: the old passage and the best candidate. */
  review: z
    .object({
      reason: z.enum(['not_found', 'low_score', 'ambiguous']),
      fromVersion: z.number().int(),
      old: anchorSchema,
      candidate: z.object({ anchor: anchorSchema, score: z.number() }).nullable(),
    })
    .nullable(),
});
export type ClaimJson = z.infer<typeof claimSchema>;

export const claimParams = z.object({ id: z.uuid({ error: 'must be a claim id (UUID)' }) });

const confidence = z.number().int().min(0).max(100).nullable();
const note = storableString().max(100_000);
const tags = z.array(storableString().trim().min(1).max(100)).max(100);

export const createClaimBody = z
  .strictObject({
    start: offset.optional(),
    end: offset.optional(),
    exact: storableString().min(1).max(10_000).optional(),
    prefix: storableString().max(1000).optional(),
    suffix: storableString().max(1000).optional(),
    confidence: confidence.optional(),
    note: note.optional(),
    tags: tags.optional(),
  })
  .refine((b) => (b.start !== undefined && b.end !== undefined) || b.exact !== undefined, {
    error: 'give either start and end, or exact (with optional prefix and suffix)',
  });

export const patchClaimBody = z.strictObject({ confidence: confidence.optional(), note: note.optional(), tags: tags.optional() });

const httpUrl = storable(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(4000));

export const createEvidenceBody = z
  .strictObject({
    kind: createSelectSchema(evidenceKind),
    stance: createSelectSchema(stance),
    url: httpUrl.optional(),
    title: storableString().trim().max(1000).optional(),
    excerpt: storableString().max(20_000).optional(),
    documentId: z.uuid().optional(),
    start: offset.optional(),
    end: offset.optional(),
  })
  .refine((b) => b.kind !== 'url' || b.url !== undefined, { error: 'url evidence needs a url', path: ['url'] })
  .refine((b) => b.kind !== 'quote' || (b.excerpt ?? '').trim() !== '', { error: 'quote evidence needs an excerpt', path: ['excerpt'] })
  .refine((b) => b.kind !== 'document' || (b.documentId !== undefined && b.start !== undefined && b.end !== undefined), {
    error: 'document evidence needs documentId, start and end',
    path: ['documentId'],
  });

/** `GET /api/claims/:id/history?kinds=a,b&important=true`: only those actions, only the important ones. */
export const historyQuery = z.strictObject({
  kinds: z.string().max(2000).optional().describe('comma-separated actions, e.g. status_changed,vote_changed'),
  important: z.enum(['true', 'false']).optional().describe('true: only the entries that stand out (status, votes, reveal, re-anchoring, undone writes)'),
});

export const historySchema = z.object({
  events: z.array(
    z.object({
      id: z.number().int(),
      at: iso.describe('when the entry began (a folded run of edits: its first edit)'),
      user: userRefSchema.nullable(),
      action: z.string(),
      /** Status changes, votes, reveals, re-anchoring, deletion, undone writes: everything but routine edits. */
      important: z.boolean(),
      /** The change was made while its author was offline and synced when they reconnected. */
      offline: z.boolean(),
      field: z.string().nullable(),
      from: z.unknown(),
      to: z.unknown(),
      /** Why, when one was given: a reopening, a revised verdict, a sign-off's rationale, "text changed in v2". */
      reason: z.string().nullable(),
    }),
  ),
});

export const claimReply = z.object({ claim: claimSchema });
export const claimsReply = z.object({ claims: z.array(claimSchema) });
export const evidenceReply = z.object({ evidence: evidenceSchema });
