import { htmlToText } from './html';
import { isOnlyBackArrows, type Note } from './notes';

/**
 * Footnotes in an HTML document (a linkedom DOM), in the shapes that writers and converters
 * produce: a marker is a short in-page link, `<sup><a href="#fn3">3</a></sup>` or
 * `<a href="#fn3" role="doc-noteref"><sup>3</sup></a>`, pointing forward to its note, an item of
 * a notes list after the text (Pandoc's `role="doc-endnotes"` section, WordPress's
 * `wp-block-footnotes`, Wikipedia's `<ol class="references">`, GitHub's `data-footnotes`, mammoth's
 * list, markdown-it's) or a note block (LibreOffice's `<div id="sdfootnote3">`, EPUB's `<aside>`).
 * A note's backlinks (↩︎, ↑, ^ a b) point back at its markers.
 */

/** Elements a note is, when a marker points at it or into it. */
const NOTE_ITEM = 'li, aside, dd, [role="doc-endnote"], [role="doc-footnote"]';
/** A marker's visible text: a number, a letter or a note symbol, bracketed or not. */
const MARKER_TEXT = /^[[(]?[\p{L}\d*†‡§¶]{1,4}[\])]?$/u;
const NOTE_WORDS = /fn|foot|note|cite|ref/i;
const INLINE = new Set(['A', 'SPAN', 'SUP', 'SUB', 'B', 'I', 'EM', 'STRONG', 'CITE', 'SMALL', 'FONT', 'ABBR']);
/** Headings of a notes section, which go with the notes (the import writes its own). */
const NOTES_HEADING = /^(notes?|footnotes?|endnotes?|references|sources|citations)\s*:?$/i;

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Whether an in-page link looks like a note marker rather than, say, a table of contents entry. */
function looksLikeMarker(link: Element): boolean {
  const shown = text(link);
  if (!MARKER_TEXT.test(shown)) return false;
  return (
    link.closest('sup') !== null ||
    link.querySelector('sup') !== null ||
    link.getAttribute('role') === 'doc-noteref' ||
    link.hasAttribute('data-footnote-ref') ||
    /^\[.*\]$/.test(shown) ||
    NOTE_WORDS.test(`${link.getAttribute('class') ?? ''} ${link.getAttribute('id') ?? ''} ${link.getAttribute('href') ?? ''}`)
  );
}

/** The note a marker's target is or lies in, or null when the target is not note-shaped. */
function noteOf(target: Element): Element | null {
  if (target.matches(NOTE_ITEM)) return target;
  let note: Element | null = null;
  if (INLINE.has(target.tagName)) note = target.closest(NOTE_ITEM) ?? target.closest('p, div');
  else if (target.tagName === 'P' || target.tagName === 'DIV') note = target;
  if (!note || note.querySelector('li, h1, h2, h3, h4, h5, h6, table, ol, ul') || text(note).length > 10_000) return null;
  // LibreOffice wraps each note's paragraphs in `<div id="sdfootnote3">`: the note is the whole div.
  const parent = note.parentElement;
  if (note.tagName === 'P' && parent?.tagName === 'DIV' && parent.id && [...parent.children].every((c) => c.tagName === 'P')) return parent;
  return note;
}

/** Removes an emptied notes container, with a "Notes" heading that led into it. */
function removeEmptied(container: Element | null, body: Element): void {
  const leftover = (el: Element) => {
    const rest = [...el.querySelectorAll('h1, h2, h3, h4, h5, h6')].reduce((s, h) => s.replace(text(h), ''), text(el)).trim();
    return rest === '' && [...el.querySelectorAll('h1, h2, h3, h4, h5, h6')].every((h) => NOTES_HEADING.test(text(h)));
  };
  let el = container;
  while (el && el !== body && leftover(el)) {
    const up: Element | null = el.parentElement;
    const before = el.previousElementSibling;
    el.remove();
    // The heading may sit in a wrapper with little else (Wikipedia's `<div class="mw-heading">` and its "[edit]").
    const heading = before && (/^H[1-6]$/.test(before.tagName) ? before : before.querySelector('h1, h2, h3, h4, h5, h6'));
    if (before && heading && NOTES_HEADING.test(text(heading)) && text(before).length - text(heading).length <= 12) before.remove();
    el = up;
  }
}

/**
 * Takes the footnotes out of an HTML document: each marker becomes the text `[n]`, each note is
 * removed with its backlinks, and the notes come back in document order, numbered 1, 2, 3 … as a
 * notes list shows them (Word's own note ids, which mammoth keeps in its links, play no part).
 * The emptied notes list goes too, with its "Notes" heading. Without linked notes, a numbered list
 * under a "Notes" heading is taken as the notes of `<sup>n</sup>` markers.
 */
export function takeNotes(document: Document): Note[] {
  const body = document.body;
  if (!body) return [];
  const all = [...body.querySelectorAll('*')];
  const order = new Map(all.map((el, i) => [el, i]));
  const byId = new Map<string, Element>();
  for (const el of all) {
    for (const key of [el.getAttribute('id'), el.tagName === 'A' ? el.getAttribute('name') : null]) if (key && !byId.has(key)) byId.set(key, el);
  }
  const targetOf = (link: Element) => {
    const href = link.getAttribute('href') ?? '';
    if (!href.startsWith('#') || href.length < 2) return undefined;
    let id = href.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape is looked up as written.
    }
    return byId.get(id);
  };

  const markers: Array<{ link: Element; note: Element }> = [];
  // Many markers can point at one target: each target is looked at once.
  const notesOf = new Map<Element, Element | null>();
  for (const link of all) {
    if (link.tagName !== 'A') continue;
    const target = targetOf(link);
    // A marker points forward; a link pointing back is a backlink (or something else).
    if (!target || order.get(target)! <= order.get(link)! || !looksLikeMarker(link)) continue;
    if (!notesOf.has(target)) notesOf.set(target, noteOf(target));
    const note = notesOf.get(target);
    if (note && !note.contains(link)) markers.push({ link, note });
  }
  if (!markers.length) return takeListedNotes(body);

  // The notes: every referenced one, and the other items of the lists they are in.
  const notes = new Set<Element>();
  for (const { note } of markers) {
    if (note.tagName === 'LI' && note.parentElement) for (const item of note.parentElement.children) if (item.tagName === 'LI') notes.add(item);
    notes.add(note);
  }
  const ordered = [...notes].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const labels = new Map(ordered.map((note, i) => [note, String(i + 1)]));

  // Backlinks: links inside a note that point at one of its markers, at what is inside one or at
  // what holds one (Wikipedia points at the marker's `<sup id="cite_ref-1">`).
  const markerPlaces = new Set<Element>();
  for (const { link } of markers) {
    for (const inner of link.querySelectorAll('*')) markerPlaces.add(inner);
    for (let el: Element | null = link, up = 0; el && el !== body && up < 3; el = el.parentElement, up++) markerPlaces.add(el);
  }
  const isBacklink = (link: Element) => {
    if (link.getAttribute('role') === 'doc-backlink' || link.hasAttribute('data-footnote-backref') || isOnlyBackArrows(text(link))) return true;
    const target = targetOf(link);
    return !!target && markerPlaces.has(target);
  };
  const out: Note[] = [];
  const containers = new Set<Element>();
  for (const note of ordered) {
    for (const link of [...note.querySelectorAll('a')]) {
      if (!isBacklink(link)) continue;
      let el: Element = link;
      // What held only the backlink (Wikipedia's `<span class="mw-cite-backlink">^ <a>a</a></span>`) goes with it.
      while (el.parentElement && el.parentElement !== note && (isOnlyBackArrows(text(el.parentElement).replace(text(el), '')) || text(el.parentElement) === text(el))) el = el.parentElement;
      el.remove();
    }
    const label = labels.get(note)!;
    const noteText = htmlToText(note.innerHTML)
      .replace(/\n{2,}/g, '\n')
      .replace(new RegExp(`^(?:\\[${label}\\]\\s*|${label}[.)]\\s+)`), '');
    out.push({ label, text: noteText });
    if (note.parentElement) containers.add(note.parentElement);
    note.remove();
  }
  for (const { link, note } of markers) {
    const sup = link.parentElement?.tagName === 'SUP' && text(link.parentElement) === text(link) ? link.parentElement : link;
    sup.replaceWith(document.createTextNode(`[${labels.get(note)}]`));
  }
  for (const container of containers) if (container.isConnected) removeEmptied(container, body);
  return out;
}

/**
 * Notes without links: an ordered list right after a "Notes" (or "Footnotes", "References" …)
 * heading, in a document with numeric `<sup>` markers. The items are labelled by their number
 * (the list's `start` counts); the markers stay, for htmlToText to write as `[n]`.
 */
function takeListedNotes(body: Element): Note[] {
  if (![...body.querySelectorAll('sup')].some((s) => /^\[?\d{1,4}\]?$/.test(text(s)))) return [];
  for (const heading of body.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (!NOTES_HEADING.test(text(heading))) continue;
    let list = heading.nextElementSibling;
    while (list && list.tagName === 'HR') list = list.nextElementSibling;
    if (list?.tagName !== 'OL') continue;
    const start = Number(list.getAttribute('start') ?? 1) || 1;
    const notes = [...list.children].filter((c) => c.tagName === 'LI').map((li, i) => ({ label: String(start + i), text: htmlToText(li.innerHTML).replace(/\n{2,}/g, '\n') }));
    list.remove();
    heading.remove();
    return notes;
  }
  return [];
}
