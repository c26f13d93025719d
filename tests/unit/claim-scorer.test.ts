import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { scoreSentences, suggestClaims } from '../../server/suggestions/claims';
import { GENRES, loadDataset } from '../../server/suggestions/scorer/dataset';
import { counts, readDocuments, scoreOf } from '../../server/suggestions/scorer/evaluation';
import { shippedModel } from '../../server/suggestions/scorer/model';

const docs = loadDataset(fileURLToPath(new URL('../fixtures/claims/annotated/', import.meta.url)));
// Scored as the second sentence of a paragraph: the first sentence of a document is scored higher (news leads with its claim).
const scored = async (sentence: string) => (await scoreSentences(`Here is an opening sentence of the piece. ${sentence}`))[1];

describe('the labelled set', () => {
  test('has at least 600 sentences in 15 documents, split by document with every genre in both splits', () => {
    expect(docs.flatMap((d) => d.sentences).length).toBeGreaterThanOrEqual(600);
    expect(docs.length).toBeGreaterThanOrEqual(15);
    for (const genre of GENRES) for (const split of ['train', 'test']) expect(docs.some((d) => d.genre === genre && d.split === split)).toBe(true);
    for (const d of docs) for (const s of d.sentences) expect(d.text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('the scorer', () => {
  test('on the test split keeps recall and precision above floors well below the measured 0.90 and 0.93', async () => {
    const model = shippedModel();
    const items = await readDocuments(docs.filter((d) => d.split === 'test'));
    const c = counts(items, items.map((i) => scoreOf(model, i)), model.threshold);
    expect(c.recall).toBeGreaterThanOrEqual(0.75);
    expect(c.precision).toBeGreaterThanOrEqual(0.78);
  });

  test('questions, calls to action and predictions score low; a rhetorical question naming AK-47s is not suggested', async () => {
    const t = shippedModel().threshold;
    const question = await scored('Who in Washington thought that leaving behind crates of AK-47s and M4 carbines would end well?');
    expect(question.features.values.question).toBe(1);
    expect(question.score).toBeLessThan(t);
    const cta = await scored('Write to your councillor and ask them how many social homes they will approve this year.');
    expect(cta.features.values.imperative).toBe(1);
    expect(cta.score).toBeLessThan(t);
    expect((await scored('The guns left behind will be fired for a generation.')).score).toBeLessThan(t);
  });

  test('quantities in words set their feature and are given as the reason', async () => {
    const s = await scored("They abandoned billions of dollars' worth of weapons, including tanks, jets and helicopters.");
    expect(s.features.values.quantity_words).toBe(1);
    const [suggestion] = await suggestClaims("They abandoned billions of dollars' worth of weapons, including tanks, jets and helicopters.");
    expect(suggestion.reasons).toContain('states a quantity in words: “billions”');
  });

  test('the hard cases of issue 16 are suggested, with reasons', async () => {
    for (const sentence of [
      'Intelligence reports confirmed that the attackers were coordinating with a commander based across the border.',
      'Taliban spokesperson Zabihullah Mujahid openly declared in a televised interview that the captured equipment would be used to build a "modern army".',
      'Incidents such as the hijacking of a passenger train in Balochistan in March 2025 involved U.S.-made weapons, according to officials.',
      'The Special Inspector General for Afghanistan Reconstruction publicly acknowledged in a report to Congress that the Pentagon could not account for the equipment.',
      'The TTP is widely believed to operate from Afghan soil, although its leadership denies it.',
    ]) {
      const [suggestion] = await suggestClaims(sentence);
      expect(suggestion?.exact, sentence).toBe(sentence);
      expect(suggestion.reasons.length).toBeGreaterThan(0);
    }
    expect((await suggestClaims('The TTP is widely believed to operate from Afghan soil.'))[0].reasons).toContain('vague attribution: “is widely believed to”');
  });
});
