import { ratingOf } from '../../votes/agreement';
import { VERDICT_LABELS } from '../../shared/labels';
import type { ArchiveSummary } from '../../archive/repository';
import type { ExportItem } from '../repository';
import { publishedConsensus, reviewBody } from './review-text';
import { claimUrl, documentUrl, type ExportContext, type ExportFormat } from './types';


/**
 * A link to the exact passage: the source's URL with a text fragment (`#:~:text=`), which browsers
 * scroll to and highlight.
 */
export function passageUrl(base: string, exact: string): string {
  const words = exact.replace(/\s+/g, ' ').trim();
  const fragment = words.length > 120 ? `${enc(words.slice(0, 50))},${enc(words.slice(-50))}` : enc(words);
  return `${base.split('#')[0]}#:~:text=${fragment}`;
}
const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');

/**
 * schema.org ClaimReview, as Google's fact-check markup requires it: the rating comes from the
 * revealed consensus of the current round's blind votes (5 = accurate … 1 = inaccurate), never from
 * revisions, votes after reveal or votes on earlier wording. A claim without a rating on that scale
 * (no revealed consensus in the current round, or `unverifiable`) has no `ratingValue`, and says
 * why in `alternateName`. `reviewBody` is the lead's rationale, with any override and revision.
 */
export function claimReview({ claim, document, archives }: ExportItem, ctx: ExportContext) {
  const consensus = publishedConsensus(claim);
  const body = reviewBody(claim);
  const rating = consensus ? ratingOf(consensus) : null;
  const source = document.sourceUrl ?? documentUrl(ctx, document.id);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    // A published claim's review points at its public page; any other at the reader (which needs signing in).
    url: claim.publication ? ctx.origin + claim.publication.url : claimUrl(ctx, document.id, claim.id),
    claimReviewed: claim.anchor.exact,
    ...(body ? { reviewBody: body } : {}),
    datePublished: claim.updatedAt.slice(0, 10),
    author: { '@type': 'Organization', name: ctx.workspaceName, url: ctx.origin },
    reviewRating: {
      '@type': 'Rating',
      ...(rating !== null ? { ratingValue: rating } : {}),
      bestRating: 5,
      worstRating: 1,
      alternateName: consensus ? VERDICT_LABELS[consensus] : claim.revealed ? 'No consensus' : 'Not yet rated',
    },
    itemReviewed: {
      '@type': 'Claim',
      // The source's own date and authors (document metadata); never our import date.
      ...(document.sourcePublishedOn ? { datePublished: document.sourcePublishedOn } : {}),
      ...(document.authors.length ? { author: document.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
      appearance: [{ '@type': 'CreativeWork', url: passageUrl(source, claim.anchor.exact), name: document.title, text: claim.anchor.exact }],
      firstAppearance: { '@type': 'CreativeWork', url: source, name: document.title },
    },
    citation: claim.evidence.map((e) => ({
      '@type': 'CreativeWork',
      ...(e.url ? { url: e.url } : e.documentId ? { url: documentUrl(ctx, e.documentId) } : {}),
      ...(e.title ? { name: e.title } : {}),
      ...(e.excerpt ? { text: e.excerpt } : {}),
      ...archivedAt(ctx, claim.id, e.id, archives?.get(e.id)),
      // How the evidence bears on the claim, in schema.org's vocabulary-free way: a keyword.
      keywords: e.stance,
    })),
  };
}

/**
 * A link's archived copy as schema.org's `archivedAt` (a property of CreativeWork): a WebPage with
 * the time it was fetched and the SHA-256 of its text as an identifier.
 */
function archivedAt(ctx: ExportContext, claimId: string, evidenceId: string, archive: ArchiveSummary | undefined) {
  if (!archive) return {};
  return {
    archivedAt: {
      '@type': 'WebPage',
      url: `${ctx.origin}/api/claims/${claimId}/evidence/${evidenceId}/archive`,
      dateCreated: archive.fetchedAt,
      identifier: { '@type': 'PropertyValue', propertyID: 'sha256', value: archive.sha256 },
    },
  };
}

export const claimReviewFormat: ExportFormat = {
  contentType: 'application/ld+json; charset=utf-8',
  extension: 'jsonld',
  head: () => '[\n',
  item: (item, index, ctx) => `${index ? ',\n' : ''}${JSON.stringify(claimReview(item, ctx))}`,
  tail: () => '\n]\n',
};
