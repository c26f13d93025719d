import { fromSelectors, type Selector } from '../anchoring';
import type { Anchor, EvidenceKind, Stance } from '../shared/claim-doc';
import { EVIDENCE_KINDS, STANCES } from '../shared/claim-doc';

/** A claim to create from an imported annotation: where it was, and what it said. */
export interface ImportedAnnotation {
  target: Partial<Anchor>;
  note: string;
  tags: string[];
  confidence: number | null;
  evidence: Array<{ kind: EvidenceKind; stance: Stance; url: string | null; title: string | null; excerpt: string | null }>;
}

type Json = Record<string, any>;
const asArray = <T>(v: T | T[] | undefined | null): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** The annotations of a W3C AnnotationCollection (items or first.items), a bare array, or a Hypothesis export ({rows} or an array). */
export function annotationsOf(input: unknown): Json[] {
  if (Array.isArray(input)) return input as Json[];
  const o = input as Json;
  if (o?.type === 'Annotation') return [o];
  return asArray(o?.items ?? o?.first?.items ?? o?.rows ?? o?.annotations) as Json[];
}

const isStance = (v: unknown): v is Stance => typeof v === 'string' && (STANCES as readonly string[]).includes(v);

/**
 * Reads one annotation, as Corroborate exports it or as Hypothesis does (`target[].selector`,
 * `text` for the note, `tags`). Only TextQuote and TextPosition selectors are used; a RangeSelector
 * (DOM paths) means nothing in plain text. Null when it has no usable selector.
 */
export function parseAnnotation(a: Json): ImportedAnnotation | null {
  const target = asArray(a.target)[0] as Json | undefined;
  const selectors = asArray(target?.selector as Selector | Selector[]).filter(
    (s) => s?.type === 'TextQuoteSelector' || s?.type === 'TextPositionSelector',
  );
  const anchor = fromSelectors(selectors);
  if (!anchor.exact && (anchor.start === undefined || anchor.end === undefined)) return null;
  const bodies = asArray(a.body) as Json[];
  const notes: string[] = [];
  const tags: string[] = asArray(a.tags).filter((t): t is string => typeof t === 'string');
  const evidence: ImportedAnnotation['evidence'] = [];
  if (typeof a.text === 'string' && a.text.trim()) notes.push(a.text.trim());
  for (const b of bodies) {
    if (b.purpose === 'tagging' && typeof b.value === 'string') tags.push(b.value);
    else if (b.purpose === 'commenting' && typeof b.value === 'string') notes.push(b.value);
    else if (b.purpose === 'linking') {
      const stance = isStance(b['corroborate:stance']) ? b['corroborate:stance'] : 'context';
      const kind: EvidenceKind = (EVIDENCE_KINDS as readonly string[]).includes(b['corroborate:kind']) && b['corroborate:kind'] !== 'document' ? b['corroborate:kind'] : b.source ? 'url' : 'quote';
      const url = typeof b.source === 'string' && /^https?:\/\//.test(b.source) ? b.source : null;
      const excerpt = typeof b.value === 'string' ? b.value : typeof b['corroborate:excerpt'] === 'string' ? b['corroborate:excerpt'] : null;
      if (kind === 'url' && !url) continue;
      evidence.push({ kind: url ? 'url' : 'quote', stance, url, title: typeof b['dc:title'] === 'string' ? b['dc:title'] : null, excerpt });
    }
  }
  const confidence = Number.isInteger(a['corroborate:confidence']) && a['corroborate:confidence'] >= 0 && a['corroborate:confidence'] <= 100 ? a['corroborate:confidence'] : null;
  return { target: anchor, note: notes.join('\n\n'), tags: [...new Set(tags)].slice(0, 100), confidence, evidence };
}
