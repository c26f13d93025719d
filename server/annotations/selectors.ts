/**
 * Reading an imported annotation's selectors as a place in plain text, and finding that place in
 * a document's text. Understood: TextQuoteSelector, TextPositionSelector, a FragmentSelector of
 * RFC 5147 (`char=10,20`, the plain-text fragment), a RangeSelector whose ends are any of these
 * (annotation-model §4.2.8: from the start of `startSelector` to the start of `endSelector`), and
 * `refinedBy` chains (§4.2.9: the refinement selects within what the outer selector selects).
 * CSS, XPath, SVG and data selectors point into markup or bytes Corroborate does not keep: an
 * annotation that has only those is reported, never guessed at.
 */
import type { AnchorTarget } from '../anchoring';
import { CodePointOffsets } from './code-points';

type Json = Record<string, any>;

/** How a TextPositionSelector counts: code points (the model) or UTF-16 code units (Hypothesis, browsers' DOM offsets). */
export type PositionUnits = 'code_points' | 'utf16';

/** A selection of plain text, as the selectors describe it (before the document's text is known). */
export type TextSelection =
  | { kind: 'quote'; exact: string; prefix?: string; suffix?: string }
  | { kind: 'position'; start: number; end: number; units: PositionUnits }
  | { kind: 'range'; from: TextSelection; to: TextSelection }
  | { kind: 'refined'; outer: TextSelection | 'unresolved'; inner: TextSelection }
  /** Alternatives for the same text (a quote and its position, as exports give both). */
  | { kind: 'either'; options: TextSelection[] };

const RFC_5147 = /^https?:\/\/tools\.ietf\.org\/(rfc\/rfc5147|html\/rfc5147)/;
const asArray = <T>(v: T | T[] | undefined | null): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const offset = (v: unknown) => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : undefined);
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** One selector object as a text selection; null when it selects nothing in plain text. */
function readOne(s: Json | string, units: PositionUnits): TextSelection | null {
  if (typeof s !== 'object' || s === null) return null;
  let own: TextSelection | 'unresolved' | null = null;
  if (s.type === 'TextQuoteSelector' && text(s.exact)) {
    own = { kind: 'quote', exact: s.exact, ...(text(s.prefix) !== undefined ? { prefix: s.prefix } : {}), ...(text(s.suffix) !== undefined ? { suffix: s.suffix } : {}) };
  } else if (s.type === 'TextPositionSelector' && offset(s.start) !== undefined && offset(s.end) !== undefined && s.end >= s.start) {
    own = { kind: 'position', start: s.start, end: s.end, units };
  } else if (s.type === 'FragmentSelector' && typeof s.value === 'string' && RFC_5147.test(String(s.conformsTo ?? '')) && /^char=\d+,\d+$/.test(s.value)) {
    // RFC 5147 counts characters: code points.
    const [start, end] = s.value.slice(5).split(',').map(Number);
    own = end >= start ? { kind: 'position', start, end, units: 'code_points' } : null;
  } else if (s.type === 'RangeSelector' && s.startSelector && s.endSelector) {
    const from = readSelectors(s.startSelector, units);
    const to = readSelectors(s.endSelector, units);
    own = from && to ? { kind: 'range', from, to } : 'unresolved';
  } else if (s.type !== 'TextQuoteSelector' && s.type !== 'TextPositionSelector') {
    // A selector of markup or bytes: only a refinement of it may still be read.
    own = 'unresolved';
  }
  // (A text selector whose values have the wrong types is read as absent.)
  const refinement = s.refinedBy ? readSelectors(s.refinedBy, units) : null;
  if (refinement) return { kind: 'refined', outer: own ?? 'unresolved', inner: refinement };
  return own === 'unresolved' ? null : own;
}

/**
 * A target's `selector` (one selector, or several alternatives) as a text selection; null when
 * none of them selects plain text (a CSS or XPath selector, a selector given only by its IRI).
 */
export function readSelectors(selector: unknown, units: PositionUnits): TextSelection | null {
  const options = asArray(selector as Json | Json[]).map((s) => readOne(s, units)).filter((s): s is TextSelection => s !== null);
  if (options.length === 0) return null;
  return options.length === 1 ? options[0] : { kind: 'either', options };
}

/** Whether a `selector` has selectors of markup or bytes (CSS, XPath, a fragment, SVG, …) that this import cannot place. */
export function hasOtherSelectors(selector: unknown): boolean {
  return asArray(selector as Json | Json[]).some((s) => typeof s === 'string' || (typeof s === 'object' && s !== null && s.type !== 'TextQuoteSelector' && s.type !== 'TextPositionSelector'));
}

/** Why a selection could not be placed in the text before anchoring. */
export type UnplacedReason = 'position_outside_text' | 'unresolved_selector' | 'not_found' | 'ambiguous';

/** Where a quote occurs verbatim, told apart by its prefix and suffix; null when nowhere or not one place. */
function locateQuote(docText: string, q: { exact: string; prefix?: string; suffix?: string }): number | null {
  const found: number[] = [];
  for (let i = docText.indexOf(q.exact); i !== -1; i = docText.indexOf(q.exact, i + 1)) found.push(i);
  if (found.length <= 1) return found[0] ?? null;
  const fits = found.filter((i) => (!q.prefix || docText.slice(0, i).endsWith(q.prefix)) && (!q.suffix || docText.slice(i + q.exact.length).startsWith(q.suffix)));
  return fits.length === 1 ? fits[0] : null;
}

/** UTF-16 offsets of a position within `segment` (which starts at `base` in the text). */
function positionIn(docText: string, base: number, segmentEnd: number, p: { start: number; end: number; units: PositionUnits }): [number, number] | null {
  if (p.units === 'utf16') {
    const start = base + p.start;
    const end = base + p.end;
    return end <= segmentEnd ? [start, end] : null;
  }
  const index = new CodePointOffsets(docText.slice(base, segmentEnd));
  const start = index.toUtf16(p.start);
  const end = index.toUtf16(p.end);
  return start === null || end === null ? null : [base + start, base + end];
}

/** The exact range a selection picks, when it can be known without a fuzzy search. */
function rangeOf(docText: string, sel: TextSelection, base = 0, segmentEnd = docText.length): [number, number] | null {
  switch (sel.kind) {
    case 'position':
      return positionIn(docText, base, segmentEnd, sel);
    case 'quote': {
      const at = locateQuote(docText.slice(base, segmentEnd), sel);
      return at === null ? null : [base + at, base + at + sel.exact.length];
    }
    case 'range': {
      const from = rangeOf(docText, sel.from, base, segmentEnd);
      const to = rangeOf(docText, sel.to, base, segmentEnd);
      return from && to && to[0] >= from[0] ? [from[0], to[0]] : null;
    }
    case 'refined': {
      if (sel.outer === 'unresolved') return null;
      const outer = rangeOf(docText, sel.outer, base, segmentEnd);
      return outer ? rangeOf(docText, sel.inner, outer[0], outer[1]) : null;
    }
    case 'either':
      for (const option of sel.options) {
        const r = rangeOf(docText, option, base, segmentEnd);
        if (r) return r;
      }
      return null;
  }
}

/** The quote a selection names (its innermost TextQuoteSelector), for the fuzzy search. */
function quoteOf(sel: TextSelection): { exact: string; prefix?: string; suffix?: string } | null {
  switch (sel.kind) {
    case 'quote':
      return sel;
    case 'refined':
      return quoteOf(sel.inner);
    case 'either':
      return sel.options.map(quoteOf).find((q) => q !== null) ?? null;
    default:
      return null;
  }
}

/** A position the selection gives directly (outside any refinement), as UTF-16 offsets of the text. */
function directPosition(docText: string, sel: TextSelection): [number, number] | null {
  if (sel.kind === 'position') return positionIn(docText, 0, docText.length, sel);
  if (sel.kind === 'either') return sel.options.map((o) => directPosition(docText, o)).find((r) => r !== null) ?? null;
  return null;
}

/**
 * What the anchoring module looks for (AnchorTarget), from a selection and the document's text: the
 * quote with its context and the position (converted to UTF-16) when both are given, so anchoring
 * tries the position first and falls back to the quote; a range or refinement resolved exactly; a
 * quote inside an unresolvable selector (a FragmentSelector of markup) searched in the whole text.
 * A bare position must lie inside the text.
 */
export function anchorTargetIn(docText: string, sel: TextSelection): AnchorTarget | { reason: UnplacedReason } {
  const quote = quoteOf(sel);
  const position = directPosition(docText, sel);
  if (quote) {
    const hint = position ?? (sel.kind === 'refined' || sel.kind === 'range' ? rangeOf(docText, sel) : null);
    return { exact: quote.exact, ...(quote.prefix !== undefined ? { prefix: quote.prefix } : {}), ...(quote.suffix !== undefined ? { suffix: quote.suffix } : {}), ...(hint ? { start: hint[0], end: hint[1] } : {}) };
  }
  const range = position ?? rangeOf(docText, sel);
  if (range && range[1] > range[0]) return { exact: docText.slice(range[0], range[1]), start: range[0], end: range[1] };
  const unresolved = (s: TextSelection): boolean => (s.kind === 'refined' ? s.outer === 'unresolved' || unresolved(s.inner) : s.kind === 'either' ? s.options.every(unresolved) : false);
  if (unresolved(sel)) return { reason: 'unresolved_selector' };
  // A range or refinement placed by quotes that are not in the text once (the anchoring's reasons).
  const quotes = quotesIn(sel);
  if (quotes.length === 0) return { reason: 'position_outside_text' };
  return { reason: quotes.some((q) => docText.indexOf(q) !== -1 && docText.indexOf(q, docText.indexOf(q) + 1) !== -1) ? 'ambiguous' : 'not_found' };
}

/** Every quote a selection names, at any depth. */
function quotesIn(sel: TextSelection): string[] {
  switch (sel.kind) {
    case 'quote':
      return [sel.exact];
    case 'range':
      return [...quotesIn(sel.from), ...quotesIn(sel.to)];
    case 'refined':
      return [...(sel.outer === 'unresolved' ? [] : quotesIn(sel.outer)), ...quotesIn(sel.inner)];
    case 'either':
      return sel.options.flatMap(quotesIn);
    default:
      return [];
  }
}
