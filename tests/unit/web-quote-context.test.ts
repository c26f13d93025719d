import { describe, expect, test } from 'vitest';
import { anchorFromRange } from '../../server/anchoring';
import { quoteContext } from '../../web/src/routes/documents/[id]/quote-context';

const TEXT = 'The mayor told the council on Tuesday that dredging the eastern harbour will double capacity.\n\nShe said it would cost 48 million.';

describe('quoteContext', () => {
  test('drops the word cut off at either end and marks the cut', () => {
    const start = TEXT.indexOf('dredging');
    const anchor = anchorFromRange(TEXT, start, start + 'dredging the eastern harbour'.length);
    expect(anchor.prefix).toBe('old the council on Tuesday that ');
    expect(quoteContext(TEXT, anchor)).toEqual({ before: '…the council on Tuesday that ', after: ' will double capacity. She said…' });
    // A context that ends between two words keeps its last word.
    const later = anchorFromRange(TEXT, TEXT.indexOf('She'), TEXT.indexOf('She') + 3, 9);
    expect(later.suffix).toBe(' said it ');
    expect(quoteContext(TEXT, later).after).toBe(' said it…');
    const cutWord = anchorFromRange(TEXT, TEXT.indexOf('She'), TEXT.indexOf('She') + 3, 7);
    expect(quoteContext(TEXT, cutWord).after).toBe(' said…');
  });

  test('sets the ellipsis apart after the end of a sentence', () => {
    const start = TEXT.indexOf('double');
    const anchor = anchorFromRange(TEXT, start, start + 6, 12);
    expect(anchor.suffix).toBe(' capacity.\n\n');
    expect(quoteContext(TEXT, anchor).after).toBe(' capacity. …');
  });

  test('keeps context that reaches the start or end of the text whole', () => {
    const anchor = anchorFromRange(TEXT, 0, 9);
    expect(quoteContext(TEXT, anchor).before).toBe('');
    const last = anchorFromRange(TEXT, TEXT.length - 11, TEXT.length);
    expect(quoteContext(TEXT, last).after).toBe('');
  });
});
