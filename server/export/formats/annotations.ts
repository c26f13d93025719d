import { toSelectors } from '../../anchoring';
import type { ExportItem } from '../repository';
import { overrideSentence, publishedConsensus, voteNotes } from './review-text';
import { claimUrl, documentUrl, type ExportContext, type ExportFormat } from './types';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * One W3C Web Annotation per claim: the target is the document with a TextQuoteSelector and a
 * TextPositionSelector; the bodies are the claim's note and tags, its status, and its evidence
 * (a link as a SpecificResource, a quotation or passage as a TextualBody), each with its stance as
 * the body's `purpose`-like `stance`.
 */
export function annotation({ claim, document, archives }: ExportItem, ctx: ExportContext) {
  const body: Array<Record<string, unknown>> = [];
  if (claim.note) body.push({ type: 'TextualBody', value: claim.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of claim.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  body.push({ type: 'TextualBody', value: claim.status, purpose: 'assessing' });
  // The rating is the current round's blind consensus; the rationale is the lead's published "why".
  const consensus = publishedConsensus(claim);
  if (consensus) body.push({ type: 'TextualBody', value: consensus, purpose: 'assessing', 'corroborate:role': 'consensus', 'corroborate:agreement': claim.tally.agreement, 'corroborate:votes': claim.tally.count });
  if (claim.signOff?.rationale) body.push({ type: 'TextualBody', value: claim.signOff.rationale, format: 'text/plain', purpose: 'assessing', 'corroborate:role': 'rationale' });
  const override = overrideSentence(claim);
  if (override) body.push({ type: 'TextualBody', value: override, format: 'text/plain', purpose: 'assessing', 'corroborate:role': 'override', 'corroborate:override': claim.signOff!.override });
  for (const n of voteNotes(claim)) body.push({ type: 'TextualBody', value: n, format: 'text/plain', purpose: 'commenting', 'corroborate:role': 'not_counted' });
  for (const e of claim.evidence) {
    const common = { id: `${claimUrl(ctx, document.id, claim.id)}/evidence/${e.id}`, 'corroborate:stance': e.stance, 'corroborate:kind': e.kind };
    // The archived copy of a link (server/archive): when it was fetched and the SHA-256 of its text.
    const archive = archives?.get(e.id);
    const archived = archive ? { 'corroborate:archivedAt': archive.fetchedAt, 'corroborate:archiveSha256': archive.sha256 } : {};
    if (e.url) body.push({ ...common, type: 'SpecificResource', source: e.url, purpose: 'linking', ...(e.title ? { 'dc:title': e.title } : {}), ...(e.excerpt ? { 'corroborate:excerpt': e.excerpt } : {}), ...archived });
    else if (e.documentId && e.anchor) {
      body.push({ ...common, type: 'SpecificResource', source: documentUrl(ctx, e.documentId), selector: toSelectors(e.anchor), purpose: 'linking', ...(e.excerpt ? { 'corroborate:excerpt': e.excerpt } : {}) });
    } else body.push({ ...common, type: 'TextualBody', value: e.excerpt ?? '', format: 'text/plain', purpose: 'linking' });
  }
  return {
    id: claimUrl(ctx, document.id, claim.id),
    type: 'Annotation',
    motivation: 'assessing',
    created: claim.createdAt,
    modified: claim.updatedAt,
    ...(claim.createdBy ? { creator: { type: 'Person', name: claim.createdBy.name } } : {}),
    ...(claim.confidence !== null ? { 'corroborate:confidence': claim.confidence } : {}),
    body,
    target: {
      source: document.sourceUrl ?? documentUrl(ctx, document.id),
      selector: toSelectors(claim.anchor),
    },
  };
}

export const annotationsFormat: ExportFormat = {
  contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
  extension: 'jsonld',
  head: (ctx) =>
    `{"@context":[${JSON.stringify(ANNOTATION_CONTEXT)},{"corroborate":${JSON.stringify(`${ctx.origin}/ns#`)},"dc":"http://purl.org/dc/terms/"}],` +
    `"type":"AnnotationCollection","label":${JSON.stringify(`${ctx.workspaceName}: claims`)},"total":${ctx.total},"items":[\n`,
  item: (item, index, ctx) => `${index ? ',\n' : ''}${JSON.stringify(annotation(item, ctx))}`,
  tail: () => '\n]}\n',
};
