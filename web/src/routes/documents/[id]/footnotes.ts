import { findCitations, type Citation } from '$shared/footnote-citations';
import { evidenceOffers } from '$shared/footnote-offers';
import type { Paragraph } from './paragraphs';

/**
 * The reader's view of a document's footnotes (citation linking in $shared/footnote-citations): each
 * marker in the running text with the footnotes it points to, each footnote with the label that
 * starts its paragraph, and how a paragraph splits around them for rendering. Offsets are UTF-16
 * code units of the document text; the segments of a paragraph join to exactly its text.
 */

/** A footnote of the notes section: `[9] text`, its label `[9]` ending at `labelEnd`. */
export interface Footnote {
  label: string;
  start: number;
  end: number;
  labelEnd: number;
  text: string;
}

/** A marker in running text (`[9]`, `[9, 10]`, `^9`) and the labels it cites that have a footnote. */
export interface Marker {
  start: number;
  end: number;
  labels: string[];
}

export interface FootnoteIndex {
  citations: Citation[];
  /** In text order. */
  markers: Marker[];
  footnotes: Map<string, Footnote>;
}

/** A piece of a paragraph: plain text, a marker, or the label that starts a footnote. */
export type Segment = { kind: 'text'; text: string } | { kind: 'marker'; text: string; marker: Marker } | { kind: 'note'; text: string; footnote: Footnote };

const LABEL = /^(?:\[\d{1,4}\]|\^\d{1,4}|\d{1,4}[.)])/;

function buildIndex(text: string): FootnoteIndex {
  const citations = findCitations(text);
  const markers: Marker[] = [];
  const footnotes = new Map<string, Footnote>();
  for (const { marker, footnote } of citations) {
    const last = markers[markers.length - 1];
    // A grouped marker (`[9, 10]`) is one citation per label, all with the same span.
    if (last && last.start === marker.start) {
      if (!last.labels.includes(marker.label)) last.labels.push(marker.label);
    } else markers.push({ start: marker.start, end: marker.end, labels: [marker.label] });
    if (!footnotes.has(marker.label)) {
      const label = LABEL.exec(text.slice(footnote.start, footnote.start + 8))?.[0] ?? '';
      footnotes.set(marker.label, { label: marker.label, start: footnote.start, end: footnote.end, labelEnd: footnote.start + label.length, text: footnote.text });
    }
  }
  return { citations, markers, footnotes };
}

// The reader shows one or two texts (the current one and an earlier version): keep the last two.
const cache: Array<{ text: string; index: FootnoteIndex }> = [];

/** The footnotes of a text, computed once per text. */
export function footnotesOf(text: string): FootnoteIndex {
  const hit = cache.find((entry) => entry.text === text);
  if (hit) return hit.index;
  const index = buildIndex(text);
  cache.unshift({ text, index });
  cache.length = Math.min(cache.length, 2);
  return index;
}

/** The first marker ending after `offset` (binary search). */
function firstMarkerAfter(markers: readonly Marker[], offset: number): number {
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How a paragraph renders: its text cut around the markers and the footnote label inside it, or
 * null when it holds neither (then it is one text node). The segments' texts join to `paragraph.text`.
 */
export function segmentsOf(paragraph: Paragraph, index: FootnoteIndex): Segment[] | null {
  const special: Array<{ start: number; end: number; segment: Segment }> = [];
  for (const footnote of index.footnotes.values()) {
    if (footnote.start >= paragraph.start && footnote.labelEnd <= paragraph.end && footnote.labelEnd > footnote.start) {
      special.push({ start: footnote.start, end: footnote.labelEnd, segment: { kind: 'note', text: '', footnote } });
      break; // one footnote per paragraph
    }
  }
  for (let i = firstMarkerAfter(index.markers, paragraph.start); i < index.markers.length; i++) {
    const marker = index.markers[i];
    if (marker.start >= paragraph.end) break;
    if (marker.start >= paragraph.start && marker.end <= paragraph.end) special.push({ start: marker.start, end: marker.end, segment: { kind: 'marker', text: '', marker } });
  }
  if (special.length === 0) return null;
  special.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = paragraph.start;
  for (const { start, end, segment } of special) {
    if (start < at) continue;
    if (start > at) segments.push({ kind: 'text', text: paragraph.text.slice(at - paragraph.start, start - paragraph.start) });
    segments.push({ ...segment, text: paragraph.text.slice(start - paragraph.start, end - paragraph.start) });
    at = end;
  }
  if (at < paragraph.end) segments.push({ kind: 'text', text: paragraph.text.slice(at - paragraph.start) });
  return segments;
}

/** A footnote a claim's sentence cites, with the marker that cites it. */
export interface CitedFootnote {
  label: string;
  marker: { start: number; end: number };
  text: string;
}

/**
 * The footnotes the sentence of `[start, end)` cites (its own markers only: see sentenceEndAfter),
 * one per label, leaving out those whose text is already among `attached` (evidence excerpts).
 */
export function citedBy(text: string, claim: { start: number; end: number }, attached: ReadonlyArray<string | null> = []): CitedFootnote[] {
  const offers = evidenceOffers(text, [{ id: '', start: claim.start, end: claim.end }], footnotesOf(text).citations);
  const out: CitedFootnote[] = [];
  for (const { citation } of offers) {
    if (out.some((c) => c.label === citation.marker.label) || attached.includes(citation.footnote.text)) continue;
    out.push({ label: citation.marker.label, marker: { start: citation.marker.start, end: citation.marker.end }, text: citation.footnote.text });
  }
  return out;
}
