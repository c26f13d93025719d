import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/**
 * The main content of a web page (Mozilla's Readability, the engine of Firefox's reader view, on a
 * linkedom DOM): navigation, ads and boilerplate go; the article's HTML and title stay. Pages that
 * are not articles come back whole.
 */
export function mainContent(html: string): { html: string; title?: string } {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as Document, { keepClasses: false }).parse();
    if (article?.content && (article.textContent ?? '').trim().length > 200) {
      return { html: article.content, title: article.title?.trim() || undefined };
    }
  } catch {
    // A page Readability cannot parse is imported whole.
  }
  return { html };
}
