import { randomUUID } from 'node:crypto';
import { VERDICT_LABELS } from '../../shared/labels';
import type { Anchor } from '../../anchoring';
import { CodePointOffsets } from '../../annotations/code-points';
import { toUri } from '../../annotations/iri';
import { ANNOTATION_CONTEXT, exportContext, RATING_SCALE, TERMS, type BodyRole } from '../../annotations/vocabulary';
import { ratingOf } from '../../votes/agreement';
import type { ExportItem } from '../repository';
import { overrideSentence, publishedConsensus, voteNotes } from './review-text';
import { claimUrl, documentUrl, type ExportContext, type ExportFormat } from './types';

export { ANNOTATION_CONTEXT };

type Json = Record<string, unknown>;

/**
 * An export item, and the canonical text its claim's offsets count in when the export read it:
 * with it the TextPositionSelector counts code points as the model says; without it (see
 * `positionSelector`) the stored UTF-16 offsets are written.
 */
export type AnnotationItem = ExportItem & { text?: string };

/**
 * The address of a comment, as the `id` of its `replying` annotation: under its claim's address, so
 * that opening it in the reader lands on the claim whose thread holds it.
 */
export const commentUrl = (ctx: ExportContext, documentId: string, claimId: string, commentId: string) =>
  `${claimUrl(ctx, documentId, claimId)}/comments/${commentId}`;

/**
 * The TextPositionSelector of an anchor: `start` and `end` in Unicode code points of the text
 * (annotation-model §4.2.5), converted from the UTF-16 code units Corroborate stores. Without the
 * text the stored offsets are written as they are; they agree whenever no character before the end
 * of the passage lies outside the Basic Multilingual Plane (no emoji, no flag).
 */
export function positionSelector(anchor: Pick<Anchor, 'start' | 'end'>, offsets?: CodePointOffsets) {
  return {
    type: 'TextPositionSelector',
    start: offsets ? offsets.fromUtf16(anchor.start) : anchor.start,
    end: offsets ? offsets.fromUtf16(anchor.end) : anchor.end,
  };
}

const quoteSelector = (anchor: Pick<Anchor, 'exact' | 'prefix' | 'suffix'>) => ({ type: 'TextQuoteSelector', exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix });

/** An `assessing` TextualBody of the given role (vocabulary.ts BODY_ROLES). */
const assessing = (role: BodyRole, value: string, extra: Json = {}): Json => ({ type: 'TextualBody', value, purpose: 'assessing', [TERMS.role]: role, ...extra });

/**
 * The claim's assessment as `assessing` bodies: its status; once the current round is revealed,
 * the rating (the consensus on the scale, as schema.org's Rating counts it) and the votes'
 * consensus with its agreement; the lead's rationale and any override. Blind verdicts are never
 * here: before reveal the export is read as by someone who has not voted (server/export/repository.ts).
 */
function assessments(item: ExportItem): Json[] {
  const { claim } = item;
  const bodies: Json[] = [assessing('status', claim.status, claim.statusReason ? { [TERMS.statusReason]: claim.statusReason } : {})];
  const consensus = publishedConsensus(claim);
  if (consensus) {
    const rating = ratingOf(consensus);
    bodies.push(
      assessing('rating', VERDICT_LABELS[consensus], rating === null ? {} : { 'schema:ratingValue': rating, 'schema:bestRating': RATING_SCALE.best, 'schema:worstRating': RATING_SCALE.worst }),
      assessing('consensus', consensus, { [TERMS.agreement]: claim.tally.agreement, [TERMS.votes]: claim.tally.count }),
    );
  }
  if (claim.signOff?.rationale) bodies.push(assessing('rationale', claim.signOff.rationale, { format: 'text/plain' }));
  const override = overrideSentence(claim);
  if (override) bodies.push(assessing('override', override, { format: 'text/plain', [TERMS.override]: claim.signOff!.override }));
  return bodies;
}

/**
 * The evidence as `linking` bodies: a link as a SpecificResource whose `source` is the URL (made a
 * valid IRI); a passage of another document as a SpecificResource on that document with its quote
 * (no position: its offsets count in a text this export does not carry) and the passage's words as
 * `corroborate:excerpt`; a quotation as a TextualBody. Only a SpecificResource has an `id`: the test
 * suite reads any body with an `id` and no `source` as an External Web Resource, which may not
 * have a `purpose` (annotation-model §3.3.5).
 */
function evidenceBodies({ claim, document, archives }: ExportItem, ctx: ExportContext): Json[] {
  return claim.evidence.map((e) => {
    const described = { [TERMS.stance]: e.stance, [TERMS.kind]: e.kind, ...(e.title ? { [TERMS.title]: e.title } : {}) };
    const archive = archives?.get(e.id);
    // The archived copy of a link (server/archive): when it was fetched and the SHA-256 of its text.
    const archived = archive ? { [TERMS.archivedAt]: archive.fetchedAt, [TERMS.archiveSha256]: archive.sha256 } : {};
    const id = `${claimUrl(ctx, document.id, claim.id)}/evidence/${e.id}`;
    if (e.url) {
      return { id, type: 'SpecificResource', source: toUri(e.url), purpose: 'linking', ...described, ...(e.excerpt ? { [TERMS.excerpt]: e.excerpt } : {}), ...archived };
    }
    if (e.documentId && e.anchor) {
      const excerpt = e.excerpt ?? e.anchor.exact;
      return { id, type: 'SpecificResource', source: documentUrl(ctx, e.documentId), selector: quoteSelector(e.anchor), purpose: 'linking', ...described, [TERMS.excerpt]: excerpt };
    }
    return { type: 'TextualBody', value: e.excerpt ?? '', format: 'text/plain', purpose: 'linking', ...described };
  });
}

/**
 * `corroborate:sameClaim`: the annotations of the claims a person confirmed as the same claim as
 * this one (server/matching), as node references (`{"id": IRI}`, which the context reads as
 * `@id`). The Web Annotation Vocabulary has no relation between annotations, and a `linking` body
 * would read as evidence (the import takes those as evidence): an extension property in our own
 * namespace is how the model is extended.
 */
export const SAME_CLAIM = 'corroborate:sameClaim';
const sameClaimLinks = ({ sameClaims }: ExportItem, ctx: ExportContext) =>
  sameClaims?.length ? { [SAME_CLAIM]: sameClaims.map((l) => ({ id: claimUrl(ctx, l.documentId, l.claimId) })) } : {};

/**
 * One W3C Web Annotation per claim (motivation `assessing`): the target is the document (its
 * source URL, or the document in Corroborate) with a TextQuoteSelector and a TextPositionSelector;
 * the bodies are the claim's note (`commenting`) and tags (`tagging`), its assessment (`assessing`,
 * see `assessments`), the notes on votes that do not count, and its evidence (`linking`).
 */
export function annotation(item: ExportItem, ctx: ExportContext, offsets?: CodePointOffsets) {
  const { claim, document } = item;
  const body: Json[] = [];
  if (claim.note) body.push({ type: 'TextualBody', value: claim.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of claim.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  body.push(...assessments(item));
  for (const n of voteNotes(claim)) body.push({ type: 'TextualBody', value: n, format: 'text/plain', purpose: 'commenting', [TERMS.role]: 'not_counted' });
  body.push(...evidenceBodies(item, ctx));
  return {
    id: claimUrl(ctx, document.id, claim.id),
    type: 'Annotation',
    motivation: 'assessing',
    created: claim.createdAt,
    modified: claim.updatedAt,
    ...(claim.createdBy ? { creator: { type: 'Person', name: claim.createdBy.name } } : {}),
    ...(claim.confidence !== null ? { [TERMS.confidence]: claim.confidence } : {}),
    ...sameClaimLinks(item, ctx),
    body,
    target: {
      source: document.sourceUrl ? toUri(document.sourceUrl) : documentUrl(ctx, document.id),
      selector: [quoteSelector(claim.anchor), positionSelector(claim.anchor, offsets)],
    },
  };
}

/**
 * The claim's comments as `replying` annotations (annotation-model §3.3.5): each targets the
 * claim's annotation, or the comment it answers. Comments are what every member reads on the claim.
 */
export function commentAnnotations({ claim, document }: ExportItem, ctx: ExportContext) {
  return claim.comments.map((c) => ({
    id: commentUrl(ctx, document.id, claim.id, c.id),
    type: 'Annotation',
    motivation: 'replying',
    created: c.at,
    ...(c.user ? { creator: { type: 'Person', name: c.user.name } } : {}),
    body: { type: 'TextualBody', value: c.body, format: 'text/plain' },
    target: c.replyTo ? commentUrl(ctx, document.id, claim.id, c.replyTo) : claimUrl(ctx, document.id, claim.id),
  }));
}

/** Per export (its context): the collection's id, the annotations written so far, and the text offsets of the current document. */
interface Progress {
  collectionId: string;
  written: number;
  offsets?: { documentId: string; text: string; index: CodePointOffsets };
}
const progress = new WeakMap<ExportContext, Progress>();

function offsetsFor(state: Progress, item: AnnotationItem): CodePointOffsets | undefined {
  if (item.text === undefined) return undefined;
  if (state.offsets?.documentId !== item.document.id || state.offsets.text !== item.text) {
    state.offsets = { documentId: item.document.id, text: item.text, index: new CodePointOffsets(item.text) };
  }
  return state.offsets.index;
}

/**
 * An AnnotationCollection (annotation-model §5.1) with an `id` and its annotations in one embedded
 * AnnotationPage (`first`, §5.2): each claim's annotation followed by its comments' replies.
 * `total` counts them all, so it is written last, once they are counted. The ids of the collection
 * and the page are `urn:uuid:` names minted per export.
 */
export const annotationsFormat: ExportFormat = {
  contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
  extension: 'jsonld',
  head: (ctx) => {
    const state: Progress = { collectionId: `urn:uuid:${randomUUID()}`, written: 0 };
    progress.set(ctx, state);
    // No `partOf`: the page is inside its collection, and the suite's page assertions read a `partOf`
    // as the collection's description (an object), so a bare IRI there fails them.
    const page = { id: `urn:uuid:${randomUUID()}`, type: 'AnnotationPage', startIndex: 0 };
    const open = JSON.stringify({ '@context': exportContext(ctx.origin), id: state.collectionId, type: 'AnnotationCollection', label: `${ctx.workspaceName}: claims`, first: page });
    // Leave the page object open for its items: `…"startIndex":0}}` becomes `…"startIndex":0,"items":[`.
    return `${open.slice(0, -2)},"items":[\n`;
  },
  item: (item, index, ctx) => {
    const state = progress.get(ctx)!;
    const annotations = [annotation(item, ctx, offsetsFor(state, item as AnnotationItem)), ...commentAnnotations(item, ctx)];
    const separator = state.written ? ',\n' : '';
    state.written += annotations.length;
    return separator + annotations.map((a) => JSON.stringify(a)).join(',\n');
  },
  tail: (ctx) => `\n]},"total":${progress.get(ctx)?.written ?? 0}}\n`,
};
