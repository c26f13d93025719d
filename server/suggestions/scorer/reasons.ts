import type { Feature, SentenceFeatures } from './features';
import type { Model } from './model';

/** The sentence a fact-checker reads for each feature that can make a sentence worth checking. */
const REASONS: Partial<Record<Feature, (phrases: SentenceFeatures['phrases']) => string>> = {
  figure: () => 'states a figure',
  figures: () => 'states a figure',
  money_or_percent: () => 'states a figure',
  quantity_words: (p) => `states a quantity in words: “${p.quantity_words}”`,
  date: () => 'gives a date',
  person: () => 'names a person, organisation or place',
  place: () => 'names a person, organisation or place',
  organization: () => 'names a person, organisation or place',
  proper_noun: () => 'names a person, organisation or place',
  attributed: (p) => `attributes a statement: “${p.reporting_verb}”`,
  reporting_verb: (p) => `attributes a statement: “${p.reporting_verb}”`,
  quote: () => 'quotes someone',
  vague_source: (p) => `vague attribution: “${p.vague_source}”`,
  causal: (p) => `claims a cause: “${p.causal}”`,
  comparison: () => 'makes a comparison',
  event: () => 'refers to a specific event',
  named_event: () => 'refers to a specific event',
  footnoted: () => 'cites a footnote',
};

/** Contributions below this (in log-odds) do not make a reason. */
const MIN_CONTRIBUTION = 0.2;

/**
 * The reasons a sentence scored as it did: the features that pushed its score up the most, in
 * that order, each said once. A sentence the model suggests always has at least one.
 */
export function explain(model: Model, { values, phrases }: SentenceFeatures): string[] {
  const pushes = (Object.keys(REASONS) as Feature[])
    .map((f) => ({ f, by: (model.weights[f] ?? 0) * values[f] }))
    .filter((p) => p.by > 0)
    .sort((a, b) => b.by - a.by);
  const chosen = pushes.filter((p) => p.by >= MIN_CONTRIBUTION);
  const reasons = (chosen.length ? chosen : pushes.slice(0, 1)).map((p) => REASONS[p.f]!(phrases));
  return [...new Set(reasons)];
}
