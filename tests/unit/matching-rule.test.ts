import { describe, expect, test } from 'vitest';
import { ANCHORED_WORDING, judgeMatch, sameName, SIMILAR_WORDING, trigramSimilarity } from '../../server/matching/rule';

// The match rule (server/matching/rule.ts): similar wording AND no figure, date or name that
// disagrees. Paraphrases and figures in other words are matches; similar words with another
// figure, year, name, direction or a negation are not, however similar.

const matches = (a: string, b: string) => judgeMatch(a, b).match;

describe('accepted', () => {
  test('paraphrases: the same claim reordered or attributed differently', () => {
    const pairs = [
      ['Unemployment rose to 5.2% in 2021.', 'In 2021, unemployment rose to 5.2%.'],
      ['Unemployment rose to 5.2% in 2021, the statistics office said.', 'According to the statistics office, unemployment rose to 5.2% in 2021.'],
      ['The city council approved a budget of $4.3 million for road repairs.', 'A $4.3 million budget for road repairs was approved by the city council.'],
      ['The Inspector General publicly acknowledged that the weapons could not be accounted for.', 'The Inspector General acknowledged publicly that the weapons could not be accounted for.'],
    ];
    for (const [a, b] of pairs) expect(matches(a, b), `${a} / ${b}`).toBe(true);
  });

  test('the same figure in other words: digits against words, scale words, "per cent" against "%"', () => {
    const pairs = [
      ['The dam supplies water to 4 million people downstream.', 'The dam supplies water to four million people downstream.'],
      ['Unemployment rose to five per cent in 2021.', 'Unemployment rose to 5% in 2021.'],
      ['The city has 2,000,000 residents, the census found.', 'The census found the city has two million residents.'],
      ['The company lost $3.1bn last year.', 'Last year the company lost $3.1 billion.'],
    ];
    for (const [a, b] of pairs) expect(matches(a, b), `${a} / ${b}`).toBe(true);
  });

  test('a name and its acronym or its last word are the same name', () => {
    expect(sameName('un', 'united nations')).toBe(true);
    expect(sameName('obama', 'barack obama')).toBe(true);
    expect(sameName('who', 'world health organization')).toBe(true);
    expect(sameName('obama', 'trump')).toBe(false);
    expect(matches('The United Nations said 27 migrants drowned off Libya in 2023.', 'The UN said 27 migrants drowned off Libya in 2023.')).toBe(true);
  });

  test('what agrees is said in words', () => {
    const { agreements, score } = judgeMatch('Unemployment rose to 5.2% in 2021.', 'In 2021, unemployment rose to 5.2%.');
    expect(agreements).toEqual(['same figures: 5.2%', 'same years: 2021']);
    expect(score).toBeGreaterThan(0.8);
  });
});

describe('refused', () => {
  test('different figures in similar words are never a match, however similar', () => {
    const pairs = [
      ['Unemployment rose to 5.2% in 2021.', 'Unemployment rose to 7.4% in 2021.'],
      ['The border between the two countries is 2,650 km long.', 'The border between the two countries is 2,560 km long.'],
      ['The dam supplies water to 4 million people downstream.', 'The dam supplies water to 40 million people downstream.'],
      ['The terminal cost 310 million euros to build.', 'The terminal cost 342 million euros to build.'],
      // The same digits at another scale is another figure.
      ['The company lost $3.1bn last year.', 'The company lost $3.1m last year.'],
    ];
    for (const [a, b] of pairs) {
      const judgement = judgeMatch(a, b);
      expect(judgement.match, `${a} / ${b}`).toBe(false);
      expect(judgement.conflicts[0]).toMatch(/^figures differ/);
      expect(judgement.score).toBeGreaterThan(SIMILAR_WORDING);
    }
  });

  test('a figure on one side only is a disagreement, not an agreement', () => {
    expect(judgeMatch('Unemployment rose in 2021.', 'Unemployment rose to 5.2% in 2021.').conflicts).toEqual(['figures differ: none / 5.2%']);
  });

  test('another year or month, another name, the opposite direction, or a negation on one side is another claim', () => {
    expect(judgeMatch('Unemployment rose to 5.2% in 2021.', 'Unemployment rose to 5.2% in 2019.').conflicts).toEqual(['years differ: 2021 / 2019']);
    expect(judgeMatch('Exports fell 3% in March 2020.', 'Exports fell 3% in June 2020.').conflicts).toEqual(['months differ: 3 / 6']);
    expect(matches('Senator Warren said the plan would cost $2 trillion.', 'Senator Sanders said the plan would cost $2 trillion.')).toBe(false);
    expect(judgeMatch('Crime rose by 12% in 2022.', 'Crime fell by 12% in 2022.').conflicts).toEqual(['one says it went up, the other it went down']);
    expect(judgeMatch('The minister confirmed the report.', 'The minister denied the report.').conflicts).toEqual(['one says it was confirmed, the other it was denied']);
    expect(judgeMatch('The vaccine is safe for children.', 'The vaccine is not safe for children.').conflicts).toEqual(['one is negated, the other not']);
  });

  test('unrelated claims and same-topic claims that share only a name are not matches', () => {
    expect(matches('The mayor opened a new library.', 'Unemployment rose to 5.2% in 2021.')).toBe(false);
    expect(matches('Kenya won the most medals at the games.', 'Kenya raised fuel taxes again.')).toBe(false);
  });

  test('less similar wording needs a shared figure or date to be a match; a shared name alone is not enough', () => {
    expect(ANCHORED_WORDING).toBeLessThan(SIMILAR_WORDING);
    const anchored = judgeMatch('Some 1,200 guards were deployed along the border, officials confirmed.', 'Officials confirmed that 1,200 guards were deployed along the border.');
    expect(anchored.match).toBe(true);
  });
});

describe('wording similarity', () => {
  test("trigram similarity is pg_trgm's: symmetric, 1 for the same words, 0 with nothing in common or nothing at all", () => {
    expect(trigramSimilarity('Unemployment rose', 'unemployment ROSE!')).toBe(1);
    expect(trigramSimilarity('abc', 'xyz')).toBe(0);
    expect(trigramSimilarity('', 'anything')).toBe(0);
    const a = 'The border is 2,650 km long.';
    const b = 'The 2,650 km border is long.';
    expect(trigramSimilarity(a, b)).toBe(trigramSimilarity(b, a));
  });
});

describe('hostile input', () => {
  test('NUL characters, lone surrogates and empty text are judged without throwing, and never match real words', () => {
    const claim = 'Unemployment rose to 5.2% in 2021.';
    for (const text of ['', '\u0000', '\ud800', '\udfff\ud800', `${claim}\u0000`, '\u0000'.repeat(500)]) {
      expect(() => judgeMatch(claim, text), JSON.stringify(text)).not.toThrow();
    }
    expect(matches(claim, '')).toBe(false);
    expect(matches(claim, '\ud800\udfff\u0000')).toBe(false);
    // A NUL inside a word does not hide a different figure.
    expect(matches('Unemployment rose to 5.2% in 2021.', 'Unemployment rose to 7\u0000.4% in 2021.')).toBe(false);
  });

  test('two 100,000-character texts are judged in under two seconds', () => {
    const long = 'The council spent 4.3 million on roads in 2021, the audit found. '.repeat(1540);
    const other = 'Parks were busy on Sunday and the river was high. '.repeat(2000);
    const started = performance.now();
    expect(judgeMatch(long, other).match).toBe(false);
    expect(judgeMatch(long, long).match).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
