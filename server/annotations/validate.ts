/**
 * The MUST rules of the Web Annotation Data Model that an imported W3C annotation has to keep, as the
 * W3C test suite checks them (its annotation assertions, ../shared/conformance/web-annotation). An
 * annotation that breaks one is refused with the rule it broke, never half read.
 */
import { isAbsoluteIri } from './iri';
import { ANNOTATION_CONTEXT } from './vocabulary';

type Json = Record<string, any>;

/** The first rule an annotation breaks: a machine-readable code, and a sentence for people. */
export interface AnnotationProblem {
  code: string;
  message: string;
}

const asArray = <T>(v: T | T[] | undefined | null): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const problem = (code: string, message: string): AnnotationProblem => ({ code, message });

/** Contexts that mean the Web Annotation vocabulary (the model names the http one; https is the same document). */
const ANNO_CONTEXTS = new Set([ANNOTATION_CONTEXT, 'https://www.w3.org/ns/anno.jsonld']);

/** Whether a `@context` value includes the Web Annotation context (alone, or in an array). */
export const hasAnnotationContext = (context: unknown): boolean => asArray(context).some((c) => typeof c === 'string' && ANNO_CONTEXTS.has(c));

/** Exactly one value: the value itself, or an array of one. */
const single = (v: unknown): { ok: boolean; value: unknown } => (Array.isArray(v) ? { ok: v.length === 1, value: v[0] } : { ok: true, value: v });

/** xsd:dateTime as the model asks for it (UTC or with an offset). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function checkDates(o: Json, where: string): AnnotationProblem | null {
  for (const key of ['created', 'modified', 'generated']) {
    if (!(key in o)) continue;
    const { ok, value } = single(o[key]);
    if (!ok || typeof value !== 'string' || !DATE_TIME.test(value)) return problem('invalid_date', `${where}'s "${key}" must be one date-time such as "2015-01-28T12:00:00Z".`);
  }
  return null;
}

function checkIris(o: Json, where: string, keys: string[]): AnnotationProblem | null {
  for (const key of keys) {
    if (key in o && !asArray(o[key]).every(isAbsoluteIri)) return problem('invalid_iri', `${where}'s "${key}" must be an IRI (or a list of IRIs).`);
  }
  return null;
}

function checkAgents(o: Json, where: string): AnnotationProblem | null {
  for (const key of ['creator', 'generator']) {
    if (key in o && !asArray(o[key]).every((a) => isAbsoluteIri(a) || isObject(a))) return problem('invalid_agent', `${where}'s "${key}" must be an IRI or an agent object (with type, name, …).`);
  }
  return null;
}

const types = (o: Json): string[] => asArray(o.type).filter((t): t is string => typeof t === 'string');

/** A body, a target, or an item of either: an IRI, or a resource described by an object. */
function checkResource(r: unknown, where: string, role: 'body' | 'target'): AnnotationProblem | null {
  if (typeof r === 'string') return isAbsoluteIri(r) ? null : problem(`invalid_${role}`, `${where} is a string that is not an IRI: give the resource's IRI, or describe it as an object.`);
  if (!isObject(r)) return problem(`invalid_${role}`, `${where} must be an IRI or an object.`);
  if ('id' in r) {
    const { ok, value } = single(r.id);
    if (!ok || !isAbsoluteIri(value)) return problem('invalid_id', `${where}'s "id" must be one IRI.`);
  }
  const t = types(r);
  const composite = t.filter((x) => ['Choice', 'Composite', 'List', 'Independents'].includes(x));
  if (composite.length > 1) return problem(`invalid_${role}`, `${where} has more than one of the types Choice, Composite, List and Independents.`);
  if ('items' in r && composite.length === 0) return problem(`invalid_${role}`, `${where} has "items" but no type that says what they are (Choice, Composite, List or Independents).`);
  if (composite.length === 1) {
    const items = asArray(r.items);
    if (items.length === 0) return problem(`invalid_${role}`, `${where} is a ${composite[0]} without items.`);
    for (const [i, item] of items.entries()) {
      const p = checkResource(item, `${where}'s item ${i + 1}`, role);
      if (p) return p;
    }
  }
  if (role === 'target' && t.includes('TextualBody')) return problem('invalid_target', `${where} is a TextualBody: a target is the resource annotated, not an embedded text.`);
  if (t.includes('TextualBody') || (role === 'body' && 'value' in r && !('source' in r))) {
    if (typeof r.value !== 'string') return problem('invalid_textual_body', `${where} is a TextualBody, so it needs one "value", a string.`);
  }
  if ('format' in r && !asArray(r.format).every((f) => typeof f === 'string')) return problem('invalid_format', `${where}'s "format" must be a media type string such as "text/plain".`);
  if ('language' in r && !asArray(r.language).every((l) => typeof l === 'string')) return problem('invalid_language', `${where}'s "language" must be a language tag such as "en".`);
  if ('processingLanguage' in r && (Array.isArray(r.processingLanguage) || typeof r.processingLanguage !== 'string')) {
    return problem('invalid_language', `${where}'s "processingLanguage" must be one language tag.`);
  }
  if ('textDirection' in r && !['ltr', 'rtl', 'auto'].includes(r.textDirection)) return problem('invalid_text_direction', `${where}'s "textDirection" must be one of "ltr", "rtl" or "auto".`);
  if ('source' in r) {
    const p = checkResource(r.source, `${where}'s source`, role);
    if (p) return p;
  }
  for (const s of asArray(r.selector)) {
    const p = checkSelector(s, `${where}'s selector`);
    if (p) return p;
  }
  if (t.includes('SpecificResource') && !('source' in r)) return problem('invalid_specific_resource', `${where} is a SpecificResource without a "source": say which resource it is a part of.`);
  return checkDates(r, where) ?? checkIris(r, where, ['rights', 'canonical', 'via']) ?? checkAgents(r, where);
}

function checkSelector(s: unknown, where: string): AnnotationProblem | null {
  if (typeof s === 'string') return isAbsoluteIri(s) ? null : problem('invalid_selector', `${where} is a string that is not an IRI.`);
  if (!isObject(s)) return problem('invalid_selector', `${where} must be an object (or the IRI of one).`);
  const t = types(s);
  const { ok, value } = single(s.value);
  if (['FragmentSelector', 'CssSelector', 'XPathSelector'].some((x) => t.includes(x)) && (!ok || typeof value !== 'string')) {
    return problem('invalid_selector', `${where} is a ${t.join('/')}, so it needs one "value", a string.`);
  }
  if (t.includes('TextQuoteSelector') && typeof s.exact !== 'string') return problem('invalid_selector', `${where} is a TextQuoteSelector, so it needs "exact", the quoted text.`);
  if ((t.includes('TextPositionSelector') || t.includes('DataPositionSelector')) && !(Number.isSafeInteger(s.start) && Number.isSafeInteger(s.end) && s.start >= 0 && s.end >= 0)) {
    return problem('invalid_selector', `${where} is a ${t.join('/')}, so it needs "start" and "end", whole numbers of at least 0.`);
  }
  if (t.includes('RangeSelector')) {
    if (!s.startSelector || !s.endSelector) return problem('invalid_selector', `${where} is a RangeSelector, so it needs a "startSelector" and an "endSelector".`);
    const p = checkSelector(s.startSelector, `${where}'s startSelector`) ?? checkSelector(s.endSelector, `${where}'s endSelector`);
    if (p) return p;
  }
  if (s.refinedBy) {
    for (const r of asArray(s.refinedBy)) {
      const p = checkSelector(r, `${where}'s refinement`);
      if (p) return p;
    }
  }
  return null;
}

/**
 * The first MUST rule a W3C annotation breaks, or null when it keeps them all. `context` is the
 * `@context` in force: the annotation's own, or its collection's. The rule each incorrect sample of
 * the W3C suite breaks is checked before the `id`, so the answer names what is wrong with it first.
 */
export function annotationProblem(a: unknown, context: unknown): AnnotationProblem | null {
  if (!isObject(a)) return problem('invalid_annotation', 'Each annotation must be a JSON object.');
  if (!hasAnnotationContext(context)) {
    return problem('invalid_context', `A Web Annotation's "@context" must be (or include) "${ANNOTATION_CONTEXT}".`);
  }
  if (!types(a).includes('Annotation')) return problem('invalid_type', 'A Web Annotation\'s "type" must be (or include) "Annotation".');
  if (!('target' in a) || asArray(a.target).length === 0) return problem('no_target', 'A Web Annotation needs a "target": what it is about.');
  for (const [i, t] of asArray(a.target).entries()) {
    const p = checkResource(t, asArray(a.target).length > 1 ? `Target ${i + 1}` : 'The target', 'target');
    if (p) return p;
  }
  if ('body' in a && 'bodyValue' in a) return problem('body_and_body_value', 'An annotation has a "body" or a "bodyValue", never both.');
  if ('bodyValue' in a && typeof a.bodyValue !== 'string') return problem('invalid_body_value', '"bodyValue" must be one string.');
  for (const [i, b] of asArray(a.body).entries()) {
    const p = checkResource(b, asArray(a.body).length > 1 ? `Body ${i + 1}` : 'The body', 'body');
    if (p) return p;
  }
  const p = checkDates(a, 'The annotation') ?? checkIris(a, 'The annotation', ['rights', 'canonical', 'via']) ?? checkAgents(a, 'The annotation');
  if (p) return p;
  const { ok, value } = single(a.id);
  if (!('id' in a) || !ok || !isAbsoluteIri(value)) return problem('invalid_id', 'A Web Annotation needs one "id", an IRI such as "http://example.org/anno1".');
  return null;
}
