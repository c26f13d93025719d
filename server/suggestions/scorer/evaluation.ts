/**
 * Measuring the scorer on the labelled set: each labelled sentence is read as the server reads
 * it (the whole document split by compromise, notes skipped), scored, and compared with its label.
 * Used by train.ts (cross-validation), eval.ts and the unit tests.
 */
import { findCitations, notesSectionStart } from '../../shared/footnote-citations';
import { scoreSentences, type ScoredSentence } from '../claims';
import { FEATURES, type Feature, type SentenceFeatures } from './features';
import type { LabelledDocument, LabelledSentence } from './dataset';
import { predict, train, type Example, type Model } from './model';

/** A labelled sentence and what the server makes of it (null when it lies outside every sentence read). */
export interface Item {
  gold: LabelledSentence;
  sentence: ScoredSentence | null;
}

const ZERO: Model = { bias: 0, weights: Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>, threshold: 0.5 };

/** Reads every document and pairs each labelled sentence with the sentence the server split that overlaps it most. */
export async function readDocuments(docs: LabelledDocument[]): Promise<Item[]> {
  const items: Item[] = [];
  for (const doc of docs) {
    const sentences = await scoreSentences(doc.text, notesSectionStart(doc.text, findCitations(doc.text)), ZERO);
    for (const gold of doc.sentences) {
      let best: ScoredSentence | null = null;
      let bestOverlap = 0;
      for (const s of sentences) {
        const overlap = Math.min(s.end, gold.end) - Math.max(s.start, gold.start);
        if (overlap > bestOverlap) [best, bestOverlap] = [s, overlap];
      }
      items.push({ gold, sentence: best });
    }
  }
  return items;
}

/** The score `model` gives the item's sentence (0 when the server would never suggest it). */
export function scoreOf(model: Model, item: Item): number {
  return item.sentence?.eligible ? predict(model, item.sentence.features.values) : 0;
}

export interface Counts {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of the predictions `scores` (aligned with `items`) at `threshold`. */
export function counts(items: Item[], scores: number[], threshold: number): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  items.forEach((item, i) => {
    const predicted = scores[i] >= threshold;
    if (predicted && item.gold.checkWorthy) tp++;
    else if (predicted) fp++;
    else if (item.gold.checkWorthy) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { n: items.length, tp, fp, fn, precision, recall, f1 };
}

/** The training examples of `items`: sentences the server could suggest, with their labels. */
export function examplesOf(items: Item[]): Example[] {
  return items.filter((i) => i.sentence?.eligible).map((i) => ({ values: (i.sentence!.features as SentenceFeatures).values, label: i.gold.checkWorthy ? 1 : 0 }));
}

/**
 * Out-of-fold scores by leave-one-document-out cross-validation: each document is scored by a
 * model trained on the others, so no sentence is scored by a model that saw its document.
 */
export function crossValidatedScores(items: Item[], options: Parameters<typeof train>[1] = {}): number[] {
  const scores = new Array<number>(items.length).fill(0);
  for (const doc of new Set(items.map((i) => i.gold.doc))) {
    const model = train(examplesOf(items.filter((i) => i.gold.doc !== doc)), options);
    items.forEach((item, i) => {
      if (item.gold.doc === doc) scores[i] = scoreOf(model, item);
    });
  }
  return scores;
}

/**
 * The threshold to ship: the highest at which the out-of-fold recall still reaches `minRecall`
 * (so precision is as high as that recall allows), scanned in steps of 0.01.
 */
export function chooseThreshold(items: Item[], scores: number[], minRecall: number): number {
  for (let t = 0.99; t > 0.01; t -= 0.01) {
    const threshold = Number(t.toFixed(2));
    if (counts(items, scores, threshold).recall >= minRecall) return threshold;
  }
  return 0.01;
}
