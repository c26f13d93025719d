/** One edit that turns one string into another: remove `remove` code units at `index`, insert `insert`. */
export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The single contiguous edit from `prev` to `next` (null when they are equal): the longest common
 * prefix and suffix are kept. `cursor` (the caret after the edit, as a text area reports it)
 * settles ambiguous cases such as typing "a" into "aa": the insertion is placed to end at the
 * caret when that is consistent. Never splits a surrogate pair.
 */
export function diffText(prev: string, next: string, cursor?: number): TextEdit | null {
  if (prev === next) return null;
  const grown = next.length - prev.length;
  if (cursor !== undefined && grown !== 0) {
    // An insertion ends at the caret; a deletion (backspace or delete) leaves the caret where it was.
    const index = grown > 0 ? cursor - grown : cursor;
    const kept = grown > 0 ? index : cursor - grown;
    if (
      index >= 0 &&
      kept <= prev.length &&
      cursor <= next.length &&
      !splitsPair(prev, index) &&
      !splitsPair(prev, kept) &&
      prev.slice(0, index) === next.slice(0, index) &&
      prev.slice(kept) === next.slice(cursor)
    ) {
      return grown > 0 ? { index, remove: 0, insert: next.slice(index, cursor) } : { index, remove: -grown, insert: '' };
    }
  }
  const shortest = Math.min(prev.length, next.length);
  let prefix = 0;
  while (prefix < shortest && prev.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && prev.charCodeAt(prev.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)) suffix++;
  // Keep surrogate pairs whole on both edges.
  if (splitsPair(prev, prefix) || splitsPair(next, prefix)) prefix--;
  if (splitsPair(prev, prev.length - suffix) || splitsPair(next, next.length - suffix)) suffix--;
  return { index: prefix, remove: prev.length - prefix - suffix, insert: next.slice(prefix, next.length - suffix) };
}

/** Whether `offset` falls between the two halves of a surrogate pair of `text`. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** A Yjs text delta, as `Y.YTextEvent.delta` reports it (string inserts only, for a plain Y.Text). */
export type TextDelta = Array<{ retain?: number; insert?: string | object; delete?: number }>;

/**
 * Where a position in the old text ends up after `delta` (a change made by someone else). Text
 * inserted exactly at the position goes after it, so a caret stays in front of another person's
 * typing at the same place; deleted text around the position pulls it back to the deletion.
 */
export function transformPosition(delta: TextDelta, position: number): number {
  let oldIndex = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldIndex > position) break;
    if (op.retain !== undefined) {
      oldIndex += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (oldIndex < position) shift += length;
      else break;
    } else if (op.delete !== undefined) {
      const removedBefore = Math.min(op.delete, position - oldIndex);
      shift -= removedBefore;
      oldIndex += op.delete;
    }
  }
  return Math.max(0, position + shift);
}
