/**
 * The outside oracles for the Web Annotation export and import (../shared/conformance/web-annotation):
 * the W3C test suite's JSON Schemas (draft-04), run as its `*.test` files list them, and JSON-LD
 * expansion with the stored anno.jsonld context (plus its erratum) and no network.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import jsonld from 'jsonld';

export const CONFORMANCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/conformance');
export const WEB_ANNOTATION = join(CONFORMANCE, 'web-annotation');
export const HYPOTHESIS = join(CONFORMANCE, 'hypothesis');

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

interface AssertionSchema {
  id: string;
  assertionType: 'must' | 'should' | 'may';
  expectedResult: 'valid' | 'invalid';
  errorMessage?: string;
  title?: string;
}

/** One assertion of the suite that an object does not meet: its schema and the suite's message. */
export interface FailedAssertion {
  schema: string;
  message: string;
}

function makeAjv() {
  // The suite's schemas use `format: uri` and `date-time`; unknown keywords (assertionType, …) are data.
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  for (const file of readdirSync(join(WEB_ANNOTATION, 'definitions'))) ajv.addSchema(readJson(join(WEB_ANNOTATION, 'definitions', file)));
  return ajv;
}

let shared: ReturnType<typeof makeAjv> | undefined;
const ajv = () => (shared ??= makeAjv());

/** The schemas a `*.test` file lists (path relative to the conformance folder, e.g. `annotations/annotationMusts.test`). */
export function assertionsOf(testFile: string): AssertionSchema[] {
  const { assertions } = readJson(join(WEB_ANNOTATION, testFile)) as { assertions: string[] };
  return assertions.map((path) => {
    const schema = readJson(join(WEB_ANNOTATION, path));
    if (!ajv().getSchema(schema.id)) ajv().addSchema(schema);
    return schema;
  });
}

/** The MUST assertions of the suite for one kind of object: annotations, collections, or pages. */
export const MUST_TESTS = {
  annotation: 'annotations/annotationMusts.test',
  collection: 'collections/collectionMusts.test',
  page: 'collections/pages/pageMusts.test',
} as const;

/**
 * The MUST assertions of `kind` that `object` fails: a schema whose `assertionType` is `must`
 * fails when its outcome differs from its `expectedResult`.
 */
export function failedMusts(object: unknown, kind: keyof typeof MUST_TESTS): FailedAssertion[] {
  const failed: FailedAssertion[] = [];
  for (const schema of assertionsOf(MUST_TESTS[kind]).filter((s) => s.assertionType === 'must')) {
    const valid = ajv().validate(schema.id, object) as boolean;
    if (valid !== (schema.expectedResult === 'valid')) failed.push({ schema: schema.id, message: schema.errorMessage ?? schema.title ?? '' });
  }
  return failed;
}

/** How many MUST assertions `kind` has. */
export const mustCount = (kind: keyof typeof MUST_TESTS) => assertionsOf(MUST_TESTS[kind]).filter((s) => s.assertionType === 'must').length;

/** The samples of the suite (`correct` or `incorrect`): file name → its text (some incorrect ones are not JSON at all). */
export function samples(which: 'correct' | 'incorrect'): Array<{ name: string; text: string }> {
  const dir = join(WEB_ANNOTATION, 'tools/samples', which);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * The stored anno.jsonld with the erratum applied: the copy in w3c/web-annotation lacks
 * `"assessing": "oa:assessing"`, which the context served by w3.org has (w3c/web-annotation#444).
 */
export function annoContext() {
  const doc = readJson(join(WEB_ANNOTATION, 'anno.jsonld'));
  doc['@context'].assessing ??= 'oa:assessing';
  return doc;
}

/** A JSON-LD document loader with no network: the Web Annotation context only, anything else fails. */
export async function offlineLoader(url: string) {
  if (url === 'http://www.w3.org/ns/anno.jsonld' || url === 'https://www.w3.org/ns/anno.jsonld') {
    return { contextUrl: undefined, documentUrl: url, document: annoContext() };
  }
  throw new Error(`no network: refusing to load ${url}`);
}

/**
 * Expands a JSON-LD document in safe mode (jsonld.js fails on any term or value it would drop),
 * then to RDF (N-Quads), offline.
 */
export async function expandToRdf(doc: object): Promise<{ expanded: unknown[]; nquads: string }> {
  const options = { documentLoader: offlineLoader, safe: true } as unknown as jsonld.Options.Expand;
  const expanded = (await jsonld.expand(doc as jsonld.JsonLdDocument, options)) as unknown[];
  const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, { ...options, format: 'application/n-quads' } as jsonld.Options.ToRdf)) as unknown as string;
  return { expanded, nquads };
}

/**
 * Every key of a JSON document (but `@context`), with the path where it was found: each must map
 * to an IRI, which `undroppedKeys` checks against the expansion.
 */
export function keysOf(value: unknown, path = '$'): Array<{ key: string; path: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysOf(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '@context' ? [] : [{ key: k, path: `${path}.${k}` }, ...keysOf(v, `${path}.${k}`)]));
}

/** The IRIs of every property in an expanded JSON-LD document (keywords like `@id` left out). */
export function expandedProperties(expanded: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        if (!k.startsWith('@')) found.add(k);
        walk(inner);
      }
    }
  };
  walk(expanded);
  return found;
}
