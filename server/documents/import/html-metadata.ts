import { splitAuthors, type MetadataCandidates } from './metadata';

/** Schema.org types whose `author` and `datePublished` are a source's (JSON-LD in `<script type="application/ld+json">`). */
const ARTICLE_TYPE = /^(?:https?:\/\/schema\.org\/)?(?:\w*Article|BlogPosting|Report|WebPage)$/;
/** How many JSON-LD blocks and items are read: a page has a handful; a hostile one has no more say. */
const MAX_JSON_LD_BLOCKS = 20;
const MAX_JSON_LD_ITEMS = 200;

type Item = Record<string, unknown>;
const isItem = (v: unknown): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** The names in a JSON-LD `author`: a string, a Person or Organization with a `name`, or a list of them. */
function jsonLdNames(author: unknown): string[] {
  return asArray(author).slice(0, 50).flatMap((a) => (typeof a === 'string' ? splitAuthors(a) : isItem(a) && typeof a.name === 'string' ? [a.name] : []));
}

/** The article items of a page's JSON-LD blocks: top-level objects, lists and `@graph` members whose `@type` is an article's. */
function jsonLdArticles(document: Document): Item[] {
  const items: Item[] = [];
  const blocks = [...document.querySelectorAll('script[type="application/ld+json" i]')].slice(0, MAX_JSON_LD_BLOCKS);
  for (const script of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common; the page's other metadata still counts.
    }
    const queue = asArray(data).slice(0, MAX_JSON_LD_ITEMS);
    for (let i = 0; i < queue.length && i < MAX_JSON_LD_ITEMS; i++) {
      const item = queue[i];
      if (!isItem(item)) continue;
      if (Array.isArray(item['@graph'])) queue.push(...item['@graph'].slice(0, MAX_JSON_LD_ITEMS));
      if (asArray(item['@type']).some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) items.push(item);
    }
  }
  return items;
}

/**
 * What a web page says about itself, best first for each field: the title from `citation_title`,
 * JSON-LD `headline`, `og:title`, `<title>`, then the first `<h1>`; the address from
 * `<link rel="canonical">`, then `og:url` (a relative canonical link resolved against `og:url`);
 * the authors from Highwire `citation_author` tags (one person each), JSON-LD article `author`,
 * `<meta name="author">`, Open Graph `article:author` (when a name, not a profile URL) and Dublin
 * Core `dc.creator`; the date from `citation_publication_date`, JSON-LD `datePublished`,
 * `article:published_time`, `dc.date` and `<meta itemprop="datePublished">`. Reads a DOM that
 * Readability has not yet changed.
 */
export function htmlMetadata(document: Document): MetadataCandidates {
  const metas = new Map<string, string[]>();
  for (const meta of document.querySelectorAll('meta')) {
    const content = meta.getAttribute('content');
    if (content === null) continue;
    for (const attr of ['name', 'property', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key) metas.set(key, [...(metas.get(key) ?? []), content].slice(0, 50));
    }
  }
  const meta = (...keys: string[]) => keys.flatMap((k) => metas.get(k) ?? []);
  const articles = jsonLdArticles(document);
  const links = [...document.querySelectorAll('link[rel][href]')];
  const canonical = links.find((l) => (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))?.getAttribute('href') ?? undefined;
  const ogUrl = meta('og:url')[0];
  let canonicalUrl = canonical;
  try {
    canonicalUrl = canonical && ogUrl ? new URL(canonical, ogUrl).href : canonical;
  } catch {
    // og:url is not a URL to resolve against: the canonical link is taken as written.
  }
  return {
    titles: [
      ...meta('citation_title', 'dc.title'),
      ...articles.map((a) => (typeof a.headline === 'string' ? a.headline : undefined)),
      ...meta('og:title'),
      document.querySelector('title')?.textContent ?? undefined,
      document.querySelector('h1')?.textContent ?? undefined,
    ],
    urls: [canonicalUrl, ogUrl],
    authorLists: [
      meta('citation_author', 'dc.creator.personalname'),
      articles.flatMap((a) => jsonLdNames(a.author)),
      meta('author').flatMap(splitAuthors),
      meta('article:author').flatMap(splitAuthors),
      meta('dc.creator', 'dcterms.creator').flatMap(splitAuthors),
    ],
    dates: [
      ...meta('citation_publication_date', 'citation_date', 'citation_online_date'),
      ...articles.map((a) => (typeof a.datePublished === 'string' ? a.datePublished : undefined)),
      ...meta('article:published_time', 'datepublished', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.issued', 'dcterms.created'),
    ],
  };
}
