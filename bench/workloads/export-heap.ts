/**
 * `node --expose-gc --import tsx bench/workloads/export-heap.ts <databaseUrl> <workspaceId>`: runs
 * the export's own reader (server/export/repository.ts `exportItems`) and ClaimReview formatter
 * in this process, collecting garbage every 1,000 claims, and prints the live heap each time as
 * JSON. Peak RSS counts garbage not yet collected; this says whether anything is retained.
 */
import { createDb } from '../../db';
import { claimReviewFormat } from '../../server/export/formats/claimreview';
import { exportItems } from '../../server/export/repository';

const [databaseUrl, workspaceId] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const { db, close } = await createDb({ databaseUrl, dataDir: 'memory://' });
const ctx = { workspaceName: 'Bench', origin: 'http://127.0.0.1', total: 0, generatedAt: new Date() };
const heapMb: number[] = [];
let n = 0;
let bytes = 0;
try {
  for await (const item of exportItems(db, { workspaceId, status: 'verified' }, 500)) {
    bytes += claimReviewFormat.item(item, n, ctx).length;
    if (++n % 1000 === 0) {
      gc();
      heapMb.push(Math.round((process.memoryUsage().heapUsed / 1048576) * 10) / 10);
    }
  }
} finally {
  await close();
}
console.log(JSON.stringify({ claims: n, characters: bytes, heapMbAfterGc: heapMb }));
