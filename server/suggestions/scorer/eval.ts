/**
 * `npm run eval:claims`: the shipped scorer (weights.json, at its trained threshold) on the test
 * split of the labelled set: precision, recall and F1 overall, by genre and by reason, and the ten
 * worst misses each way. Pass `--train` to see the same on the train split (which the model saw).
 */
import { fileURLToPath } from 'node:url';
import { GENRES, loadDataset, POSITIVE_REASONS, REASON_CODES, type Reason } from './dataset';
import { counts, readDocuments, scoreOf, type Counts, type Item } from './evaluation';
import { shippedModel } from './model';

const split = process.argv.includes('--train') ? 'train' : 'test';
const docs = loadDataset(fileURLToPath(new URL('../../../tests/fixtures/claims/annotated/', import.meta.url))).filter((d) => d.split === split);
const model = shippedModel();
const items = await readDocuments(docs);
const scores = items.map((item) => scoreOf(model, item));
const t = model.threshold;

const f = (x: number) => x.toFixed(3);
const row = (name: string, c: Counts) => `${name.padEnd(24)} ${String(c.n).padStart(4)}  P ${f(c.precision)}  R ${f(c.recall)}  F1 ${f(c.f1)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
const subset = (keep: (item: Item) => boolean) => {
  const picked = items.map((item, i) => ({ item, score: scores[i] })).filter(({ item }) => keep(item));
  return counts(picked.map((p) => p.item), picked.map((p) => p.score), t);
};

console.log(`Test of the shipped scorer on the ${split} split: ${docs.length} documents, ${items.length} sentences, threshold ${t}`);
console.log(`(cross-validated on the train split when trained: ${JSON.stringify(model.trained?.crossValidated)})\n`);
console.log(row('overall', counts(items, scores, t)));
console.log('\nby genre');
for (const genre of GENRES) console.log(row(`  ${genre}`, subset((i) => i.gold.genre === genre)));
console.log('\nby reason, check-worthy sentences (recall: share suggested)');
for (const reason of POSITIVE_REASONS) {
  const c = subset((i) => i.gold.reasons.includes(reason));
  console.log(`  ${reason.padEnd(22)} ${String(c.n).padStart(4)}  R ${f(c.recall)}  (missed ${c.fn})`);
}
console.log('\nby reason, other sentences (share wrongly suggested)');
for (const reason of Object.values(REASON_CODES).filter((r: Reason) => !POSITIVE_REASONS.includes(r))) {
  const c = subset((i) => i.gold.reasons.includes(reason));
  console.log(`  ${reason.padEnd(22)} ${String(c.n).padStart(4)}  flagged ${c.fp}${c.n ? ` (${f(c.fp / c.n)})` : ''}`);
}

const ranked = items.map((item, i) => ({ item, score: scores[i] }));
const show = ({ item, score }: { item: Item; score: number }) =>
  `  ${score.toFixed(2)}  [${item.gold.doc}; ${item.gold.reasons.join(', ')}] ${item.gold.text.length > 110 ? `${item.gold.text.slice(0, 110)}…` : item.gold.text}`;
console.log('\nten worst misses: check-worthy sentences not suggested, lowest score first');
for (const r of ranked.filter((r) => r.item.gold.checkWorthy && r.score < t).sort((a, b) => a.score - b.score).slice(0, 10)) console.log(show(r));
console.log('\nten worst false alarms: sentences suggested that are not check-worthy, highest score first');
for (const r of ranked.filter((r) => !r.item.gold.checkWorthy && r.score >= t).sort((a, b) => b.score - a.score).slice(0, 10)) console.log(show(r));
