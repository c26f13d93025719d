/**
 * `npm run eval:matching`: precision and recall of claim matching (rule.ts) on the labelled pairs
 * in tests/fixtures/claim-pairs/ (the development set and the held-out set, then both), per kind
 * of pair, and the pairs it gets wrong.
 */
import { evaluateMatching, loadPairs, PAIR_SETS, type LabelledPair } from './evaluate';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const sets: Array<[string, LabelledPair[]]> = Object.entries(PAIR_SETS).map(([name, file]) => [name, loadPairs(file)]);
sets.push(['all', sets.flatMap(([, pairs]) => pairs)]);

for (const [name, pairs] of sets) {
  const result = evaluateMatching(pairs);
  console.log(`\n== ${name}: ${result.pairs} labelled pairs`);
  console.log(`precision ${pct(result.precision)} (${result.truePositives} of ${result.truePositives + result.falsePositives} proposed matches are right)`);
  console.log(`recall    ${pct(result.recall)} (${result.truePositives} of ${result.truePositives + result.falseNegatives} true matches found)`);
  if (name === 'all') continue;
  console.log('by kind of pair (judged as labelled):');
  for (const [kind, { pairs: n, right }] of Object.entries(result.byKind)) console.log(`  ${kind.padEnd(28)} ${right}/${n}`);
  for (const m of result.mistakes) {
    console.log(`  wrong [${m.kind}, labelled ${m.match ? 'match' : 'no match'}] score ${m.judgement.score}${m.judgement.conflicts.length ? `; ${m.judgement.conflicts.join('; ')}` : ''}`);
    console.log(`    a: ${m.a}\n    b: ${m.b}`);
  }
}
