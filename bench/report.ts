/**
 * Writes a run's results: bench/results/latest.json and BENCHMARKS.md (tables with the ratios of
 * Corroborate to each peer, the targets, the machine, the command). The hand-written parts of
 * BENCHMARKS.md (between `<!-- keep:NAME -->` and `<!-- /keep:NAME -->`) are carried over.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerKind } from './generator/clients';
import type { FsyncFloor, MachineLoad, machineInfo } from './proc';
import { repoRoot } from './servers';
import type { FanoutEntry, MemoryEntry, SustainedEntry } from './workloads/fanout';
import type { OverloadResult } from './workloads/interleaved';

export interface Results {
  at: string;
  machine: ReturnType<typeof machineInfo>;
  command: string;
  mode: 'quick' | 'full';
  fanout: FanoutEntry[];
  sustained: SustainedEntry[];
  memory: MemoryEntry[];
  /** The overload ramp of Corroborate's 500-client document (interleaved.ts). */
  overload: OverloadResult | { skipped: string };
  search: Record<string, any>;
  mixed: Record<string, any>;
  /** pg_test_fsync's figures: the disk's floor under a commit. */
  fsync: FsyncFloor;
  /** The machine's 1-minute load average through the run. */
  machineLoad: MachineLoad;
  /** Each part's time and the load average around it. */
  parts: Array<{ name: string; seconds: number; load1Before: number; load1After: number }>;
  load: Record<string, any>;
  export: Record<string, any>;
  render: Record<string, any>;
  notes: string[];
  durationSeconds: number;
}

const SERVERS: ServerKind[] = ['corroborate', 'y-websocket', 'hocuspocus', 'relay'];
const PEERS = SERVERS.slice(1);

const fmt = (v: unknown, digits = 1): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(digits);
  return String(v);
};
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`);
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || a <= 0 || b <= 0 ? '—' : `${(a / b).toFixed(2)}×`);
const table = (head: string[], rows: string[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const status = (e: FanoutEntry | undefined) => (!e ? 'not run' : !e.valid ? 'INVALID' : e.disturbed ? 'valid, disturbed' : 'valid');
const mark = (ok: boolean | null | undefined) => (ok === null || ok === undefined ? 'not measured' : ok ? 'met' : '**missed**');

function keep(existing: string, name: string, fallback: string): string {
  const m = new RegExp(`<!-- keep:${name} -->[\\s\\S]*?<!-- /keep:${name} -->`).exec(existing);
  return m ? m[0] : `<!-- keep:${name} -->\n${fallback}\n<!-- /keep:${name} -->`;
}

export function renderMarkdown(r: Results, existing = ''): string {
  const out: string[] = [];
  const entry = (server: ServerKind, workload: string) => r.fanout.find((e) => e.server === server && e.workload === workload);
  const m = r.machine;
  out.push('# Benchmarks');
  out.push('');
  out.push(
    `Measured ${r.at.slice(0, 16).replace('T', ' ')} UTC, ${r.mode} run (${Math.round(r.durationSeconds / 60)} min), on ${m.nproc} cores (${m.model}), ${m.memoryGb} GB of memory, ` +
      `Linux ${m.kernel}, Node ${m.node}; PostgreSQL 15 on the same machine, which other people were using at the same time. Reproduce with \`npm run bench\` ` +
      `(full, under 30 min) or \`npm run bench -- --quick\` (under 5 min: shorter windows, fewer steps, smaller sizes, no rendering, no 200-client ramp or 400-document run); \`--only=fanout,load,export,search,mixed,render\`, \`--servers=…\` and \`--cpu-prof\` narrow or profile a run. ` +
      'Every number below is in `bench/results/latest.json`.',
  );
  out.push('');
  out.push(keep(existing, 'method', METHOD));
  out.push('');

  // Machine load.
  const ml = r.machineLoad;
  out.push(
    `**Machine load during the run**: 1-minute load average ${fmt(ml?.min, 2)}–${fmt(ml?.max, 2)} (median ${fmt(ml?.median, 2)}) on ${m.nproc} cores` +
      (r.parts?.length ? `; per part (seconds, load before → after): ${r.parts.map((p) => `${p.name} ${p.seconds} s, ${fmt(p.load1Before, 2)} → ${fmt(p.load1After, 2)}`).join('; ')}.` : '.') +
      ' A load above the core count means other processes were waiting for a core: absolute figures are then noisy, and the ratios between servers measured interleaved in the same run are what to read.',
  );
  out.push('');

  // Fan-out at 50 clients, interleaved.
  const repeatCell = (e: FanoutEntry | undefined) => (e?.repeatsP99Ms ? e.repeatsP99Ms.map((v) => fmt(v)).join(', ') : '—');
  const interleavedTable = (workload: string) =>
    table(
      ['server', 'p50 ms (median)', 'p99 ms (median)', 'p99 of each repeat', 'delivered', 'CPU per edit (server + its PostgreSQL backends)', 'server CPU', 'its PostgreSQL backends', 'others\' CPU', 'run'],
      SERVERS.map((s) => {
        const e = entry(s, workload);
        return [s, fmt(e?.p50Ms, 2), fmt(e?.p99Ms, 2), repeatCell(e), fmt(e?.delivered, 3), e?.cpuPerEditUs != null ? `${fmt(e.cpuPerEditUs, 0)} µs` : '—', pct(e?.serverCpu), pct(e?.backendCpu), pct(e?.foreignCpu), status(e)];
      }),
    );
  const ratioTable = (workload: string) => {
    const mine = entry('corroborate', workload);
    return table(
      ['Corroborate ÷', 'p50', 'p99', 'CPU per edit'],
      PEERS.map((p) => {
        const e = entry(p, workload);
        return [p, ratio(mine?.p50Ms, e?.p50Ms), ratio(mine?.p99Ms, e?.p99Ms), ratio(mine?.cpuPerEditUs, e?.cpuPerEditUs)];
      }),
    );
  };
  out.push('## Fan-out: 50 clients × 2 edits/s on one document (interleaved, three repeats)');
  out.push('');
  out.push('All four servers up at once; each repeat measures one window per server in turn, the order rotated from repeat to repeat, so the machine\'s noise falls on all alike. The four measuring clients are spread through the room\'s connection order, the last of them connecting last (every server broadcasts in connection order). p50 and p99 are the medians over the repeats. CPU per edit: the server\'s CPU plus that of the PostgreSQL backends serving it (found by `application_name` in `pg_stat_activity`, read from `/proc/<pid>/stat`) over the window, divided by the edits sent in it; y-websocket\'s LevelDB runs inside its process.');
  out.push('');
  out.push(interleavedTable('fanout-50'));
  out.push('');
  out.push(ratioTable('fanout-50'));
  const c50 = entry('corroborate', 'fanout-50');
  const f = r.fsync;
  const floor = f?.fdatasyncMs != null ? `${fmt(f.fdatasyncMs, 2)} ms` : '—';
  if (c50?.savedAckP50Ms != null || f) {
    out.push('');
    out.push(
      `**Saved acknowledgement at 50 clients** (an edit committed to PostgreSQL and acknowledged to its sender): p50 ${fmt(c50?.savedAckP50Ms, 2)} ms, p99 ${fmt(c50?.savedAckP99Ms, 2)} ms (medians over the repeats; each repeat p50/p99: ${c50?.repeats?.map((x) => `${fmt(x.savedAckP50Ms, 2)}/${fmt(x.savedAckP99Ms, 2)}`).join(', ') ?? '—'}). ` +
        `The floor: \`pg_test_fsync -s 1\` on this machine, one 8 kB write, fdatasync (PostgreSQL's \`wal_sync_method\` here) ${floor}` +
        (f?.usecsPerOp ? ` (${Object.entries(f.usecsPerOp).map(([k, v]) => `${k} ${fmt(v / 1000, 2)} ms`).join(', ')})` : '') +
        (f?.skipped ? ` — ${f.skipped}` : '') + ', measured at the start of the run.',
    );
  }
  out.push('');

  // 500 clients on one document, interleaved.
  out.push('## 500 clients on one document (interleaved)');
  out.push('');
  const roomRates = [...new Set(r.fanout.filter((e) => e.workload === 'room-500').map((e) => e.editsPerSecond))].sort((a, b) => a - b);
  if (!roomRates.length) out.push('Not measured in this run.');
  for (const rate of roomRates) {
    const at = (s: ServerKind) => r.fanout.find((e) => e.server === s && e.workload === 'room-500' && e.editsPerSecond === rate);
    out.push(`At ${rate} edits/s (all clients together):`, '');
    out.push(
      table(
        ['server', 'p50 ms', 'p99 ms', 'p99 of each repeat', 'delivered', 'CPU per edit', 'server CPU', 'others\' CPU', 'run', 'Corroborate ÷ (p50, p99, CPU per edit)'],
        SERVERS.map((s) => {
          const e = at(s);
          const mine = at('corroborate');
          return [s, fmt(e?.p50Ms, 2), fmt(e?.p99Ms, 2), repeatCell(e), fmt(e?.delivered, 3), e?.cpuPerEditUs != null ? `${fmt(e.cpuPerEditUs, 0)} µs` : '—', pct(e?.serverCpu), pct(e?.foreignCpu), status(e), s === 'corroborate' ? '' : `${ratio(mine?.p50Ms, e?.p50Ms)}, ${ratio(mine?.p99Ms, e?.p99Ms)}, ${ratio(mine?.cpuPerEditUs, e?.cpuPerEditUs)}`];
        }),
      ),
    );
    out.push('');
  }

  // Overload.
  out.push('## Overload: 500 clients on one Corroborate document, edit rate raised until p99 passes 1 s');
  out.push('');
  const o = r.overload as OverloadResult & { skipped?: string };
  if (!o || o.skipped || !o.steps) out.push(`Not measured: ${o?.skipped ?? 'not run'}`);
  else {
    out.push('While each step runs (and drains), `GET /api/health` and a REST read (`GET /api/documents/:id`) are sent every 250 ms; a probe fails when it gets no 200 within 10 s.');
    out.push('');
    out.push(
      table(
        ['edits/s offered (sent)', 'p50 ms', 'p99 ms', 'delivered', 'saved ack p50 / p99 ms', 'health p50 / p99 / max ms', 'REST p50 / p99 / max ms', 'probes failed', 'server CPU', 'its PostgreSQL backends', 'generator CPU', 'run'],
        o.steps.map((x) => [
          `${x.editsPerSecond} (${fmt(x.sentRate, 0)})`,
          fmt(x.p50Ms),
          fmt(x.p99Ms),
          fmt(x.delivered, 3),
          `${fmt(x.savedAckP50Ms)} / ${fmt(x.savedAckP99Ms)}${x.unackedAfterDrain ? ` (${x.unackedAfterDrain} measured edits unacknowledged after the drain)` : ''}`,
          `${fmt(x.healthP50Ms)} / ${fmt(x.healthP99Ms)} / ${fmt(x.healthMaxMs)}`,
          `${fmt(x.restP50Ms)} / ${fmt(x.restP99Ms)} / ${fmt(x.restMaxMs)}`,
          `${x.probeFailures} of ${x.probes}`,
          pct(x.serverCpu),
          pct(x.backendCpu),
          pct(x.generatorCpu),
          x.valid ? 'valid' : `invalid: ${x.invalidReason}`,
        ]),
      ),
    );
    out.push('');
    out.push(
      o.breakingEditsPerSecond != null
        ? `Breaking point: p99 passed 1 s (or edits went missing) at ${o.breakingEditsPerSecond} edits/s; the last step under it was ${fmt(o.sustainedEditsPerSecond)} edits/s. The row at ${o.breakingEditsPerSecond} shows the behaviour past it.`
        : o.endedBy === 'generator'
          ? `No breaking point found: the load generator saturated first (the server's limit is above ${fmt(o.sustainedEditsPerSecond)} edits/s).`
          : o.error
            ? `The ramp failed: ${o.error}`
            : `No breaking point up to ${fmt(o.sustainedEditsPerSecond)} edits/s.`,
    );
  }
  out.push('');

  // Ramp and sustained.
  out.push('## Sustained throughput: 200 clients on one document, edit rate stepped up');
  out.push('');
  out.push('Each cell: p99 latency in ms (server CPU); † marks a step during which other processes took more than half a core or the hypervisor more than 10 % of the cores. A step fails at p99 ≥ 100 ms, at missing edits, or when the run is invalid; the ramp stops at the first failure.');
  out.push('');
  const rates = [...new Set(r.fanout.filter((e) => e.workload === 'ramp-200').map((e) => e.editsPerSecond))].sort((a, b) => a - b);
  if (!rates.length) out.push('Not measured in this run (a full run measures it; a quick one has the overload ramp above).', '');
  else out.push(
    table(
      ['edits/s', ...SERVERS],
      rates.map((rate) => [
        String(rate),
        ...SERVERS.map((s) => {
          const e = r.fanout.find((x) => x.server === s && x.workload === 'ramp-200' && x.editsPerSecond === rate);
          if (!e) return '';
          return `${fmt(e.p99Ms)} (${pct(e.serverCpu)})${e.disturbed ? ' †' : ''}${e.valid ? '' : ' invalid'}`;
        }),
      ]),
    ),
  );
  out.push('');
  const sus = (s: ServerKind) => r.sustained.find((x) => x.server === s);
  if (rates.length) out.push(
    table(
      ['server', 'sustained edits/s (p99 < 100 ms)', 'ended by', 'Corroborate ÷ server'],
      SERVERS.map((s) => {
        const x = sus(s);
        // When the generator saturated first, the server's own limit is higher than what was measured.
        const bound = x?.limitedBy === 'generator' || x?.limitedBy === 'last-step';
        return [
          s,
          `${bound && x?.editsPerSecond != null ? '≥ ' : ''}${fmt(x?.editsPerSecond)}`,
          x ? `${x.limitedBy}${x.firstFailingRate ? ` at ${x.firstFailingRate}` : ''}${x.disturbed ? ' †' : ''}` : 'not run',
          s === 'corroborate' ? '' : `${bound ? '≤ ' : ''}${ratio(sus('corroborate')?.editsPerSecond, x?.editsPerSecond)}`,
        ];
      }),
    ),
  );
  out.push('');

  // 400 documents.
  out.push('## 400 documents, one editing client each (0.5 edits/s), 4 measuring observers');
  out.push('');
  if (!r.fanout.some((e) => e.workload === 'docs-400')) out.push('Not measured in this run (a full run measures it).');
  else out.push(
    table(
      ['server', 'p50 ms', 'p99 ms', 'delivered', 'server CPU', 'RSS per document (loaded, with its connection)', 'others\' CPU', 'run'],
      SERVERS.map((s) => {
        const e = entry(s, 'docs-400');
        const mem = r.memory.find((x) => x.server === s);
        return [s, fmt(e?.p50Ms, 2), fmt(e?.p99Ms, 2), fmt(e?.delivered, 3), pct(e?.serverCpu), mem ? `${fmt(mem.rssPerLoadedDocKb)} kB idle, ${fmt(e?.rssPerConnKb)} kB editing` : '—', pct(e?.foreignCpu), status(e)];
      }),
    ),
  );
  out.push('');

  // Memory.
  out.push('## Memory');
  out.push('');
  const idleN = r.memory.find((x) => x.idleConnections)?.idleConnections ?? 1000;
  out.push(`Server RSS and live heap with one connection on one loaded document (baseline); then ${idleN} idle connections on that document (all servers up, measured one after another); in a full run also 400 more documents loaded with one idle connection each (a fresh server). Per item: (value − baseline) / count. RSS is the median of five readings; the live heap is \`process.memoryUsage().heapUsed\` read inside the server right after a forced collection (\`--expose-gc\`, bench/servers/heap-probe.ts), so it counts what the connections keep alive, where RSS growth can hide in a large, partly empty heap.`);
  out.push('');
  const mem = (s: ServerKind) => r.memory.find((x) => x.server === s);
  out.push(
    table(
      ['server', 'baseline RSS', 'baseline live heap', 'live heap per idle connection', 'RSS per idle connection', 'RSS per loaded document', 'Corroborate ÷ (baseline RSS, heap per connection, RSS per document)'],
      SERVERS.map((s) => [
        s,
        mem(s)?.baselineRssKb != null ? `${(mem(s)!.baselineRssKb! / 1024).toFixed(0)} MB` : '—',
        mem(s)?.baselineHeapKb != null ? `${(mem(s)!.baselineHeapKb! / 1024).toFixed(1)} MB` : '—',
        mem(s)?.heapPerIdleConnKb != null ? `${fmt(mem(s)!.heapPerIdleConnKb, 2)} kB` : '—',
        mem(s) ? `${fmt(mem(s)!.rssPerIdleConnKb)} kB` : '—',
        mem(s) ? `${fmt(mem(s)!.rssPerLoadedDocKb)} kB` : '—',
        s === 'corroborate' ? '' : `${ratio(mem('corroborate')?.baselineRssKb, mem(s)?.baselineRssKb)}, ${ratio(mem('corroborate')?.heapPerIdleConnKb, mem(s)?.heapPerIdleConnKb)}, ${ratio(mem('corroborate')?.rssPerLoadedDocKb, mem(s)?.rssPerLoadedDocKb)}`,
      ]),
    ),
  );
  out.push('');

  // Load.
  out.push('## Load: a document with a history of 100k small updates');
  out.push('');
  const l = r.load;
  if (l.skipped || l.error) out.push(`Not measured: ${l.skipped ?? l.error}`);
  else {
    out.push(
      table(
        ['', 'log rows', 'stored bytes', 'read (in process)', 'replay (in process)', 'open end to end, cold server', 'open end to end, warm server'],
        [
          ['raw log, naive replay', fmt(l.logBefore.rows), `${fmt(l.logBefore.logBytes)} in the log`, `${fmt(l.openRawLog.readMs)} ms`, `${fmt(l.openRawLog.replayMs)} ms`, `${fmt(l.openRawLog.endToEndColdMs)} ms`, '—'],
          ['after compaction', fmt(l.logAfter.rows), `${fmt(l.logAfter.snapshotBytes)} snapshot + ${fmt(l.logAfter.logBytes)} log`, `${fmt(l.openCompacted.readMs)} ms`, `${fmt(l.openCompacted.replayMs)} ms`, `${fmt(l.openCompacted.endToEndColdMs)} ms`, `${fmt(l.openCompacted.endToEndWarmMs)} ms`],
        ],
      ),
    );
    out.push('', `Compaction of the 100k rows took ${fmt(l.compactMs)} ms; the document after compaction is identical to the replayed log: ${l.sameDocument ? 'yes' : '**no**'}. ("Open end to end": a y-websocket client connects and waits for the server's sync step 2.)`);
  }
  out.push('');

  // Export.
  out.push('## Export: claims with 3 evidence items and 5 votes each');
  out.push('');
  const x = r.export;
  if (x.skipped || (x.error && !x.runs?.length)) out.push(`Not measured: ${x.skipped ?? x.error}`);
  else {
    out.push(
      table(
        ['claims', 'format', 'time', 'first byte', 'size', 'server peak RSS above its start'],
        (x.runs as Array<Record<string, any>>).map((e) => [fmt(e.claims), e.format, `${fmt(e.ms)} ms`, `${fmt(e.firstByteMs)} ms`, `${(e.bytes / 1024 / 1024).toFixed(1)} MB`, `${(e.peakRssDeltaKb / 1024).toFixed(1)} MB`]),
      ),
    );
    if (x.liveHeap) out.push('', `Live heap while the export's own reader and ClaimReview formatter ran over ${x.liveHeap.claims} claims in a separate process, after a collection every 1,000 claims: ${x.liveHeap.heapMbAfterGc.join(', ')} MB (${x.memoryFlat ? 'flat' : '**growing**'}). Peak RSS above also counts garbage not yet collected.`);
    if (x.bug) out.push('', `**Bug seen:** ${x.bug}. Measured with the workaround: ${x.workaround}.`);
    if (x.error) out.push('', `**Failed:** ${x.error}`);
  }
  out.push('');

  // Search.
  out.push('## Search: 100 documents, 20k claims, `GET /api/workspaces/:wid/search`');
  out.push('');
  const sr = r.search;
  if (!sr || sr.skipped || !sr.runs) out.push(`Not measured: ${sr?.skipped ?? sr?.error ?? 'not run'}`);
  else {
    out.push(`Each claim has a quote from its document, a note and one evidence item, written into the tables (the search index follows by its triggers); a fresh server per database; each query once to warm up, then ${sr.repeats} rounds over all queries. Cells: p50 / p99 ms (results).`);
    out.push('');
    const labels: string[] = (sr.runs.find((x: any) => x.queries)?.queries ?? []).map((q: any) => q.label);
    out.push(
      table(
        ['database', ...labels, 'all queries p50 / p99', 'seeded in'],
        (sr.runs as any[]).map((run) =>
          run.error
            ? [run.database, ...labels.map(() => '—'), `failed: ${run.error}`, '—']
            : [run.database, ...run.queries.map((q: any) => `${fmt(q.p50Ms)} / ${fmt(q.p99Ms)} (${q.results})`), `${fmt(run.p50Ms)} / ${fmt(run.p99Ms)} ms`, `${fmt(run.seedMs / 1000)} s`],
        ),
      ),
    );
  }
  out.push('');

  // Mixed.
  out.push('## Mixed load: a 20-document workspace');
  out.push('');
  const mx = r.mixed;
  if (!mx || mx.skipped || mx.error || !mx.edits) out.push(`Not measured: ${mx?.skipped ?? mx?.error ?? 'not run'}`);
  else {
    out.push(`${mx.documents} documents with ${mx.claims} claims in all; ${mx.clients} clients (10 per document, one measuring) editing at ${mx.editsPerSecond} edits/s, while, through the same ${mx.windowMs / 1000} s window, REST reads (a document, its claims, the document list) go out every 50 ms, a search every 250 ms, and CSV exports of the whole workspace one after another.`);
    out.push('');
    out.push(
      table(
        ['', 'p50 ms', 'p99 ms', 'max ms', 'count'],
        [
          ['edit fan-out', fmt(mx.edits.p50Ms), fmt(mx.edits.p99Ms), '—', `delivered ${fmt(mx.edits.delivered, 3)}`],
          ['saved acknowledgement', fmt(mx.edits.savedAckP50Ms), fmt(mx.edits.savedAckP99Ms), '—', ''],
          ['REST reads', fmt(mx.rest.p50Ms), fmt(mx.rest.p99Ms), fmt(mx.rest.maxMs), String(mx.rest.n)],
          ['search', fmt(mx.search.p50Ms), fmt(mx.search.p99Ms), fmt(mx.search.maxMs), String(mx.search.n)],
          ['export (CSV, whole workspace)', fmt(mx.export.p50Ms), fmt(mx.export.p99Ms), fmt(mx.export.maxMs), String(mx.export.n)],
        ],
      ),
    );
    out.push('', `Server CPU ${pct(mx.serverCpu)}, its PostgreSQL backends ${pct(mx.backendCpu)}, others ${pct(mx.foreignCpu)}; ${mx.failureCount} requests failed${mx.failures?.length ? ` (${mx.failures.join('; ')})` : ''}${mx.valid ? '' : `; edits run invalid: ${mx.invalidReason}`}.`);
  }
  out.push('');

  // Render.
  out.push('## Rendering: 250k characters with 2,000 claims in Chromium');
  out.push('');
  const v = r.render;
  if (v.skipped || v.error) out.push(`Not measured: ${v.skipped ?? v.error}`);
  else {
    out.push(
      table(
        ['text painted', 'highlights painted', 'first contentful paint', 'long tasks while loading', 'scroll through (frames, mean / p95 / max frame)', 'long tasks while scrolling'],
        [
          [
            `${fmt(v.textPaintedMs)} ms`,
            v.highlightsPaintedMs != null ? `${fmt(v.highlightsPaintedMs)} ms` : String(v.highlights),
            `${fmt(v.fcpMs)} ms`,
            `${fmt(v.loadLongTasks)} (${fmt(v.loadLongTaskMs)} ms)`,
            v.scroll ? `${v.scroll.frames} frames over ${fmt(v.scroll.scrollHeightPx)} px: ${fmt(v.scroll.meanFrameMs)} / ${fmt(v.scroll.p95FrameMs)} / ${fmt(v.scroll.maxFrameMs)} ms` : '—',
            v.scroll ? `${v.scroll.longTasks} (${fmt(v.scroll.longTaskMs)} ms)` : '—',
          ],
        ],
      ),
    );
    out.push('', `Median of ${v.loads - 1} loads after a first one (${fmt(v.firstLoad?.textMs)} ms to text, ${fmt(v.firstLoad?.highlightsMs)} ms to highlights), times from navigation start; web app built from the working tree (${v.webBuild?.source}).`);
    const spread = (d: any, unit = 'ms') => (d ? `${fmt(d.median)} / ${fmt(d.p95)} / ${fmt(d.max)} ${unit} (n = ${d.n})` : '—');
    out.push(
      '',
      table(
        ['claim added in one browser → highlighted in another (median / p95 / max)', 'all 2,000 highlighted after the claims arrived (median / p95 / max)', 'hit-testing a burst of 50 pointer moves → next frame (median / p95 / max)'],
        [
          [
            v.live?.claimToHighlightMs ? spread(v.live.claimToHighlightMs) : v.live?.error ? `failed: ${v.live.error}` : '—',
            spread(v.highlightsAfterArrival),
            v.hitTest ? `${spread(v.hitTest.toNextFrameMs)}; the claim under the pointer hovered after ${v.hitTest.hoveredTheClaimUnderThePointer} of ${v.hitTest.bursts}` : '—',
          ],
        ],
      ),
    );
    out.push('', `Live: two browsers signed in, a ${fmt(v.live?.documentCharacters)}-character document; from the click on "Add claim" in one to the passage in the other's claim highlights. After arrival: from the sync frame with the claims to all ${fmt(v.claims)} highlights in place, the browser's own work (loads that received the claims over the network; the others read them first from the browser's own copy). Hit-testing: on the 2,000-claim page, the reader hit-tests once per frame, so a burst costs one lookup.`);
  }
  out.push('');

  // Targets.
  out.push('## Targets');
  out.push('');
  const peerP99 = Math.min(...['hocuspocus', 'y-websocket'].map((s) => entry(s as ServerKind, 'fanout-50')?.p99Ms ?? Infinity));
  const relayP99 = entry('relay', 'fanout-50')?.p99Ms;
  const c = c50?.p99Ms;
  const susC = sus('corroborate')?.editsPerSecond;
  const susH = sus('hocuspocus')?.editsPerSecond;
  const memOk = (k: 'rssPerIdleConnKb' | 'rssPerLoadedDocKb') => {
    const mine = mem('corroborate')?.[k];
    const peers = (['y-websocket', 'hocuspocus'] as ServerKind[]).map((s) => mem(s)?.[k]).filter((n): n is number => n != null);
    return mine == null || peers.length === 0 ? null : peers.every((p) => mine <= p);
  };
  const heapOk = () => {
    const mine = mem('corroborate')?.heapPerIdleConnKb;
    const peers = (['y-websocket', 'hocuspocus'] as ServerKind[]).map((s) => mem(s)?.heapPerIdleConnKb).filter((n): n is number => n != null);
    return mine == null || peers.length === 0 ? null : peers.every((p) => mine <= p);
  };
  out.push(
    table(
      ['target', 'measured', ''],
      [
        ['fan-out p99 at 50 clients ≤ the best peer (median of three interleaved repeats)', `${fmt(c)} ms vs ${fmt(peerP99 === Infinity ? null : peerP99)} ms (best of y-websocket and Hocuspocus), ${fmt(relayP99)} ms (relay); repeats ${repeatCell(c50)}`, mark(c == null || peerP99 === Infinity ? null : c <= peerP99 && !!c50?.valid)],
        ['saved acknowledgement at 50 clients p50 ≤ 2 ms, p99 ≤ 5 ms (floor: fdatasync)', `${fmt(c50?.savedAckP50Ms, 2)} / ${fmt(c50?.savedAckP99Ms, 2)} ms; fdatasync ${floor}`, mark(c50?.savedAckP50Ms == null ? null : c50.savedAckP50Ms <= 2 && (c50.savedAckP99Ms ?? Infinity) <= 5)],
        ['baseline RSS ≤ 1.5× Hocuspocus', `${fmt((mem('corroborate')?.baselineRssKb ?? 0) / 1024, 0)} MB vs ${fmt((mem('hocuspocus')?.baselineRssKb ?? 0) / 1024, 0)} MB`, mark(mem('corroborate')?.baselineRssKb == null || mem('hocuspocus')?.baselineRssKb == null ? null : mem('corroborate')!.baselineRssKb! <= 1.5 * mem('hocuspocus')!.baselineRssKb!)],
        ['live heap per idle connection ≤ the peers', `${fmt(mem('corroborate')?.heapPerIdleConnKb, 2)} kB vs ${(['y-websocket', 'hocuspocus'] as ServerKind[]).map((s) => `${fmt(mem(s)?.heapPerIdleConnKb, 2)} (${s})`).join(', ')} kB`, mark(heapOk())],
        ['search p50 < 50 ms, p99 < 150 ms on 20k claims, both databases', (r.search?.runs ?? []).map((x: any) => `${x.database} ${fmt(x.p50Ms)} / ${fmt(x.p99Ms)} ms`).join(', ') || '—', mark(r.search?.runs?.length ? r.search.runs.every((x: any) => x.meetsTarget) : null)],
        ['overload: past capacity, health and REST answer within 100 ms, every edit delivered', o?.steps?.length ? (() => { const past = o.steps[o.steps.length - 1]; return `at ${past.editsPerSecond} edits/s: health p99 ${fmt(past.healthP99Ms)} ms, REST p99 ${fmt(past.restP99Ms)} ms, delivered ${fmt(past.delivered, 3)}`; })() : '—', mark(o?.steps?.length && o.breakingEditsPerSecond != null ? (() => { const past = o.steps[o.steps.length - 1]; return (past.healthP99Ms ?? Infinity) <= 100 && (past.restP99Ms ?? Infinity) <= 100 && past.probeFailures === 0 && (past.delivered ?? 0) >= 1; })() : null)],
        ['sustained edits/s at 200 clients ≥ 1.5× Hocuspocus', `${fmt(susC)} vs ${fmt(susH)}`, mark(susC == null || susH == null ? (susC == null && susH != null ? false : null) : susC >= 1.5 * susH)],
        ['RSS per idle connection ≤ the peers', `${fmt(mem('corroborate')?.rssPerIdleConnKb)} kB`, mark(memOk('rssPerIdleConnKb'))],
        ['RSS per loaded document ≤ the peers', `${fmt(mem('corroborate')?.rssPerLoadedDocKb)} kB`, mark(memOk('rssPerLoadedDocKb'))],
        ['open the 100k-update document after compaction < 200 ms', l.openCompacted ? `${fmt(l.openCompacted.endToEndWarmMs)} ms warm, ${fmt(l.openCompacted.endToEndColdMs)} ms cold` : '—', mark(l.meetsTarget)],
        ['export 10k claims < 1 s, peak memory independent of the claim count', x.runs?.length ? (x.runs as any[]).filter((e) => e.claims === 10000).map((e) => `${e.format} ${fmt(e.ms)} ms`).join(', ') : '—', x.runs?.length ? `${mark(x.meetsTimeTarget)} (time), ${x.memoryFlat == null ? 'not measured' : x.memoryFlat ? 'met: live heap flat' : '**missed: live heap grows**'} (memory)` : 'not measured'],
        ['2,000 highlights on 250k characters painted < 1 s', v.highlightsPaintedMs != null ? `${fmt(v.highlightsPaintedMs)} ms` : String(v.highlights ?? v.skipped ?? '—'), mark(v.highlightsPaintedMs == null ? null : v.meetsTarget)],
        ['a claim added in one browser highlighted in another < 1 s (p95)', v.live?.claimToHighlightMs ? `${fmt(v.live.claimToHighlightMs.p95)} ms` : '—', mark(v.live?.claimToHighlightMs ? v.live.meetsTarget : null)],
      ],
    ),
  );
  out.push('');

  // Invalid runs.
  const invalid = r.fanout.filter((e) => !e.valid);
  out.push('## Invalid runs');
  out.push('');
  out.push(invalid.length ? invalid.map((e) => `- ${e.server} ${e.workload} at ${e.editsPerSecond} edits/s: ${e.invalidReason}`).join('\n') : 'None.');
  const busy = r.fanout.filter((e) => e.valid && e.disturbed);
  if (busy.length) out.push('', `Valid but disturbed (other processes on this machine took more than half a core, or the hypervisor more than 10 % of the cores, during the window): ${busy.map((e) => `${e.server} ${e.workload}@${e.editsPerSecond} (others ${pct(e.foreignCpu)}, steal ${pct(e.cores.reduce((a, c) => a + c.steal, 0) / Math.max(1, e.cores.length))})`).join(', ')}.`);
  if (r.notes.length) out.push('', ...r.notes.map((n) => `- ${n}`));
  out.push('');
  out.push(keep(existing, 'reading', '## Reading\n\n(Written by hand after a full run.)'));
  out.push('');
  return out.join('\n');
}

const METHOD = `## How it is measured

- Each server runs in its own process pinned to core 0 (\`taskset -c 0\`); the load generator runs in one process pinned to core 1. PostgreSQL is shared and not pinned. Server CPU comes from \`/proc/<pid>/stat\` (fraction of one core over the measuring window), RSS from \`/proc/<pid>/status\`.
- **Corroborate**: \`server/main.ts\` on PostgreSQL, every edit appended to the update log by group commit and acknowledged as saved; clients authenticate with an API token. **y-websocket**: \`@y/websocket-server\` 0.1.1's \`setupWSConnection\` with its LevelDB persistence (y-leveldb, fire-and-forget). **Hocuspocus**: \`@hocuspocus/server\` 3.4.4 with \`@hocuspocus/extension-database\` storing the document state in a table of the same PostgreSQL database (its default 2 s debounce). **Relay**: a bare \`ws\` server forwarding every message to the other sockets of the room.
- Each editing client owns one claim of the document, created once after every client has connected, the way the web app creates one (\`newClaim\` from \`server/shared/claim-doc.ts\`, set in the \`claims\` map: a UUID, an anchor on a word of the document's text, an empty note; Corroborate's documents are created with that text, so its guard accepts the anchor). An edit replaces that claim's note with a short token carrying the client's sequence number (\`#17;\`), a delete and an insert in one transaction, so the note stays a few characters long. The same claims and edits go to every server. Four measuring clients per document apply Yjs (on Hocuspocus, \`@hocuspocus/provider\`) and read the tokens out of the updates they receive (the inserted text and its Yjs id), matching them with the send times by (sender, sequence number); an edit's latency is the time until the last of them has it. The other clients speak the protocol minimally over a bare socket (answering sync step 1 with an empty step 2, or Hocuspocus's auth message), send their edits and only count bytes.
- Edits are sent on an open-loop schedule. After each window the generator drains for a few seconds; a run is **invalid** when the generator's core saturates (> 90 %), when it falls behind its schedule (send lag p99 > 50 ms), when the server closes clients, or when edits are missing after the drain. Other people's processes share this machine, and the hypervisor takes time from it too: each window records the CPU the others used and the time stolen; a disturbed window (others > 0.35 core, steal > 10 %, or a generator stall it did not cause) is measured once more in a full run, and an entry still disturbed is marked. The servers and the generator run at \`nice -10\`.
- Every edit is a claim edit, so Corroborate does in the fan-out runs what it does for a real client's note edit: the intake checks the update (only the claims map, the claim field rules of \`CLAIM_FIELDS\`), the claim guard records a history entry for it (folded per person and claim by the group commit), and each commit projects the touched claims into the claims table; on top come the update log, the saved acknowledgement and the per-tick merge. Creating the claims (the guard fills in their server-owned fields) happens before the measuring windows. The other servers store and relay the same updates without looking into them.`;

export function writeResults(results: Results, opts: { partial: boolean }): string[] {
  if (opts.partial) {
    // A narrowed run (--only, --servers) does not replace the full results.
    const file = join(tmpdir(), `corroborate-bench-${results.at.replace(/\D/g, '').slice(0, 14)}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
    return [file];
  }
  const json = join(repoRoot, 'bench/results/latest.json');
  const md = join(repoRoot, 'BENCHMARKS.md');
  writeFileSync(json, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(md, renderMarkdown(results, existsSync(md) ? readFileSync(md, 'utf8') : ''));
  return [json, md];
}

/** `node --import tsx bench/report.ts [results.json]`: regenerates BENCHMARKS.md from a results file. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? join(repoRoot, 'bench/results/latest.json');
  const md = join(repoRoot, 'BENCHMARKS.md');
  writeFileSync(md, renderMarkdown(JSON.parse(readFileSync(file, 'utf8')), existsSync(md) ? readFileSync(md, 'utf8') : ''));
  console.log(`wrote ${md}`);
}
