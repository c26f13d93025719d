import approxSearch from 'approx-string-match';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  anchor,
  AnchorRangeError,
  anchorFromRange,
  fromSelectors,
  toSelectors,
  type Anchor,
  type AnchorResult,
  type AnchorTarget,
} from '../../server/anchoring';

const HARBOUR = [
  '🌊 The Westhaven flood barrier was completed in March 2019 after six years of construction. Its twin steel gates, ' +
    'each 40 metres wide, swing shut when the tide gauge at the harbour mouth reads more than 2.1 metres above the ' +
    'usual high-water mark. Since it opened, the barrier has closed 14 times, most often during the autumn storm ' +
    'surges that push water up the estuary.',
  'Engineers say the barrier protects roughly 9,000 homes in the lower town. Critics argue that the council ' +
    'underestimated the maintenance bill: the annual budget for the gates has doubled since 2019, and a corroded ' +
    'hinge kept one gate open for a week last winter. The council says the repair was routine and that the barrier ' +
    'has never failed during a surge.',
  'A review published by the port authority found that the gates closed 14 times in their first five years, more ' +
    'often than the design study predicted, because sea levels in the estuary are rising faster than expected. 🌊',
].join('\n\n');

const HEAT = [
  'Cities are warmer than the countryside around them, and the gap is widest at night. 🌡️ In the eastern district, ' +
    'the number of tropical nights rose by 12 per cent in 2020, according to the council’s sensor network. In the ' +
    'western district, the number of tropical nights rose by 21 per cent in 2021, according to the council’s sensor ' +
    'network. Tree planting along the ring road has since lowered street temperatures by up to two degrees on the ' +
    'hottest afternoons.',
  'The health board links hot nights to a rise in hospital admissions among people over 75. It has asked the council ' +
    'to publish the sensor readings every week in summer, so that care homes can plan ahead.',
].join('\n\n');

/** The anchor of the `nth` (0-based) occurrence of `quote` in `text`. */
function anchorOf(text: string, quote: string, nth = 0): Anchor {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(quote, start + 1);
    if (start === -1) throw new Error(`"${quote}" occurs fewer than ${nth + 1} times`);
  }
  return anchorFromRange(text, start, start + quote.length);
}

/** A stored anchor as a Web Annotation carries it, read back through its selectors. */
function throughSelectors(stored: Anchor): AnchorTarget {
  const target = fromSelectors(toSelectors(stored));
  if (target.exact === undefined) throw new Error('the quote selector was lost');
  return { ...target, exact: target.exact };
}

function anchored(result: AnchorResult) {
  if (result.status !== 'anchored') throw new Error(`expected an anchor, got ${JSON.stringify(result)}`);
  return result;
}

/** Replaces `edits` letters of `s`, spread evenly, by other letters: exactly `edits` substitutions. */
function damage(s: string, edits: number): string {
  const letters = [...s.matchAll(/[a-z]/g)].map((m) => m.index);
  const chars = s.split('');
  for (let i = 0; i < edits; i++) {
    const at = letters[Math.floor(((i + 0.5) * letters.length) / edits)];
    chars[at] = chars[at] === 'q' ? 'z' : 'q';
  }
  return chars.join('');
}

describe('round trips', () => {
  const ranges: Array<[string, string]> = [
    ['in the middle of a paragraph', 'the barrier protects roughly 9,000 homes'],
    ['at the very start, beginning with an emoji', '🌊 The Westhaven flood barrier'],
    ['at the very end, ending with an emoji', 'rising faster than expected. 🌊'],
    ['across a paragraph break', 'during a surge.\n\nA review'],
  ];

  test.each(ranges)('a range %s survives range → anchor → selectors → anchor() unchanged', (_, quote) => {
    const stored = anchorOf(HARBOUR, quote);
    const result = anchored(anchor(HARBOUR, throughSelectors(stored)));
    expect(result).toEqual({ status: 'anchored', anchor: stored, score: 1, method: 'position' });
  });

  test('without its position selector, a quote alone finds the same range again', () => {
    for (const [, quote] of ranges) {
      const stored = anchorOf(HARBOUR, quote);
      const { start: _start, end: _end, ...quoteOnly } = throughSelectors(stored);
      const result = anchored(anchor(HARBOUR, quoteOnly));
      expect(result.anchor).toEqual(stored);
      expect(result.method).toBe('quote');
    }
  });

  test('the document start and end give an empty prefix and suffix, and offsets count UTF-16 code units', () => {
    const whole = anchorFromRange(HEAT, 0, HEAT.length);
    expect(whole).toMatchObject({ start: 0, end: HEAT.length, prefix: '', suffix: '', exact: HEAT });
    const emoji = anchorOf(HEAT, '🌡️');
    expect(emoji.end - emoji.start).toBe(3); // U+1F321 is a surrogate pair, U+FE0F one more code unit
  });

  test('context never begins or ends halfway through an emoji', () => {
    // The quote starts 32 code units after the emoji's second half: a naive prefix would begin with a lone surrogate.
    const text = 'Flood 🌊 warnings were issued at dawn for the lower town and the quays.';
    const emojiEnd = text.indexOf('🌊') + 2;
    const stored = anchorFromRange(text, emojiEnd + 31, emojiEnd + 40);
    expect(stored.prefix).toBe(text.slice(emojiEnd, emojiEnd + 31));
    expect(anchorFromRange(text, 0, 5, 2).suffix).toBe(' ');
    expect(anchorFromRange(text, 0, 5, 3).suffix).toBe(' 🌊');
  });

  test('any range of any text, emoji included, round-trips through its selectors', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '.', '\n', 'é', '🌊', '🌡️', '𝔸');
    const textAndRange = fc.string({ unit, minLength: 1, maxLength: 40 }).chain((text) => {
      const boundaries = [...text].reduce<number[]>((acc, ch) => [...acc, acc[acc.length - 1] + ch.length], [0]);
      return fc
        .tuple(fc.constantFrom(...boundaries), fc.constantFrom(...boundaries))
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) }));
    });
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        const stored = anchorFromRange(text, start, end);
        expect(anchor(text, throughSelectors(stored))).toMatchObject({ status: 'anchored', anchor: stored });
        // From the quote alone, repetitive texts may be ambiguous, but never anchored elsewhere.
        const { start: _s, end: _e, ...quoteOnly } = throughSelectors(stored);
        const result = anchor(text, quoteOnly);
        if (result.status === 'anchored') expect(result.anchor).toEqual(stored);
        else expect(result.reason).toBe('ambiguous');
      }),
      { numRuns: 300 },
    );
  });
});

describe('invalid ranges', () => {
  test.each([
    ['a fractional start', 1.5, 10],
    ['a negative start', -1, 10],
    ['an empty range', 10, 10],
    ['a reversed range', 12, 10],
    ['an end past the text', 10, HARBOUR.length + 1],
    ['NaN', Number.NaN, 10],
    ['a start inside an emoji', 1, 10],
  ])('%s throws AnchorRangeError', (_, start, end) => {
    expect(() => anchorFromRange(HARBOUR, start, end)).toThrow(AnchorRangeError);
    try {
      anchorFromRange(HARBOUR, start, end);
    } catch (error) {
      expect(error).toMatchObject({ name: 'AnchorRangeError', code: 'invalid_range', textLength: HARBOUR.length });
    }
  });

  test('a stale position outside a shorter new text is ignored, not thrown', () => {
    const stored = anchorOf(HARBOUR, 'the barrier protects roughly 9,000 homes');
    const shorter = HARBOUR.slice(stored.start - 200, stored.end + 10);
    const result = anchored(anchor(shorter, stored));
    expect(result.anchor.start).toBe(200);
    expect(result.method).toBe('quote');
  });
});

describe('fallback from position to quote', () => {
  test('a position that no longer matches the quote falls back to the quote', () => {
    const stored = anchorOf(HARBOUR, 'a corroded hinge kept one gate open for a week');
    const edited = HARBOUR.replace('Engineers say', 'Engineers at the port authority say');
    const result = anchored(anchor(edited, stored));
    expect(result.method).toBe('quote');
    expect(result.anchor.start).toBe(stored.start + ' at the port authority'.length);
    expect(edited.slice(result.anchor.start, result.anchor.end)).toBe(stored.exact);
  });

  test('re-anchoring after text is inserted before the passage finds every shifted passage by its quote', () => {
    const sentences = HARBOUR.match(/[^.!?\n]+[.!?]/g)!.map((s) => s.trim());
    const stored = sentences.map((s) => anchorOf(HARBOUR, s));
    const preface = 'Correction, 12 May: an earlier version of this article misstated the width of the gates.\n\n';
    const newVersion = preface + HARBOUR;
    for (const old of stored) {
      const result = anchored(anchor(newVersion, old));
      expect(result.method).toBe('quote');
      expect(result.anchor).toEqual(anchorFromRange(newVersion, old.start + preface.length, old.end + preface.length));
    }
  });

  test('the fresh anchor takes its prefix and suffix from the new text', () => {
    const stored = anchorOf(HEAT, 'hospital admissions among people over 75');
    const newVersion = HEAT.replace('links hot nights to a rise in', 'has linked hot nights to more');
    const result = anchored(anchor(newVersion, stored));
    expect(result.anchor.prefix).toBe(newVersion.slice(result.anchor.start - 32, result.anchor.start));
    expect(result.anchor.prefix).not.toBe(stored.prefix);
    expect(result.anchor.suffix).toBe(stored.suffix);
  });
});

describe('quotes that occur more than once', () => {
  const quote = 'closed 14 times';

  test('a quote occurring twice is disambiguated by its prefix and suffix', () => {
    for (const nth of [0, 1]) {
      const stored = anchorOf(HARBOUR, quote, nth);
      const { start: _s, end: _e, ...quoteAndContext } = stored;
      expect(anchored(anchor(HARBOUR, quoteAndContext)).anchor).toEqual(stored);
    }
  });

  test('a quote occurring twice is disambiguated by its old position', () => {
    const preface = 'Updated 4 May: figures checked.\n\n';
    for (const nth of [0, 1]) {
      const stored = anchorOf(HARBOUR, quote, nth);
      // A tool that keeps only the quote and an (outdated) position, no context.
      const result = anchored(anchor(preface + HARBOUR, { exact: quote, start: stored.start, end: stored.end }));
      expect(result.anchor.start).toBe(stored.start + preface.length);
      expect(result.method).toBe('quote');
    }
  });

  test('a repeated quote with nothing to tell the copies apart is ambiguous, with both copies offered', () => {
    const result = anchor(HARBOUR, { exact: quote });
    expect(result).toMatchObject({ status: 'needs_review', reason: 'ambiguous' });
    if (result.status !== 'needs_review') return;
    expect([result.best?.anchor.start, result.runnerUp?.anchor.start].sort((a = 0, b = 0) => a - b)).toEqual([
      HARBOUR.indexOf(quote),
      HARBOUR.lastIndexOf(quote),
    ]);
  });
});

describe('damaged quotes', () => {
  const stored = anchorOf(HARBOUR, 'Critics argue that the council underestimated the maintenance bill');

  test('progressively worse quotes (1, 2, 4, 8 edits) score strictly lower each time, and still anchor in place', () => {
    const scores = [1, 2, 4, 8].map((edits) => {
      const result = anchored(anchor(HARBOUR, { ...stored, exact: damage(stored.exact, edits) }));
      expect(result.method).toBe('fuzzy');
      expect(result.anchor).toEqual(stored);
      return result.score;
    });
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]);
  });

  test('a quote damaged beyond a quarter of its length needs review', () => {
    const result = anchor(HARBOUR, { ...stored, exact: damage(stored.exact, 20) });
    expect(result).toEqual({ status: 'needs_review', reason: 'not_found' });
  });

  test('a damaged quote whose context is also gone needs review, with the likely place offered', () => {
    const target = { exact: damage(stored.exact, 8), prefix: 'Tourism rose sharply. ', suffix: ', said the mayor in June.' };
    const result = anchor(HARBOUR, target);
    expect(result).toMatchObject({ status: 'needs_review', reason: 'low_score', best: { anchor: stored, method: 'fuzzy' } });
  });

  test('a fuzzy match never cuts an emoji in half', () => {
    const text = 'Flood warning 🌊🌊 issued for the quays tonight.';
    const result = anchored(anchor(text, { exact: '🌧️ warning 🌊🌊 issued for the quay' }));
    const { start, end } = result.anchor;
    expect(() => anchorFromRange(text, start, end)).not.toThrow();
    expect(result.anchor.exact).toContain('warning 🌊🌊 issued for the quay');
  });
});

describe('look-alike passages', () => {
  const eastern = anchorOf(HEAT, 'the number of tropical nights rose by 12 per cent in 2020');
  const western = anchorOf(HEAT, 'the number of tropical nights rose by 21 per cent in 2021');
  const { start: _s, end: _e, ...easternQuoteOnly } = eastern;

  test('an edited version of one sentence anchors to that sentence, not to its look-alike', () => {
    const newVersion = HEAT.replace(eastern.exact, 'the count of tropical nights rose by 12 per cent in 2020');
    for (const target of [eastern, easternQuoteOnly]) {
      const result = anchored(anchor(newVersion, target));
      expect(result.anchor.exact).toBe('the count of tropical nights rose by 12 per cent in 2020');
      expect(result.method).toBe('fuzzy');
    }
  });

  test('when the figures of the quoted sentence change, the claim needs review and never moves to the look-alike', () => {
    const newVersion = HEAT.replace(eastern.exact, 'the number of tropical nights rose by 13 per cent in 2020');
    for (const target of [eastern, easternQuoteOnly]) {
      const result = anchor(newVersion, target);
      expect(result).toMatchObject({ status: 'needs_review', reason: 'low_score' });
      if (result.status === 'needs_review') expect(result.best?.anchor.exact).toContain('13 per cent in 2020');
    }
  });

  test('when the quoted sentence is deleted, the claim needs review instead of moving to the look-alike', () => {
    const newVersion = HEAT.replace(/In the eastern district, [^.]+\. /, '');
    for (const target of [eastern, easternQuoteOnly]) {
      const result = anchor(newVersion, target);
      expect(result).toMatchObject({ status: 'needs_review', reason: 'low_score' });
    }
  });

  test('a damaged quote of either sentence anchors to its own sentence, never to the other', () => {
    for (const own of [eastern, western]) {
      for (const edits of [1, 3, 6, 10]) {
        const result = anchored(anchor(HEAT, { ...own, exact: damage(own.exact, edits), start: undefined, end: undefined }));
        expect(result.anchor).toEqual(own);
      }
    }
  });

  test('look-alikes that differ only in words, not numbers, are told apart by their context', () => {
    const quote = 'In the eastern district, the number of tropical nights';
    const { start: _st, end: _en, ...stored } = anchorOf(HEAT, quote);
    const newVersion = HEAT.replace(quote, 'In the eastern district, the count of tropical nights');
    const result = anchored(anchor(newVersion, stored));
    expect(result.anchor.exact).toBe('In the eastern district, the count of tropical nights');
    // Its look-alike in the western district scores lower by more than the margin.
    const forced = anchor(newVersion, stored, { minMargin: 1 });
    expect(forced).toMatchObject({ status: 'needs_review', reason: 'ambiguous' });
    if (forced.status === 'needs_review') {
      expect(forced.runnerUp?.anchor.exact).toContain('western district');
      expect(result.score - (forced.runnerUp?.score ?? 1)).toBeGreaterThan(0.1);
    }
  });
});

describe('quotes that are gone', () => {
  test('a quote that is absent needs review with the reason not_found', () => {
    expect(anchor(HARBOUR, { exact: 'Penguins nest on the northern breakwater every spring' })).toEqual({
      status: 'needs_review',
      reason: 'not_found',
    });
  });

  test('an empty quote is not found rather than thrown, so one bad anchor cannot stop a batch', () => {
    expect(anchor(HARBOUR, { exact: '', start: 0, end: 0 })).toEqual({ status: 'needs_review', reason: 'not_found' });
  });

  test('a quote moved into unrelated surroundings needs review even though it occurs verbatim', () => {
    const stored = anchorOf(HARBOUR, 'the annual budget for the gates has doubled');
    const elsewhere = `${HEAT}\n\nIn other news, the annual budget for the gates has doubled again, the ferry operator said.`;
    expect(anchor(elsewhere, stored)).toMatchObject({ status: 'needs_review', reason: 'low_score', best: { method: 'quote' } });
  });
});

describe('speed on a 250,000-character document', () => {
  // A deterministic pseudo-English text: sentences of words from a fixed vocabulary (mulberry32 PRNG).
  function longDocument(length: number): string {
    let seed = 20240611;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const words = (
      'the a of to in and council barrier harbour gate gates tide surge storm flood water level levels sea estuary ' +
      'engineers residents homes town city district street streets night nights heat summer temperature sensor ' +
      'network report review budget repair hinge steel metres per cent year years week month rose fell closed opened ' +
      'built measured warned said found argued predicted expected higher lower faster slower warmer cooler than since ' +
      'after before during while because although new old eastern western northern southern lower upper main annual'
    ).split(' ');
    const sentences: string[] = [];
    let total = 0;
    while (total < length) {
      const count = 8 + Math.floor(random() * 18);
      const sentence = Array.from({ length: count }, () => words[Math.floor(random() * words.length)]).join(' ');
      const text = `${sentence[0].toUpperCase()}${sentence.slice(1)}${random() < 0.15 ? '.\n\n' : '. '}`;
      sentences.push(text);
      total += text.length;
    }
    return sentences.join('').slice(0, length);
  }

  const text = longDocument(250_000);

  // Measured on the development machine (Node 20.20, medians of 5 warm runs over this text):
  // - approx-string-match alone, 200-character quote, maxErrors 50: 7-10 ms per pass;
  // - anchor() of that quote with 4 edits: 15 ms (the pass that finds it, then a pass bounded to the
  //   errors a runner-up could have, which finds none); an absent 200-character quote: 8 ms;
  // - a 3,000-character quote (searched by its first 256 characters, then measured whole): 25 ms;
  //   a 10,000-character one: 53 ms;
  // - 2,000 anchors shifted by an insertion, all re-found by exact quote: 260 ms in total (0.13 ms
  //   each, mostly indexOf scanning the rest of the text for further copies).
  // Speed is measured by benchmarks, never asserted here (the machine is shared and noisy).
  test('a 200-character quote with edits is found by the fuzzy search in a 250k-character text', () => {
    const stored = anchorFromRange(text, 123_456, 123_656);
    const target = { ...stored, exact: damage(stored.exact, 4) };
    const raw = approxSearch(text, target.exact, 50);
    const result = anchored(anchor(text, target));
    expect(raw[0]).toMatchObject({ start: 123_456, errors: 4 });
    expect(result.anchor).toEqual(stored);
  });

  test('2,000 anchors re-anchored after an insertion all take the exact path', () => {
    const anchors = Array.from({ length: 2000 }, (_, i) => {
      const start = 1000 + i * 120;
      return anchorFromRange(text, start, start + 60);
    });
    const newVersion = `A new opening paragraph.\n\n${text}`;
    const results = anchors.map((a) => anchor(newVersion, a));
    const quoteMethod = results.filter((r) => r.status === 'anchored' && r.method === 'quote').length;
    expect(quoteMethod).toBe(2000);
  });

  test('a quote longer than the search pattern limit is located by its opening and measured whole', () => {
    const stored = anchorFromRange(text, 200_000, 203_000);
    const edited = `${text.slice(0, 201_000)}XX${text.slice(201_010)}`;
    const result = anchored(anchor(edited, { ...stored, start: undefined, end: undefined }));
    expect(result.method).toBe('fuzzy');
    expect(result.anchor.start).toBe(200_000);
    expect(result.anchor.end).toBe(203_000 - 8);
  });
});

describe('snapToWords', () => {
  test('widens a range that stops or starts inside a word, and leaves whole words alone', async () => {
    const { snapToWords } = await import('../../server/anchoring');
    const text = 'It will be finished by 2033, officials said.';
    const at = text.indexOf('finished by 203');
    expect(snapToWords(text, at, at + 'finished by 203'.length)).toEqual([at, at + 'finished by 2033'.length]);
    expect(snapToWords(text, at + 2, at + 8)).toEqual([at, at + 8]);
    expect(snapToWords(text, at, at + 8)).toEqual([at, at + 8]);
  });
});
