import { readFileSync } from 'node:fs';
import { fromRoot } from '../../project-root';
import { FEATURES, type Feature } from './features';

/** A logistic regression over the sentence features, as trained by train.ts and shipped in weights.json. */
export interface Model {
  bias: number;
  weights: Record<Feature, number>;
  /** The score from which a sentence is suggested (chosen by cross-validation on the train split). */
  threshold: number;
  /** How it was trained and what it measured, for docs/claim-finding.md. */
  trained?: Record<string, unknown>;
}

export interface Example {
  values: Record<Feature, number>;
  label: 0 | 1;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The model's probability that a sentence with these feature values is check-worthy. */
export function predict(model: Model, values: Record<Feature, number>): number {
  let z = model.bias;
  for (const f of FEATURES) z += (model.weights[f] ?? 0) * values[f];
  return sigmoid(z);
}

/**
 * Fits a logistic regression by full-batch gradient descent on the log loss plus an L2 penalty
 * (`l2`, not applied to the bias). Deterministic: the same examples give the same weights.
 */
export function train(examples: Example[], { l2 = 0.01, epochs = 2000, rate = 1 } = {}): Model {
  const k = FEATURES.length;
  const x = examples.map((e) => Float64Array.from(FEATURES, (f) => e.values[f]));
  const w = new Float64Array(k);
  const grad = new Float64Array(k);
  let bias = 0;
  const n = examples.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    grad.fill(0);
    let gradBias = 0;
    for (let j = 0; j < n; j++) {
      const xj = x[j];
      let z = bias;
      for (let i = 0; i < k; i++) z += w[i] * xj[i];
      const error = sigmoid(z) - examples[j].label;
      gradBias += error;
      for (let i = 0; i < k; i++) grad[i] += error * xj[i];
    }
    bias -= (rate * gradBias) / n;
    for (let i = 0; i < k; i++) w[i] -= rate * (grad[i] / n + l2 * w[i]);
  }
  const weights = Object.fromEntries(FEATURES.map((f, i) => [f, Number(w[i].toFixed(4))])) as Record<Feature, number>;
  return { bias: Number(bias.toFixed(4)), weights, threshold: 0.5 };
}

let shipped: Model | null = null;

/** The model shipped with the server (weights.json, written by `npm run train:claims`). */
export function shippedModel(): Model {
  return (shipped ??= JSON.parse(readFileSync(fromRoot('server', 'suggestions', 'scorer', 'weights.json'), 'utf8')) as Model);
}
