import { convert, type FormatCallback } from 'html-to-text';

/** A numeric superscript (a footnote marker) becomes `[9]`, so citation linking can find it. */
const superscript: FormatCallback = (elem, walk, builder) => {
  const text = (elem.children ?? []).map((c: { data?: string; children?: Array<{ data?: string }> }) => c.data ?? c.children?.map((g) => g.data ?? '').join('') ?? '').join('').trim();
  if (/^\[?\d{1,4}\]?$/.test(text)) builder.addInline(`[${text.replace(/[[\]]/g, '')}]`);
  else walk(elem.children, builder);
};
import { canonicalText } from './text';

const plainHeading = { options: { uppercase: false } };

/**
 * Turns HTML into canonical plain text with its paragraphs kept. Only text leaves this function:
 * scripts, styles, images and link targets are dropped, so nothing from an import is ever executed
 * or rendered as HTML.
 */
export function htmlToText(html: string): string {
  const text = convert(html, {
    wordwrap: false,
    formatters: { superscript },
    preserveNewlines: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'head', format: 'skip' },
      { selector: 'title', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'noscript', format: 'skip' },
      { selector: 'iframe', format: 'skip' },
      { selector: 'hr', format: 'skip' },
      { selector: 'ul', options: { itemPrefix: '• ' } },
      { selector: 'sup', format: 'superscript' },
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, ...plainHeading })),
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
  return canonicalText(text);
}

/** The document's `<title>`, if it has one. */
export function htmlTitle(html: string): string | undefined {
  const match = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  const title = match ? htmlToText(match[1]) : '';
  return title || undefined;
}
