import { describe, expect, test } from 'vitest';
import { TextSteps } from '../../web/src/routes/documents/[id]/text-steps';

const TEXT = 'Harbour plans\n\nThe port will double its capacity. It would cost 48 million euros! Will it work?\nNobody knows.';
const steps = new TextSteps(TEXT);
const words = (span: { start: number; end: number }) => TEXT.slice(span.start, span.end);

describe('keyboard selection steps', () => {
  test('sentences are trimmed, and a heading or a line stands alone', () => {
    expect(steps.units('sentence').map(words)).toEqual([
      'Harbour plans',
      'The port will double its capacity.',
      'It would cost 48 million euros!',
      'Will it work?',
      'Nobody knows.',
    ]);
  });

  test('the sentence at an offset is the one holding it, else the next, else the last', () => {
    expect(words(steps.sentenceAt(TEXT.indexOf('double'))!)).toBe('The port will double its capacity.');
    expect(words(steps.sentenceAt(TEXT.indexOf('\n\n') + 1)!)).toBe('The port will double its capacity.');
    expect(words(steps.sentenceAt(TEXT.length)!)).toBe('Nobody knows.');
    expect(new TextSteps('   ').sentenceAt(0)).toBeNull();
  });

  test('arrows move sentence by sentence, staying put at either end', () => {
    let span = steps.sentenceAt(0)!;
    span = steps.move(span, 'sentence', 1);
    expect(words(span)).toBe('The port will double its capacity.');
    span = steps.move(span, 'sentence', 1);
    expect(words(span)).toBe('It would cost 48 million euros!');
    span = steps.move(span, 'sentence', -1);
    expect(words(span)).toBe('The port will double its capacity.');
    const last = steps.units('sentence').at(-1)!;
    expect(steps.move(last, 'sentence', 1)).toEqual(last);
    const first = steps.units('sentence')[0];
    expect(steps.move(first, 'sentence', -1)).toEqual(first);
  });

  test('word steps skip punctuation and spaces', () => {
    const cost = { start: TEXT.indexOf('cost'), end: TEXT.indexOf('cost') + 4 };
    expect(words(steps.move(cost, 'word', 1))).toBe('48');
    expect(words(steps.move(cost, 'word', -1))).toBe('would');
    const euros = { start: TEXT.indexOf('euros'), end: TEXT.indexOf('euros') + 5 };
    expect(words(steps.move(euros, 'word', 1))).toBe('Will');
  });

  test('Shift extends the end by a unit and shrinks it back, never below one unit', () => {
    const first = steps.move(steps.sentenceAt(0)!, 'sentence', 1);
    const two = steps.extend(first, 'sentence', 1);
    expect(words(two)).toBe('The port will double its capacity. It would cost 48 million euros!');
    expect(words(steps.extend(two, 'sentence', -1))).toBe('The port will double its capacity.');
    expect(steps.extend(first, 'sentence', -1)).toEqual(first);
    const word = { start: TEXT.indexOf('cost'), end: TEXT.indexOf('cost') + 4 };
    const longer = steps.extend(steps.extend(word, 'word', 1), 'word', 1);
    expect(words(longer)).toBe('cost 48 million');
    expect(words(steps.extend(longer, 'word', -1))).toBe('cost 48');
  });

  test('counts in UTF-16 code units, as the API does, past emoji and accents', () => {
    const text = 'Café 🚢 arrives. Next one.';
    const s = new TextSteps(text);
    const second = s.move(s.sentenceAt(0)!, 'sentence', 1);
    expect(text.slice(second.start, second.end)).toBe('Next one.');
  });
});
