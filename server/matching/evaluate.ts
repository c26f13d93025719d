import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANDIDATE_SIMILARITY, judgeMatch, trigramSimilarity, type MatchJudgement } from './rule';

/** One labelled pair of tests/fixtures/claim-pairs/pairs.jsonl: two claims' words, and whether they are the same claim. */
export interface LabelledPair {
  kind: string;
  match: boolean;
  a: string;
  b: string;
}

export interface MatchingEvaluation {
  pairs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Per kind of pair: how many, and how many the rule judged as labelled. */
  byKind: Record<string, { pairs: number; right: number }>;
  /** The pairs judged wrongly, with the judgement. */
  mistakes: Array<LabelledPair & { judgement: MatchJudgement }>;
}

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/claim-pairs');
/**
 * The labelled sets: `pairs.jsonl`, the set the rule was developed on, and `held-out.jsonl`,
 * written after the rule was settled and never tuned on (tests/fixtures/claim-pairs/README.md).
 */
export const PAIR_SETS = { development: join(FIXTURES, 'pairs.jsonl'), 'held-out': join(FIXTURES, 'held-out.jsonl') } as const;
export const PAIRS_FILE = PAIR_SETS.development;

/** The labelled pairs, one JSON object a line. */
export function loadPairs(file = PAIRS_FILE): LabelledPair[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledPair);
}

/** Precision and recall of claim matching (the candidate threshold, then rule.ts) on labelled pairs, with its mistakes. */
export function evaluateMatching(pairs: LabelledPair[]): MatchingEvaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const byKind: MatchingEvaluation['byKind'] = {};
  const mistakes: MatchingEvaluation['mistakes'] = [];
  for (const pair of pairs) {
    // As the server finds them: a candidate by raw trigram similarity (the index's `%`), then the rule.
    const rule = judgeMatch(pair.a, pair.b);
    const judgement = { ...rule, match: rule.match && trigramSimilarity(pair.a, pair.b) >= CANDIDATE_SIMILARITY };
    const kind = (byKind[pair.kind] ??= { pairs: 0, right: 0 });
    kind.pairs++;
    if (judgement.match === pair.match) kind.right++;
    else mistakes.push({ ...pair, judgement });
    if (judgement.match && pair.match) tp++;
    else if (judgement.match) fp++;
    else if (pair.match) fn++;
  }
  return {
    pairs: pairs.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    byKind,
    mistakes,
  };
}
