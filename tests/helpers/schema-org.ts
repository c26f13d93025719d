/**
 * A checker of JSON-LD against the schema.org vocabulary itself (release 30.0, in
 * ../shared/conformance/schema-org): every type and property exists, each property is used on a
 * type in its domain (`schema:domainIncludes`, a subclass counting as its superclasses, by
 * `rdfs:subClassOf`), and each value is in its range (`schema:rangeIncludes`): a node of a range
 * type or a subclass of one, or a literal of a data type the range allows (Text and its subtypes
 * such as URL, Date, DateTime, Time, Number and its subtypes, Boolean). A term the vocabulary marks
 * as superseded is reported too. Only the compact form our exports write is read: `@context`
 * schema.org, `@type` a term or a list of terms, properties by their schema.org names.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const VOCABULARY = fileURLToPath(new URL('../../../shared/conformance/schema-org/schemaorg-current-https.jsonld', import.meta.url));

type Ref = { '@id': string } | Array<{ '@id': string }> | undefined;
interface Term {
  '@id': string;
  '@type': string | string[];
  'rdfs:subClassOf'?: Ref;
  'schema:domainIncludes'?: Ref;
  'schema:rangeIncludes'?: Ref;
  'schema:supersededBy'?: Ref;
}

const ids = (ref: Ref): string[] => (ref === undefined ? [] : (Array.isArray(ref) ? ref : [ref]).map((r) => r['@id'].replace(/^schema:/, '')));
const typesOf = (t: Term) => (Array.isArray(t['@type']) ? t['@type'] : [t['@type']]);

export interface Vocabulary {
  classes: Map<string, { parents: string[]; supersededBy: string[] }>;
  properties: Map<string, { domain: string[]; range: string[]; supersededBy: string[] }>;
}

let loaded: Vocabulary | null = null;

/** The vocabulary's classes (with their direct superclasses) and properties (with domains and ranges), read once. */
export function vocabulary(): Vocabulary {
  if (loaded) return loaded;
  const graph = (JSON.parse(readFileSync(VOCABULARY, 'utf8')) as { '@graph': Term[] })['@graph'];
  const classes: Vocabulary['classes'] = new Map();
  const properties: Vocabulary['properties'] = new Map();
  for (const term of graph) {
    if (!term['@id'].startsWith('schema:')) continue;
    const name = term['@id'].slice('schema:'.length);
    const types = typesOf(term);
    if (types.includes('rdfs:Class') || types.includes('schema:DataType')) {
      classes.set(name, { parents: ids(term['rdfs:subClassOf']), supersededBy: ids(term['schema:supersededBy']) });
    }
    if (types.includes('rdf:Property')) {
      properties.set(name, { domain: ids(term['schema:domainIncludes']), range: ids(term['schema:rangeIncludes']), supersededBy: ids(term['schema:supersededBy']) });
    }
  }
  loaded = { classes, properties };
  return loaded;
}

/** Whether class `name` is `ancestor` or one of its subclasses (through any chain of rdfs:subClassOf). */
export function isSubclassOf(name: string, ancestor: string, v = vocabulary()): boolean {
  const seen = new Set<string>();
  const stack = [name];
  while (stack.length) {
    const c = stack.pop()!;
    if (c === ancestor) return true;
    if (seen.has(c)) continue;
    seen.add(c);
    stack.push(...(v.classes.get(c)?.parents ?? []));
  }
  return false;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const ISO_TIME = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const isAbsoluteUrl = (s: string) => URL.canParse(s) && /^[a-z][a-z0-9+.-]*:/i.test(s);

/** Whether a JSON literal is a value of schema.org data type `type` (or of a subtype the literal fits). */
function literalFits(value: string | number | boolean, type: string, v: Vocabulary): boolean {
  if (typeof value === 'boolean') return isSubclassOf(type, 'Boolean', v) || type === 'Boolean';
  if (typeof value === 'number') {
    if (type === 'Integer') return Number.isInteger(value);
    return type === 'Number' || type === 'Float';
  }
  switch (type) {
    case 'Text':
      return true;
    case 'URL':
      return isAbsoluteUrl(value);
    case 'Date':
      return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
    case 'DateTime':
      return ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
    case 'Time':
      return ISO_TIME.test(value);
    default:
      // Another subtype of Text (CssSelectorType, PronounceableText, XPathType): any text.
      return isSubclassOf(type, 'Text', v);
  }
}

/** What a check of one object found: the problems, and the terms it used. */
export interface SchemaOrgReport {
  problems: string[];
  types: Set<string>;
  properties: Set<string>;
}

/**
 * Checks a JSON-LD object (and every node inside it) against the schema.org vocabulary; the
 * problems are paths with what is wrong ("itemReviewed.appearance[0].foo: no such property").
 */
export function schemaOrgReport(root: unknown, v = vocabulary()): SchemaOrgReport {
  const report: SchemaOrgReport = { problems: [], types: new Set(), properties: new Set() };
  const problem = (path: string, what: string) => report.problems.push(`${path || '(root)'}: ${what}`);

  function node(value: Record<string, unknown>, path: string): string[] {
    const raw = value['@type'];
    const types = (Array.isArray(raw) ? raw : [raw]).filter((t): t is string => typeof t === 'string');
    if (types.length === 0) problem(path, 'a node without @type');
    for (const t of types) {
      report.types.add(t);
      const known = v.classes.get(t);
      if (!known) problem(path, `no such type ${t}`);
      else if (known.supersededBy.length) problem(path, `type ${t} is superseded by ${known.supersededBy.join(', ')}`);
    }
    for (const [key, inner] of Object.entries(value)) {
      if (key.startsWith('@')) {
        if (!['@context', '@type', '@id'].includes(key)) problem(`${path}.${key}`, `unexpected keyword ${key}`);
        continue;
      }
      const at = path ? `${path}.${key}` : key;
      report.properties.add(key);
      const property = v.properties.get(key);
      if (!property) {
        problem(at, `no such property ${key}`);
        continue;
      }
      if (property.supersededBy.length) problem(at, `property ${key} is superseded by ${property.supersededBy.join(', ')}`);
      if (types.length && !types.some((t) => property.domain.some((d) => isSubclassOf(t, d, v)))) {
        problem(at, `${key} is not a property of ${types.join(', ')} (its domain: ${property.domain.join(', ')})`);
      }
      const values = Array.isArray(inner) ? inner : [inner];
      values.forEach((item, i) => valueOf(item, Array.isArray(inner) ? `${at}[${i}]` : at, key, property.range));
    }
    return types;
  }

  function valueOf(item: unknown, path: string, key: string, range: string[]) {
    if (item === null || item === undefined) return problem(path, 'null is not a value');
    if (typeof item === 'object') {
      const types = node(item as Record<string, unknown>, path);
      if (types.length && !types.some((t) => range.some((r) => isSubclassOf(t, r, v)))) {
        problem(path, `a ${types.join(', ')} is not in the range of ${key} (${range.join(', ')})`);
      }
      return;
    }
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
      if (!range.some((r) => literalFits(item, r, v))) problem(path, `${JSON.stringify(item)} is not a value of ${key}'s range (${range.join(', ')})`);
      return;
    }
    problem(path, `unexpected ${typeof item}`);
  }

  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    problem('', 'not a JSON-LD object');
    return report;
  }
  const context = (root as Record<string, unknown>)['@context'];
  if (context !== 'https://schema.org' && context !== 'http://schema.org' && context !== 'https://schema.org/') problem('@context', `not schema.org: ${JSON.stringify(context)}`);
  node(root as Record<string, unknown>, '');
  return report;
}

/** The problems only (empty when the object passes). */
export const schemaOrgProblems = (root: unknown): string[] => schemaOrgReport(root).problems;
