/**
 * The rules of Google's fact-check markup (developers.google.com/search/docs/appearance/structured-data/factcheck)
 * for a ClaimReview, as a checker: returns the list of broken rules (empty when the object passes).
 */
export function claimReviewProblems(o: any): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, rule: string) => {
    if (!ok) problems.push(rule);
  };
  const isUrl = (u: unknown) => typeof u === 'string' && /^https?:\/\/\S+$/.test(u);
  need(o?.['@context'] === 'https://schema.org' || o?.['@context'] === 'http://schema.org', '@context is schema.org');
  need(o?.['@type'] === 'ClaimReview', '@type is ClaimReview');
  need(typeof o?.claimReviewed === 'string' && o.claimReviewed.trim().length > 0, 'claimReviewed is a non-empty text');
  need(isUrl(o?.url), 'url is the review page URL');
  need(typeof o?.datePublished === 'string' && !Number.isNaN(Date.parse(o.datePublished)), 'datePublished is a date');
  need(o?.author && ['Organization', 'Person'].includes(o.author['@type']) && typeof o.author.name === 'string' && o.author.name, 'author is an Organization or Person with a name');
  const r = o?.reviewRating;
  need(r?.['@type'] === 'Rating', 'reviewRating is a Rating');
  need(typeof r?.alternateName === 'string' && r.alternateName.length > 0, 'reviewRating.alternateName gives the rating in words');
  need(r?.bestRating === 5 && r?.worstRating === 1, 'bestRating 5 and worstRating 1');
  if (r && 'ratingValue' in r) {
    need(Number.isInteger(r.ratingValue) && r.ratingValue >= r.worstRating && r.ratingValue <= r.bestRating, 'ratingValue lies between worstRating and bestRating');
  }
  const item = o?.itemReviewed;
  need(item?.['@type'] === 'Claim', 'itemReviewed is a Claim');
  const appearance = Array.isArray(item?.appearance) ? item.appearance : item?.appearance ? [item.appearance] : [];
  need(appearance.length > 0 && appearance.every((a: any) => isUrl(a?.url)), 'itemReviewed.appearance points at the source by URL');
  need(appearance.some((a: any) => typeof a?.url === 'string' && a.url.includes('#:~:text=')), 'an appearance points at the exact passage');
  need(Array.isArray(o?.citation) && o.citation.every((c: any) => c?.['@type'] === 'CreativeWork'), 'citation is a list of CreativeWorks');
  return problems;
}
