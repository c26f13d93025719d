/**
 * The rules of Google's fact-check markup (developers.google.com/search/docs/appearance/structured-data/factcheck)
 * for a ClaimReview, as a checker: returns the list of broken rules (empty when the object passes).
 * Required there: `claimReviewed`, `reviewRating` (a `Rating` whose `alternateName` is the verdict in
 * words; with a numeric `ratingValue`, `bestRating` and `worstRating` too) and `url` (the public page
 * of the fact-check). Recommended, and so required of our exports: `author`, `datePublished`, and
 * `itemReviewed`, a `Claim` with its `author`, `datePublished` and `appearance` / `firstAppearance`.
 * What the vocabulary allows (types, domains, ranges) is checked by ./schema-org.ts.
 */
export function claimReviewProblems(o: any): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, rule: string) => {
    if (!ok) problems.push(rule);
  };
  const isUrl = (u: unknown) => typeof u === 'string' && /^https?:\/\/\S+$/.test(u);
  const isDate = (d: unknown) => typeof d === 'string' && !Number.isNaN(Date.parse(d));
  const isAgent = (a: any) => ['Organization', 'Person'].includes(a?.['@type']) && typeof a.name === 'string' && a.name.trim().length > 0;
  const list = (x: unknown): any[] => (Array.isArray(x) ? x : x ? [x] : []);
  need(o?.['@context'] === 'https://schema.org' || o?.['@context'] === 'http://schema.org', '@context is schema.org');
  need(o?.['@type'] === 'ClaimReview', '@type is ClaimReview');
  need(typeof o?.claimReviewed === 'string' && o.claimReviewed.trim().length > 0, 'claimReviewed is a non-empty text');
  need(isUrl(o?.url), 'url is the review page URL');
  // The page must be readable by a crawler: never the reader behind sign-in (`/d/<id>#claim-<id>`).
  need(typeof o?.url === 'string' && !o.url.includes('#claim-'), 'url is a public page, not the reader');
  need(isDate(o?.datePublished), 'datePublished is a date');
  need(isAgent(o?.author), 'author is an Organization or Person with a name');
  const r = o?.reviewRating;
  need(r?.['@type'] === 'Rating', 'reviewRating is a Rating');
  need(typeof r?.alternateName === 'string' && r.alternateName.length > 0, 'reviewRating.alternateName gives the rating in words');
  need(r?.bestRating === 5 && r?.worstRating === 1, 'bestRating 5 and worstRating 1');
  if (r && 'ratingValue' in r) {
    need(Number.isInteger(r.ratingValue) && r.ratingValue >= r.worstRating && r.ratingValue <= r.bestRating, 'ratingValue lies between worstRating and bestRating');
  }
  const item = o?.itemReviewed;
  need(item?.['@type'] === 'Claim', 'itemReviewed is a Claim');
  if (item && 'author' in item) need(list(item.author).length > 0 && list(item.author).every(isAgent), "itemReviewed.author is the claim's Person or Organization, with a name");
  if (item && 'datePublished' in item) need(isDate(item.datePublished), 'itemReviewed.datePublished is a date');
  const appearance = list(item?.appearance);
  const first = list(item?.firstAppearance);
  need(appearance.length > 0 && appearance.every((a: any) => a?.['@type'] === 'CreativeWork' && isUrl(a?.url)), 'itemReviewed.appearance points at the source by URL');
  need(first.length === 1 && first[0]?.['@type'] === 'CreativeWork' && isUrl(first[0]?.url), 'itemReviewed.firstAppearance is one CreativeWork with a URL');
  need(appearance.some((a: any) => typeof a?.url === 'string' && a.url.includes('#:~:text=')), 'an appearance points at the exact passage');
  for (const a of [...appearance, ...first]) {
    const fragment = typeof a?.url === 'string' ? a.url.split('#:~:text=')[1] : undefined;
    // A text directive: one or two terms (textStart[,textEnd]), `-`, `&` and `,` inside a term percent-encoded.
    if (fragment !== undefined) need(/^[%\w.!$'()*+/:;=?@~]+(,[%\w.!$'()*+/:;=?@~]+)?$/.test(fragment), 'a text fragment is a well-formed text directive');
  }
  // citation is not one of Google's properties; when given, it lists CreativeWorks.
  if (o && 'citation' in o) need(Array.isArray(o.citation) && o.citation.every((c: any) => c?.['@type'] === 'CreativeWork'), 'citation is a list of CreativeWorks');
  return problems;
}
