import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlMetadata } from './html-metadata';
import type { MetadataCandidates } from './metadata';

/**
 * The main content of a web page (Mozilla's Readability, the engine of Firefox's reader view, on a
 * linkedom DOM): navigation, ads and boilerplate go; the article's HTML and title stay. Pages that
 * are not articles come back whole. The page's metadata (html-metadata.ts) is read from the same
 * parse, before Readability rewrites the document.
 */
export function mainContent(html: string): { html: string; title?: string; metadata: MetadataCandidates } {
  let metadata: MetadataCandidates = {};
  try {
    const { document } = parseHTML(html);
    try {
      metadata = htmlMetadata(document as unknown as Document);
    } catch {
      // Metadata is a courtesy: a page whose tags cannot be read imports without it.
    }
    const article = new Readability(document as unknown as Document, { keepClasses: false }).parse();
    if (article?.content && (article.textContent ?? '').trim().length > 200) {
      return { html: article.content, title: article.title?.trim() || undefined, metadata };
    }
  } catch {
    // A page Readability cannot parse is imported whole.
  }
  return { html, metadata };
}
