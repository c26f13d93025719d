import type { Anchor } from './types';

/** Code units of context kept on each side of a quote unless the caller asks otherwise. */
export const DEFAULT_CONTEXT_LENGTH = 32;

/** A range that cannot be anchored: not integers, outside the text, empty, or cutting a character in half. */
export class AnchorRangeError extends Error {
  readonly code = 'invalid_range';

  constructor(
    readonly start: unknown,
    readonly end: unknown,
    readonly textLength: number,
    reason: string,
  ) {
    super(`The range [${String(start)}, ${String(end)}) is not a valid selection of a ${textLength}-character text: ${reason}.`);
    this.name = 'AnchorRangeError';
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Whether `offset` falls between the two halves of a surrogate pair (inside an emoji, say). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Why `[start, end)` is not a valid non-empty selection of `text`, or null when it is. */
function rangeProblem(text: string, start: unknown, end: unknown): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'start and end must be integers';
  const [s, e] = [start as number, end as number];
  if (s < 0 || e > text.length) return 'it lies outside the text';
  if (s >= e) return 'start must be before end';
  // A lone surrogate cannot be stored as UTF-8 (PostgreSQL rejects it), so neither end may split one.
  if (splitsSurrogatePair(text, s) || splitsSurrogatePair(text, e)) return 'it splits a character in two';
  return null;
}

/** Whether `[start, end)` is a valid non-empty selection of `text` (see `anchorFromRange`). */
export function isValidRange(text: string, start: unknown, end: unknown): start is number {
  return rangeProblem(text, start, end) === null;
}

/** Widens `[start, end)` by one code unit at an end that falls inside a surrogate pair. */
export function snapToCharacters(text: string, start: number, end: number): [number, number] {
  return [splitsSurrogatePair(text, start) ? start - 1 : start, splitsSurrogatePair(text, end) ? end + 1 : end];
}

/**
 * The anchor for the selection `[start, end)` of `text`: the quote plus up to `contextLength` code
 * units of context on each side (fewer where a surrogate pair would be cut).
 *
 * @throws AnchorRangeError unless start and end are integers with 0 <= start < end <= text.length
 *   that do not split a surrogate pair.
 */
export function anchorFromRange(text: string, start: number, end: number, contextLength = DEFAULT_CONTEXT_LENGTH): Anchor {
  const problem = rangeProblem(text, start, end);
  if (problem) throw new AnchorRangeError(start, end, text.length, problem);
  const context = Math.max(0, Math.floor(contextLength));
  let prefixStart = Math.max(0, start - context);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + context);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--;
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Widens a range so it neither starts nor ends inside a word: an approximate match found with the
 * fewest edits can stop one character short ("finished by 203" for "finished by 2033").
 */
export function snapToWords(text: string, start: number, end: number): [number, number] {
  while (start > 0 && WORD.test(text[start - 1]) && WORD.test(text[start])) start--;
  while (end < text.length && WORD.test(text[end]) && WORD.test(text[end - 1])) end++;
  return [start, end];
}
