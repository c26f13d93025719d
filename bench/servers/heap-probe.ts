/**
 * Preloaded into every benchmarked server (compiled to dist/bench/heap-probe.js: `node --expose-gc --import …/heap-probe.js`):
 * on SIGUSR2 it collects garbage and writes the live heap (`process.memoryUsage().heapUsed`) to
 * BENCH_HEAP_FILE, so the benchmark reads the heap from inside each server without changing it.
 */
import { renameSync, writeFileSync } from 'node:fs';

const file = process.env.BENCH_HEAP_FILE;
const gc = (globalThis as { gc?: () => void }).gc;
if (file) {
  process.on('SIGUSR2', () => {
    // Twice: the first collection's finalizers can free more.
    gc?.();
    gc?.();
    const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
    writeFileSync(`${file}.tmp`, JSON.stringify({ heapUsed, rss, external, arrayBuffers, collected: !!gc }));
    renameSync(`${file}.tmp`, file);
  });
}
