/**
 * Writes a run's results: bench/results/latest.json and BENCHMARKS.md (tables with the ratios of
 * Corroborate to each peer, the targets, the machine, the command). The hand-written parts of
 * BENCHMARKS.md (between `<!-- keep:NAME -->` and `<!-- /keep:NAME -->`) are carried over.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerKind } from './generator/clients';
import type { machineInfo } from './proc';
import { repoRoot } from './servers';
import type { FanoutEntry, MemoryEntry, SustainedEntry } from './workloads/fanout';

export interface Results {
  at: string;
  machine: ReturnType<typeof machineInfo>;
  command: string;
  mode: 'quick' | 'full';
  fanout: FanoutEntry[];
  sustained: SustainedEntry[];
  memory: MemoryEntry[];
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
      `(full, under 30 min) or \`npm run bench -- --quick\` (under 5 min, shorter windows, no repeats); \`--only=fanout,load,export,render\`, \`--servers=…\` and \`--cpu-prof\` narrow or profile a run. ` +
      'Every number below is in `bench/results/latest.json`.',
  );
  out.push('');
  out.push(keep(existing, 'method', METHOD));
  out.push('');

  // Fan-out at 50 clients.
  out.push('## Fan-out: 50 clients × 2 edits/s on one document');
  out.push('');
  out.push(
    table(
      ['server', 'p50 ms', 'p99 ms', 'delivered', 'server CPU', 'RSS per connection', 'others\' CPU', 'run'],
      SERVERS.map((s) => {
        const e = entry(s, 'fanout-50');
        return [s, fmt(e?.p50Ms, 2), fmt(e?.p99Ms, 2) + (e?.repeatsP99Ms ? ` (repeats: ${e.repeatsP99Ms.map((v) => fmt(v)).join(', ')})` : ''), fmt(e?.delivered, 3), pct(e?.serverCpu), e ? `${fmt(e.rssPerConnKb)} kB` : '—', pct(e?.foreignCpu), status(e)];
      }),
    ),
  );
  out.push('');
  const c50 = entry('corroborate', 'fanout-50');
  out.push(
    table(
      ['Corroborate ÷', 'p50', 'p99', 'server CPU', 'RSS per connection'],
      PEERS.map((p) => {
        const e = entry(p, 'fanout-50');
        return [p, ratio(c50?.p50Ms, e?.p50Ms), ratio(c50?.p99Ms, e?.p99Ms), ratio(c50?.serverCpu, e?.serverCpu), ratio(c50?.rssPerConnKb, e?.rssPerConnKb)];
      }),
    ),
  );
  out.push('', 'RSS per connection here is (RSS at the end of the window − baseline) / 50: a few MB of heap growth or collection swamp it (a negative value is a collection); the Memory section measures 1,000 idle connections instead.');
  if (c50?.savedAckP50Ms != null) out.push('', `Corroborate's saved acknowledgement (edit committed to PostgreSQL) reached the sender after ${fmt(c50.savedAckP50Ms)} ms (p50), ${fmt(c50.savedAckP99Ms)} ms (p99).`);
  out.push('');

  // Ramp and sustained.
  out.push('## Sustained throughput: 200 clients on one document, edit rate stepped up');
  out.push('');
  out.push('Each cell: p99 latency in ms (server CPU); † marks a step during which other processes took more than half a core or the hypervisor more than 10 % of the cores. A step fails at p99 ≥ 100 ms, at missing edits, or when the run is invalid; the ramp stops at the first failure.');
  out.push('');
  const rates = [...new Set(r.fanout.filter((e) => e.workload === 'ramp-200').map((e) => e.editsPerSecond))].sort((a, b) => a - b);
  out.push(
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
  out.push(
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
  out.push(
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
  out.push(`Server RSS with one connection on one loaded document (baseline, a fresh server each time); then ${idleN} idle connections on that document; then 400 more documents loaded with one idle connection each. Per item: (RSS − baseline) / count, each RSS the median of five readings. RSS growth is what the process had to take from the system: a server that starts with a large, partly empty heap absorbs small allocations without growing, so a per-item figure is a lower bound when the baseline is large.`);
  out.push('');
  const mem = (s: ServerKind) => r.memory.find((x) => x.server === s);
  out.push(
    table(
      ['server', 'baseline RSS', 'per idle connection', 'per loaded document', 'Corroborate ÷ (connection, document)'],
      SERVERS.map((s) => [
        s,
        mem(s)?.baselineRssKb != null ? `${(mem(s)!.baselineRssKb! / 1024).toFixed(0)} MB` : '—',
        mem(s) ? `${fmt(mem(s)!.rssPerIdleConnKb)} kB` : '—',
        mem(s) ? `${fmt(mem(s)!.rssPerLoadedDocKb)} kB` : '—',
        s === 'corroborate' ? '' : `${ratio(mem('corroborate')?.rssPerIdleConnKb, mem(s)?.rssPerIdleConnKb)}, ${ratio(mem('corroborate')?.rssPerLoadedDocKb, mem(s)?.rssPerLoadedDocKb)}`,
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
  out.push(
    table(
      ['target', 'measured', ''],
      [
        ['fan-out p99 at 50 clients ≤ Hocuspocus and y-websocket, ≤ 1.5× the relay (persistence on)', `${fmt(c)} ms vs ${fmt(peerP99 === Infinity ? null : peerP99)} ms (best peer), ${fmt(relayP99)} ms (relay)`, mark(c == null || peerP99 === Infinity || relayP99 == null ? null : c <= peerP99 && c <= 1.5 * relayP99 && !!c50?.valid)],
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
