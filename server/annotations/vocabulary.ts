/**
 * The Web Annotation vocabulary as Corroborate writes and reads it, once for both directions: the
 * JSON-LD context, the motivations of the Web Annotation Vocabulary, and the `corroborate:` terms
 * that carry what the model has no word for (a body's role, a piece of evidence's stance and kind).
 * The export (server/export/formats/annotations.ts) writes these names; the import (parse.ts) reads them.
 */
/** The Web Annotation context (annotation-model §5); its terms are those of the W3C's anno.jsonld. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The motivations (and body purposes) of the Web Annotation Vocabulary §3.3.5. `assessing` is one
 * of them, though the anno.jsonld in the W3C's repository lacks its term (w3c/web-annotation#444);
 * the context served at ANNOTATION_CONTEXT has `"assessing": "oa:assessing"`.
 */
export const MOTIVATIONS = [
  'assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting',
  'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging',
] as const;
export type Motivation = (typeof MOTIVATIONS)[number];

/** Where the `corroborate:` terms live: this Corroborate's own namespace. */
export const corroborateNamespace = (origin: string) => `${origin}/ns#`;

/**
 * The context of an export: the Web Annotation context, then the prefixes of the extension terms
 * (`corroborate:` for ours, `dc:` for Dublin Core terms as the title of a link). Every key the
 * export writes expands to an IRI through it.
 */
export const exportContext = (origin: string) => [ANNOTATION_CONTEXT, { corroborate: corroborateNamespace(origin), dc: 'http://purl.org/dc/terms/' }];

/**
 * What an `assessing` or `commenting` body of a Corroborate export says, in `corroborate:role`:
 * `status` the claim's status; `rating` the published rating (the consensus on the scale, with
 * `schema:ratingValue`); `consensus` the current round's revealed blind consensus (with
 * `corroborate:agreement` and `corroborate:votes`); `rationale` the lead's sign-off; `override` what
 * the sign-off overrode; `not_counted` revised verdicts and votes after reveal, never in the tally.
 */
export const BODY_ROLES = ['status', 'rating', 'consensus', 'rationale', 'override', 'not_counted'] as const;
export type BodyRole = (typeof BODY_ROLES)[number];

/** The `corroborate:` keys, as they appear in an export. */
export const TERMS = {
  role: 'corroborate:role',
  agreement: 'corroborate:agreement',
  votes: 'corroborate:votes',
  override: 'corroborate:override',
  stance: 'corroborate:stance',
  kind: 'corroborate:kind',
  excerpt: 'corroborate:excerpt',
  confidence: 'corroborate:confidence',
  statusReason: 'corroborate:statusReason',
  archivedAt: 'corroborate:archivedAt',
  archiveSha256: 'corroborate:archiveSha256',
  title: 'dc:title',
} as const;

/** The verdict scale of a rating, as schema.org's Rating counts it (5 = accurate … 1 = inaccurate). */
export const RATING_SCALE = { best: 5, worst: 1 } as const;
