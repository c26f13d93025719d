import { ratingOf } from '../../votes/agreement';
import { VERDICT_LABELS } from '../../shared/labels';
import { publishedDocumentPath } from '../../shared/public-paths';
import type { ArchiveSummary } from '../../archive/repository';
import type { ClaimJson } from '../../claims/schemas';
import type { Verdict } from '../../shared/claim-doc';
import type { ExportItem } from '../repository';
import { publishedConsensus, reviewBody } from './review-text';
import { claimUrl, documentUrl, type ExportContext, type ExportFormat } from './types';

/** Word boundaries as browsers find them for text fragments (Unicode UAX #29 word segmentation). */
const WORDS = new Intl.Segmenter('en', { granularity: 'word' });

/** A quote shorter than this is matched whole (`text=quote`); a longer one by its first and last words. */
const WHOLE_QUOTE = 80;
/** Roughly how long each end of a long quote (`textStart`, `textEnd`) is, cut at a word's end. */
const QUOTE_END = 32;

/**
 * Percent-encoding for a text directive: what encodeURIComponent escapes, plus `-` (which marks a
 * prefix or suffix); `&` and `,` (which separate directives and their parts) it already escapes.
 */
const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');

/**
 * The passage widened to whole words: a text fragment only matches at word boundaries on both ends.
 * Only the segments at the two ends are looked up (`containing`), not the whole context.
 */
function wholeWords(exact: string, prefix: string, suffix: string): string {
  // Joined before replacing lone surrogates: half a pair at either edge of `exact` finds its other half (same length either way).
  const context = (prefix + exact + suffix).toWellFormed();
  const segments = WORDS.segment(context);
  const from = prefix.length;
  const to = from + exact.length;
  // The last boundary at or before `from`, and the first at or after `to`.
  const start = from < context.length ? segments.containing(from)!.index : from;
  const last = to < context.length ? segments.containing(to)! : null;
  const end = last && last.index < to ? last.index + last.segment.length : to;
  return context.slice(start, end);
}

/**
 * The first (or, `fromEnd`, last) words of `text`, about QUOTE_END long, never cut inside a word.
 * The segments are taken one at a time from that end, so a long quote is not segmented whole.
 */
function quoteEnd(text: string, fromEnd: boolean): { part: string; at: number } {
  const segments = WORDS.segment(text);
  let length = 0;
  let words = 0;
  while (length < text.length) {
    const { segment, isWordLike } = segments.containing(fromEnd ? text.length - length - 1 : length)!;
    length += segment.length;
    if (isWordLike) words++;
    // Stop after a word (not on a space or a comma), once long enough.
    if (isWordLike && length >= QUOTE_END && words >= 2) break;
  }
  const part = fromEnd ? text.slice(text.length - length) : text.slice(0, length);
  return { part: part.trim(), at: fromEnd ? text.length - length : length };
}

/**
 * A link to the exact passage: `base` (its own fragment dropped) with a text fragment
 * (`#:~:text=`, WICG Text Fragments), which browsers scroll to and highlight. Browsers match a
 * directive's terms only at word boundaries, so the quote is first widened to whole words using
 * the anchor's context; a long quote becomes `textStart,textEnd`, each a few whole words. Word
 * segments never split a surrogate pair (a selection ending inside one takes the whole character),
 * and a lone surrogate is replaced, so the URL always encodes.
 */
export function passageUrl(base: string, anchor: { exact: string; prefix?: string; suffix?: string }): string {
  const quote = wholeWords(anchor.exact, anchor.prefix ?? '', anchor.suffix ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  let fragment = enc(quote);
  if (quote.length > WHOLE_QUOTE) {
    const head = quoteEnd(quote, false);
    const tail = quoteEnd(quote, true);
    if (head.at <= tail.at && head.part && tail.part) fragment = `${enc(head.part)},${enc(tail.part)}`;
  }
  return `${base.split('#')[0]}#:~:text=${fragment}`;
}

/** The rating a claim's review publishes: the one chosen at sign-off; for a claim signed off before ratings were chosen, the revealed consensus. */
const reviewVerdict = (claim: ClaimJson): Verdict | null => claim.signOff?.rating ?? publishedConsensus(claim);

/**
 * Whether a claim is exported as a ClaimReview: only a published claim (its public page is the
 * review's `url`) with a rating chosen at sign-off. Anything else would be a review nobody can
 * read, or one without a verdict.
 */
export const isClaimReview = (claim: ClaimJson): boolean => claim.publication !== null && Boolean(claim.signOff?.rating);

/**
 * schema.org ClaimReview, as fact-check tools (Google's fact-check markup, the ClaimReview
 * readers of fact-check databases) read it: `reviewRating` is the rating chosen at sign-off, by
 * name (`alternateName`) and by its place on the scale (`ratingValue` 5 = accurate … 1 =
 * inaccurate; `unverifiable` is off the scale and has only its name); `reviewBody` is the lead's
 * rationale (with any override and revision); `url` the public page; `itemReviewed` the claim as
 * it appeared: its source's authors and date, and the source's URL with a text fragment on the
 * passage (without a source URL, the public page of the document, which quotes it).
 */
export function claimReview({ claim, document, archives }: ExportItem, ctx: ExportContext) {
  const verdict = reviewVerdict(claim);
  const body = reviewBody(claim);
  const rating = verdict ? ratingOf(verdict) : null;
  const source = document.sourceUrl ?? ctx.origin + publishedDocumentPath(document.id);
  const passage = passageUrl(source, claim.anchor);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    // A published claim's review points at its public page; any other at the reader (which needs signing in).
    url: claim.publication ? ctx.origin + claim.publication.url : claimUrl(ctx, document.id, claim.id),
    claimReviewed: claim.anchor.exact,
    ...(body ? { reviewBody: body } : {}),
    datePublished: (claim.publication?.at ?? claim.signOff?.at ?? claim.updatedAt).slice(0, 10),
    author: { '@type': 'Organization', name: ctx.workspaceName, url: ctx.origin },
    reviewRating: {
      '@type': 'Rating',
      ...(rating !== null ? { ratingValue: rating } : {}),
      bestRating: 5,
      worstRating: 1,
      alternateName: verdict ? VERDICT_LABELS[verdict] : 'Not rated',
    },
    itemReviewed: {
      '@type': 'Claim',
      // The source's own date and authors (document metadata); never our import date.
      ...(document.authors.length ? { author: document.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
      ...(document.sourcePublishedOn ? { datePublished: document.sourcePublishedOn } : {}),
      appearance: [{ '@type': 'CreativeWork', url: passage, name: document.title, text: claim.anchor.exact }],
      firstAppearance: { '@type': 'CreativeWork', url: passage, name: document.title },
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

/** Whether an export (by its context) has written a review yet: separators go between reviews, and claims that are not reviews are left out. */
const started = new WeakMap<ExportContext, boolean>();

/** The `claimreview` format: a JSON array of the export's published, rated claims (see isClaimReview); the others are left out. */
export const claimReviewFormat: ExportFormat = {
  contentType: 'application/ld+json; charset=utf-8',
  extension: 'jsonld',
  head: () => '[\n',
  item: (item, _index, ctx) => {
    if (!isClaimReview(item.claim)) return '';
    const separator = started.get(ctx) ? ',\n' : '';
    started.set(ctx, true);
    return `${separator}${JSON.stringify(claimReview(item, ctx))}`;
  },
  tail: () => '\n]\n',
};
