import * as Y from 'yjs';
import { CLAIM_FIELDS, CLAIMS_KEY, EVIDENCE_FIELDS, fieldRule, VALUE_LIMITS, type ClaimMap } from '../shared/claim-doc';
import { CloseCode } from '../shared/collab-protocol';
import { unstorableReason } from '../shared/storable-text';
import type { IdRanges } from './id-ranges';

/** A client update the server will not let into the shared document; `code` is the close code to answer with. */
export class RefusedUpdate extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'RefusedUpdate';
  }
}

const invalid = (message: string) => new RefusedUpdate(CloseCode.invalidContent, message);

/**
 * A document's state vector as a map of client id → next clock, read from its store (what
 * `Y.encodeStateVector` encodes, without encoding and decoding it: this runs for every incoming update).
 */
export function stateOf(doc: Y.Doc): Map<number, number> {
  const state = new Map<number, number>();
  for (const [client, structs] of doc.store.clients) {
    const last = structs[structs.length - 1];
    if (last) state.set(client, last.id.clock + last.length);
  }
  return state;
}

function checkString(s: string, where: string, maxChars: number): void {
  const reason = unstorableReason(s);
  if (reason) throw invalid(`${where} ${reason}`);
  if (s.length > maxChars) throw new RefusedUpdate(CloseCode.tooLarge, `${where} is longer than ${maxChars} characters`);
}

/**
 * Checks one plain value (what `Y.Map.set` or `Y.Array.push` stores) without recursion: nesting,
 * node count, storable strings and keys, and only JSON types (a BigInt cannot become `jsonb`).
 */
function checkValue(value: unknown, where: string): void {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  let nodes = 0;
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (++nodes > VALUE_LIMITS.valueNodes) throw invalid(`${where} has more than ${VALUE_LIMITS.valueNodes} parts`);
    if (depth > VALUE_LIMITS.valueDepth) throw invalid(`${where} is nested deeper than ${VALUE_LIMITS.valueDepth} levels`);
    if (typeof v === 'string') checkString(v, where, VALUE_LIMITS.valueChars);
    else if (typeof v === 'bigint') throw invalid(`${where} holds a BigInt`);
    else if (v instanceof Uint8Array) throw invalid(`${where} holds binary data`);
    else if (Array.isArray(v)) for (const item of v) stack.push({ v: item, depth: depth + 1 });
    else if (v && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        checkString(key, `a key in ${where}`, VALUE_LIMITS.keyChars);
        stack.push({ v: item, depth: depth + 1 });
      }
    }
  }
}

function checkContent(item: Y.Item, where: string): void {
  const content = item.content;
  if (content instanceof Y.ContentString) checkString(content.str, where, CLAIM_FIELDS.note.limits.maxChars);
  else if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) content.arr.forEach((v) => checkValue(v, where));
  else if (content instanceof Y.ContentEmbed) checkValue(content.embed, where);
  else if (content instanceof Y.ContentFormat) {
    checkString(content.key, `a format key in ${where}`, VALUE_LIMITS.keyChars);
    checkValue(content.value, where);
  } else if (content instanceof Y.ContentType) {
    const type = content.type;
    if (!(type instanceof Y.Map || type instanceof Y.Array || type instanceof Y.Text)) throw invalid(`${where} holds a shared type the document does not use`);
  } else if (content instanceof Y.ContentDoc) throw invalid(`${where} holds a subdocument`);
  else if (content instanceof Y.ContentBinary) throw invalid(`${where} holds binary data`);
}

/**
 * Checks everything a client's update integrated into `doc` (the room's shadow copy, so the room's
 * own document is untouched): every struct added since `before`, including ones the update
 * released from the pending queue. Each item must sit in the `claims` map at most
 * VALUE_LIMITS.typeDepth shared types deep, and hold only storable text and JSON values. Walks
 * parents upward with a bound, never recursing. Structs in `refused` (changes the database refused
 * and that were quarantined) are refused again. Returns the ids of the claims the update touched.
 */
export function inspectIntegrated(doc: Y.Doc, before: Map<number, number>, refused?: IdRanges): Set<string> {
  const touched = new Set<string>();
  for (const [client, structs] of doc.store.clients) {
    const from = before.get(client) ?? 0;
    const last = structs[structs.length - 1];
    if (!last || last.id.clock + last.length <= from) continue;
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
      const item = structs[i];
      if (refused && refused.overlaps(item.id.client, item.id.clock, item.length)) {
        throw invalid('the update repeats changes the database refused before (they were set aside)');
      }
      if (!(item instanceof Y.Item) || item.deleted) continue;
      let top: Y.Item = item;
      for (let depth = 0; (top.parent as Y.AbstractType<unknown>)._item; depth++) {
        if (depth >= VALUE_LIMITS.typeDepth) throw invalid(`a value is nested more than ${VALUE_LIMITS.typeDepth} shared types deep`);
        top = (top.parent as Y.AbstractType<unknown>)._item!;
      }
      const root = top.parent as Y.AbstractType<unknown>;
      if (Y.findRootTypeKey(root) !== CLAIMS_KEY || top.parentSub === null) throw invalid('only the claims map may be written');
      const claimId = top.parentSub;
      checkString(claimId, 'a claim id', 100);
      const where = item === top ? `claim ${claimId}` : `a field of claim ${claimId}`;
      if (item.parentSub !== null) checkString(item.parentSub, `a key in ${where}`, VALUE_LIMITS.keyChars);
      checkContent(item, where);
      touched.add(claimId);
    }
  }
  return touched;
}

const isPlainObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Y.AbstractType);

function checkEvidenceEntry(entry: unknown, where: string): void {
  if (!(entry instanceof Y.Map)) throw invalid(`${where}: an evidence entry must be a map`);
  for (const [key, rule] of Object.entries(EVIDENCE_FIELDS)) {
    const v = entry.get(key);
    const ok =
      rule.type === 'string' ? typeof v === 'string' : rule.type === 'string?' ? v == null || typeof v === 'string' : v == null || isPlainObject(v);
    if (!ok) throw invalid(`${where}: evidence field ${key} must be ${rule.type.replace('?', ' or null')}`);
  }
}

/**
 * Checks the collaborative fields of the claims an update touched, as they stand in `claims` (the
 * shadow's), against their rules in CLAIM_FIELDS: a claim is a map, its note shared text, its
 * evidence a list of maps with fields of the right types, its tags a list of strings, each within
 * its limits. Server-owned and immutable fields are the guard's: a write to them is undone, not refused.
 */
export function checkClaimShapes(claims: Y.Map<ClaimMap>, touched: Iterable<string>): void {
  for (const id of touched) {
    const claim: unknown = claims.get(id);
    if (claim === undefined) continue;
    if (!(claim instanceof Y.Map)) throw invalid(`claim ${id} must be a map`);
    for (const [key, value] of claim.entries()) {
      const rule = fieldRule(key);
      if (!rule || rule.owner !== 'collaborative') continue;
      const where = `claim ${id}`;
      const limits = rule.limits ?? {};
      const tooLarge = (what: string) => new RefusedUpdate(CloseCode.tooLarge, `${where}: ${what}`);
      if (rule.shape === 'text') {
        if (!(value instanceof Y.Text)) throw invalid(`${where}: the ${key} must be shared text`);
        if (limits.maxChars !== undefined && value.length > limits.maxChars) throw tooLarge(`the ${key} is longer than ${limits.maxChars} characters`);
      } else if (rule.shape === 'evidence' || rule.shape === 'tags') {
        if (!(value instanceof Y.Array)) throw invalid(`${where}: ${key} must be a list`);
        if (limits.maxEntries !== undefined && value.length > limits.maxEntries) throw tooLarge(`more than ${limits.maxEntries} entries in ${key}`);
        value.forEach((entry) => {
          if (rule.shape === 'evidence') return checkEvidenceEntry(entry, where);
          if (typeof entry !== 'string') throw invalid(`${where}: every entry of ${key} must be a string`);
          checkString(entry, `${where}: an entry of ${key}`, limits.maxChars ?? VALUE_LIMITS.valueChars);
        });
      }
    }
  }
}

/**
 * Whether applying `update` would change `doc`: it carries content the document lacks, or deletes
 * something not yet deleted. A client's sync step 2 always repeats its whole delete set, so an
 * update with deletions is not a change unless one of them is new.
 */
export function changesDocument(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  // The clocks of only the clients the update names (Y.getState), not the whole state vector.
  if (structs.some((s) => !(s instanceof Y.Skip) && s.id.clock + s.length > Y.getState(doc.store, s.id.client))) return true;
  for (const [client, deletes] of ds.clients) {
    const known = doc.store.clients.get(client) ?? [];
    const next = Y.getState(doc.store, client);
    for (const { clock, len } of deletes) {
      if (clock + len > next) return true;
      for (let i = Y.findIndexSS(known, clock); i < known.length && known[i].id.clock < clock + len; i++) {
        if (!known[i].deleted) return true;
      }
    }
  }
  return false;
}
