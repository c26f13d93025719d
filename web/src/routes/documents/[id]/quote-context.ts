/** The text around a claim's quote, as the claim detail shows it. */
export interface QuoteContext {
  before: string;
  after: string;
}

/**
 * The anchor's prefix and suffix tidied for reading: whitespace runs (paragraph breaks) become one
 * space, and where the context stops short of the text's start or end, a word it cuts in half is
 * dropped and "…" marks the cut.
 */
export function quoteContext(text: string, anchor: { start: number; end: number; prefix: string; suffix: string }): QuoteContext {
  let before = anchor.prefix.replace(/\s+/g, ' ');
  let after = anchor.suffix.replace(/\s+/g, ' ');
  const beforeStart = anchor.start - anchor.prefix.length;
  if (beforeStart > 0) {
    const cut = /\s/.test(text[beforeStart - 1] ?? ' ') ? -1 : before.indexOf(' ');
    before = '…' + before.slice(cut + 1);
  }
  const afterEnd = anchor.end + anchor.suffix.length;
  if (afterEnd < text.length) {
    const cut = /\s/.test(text[afterEnd] ?? ' ') ? after.length : after.lastIndexOf(' ');
    after = (cut <= 0 ? after : after.slice(0, cut)).trimEnd();
    // "jobs. …" rather than "jobs.…": the ellipsis stands for the text that follows.
    after += /[.!?;:]$/.test(after) ? ' …' : '…';
  }
  return { before, after };
}
