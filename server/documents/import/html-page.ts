import { parseHTML } from 'linkedom';
import { htmlTitle, htmlToText } from './html';
import { takeNotes } from './html-notes';
import { withNotesSection, type Note } from './notes';
import type { MetadataCandidates } from './metadata';
import { mainContent } from './readable';

/**
 * Whether HTML could hold footnotes (an in-page link or a superscript) or page furniture
 * (LibreOffice's `<div title="header">`): other pages skip the extra parse.
 */
const mayNeedSplitting = (html: string) => /href\s*=\s*["']?#|<sup[\s>]|title\s*=\s*["']?(?:header|footer)\b/i.test(html);
/** The running header and footer LibreOffice writes into a page it exports, as on every printed page. */
const PAGE_FURNITURE = 'div[title="header"], div[title="footer"]';
const isFragment = (html: string) => !/<body[\s>]/i.test(html);

/** A linkedom document for HTML text; a fragment becomes the body of one (linkedom needs the `html` and `body` elements). */
export function parseDocument(html: string): Document {
  const full = isFragment(html) ? `<!DOCTYPE html><html><head></head><body>${html}</body></html>` : /<html[\s>]/i.test(html) ? html : `<html>${html}</html>`;
  return parseHTML(full).document as unknown as Document;
}

/**
 * Takes the footnotes out of HTML (html-notes.ts): the HTML with its markers written as `[n]`,
 * its notes and its running header and footer removed, and the notes. HTML with neither comes
 * back as it was.
 */
export function splitNotes(html: string): { html: string; notes: Note[] } {
  if (!mayNeedSplitting(html)) return { html, notes: [] };
  const document = parseDocument(html);
  const furniture = [...document.querySelectorAll(PAGE_FURNITURE)];
  for (const el of furniture) el.remove();
  const notes = takeNotes(document);
  if (!notes.length && !furniture.length) return { html, notes };
  return { html: isFragment(html) ? document.body.innerHTML : document.toString(), notes };
}

/**
 * The canonical text of a web page and the title it carries: its footnotes are taken out first
 * (so Readability can neither drop them nor keep their backlinks), then its main content is kept
 * (readable.ts), and the notes follow as a notes section of `[n] text` paragraphs. Its metadata
 * (html-metadata.ts) comes along as candidates to be cleaned (metadata.ts), the title of the
 * article Readability found first.
 */
export function htmlPageText(raw: string): { text: string; title?: string; metadata: MetadataCandidates } {
  const { html, notes } = splitNotes(raw);
  const main = mainContent(html);
  const metadata = { ...main.metadata, titles: [main.title, ...(main.metadata.titles ?? [])] };
  return { text: withNotesSection(htmlToText(main.html), notes), title: main.title ?? htmlTitle(raw), metadata };
}
