import type nlpType from 'compromise';
import { sentenceFeatures, type SentenceFeatures } from './scorer/features';
import { predict, shippedModel, type Model } from './scorer/model';
import { explain } from './scorer/reasons';
import { splitSentences, type Sentence } from './scorer/sentences';

/** compromise, loaded once per thread (about 50 MB of memory; `warmUpClaims` starts it early). */
let nlpModule: Promise<typeof nlpType> | null = null;
const loadNlp = () => (nlpModule ??= import('compromise').then((m) => m.default));

/** A few sentences of every kind the scorer meets, run once so the first real call finds the tagger warm. */
const WARM_UP_TEXT =
  'Officials confirmed on Monday that unemployment fell to 4.1 per cent in 2023, down from twelve per cent. ' +
  'The Inspector General publicly acknowledged that billions of dollars’ worth of weapons were left behind. ' +
  'It is widely believed that the group operates from across the border. Will anyone ask why? We must act now.';

/**
 * Loads compromise and the weights and scores a short text, without waiting, so the first suggestions
 * pay neither for the loading nor for the tagger's first run (most of a cold first call: its lexicon
 * and caches are built on first use). The job worker calls it as it starts (server/jobs/tasks.ts). A
 * failure here is left to the first real call.
 */
export function warmUpClaims(): Promise<void> {
  return scoreSentences(WARM_UP_TEXT).then(
    () => undefined,
    () => {
      // Swallowed on purpose: the first suggestClaims call loads again and reports the error.
      nlpModule = null;
    },
  );
}

export interface ClaimSuggestion {
  start: number;
  end: number;
  exact: string;
  /** 0..1: how check-worthy the sentence looks (the model's probability). */
  score: number;
  reasons: string[];
}

/** A sentence with its features and score, suggested or not (for the evaluation). */
export interface ScoredSentence extends Sentence {
  features: SentenceFeatures;
  score: number;
  /** Long enough and ending like a sentence: only these are ever suggested. */
  eligible: boolean;
}

/**
 * Every sentence of `text` up to `until`, scored by `model` (the shipped weights unless given).
 * Footnote markers are masked so they do not glue sentences; they stay outside the sentence.
 */
export async function scoreSentences(text: string, until = text.length, model: Model = shippedModel()): Promise<ScoredSentence[]> {
  const nlp = await loadNlp();
  return splitSentences(nlp, text, until).map((s) => {
    const features = sentenceFeatures(s);
    const eligible = s.exact.length >= 20 && /[.!?»"”’)\]]$/.test(s.exact);
    return { ...s, features, score: Number(predict(model, features.values).toFixed(3)), eligible };
  });
}

/**
 * Check-worthy sentences: those a fact-checker would flag (figures, quantities, dates, named
 * events, attributed or vaguely attributed statements, causes, comparisons), as scored by a
 * logistic regression trained on the project's labelled set (server/suggestions/scorer/,
 * docs/claim-finding.md). Opinions, predictions, questions and calls to action score low. Each
 * suggestion says why, from the features that raised its score. `minScore` defaults to the
 * threshold chosen when the model was trained.
 */
export async function suggestClaims(text: string, until = text.length, minScore?: number): Promise<ClaimSuggestion[]> {
  const model = shippedModel();
  const threshold = minScore ?? model.threshold;
  return (await scoreSentences(text, until, model))
    .filter((s) => s.eligible && s.score >= threshold)
    .map((s) => ({ start: s.start, end: s.end, exact: s.exact, score: s.score, reasons: explain(model, s.features) }));
}
