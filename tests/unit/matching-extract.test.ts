import { describe, expect, test } from 'vitest';
import { extractFacts } from '../../server/matching/extract';

// What claim matching compares (server/matching/extract.ts): a claim's figures, with unit and
// scale, whether written in digits or in words; its years and months; its names. Hostile text
// never throws and stays fast.

const figures = (text: string) => extractFacts(text).figures;

describe('figures', () => {
  test('a figure written in words, in digits with a scale word, or in full digits is the same value', () => {
    for (const text of ['Two million people live there.', '2 million people live there.', '2,000,000 people live there.', '2m people live there.']) {
      expect(figures(text), text).toEqual([{ value: 2_000_000, unit: null }]);
    }
    expect(figures('twenty-three thousand jobs')).toEqual([{ value: 23_000, unit: null }]);
    expect(figures('two hundred and fifty thousand homes')).toEqual([{ value: 250_000, unit: null }]);
    expect(figures('seven and a half million voters')).toEqual([{ value: 7_500_000, unit: null }]);
  });

  test('percentages and currencies keep their unit however they are written', () => {
    expect(figures('five per cent')).toEqual([{ value: 5, unit: '%' }]);
    expect(figures('5 percent')).toEqual([{ value: 5, unit: '%' }]);
    expect(figures('5%')).toEqual([{ value: 5, unit: '%' }]);
    expect(figures('$4.3bn')).toEqual([{ value: 4_300_000_000, unit: '$' }]);
    expect(figures('$4.3 billion')).toEqual([{ value: 4_300_000_000, unit: '$' }]);
    expect(figures('310 million euros')).toEqual([{ value: 310_000_000, unit: '€' }]);
    expect(figures('2,650 km')).toEqual([{ value: 2650, unit: 'km' }]);
  });

  test('separators and decimals are read as numbers: "5,500", "5.2", "1.200.000", "3,5"', () => {
    expect(figures('between 5,500 and 6,000 militants')).toEqual([{ value: 5500, unit: null }, { value: 6000, unit: null }]);
    expect(figures('rose to 5.2%')).toEqual([{ value: 5.2, unit: '%' }]);
    expect(figures('1.200.000 Einwohner')).toEqual([{ value: 1_200_000, unit: null }]);
    expect(figures('3,5 Prozent')).toEqual([{ value: 3.5, unit: null }]);
  });

  test('words that look like numbers are not figures: an article, "one" alone, "half" outside "half of"', () => {
    expect(figures('A man said one thing.')).toEqual([]);
    expect(figures('The second half was half-hearted.')).toEqual([]);
    expect(figures('Half of the wells were dry.')).toEqual([{ value: 0.5, unit: null }]);
    expect(figures('a million homes')).toEqual([{ value: 1_000_000, unit: null }]);
  });

  test('number words are written as digits in the normalised wording', () => {
    expect(extractFacts('Two million people live there.').normalized).toBe('2000000 people live there.');
    expect(extractFacts('2,000,000 people live there.').normalized).toBe('2000000 people live there.');
  });
});

describe('dates', () => {
  test('years are four-digit numbers from 1800 to 2099, not figures', () => {
    const facts = extractFacts('Unemployment rose to 5.2% in 2021, up from 1999.');
    expect(facts.years).toEqual([2021, 1999]);
    expect(facts.figures).toEqual([{ value: 5.2, unit: '%' }]);
    expect(extractFacts('It cost 2500 dollars.').years).toEqual([]);
  });

  test('months are named in full or abbreviated beside a day or a year; the day is part of the date, not a figure', () => {
    const facts = extractFacts('On 3 March 2021 the port reopened.');
    expect(facts.months).toEqual([3]);
    expect(facts.years).toEqual([2021]);
    expect(facts.figures).toEqual([]);
    expect(extractFacts('By Sept. 2020, and again in January, it was closed.').months).toEqual(expect.arrayContaining([1]));
    expect(extractFacts('Jan 2020').months).toEqual([1]);
  });

  test('"may" and "march" are months only when dated; the verb and the noun are not', () => {
    expect(extractFacts('Prices may rise.').months).toEqual([]);
    expect(extractFacts('Thousands joined the March for Science.').months).toEqual([]);
    expect(extractFacts('The vote was on 5 May 2022.').months).toEqual([5]);
  });
});

describe('names', () => {
  test('runs of capitalised words are names, with joiners inside, lower-cased', () => {
    expect(extractFacts('The Bank of England raised rates.').names).toEqual(['bank of england']);
    expect(extractFacts('Barack Obama visited Kenya in 2015.').names).toEqual(['barack obama', 'kenya']);
    expect(extractFacts("According to the United Nations, Nigeria's population passed 200 million.").names).toEqual(['united nations', 'nigeria']);
  });

  test("a sentence's ordinary first word is not a name, but an acronym there is; titles and weekdays are dropped", () => {
    expect(extractFacts('Officials confirmed the figure.').names).toEqual([]);
    expect(extractFacts('NATO confirmed the figure.').names).toEqual(['nato']);
    expect(extractFacts('On Monday, President Macron spoke.').names).toEqual(['macron']);
  });
});

describe('hostile input', () => {
  test('NUL characters, lone surrogates and control characters do not throw and do not make figures up', () => {
    const facts = extractFacts('x\u0000y 5\u0000% \ud800 \udfff 12 \u202e\u0007');
    expect(facts.figures).toEqual([{ value: 5, unit: null }, { value: 12, unit: null }]);
    expect(facts.normalized).toContain('\ud800');
    for (const text of ['', '\u0000', '\ud800', '\udc00\ud800', '$', '%', '-', '1,', ',,,', '\u0000'.repeat(1000)]) {
      expect(() => extractFacts(text), JSON.stringify(text)).not.toThrow();
    }
  });

  test('100,000 characters are read in under 1.5 s (a slow CI machine included), repetitive or not', () => {
    const inputs = [
      'The council spent 4.3 million on Roads in 2021 and Bridges. '.repeat(1700),
      '1,'.repeat(50_000),
      'A '.repeat(50_000),
      `one ${'and '.repeat(25_000)}one`,
      'twenty-'.repeat(14_000),
      'Mr '.repeat(33_000),
      'x'.repeat(100_000),
    ];
    for (const text of inputs) {
      const started = performance.now();
      const facts = extractFacts(text);
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(1500);
      expect(facts.normalized.length).toBeGreaterThan(0);
    }
  });
});
