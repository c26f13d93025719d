import { convert as htmlToText } from 'html-to-text';
import type { EvidenceKind, Stance, Verdict, ClaimStatus } from '../shared/claim-doc';
import { CLAIM_FIELDS, CLAIM_STATUSES, STANCES, VERDICTS } from '../shared/claim-doc';
import { isAbsoluteIri } from './iri';
import { hasOtherSelectors, readSelectors, type PositionUnits, type TextSelection } from './selectors';
import { annotationProblem, hasAnnotationContext, type AnnotationProblem } from './validate';
import { TERMS } from './vocabulary';

/** What an imported annotation says about the claim's assessment (a Corroborate export's `assessing` bodies). */
export interface ImportedAssessment {
  status: ClaimStatus | null;
  /** The revealed consensus of the source's blind votes, with how many they were and how well they agreed. */
  verdict: { value: Verdict; votes: number | null; agreement: number | null } | null;
  rationale: string | null;
}

/** A claim to create from an imported annotation: where it was, and what it said. */
export interface ImportedAnnotation {
  /** Where in the text, as the selectors describe it (placed in the text by `anchorTargetIn`). */
  selection: TextSelection;
  note: string;
  tags: string[];
  confidence: number | null;
  evidence: Array<{ kind: EvidenceKind; stance: Stance; url: string | null; title: string | null; excerpt: string | null }>;
  assessment: ImportedAssessment;
}

/** Why an annotation was read but not made a claim. */
export type SkipReason = 'no_text_selector' | 'unresolved_selector' | 'reply' | 'pages_not_included';

/** One entry of what was sent: an annotation to read, with the context in force and how its positions count. */
export interface ImportItem {
  annotation: Json;
  /** The `@context` in force: the annotation's own, or its collection's or page's. */
  context: unknown;
  /**
   * `w3c`: a Web Annotation, which keeps the model's rules — it has a `@context` (its own or its
   * collection's), or names itself with a `type` and an `id` (a Web Annotation that lost its
   * context). `loose`: a Hypothesis annotation (no `@context`, no `type`), or the loose JSON other
   * tools write (a `type` but neither `@context` nor `id`), read as far as it can be.
   */
  dialect: 'w3c' | 'loose';
}

type Json = Record<string, any>;
const asArray = <T>(v: T | T[] | undefined | null): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const types = (o: Json): string[] => asArray(o?.type).filter((t): t is string => typeof t === 'string');

function item(annotation: unknown, context: unknown): ImportItem {
  const a = (isObject(annotation) ? annotation : {}) as Json;
  const own = '@context' in a ? a['@context'] : context;
  const w3c = own !== undefined || ('type' in a && 'id' in a);
  return { annotation: a, context: own, dialect: w3c ? 'w3c' : 'loose' };
}

/**
 * The annotations of what was sent: a W3C AnnotationCollection (its embedded `first` page, or
 * `items`), an AnnotationPage, one Annotation, a bare array of annotations, a Hypothesis API search
 * response (`{total, rows}`) or a Hypothesis client export (`{annotations}`). A collection whose
 * pages are only referenced by IRI yields one entry standing for them (`pagesNotIncluded`).
 */
export function annotationsOf(input: unknown): { items: ImportItem[]; pagesNotIncluded: boolean } {
  if (Array.isArray(input)) return { items: input.map((a) => item(a, undefined)), pagesNotIncluded: false };
  if (!isObject(input)) return { items: [], pagesNotIncluded: false };
  const context = input['@context'];
  const t = types(input);
  if (t.includes('AnnotationCollection')) {
    const first = input.first;
    if (isObject(first)) return { items: asArray(first.items).map((a) => item(a, first['@context'] ?? context)), pagesNotIncluded: false };
    if (Array.isArray(input.items)) return { items: input.items.map((a: unknown) => item(a, context)), pagesNotIncluded: false };
    return { items: [], pagesNotIncluded: typeof first === 'string' || (Array.isArray(first) && first.length > 0) };
  }
  if (t.includes('AnnotationPage')) return { items: asArray(input.items).map((a) => item(a, context)), pagesNotIncluded: false };
  if (t.includes('Annotation') || '@context' in input) return { items: [item(input, undefined)], pagesNotIncluded: false };
  const list = input.rows ?? input.annotations ?? input.items;
  return { items: asArray(list).map((a) => item(a, undefined)), pagesNotIncluded: false };
}

/** The first MUST rule a W3C annotation of the import breaks (a loose one is read as it is). */
export const itemProblem = (entry: ImportItem): AnnotationProblem | null => (entry.dialect === 'w3c' ? annotationProblem(entry.annotation, entry.context) : null);

const isStance = (v: unknown): v is Stance => typeof v === 'string' && (STANCES as readonly string[]).includes(v);
const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const httpUrl = (v: unknown): string | null => (typeof v === 'string' && /^https?:\/\/\S+$/i.test(v) && isAbsoluteIri(v) ? v : null);
/** A resource's IRI: the string itself, or an object's `id`. */
const iriOf = (r: unknown): string | null => (typeof r === 'string' ? r : isObject(r) ? (str(r.id) ?? str(asArray(r.id)[0])) : null);

/** A TextualBody's text as plain text (an HTML body's markup dropped). */
function plainValue(b: Json): string | null {
  const value = str(b.value);
  if (value === null) return null;
  return asArray(b.format).includes('text/html') ? htmlToText(value, { wordwrap: false }).trim() : value;
}

/** What Corroborate keeps of one body: a note, a tag, a piece of evidence, or part of the assessment. */
function readBody(b: unknown, motivation: string | null, out: Parsed): void {
  if (typeof b === 'string') {
    // A body given by its IRI (an External Web Resource): a semantic tag, or a link.
    if (motivation === 'tagging' || motivation === 'classifying' || motivation === 'identifying') out.tags.push(b);
    else if (httpUrl(b)) out.evidence.push({ kind: 'url', stance: 'context', url: b, title: null, excerpt: null });
    return;
  }
  if (!isObject(b)) return;
  const t = types(b);
  // A Choice offers alternatives: the first is the default (annotation-model §3.2.7); the other
  // composites (Composite, List, Independents) are all meant.
  if (t.includes('Choice')) return readBody(asArray(b.items)[0], motivation, out);
  if (t.some((x) => ['Composite', 'List', 'Independents'].includes(x))) {
    for (const i of asArray(b.items)) readBody(i, motivation, out);
    return;
  }
  // A body without a purpose has the annotation's motivation (annotation-model §3.3.5).
  const purpose = asArray(b.purpose).find((p): p is string => typeof p === 'string') ?? motivation;
  const role = str(b[TERMS.role]);
  const value = plainValue(b);
  if (value !== null && !('source' in b)) {
    if (purpose === 'tagging') out.tags.push(value);
    else if (purpose === 'linking') {
      // Words given as evidence: a quotation.
      out.evidence.push({ kind: 'quote', stance: isStance(b[TERMS.stance]) ? b[TERMS.stance] : 'context', url: null, title: str(b[TERMS.title]) ?? str(b['dcterms:title']), excerpt: value });
    } else if (purpose === 'assessing' && (role === 'status' || role === null) && isOneOf(CLAIM_STATUSES, value)) out.assessment.status = value;
    else if (purpose === 'assessing' && role === 'consensus' && isOneOf(VERDICTS, value)) {
      const votes = b[TERMS.votes];
      const agreement = b[TERMS.agreement];
      out.assessment.verdict = { value, votes: Number.isSafeInteger(votes) ? votes : null, agreement: typeof agreement === 'number' ? agreement : null };
    } else if (purpose === 'assessing' && role === 'rationale') out.assessment.rationale = value;
    // The rating repeats the consensus on the scale; an override and notes on votes not counted are the source's own record.
    else if (role === 'rating' || role === 'override' || role === 'not_counted') return;
    else if (value.trim()) out.notes.push(value.trim());
    return;
  }
  // A SpecificResource or an External Web Resource: a link, or a semantic tag.
  const source = iriOf(b.source) ?? iriOf(b);
  if (!source) return;
  if (purpose === 'tagging' || purpose === 'classifying' || purpose === 'identifying') {
    out.tags.push(source);
    return;
  }
  const title = str(b[TERMS.title]) ?? str(b['dcterms:title']);
  const excerpt = str(b[TERMS.excerpt]);
  const stance = isStance(b[TERMS.stance]) ? b[TERMS.stance] : 'context';
  const quoted = asArray(b.selector).find((s): s is Json => isObject(s) && s.type === 'TextQuoteSelector' && typeof s.exact === 'string');
  // A passage of another document (Corroborate's `document` evidence) does not exist in the
  // workspace it is imported into: its words come along as a quotation, not as a link back.
  if (b[TERMS.kind] === 'document' || (quoted && !httpUrl(source))) {
    const words = excerpt ?? quoted?.exact ?? null;
    if (words) out.evidence.push({ kind: 'quote', stance, url: null, title, excerpt: words });
    return;
  }
  const url = httpUrl(source);
  if (url) out.evidence.push({ kind: 'url', stance, url, title, excerpt });
}

interface Parsed extends Omit<ImportedAnnotation, 'note'> {
  notes: string[];
}

/** The tags of a claim, as the field table allows them: at most 100, each at most 100 characters, no repeats. */
const keepTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim()).filter((t) => t && t.length <= 100))].slice(0, 100);

/**
 * Reads one annotation (already checked by `itemProblem`) into a claim to create, or says why it is
 * not one: a reply to another annotation (motivation `replying`, or a Hypothesis reply with
 * `references`), or no selector that picks plain text. A W3C annotation's TextPositionSelector
 * counts code points; a loose one's, UTF-16 code units (Hypothesis's client counts DOM offsets, and
 * JavaScript tools string indices).
 */
export function parseAnnotation(entry: ImportItem): ImportedAnnotation | { skip: SkipReason } {
  const a = entry.annotation;
  const motivation = asArray(a.motivation).find((m): m is string => typeof m === 'string') ?? null;
  if (motivation === 'replying' || (entry.dialect === 'loose' && asArray(a.references).length > 0)) return { skip: 'reply' };
  const units: PositionUnits = entry.dialect === 'w3c' ? 'code_points' : 'utf16';
  let selection: TextSelection | null = null;
  let unresolved = false;
  for (const target of asArray(a.target)) {
    const candidates = isObject(target) && types(target).some((t) => ['Composite', 'List', 'Independents', 'Choice'].includes(t)) ? asArray(target.items) : [target];
    for (const c of candidates) {
      if (!isObject(c) || !('selector' in c)) continue;
      selection = readSelectors(c.selector, units);
      if (selection) break;
      unresolved ||= hasOtherSelectors(c.selector);
    }
    if (selection) break;
  }
  if (!selection) return { skip: unresolved ? 'unresolved_selector' : 'no_text_selector' };
  const out: Parsed = { selection, notes: [], tags: [], evidence: [], confidence: null, assessment: { status: null, verdict: null, rationale: null } };
  // Hypothesis: the note is `text`, the tags `tags`.
  if (typeof a.text === 'string' && a.text.trim()) out.notes.push(a.text.trim());
  out.tags.push(...asArray(a.tags).filter((t): t is string => typeof t === 'string'));
  if (typeof a.bodyValue === 'string' && a.bodyValue.trim()) readBody({ type: 'TextualBody', value: a.bodyValue }, motivation, out);
  for (const b of asArray(a.body)) readBody(b, motivation, out);
  const confidence = a[TERMS.confidence];
  out.confidence = Number.isInteger(confidence) && confidence >= 0 && confidence <= 100 ? confidence : null;
  const { notes, ...rest } = out;
  return { ...rest, note: notes.join('\n\n').slice(0, CLAIM_FIELDS.note.limits.maxChars), tags: keepTags(out.tags), evidence: out.evidence.slice(0, CLAIM_FIELDS.evidence.limits.maxEntries) };
}
