/**
 * `npm run bench [-- --quick] [--only=fanout,load,export,search,mixed,render] [--servers=corroborate,relay]
 * [--cpu-prof] [--keep-db]`: runs the benchmarks in one go on a fresh PostgreSQL database, then
 * writes bench/results/latest.json and BENCHMARKS.md. Re-executes itself pinned to core 1 (the
 * load generator's core); each server runs pinned to core 0.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase } from './db';
import type { ServerKind } from './generator/clients';
import { GENERATOR_CORE } from './load-generator';
import { fsyncFloor, loadAverage, machineInfo, summarizeLoad } from './proc';
import { writeResults, type Results } from './report';
import { createAccount, createDocuments } from './servers/corroborate-api';
import { repoRoot, startServer, stopAllServers } from './servers';
import { runExport } from './workloads/export';
import { runFanout, type FanoutConfig } from './workloads/fanout';
import { runInterleaved } from './workloads/interleaved';
import { runMixed } from './workloads/mixed';
import { runSearch } from './workloads/search';
import { runLoad } from './workloads/load';
import { runRender } from './workloads/render';

const ALL_SERVERS: ServerKind[] = ['corroborate', 'y-websocket', 'hocuspocus', 'relay'];
const ALL_PARTS = ['fanout', 'load', 'export', 'search', 'mixed', 'render'] as const;

function parseArgs(argv: string[]) {
  const flag = (name: string) => argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const list = (name: string) => flag(name)?.split('=')[1]?.split(',').filter(Boolean);
  const servers = (list('servers') ?? ALL_SERVERS) as ServerKind[];
  // A quick run leaves out rendering (a production build of the web app and Chromium take minutes): `--only=render` runs it.
  const parts = list('only') ?? ALL_PARTS.filter((p) => !(flag('quick') && p === 'render'));
  for (const s of servers) if (!ALL_SERVERS.includes(s)) throw new Error(`unknown server ${s} (one of ${ALL_SERVERS.join(', ')})`);
  for (const p of parts) if (!(ALL_PARTS as readonly string[]).includes(p)) throw new Error(`unknown part ${p} (one of ${ALL_PARTS.join(', ')})`);
  if (flag('no-nice')) process.env.BENCH_NICE = '0';
  return { quick: !!flag('quick'), narrowed: !!flag('only') || !!flag('servers'), servers, parts, cpuProf: !!flag('cpu-prof'), keepDb: !!flag('keep-db'), args: argv };
}

/** Re-runs this script under `taskset -c 1` unless it already is; resolves with the child's exit code. */
function pinSelf(): Promise<number> | null {
  if (process.env.BENCH_PINNED === '1') return null;
  const child = spawn('taskset', ['-c', String(GENERATOR_CORE), process.execPath, '--import', 'tsx', new URL(import.meta.url).pathname, ...process.argv.slice(2)], {
    stdio: 'inherit',
    // A session of its own, hence an autogroup of its own (see raiseGroupPriority).
    detached: true,
    env: { ...process.env, BENCH_PINNED: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

/**
 * With the kernel's autogroup scheduling (sched_autogroup_enabled), `nice` only orders processes
 * within one session: against other sessions' builds and tests the benchmark's nice -10 counts
 * for nothing. This process runs in a session of its own (pinSelf), whose autogroup gets nice -10
 * too, so the servers and the generator are not starved by other people's work. Returns a note.
 */
function raiseGroupPriority(): string | null {
  if (process.env.BENCH_NICE === '0') return null;
  try {
    if (readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() !== '1') return null;
    writeFileSync('/proc/self/autogroup', '-10');
    return `The benchmark ran in a session of its own whose scheduler autogroup had nice -10 (${readFileSync('/proc/self/autogroup', 'utf8').trim()}): with autogroups, nice alone orders processes only within one session.`;
  } catch (err) {
    return `Could not raise the benchmark's autogroup priority (${(err as Error).message}): with autogroups, nice -10 orders processes only within the benchmark's own session, so other sessions' work competed with it on equal terms.`;
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const priorityNote = raiseGroupPriority();
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`);
  log(`benchmark ${options.quick ? '(quick)' : '(full)'}: ${options.parts.join(', ')} on ${options.servers.join(', ')}`);
  // The disk's floor under a commit, measured first, before anything of ours loads the disk.
  const fsync = await fsyncFloor();
  log(`pg_test_fsync: ${fsync.skipped ?? `fdatasync of one 8 kB write ${fsync.fdatasyncMs} ms`}`);
  const database = await createBenchDatabase();
  log(`database ${database.name}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the servers and dropping ${database.name}`);
      void stopAllServers()
        .then(() => (options.keepDb ? undefined : database.drop()))
        .finally(() => process.exit(130));
    });
  }
  // The machine's load average through the run, every 5 s (other people's work shares these cores).
  const loadSamples: Array<{ atS: number; load1: number }> = [];
  const sampleLoad = () => loadSamples.push({ atS: Math.round((Date.now() - started) / 1000), load1: loadAverage()[0] });
  sampleLoad();
  const loadSampler = setInterval(sampleLoad, 5000);
  loadSampler.unref();
  const cpuProfileDir = options.cpuProf ? mkdtempSync(join(tmpdir(), 'bench-cpu-prof-')) : undefined;
  if (cpuProfileDir) log(`CPU profiles of the servers go to ${cpuProfileDir}`);

  const results: Results = {
    at: new Date().toISOString(),
    machine: machineInfo(),
    command: `npm run bench${options.quick ? ' -- --quick' : ''}`,
    mode: options.quick ? 'quick' : 'full',
    fanout: [],
    sustained: [],
    memory: [],
    overload: { skipped: 'not run' },
    search: { skipped: 'not run' },
    mixed: { skipped: 'not run' },
    fsync,
    machineLoad: { samples: [] },
    parts: [],
    load: { skipped: 'not run' },
    export: { skipped: 'not run' },
    render: { skipped: options.parts.includes('render') ? 'not run' : 'not part of a quick run (a full run, or --only=render)' },
    notes: process.env.BENCH_NICE === '0' ? [] : ['Servers and the load generator ran at nice -10 (priority over other processes on this shared machine); PostgreSQL at its normal priority.', ...(priorityNote ? [priorityNote] : [])],
    durationSeconds: 0,
  };

  try {
    // Corroborate needs a user, a workspace, an API token and documents: made through its REST API.
    const setupServer = await startServer('corroborate', { databaseUrl: database.url });
    let corroborate: FanoutConfig['corroborate'];
    try {
      const account = await createAccount(setupServer.base);
      const needDocs = !options.quick && options.parts.includes('fanout') && options.servers.includes('corroborate');
      const [fanoutDoc, rampDoc, probeDoc, roomDoc, ...docs] = await createDocuments(setupServer.base, account, needDocs ? 404 : 4);
      corroborate = { account, fanoutDoc, rampDoc, probeDoc, roomDoc, docs };
      log(`corroborate: account and ${4 + docs.length} documents created`);
    } finally {
      await setupServer.stop();
    }

    /** One part of the run: its time and the machine's load around it are kept, and its failure does not end the run. */
    const part = async (name: (typeof ALL_PARTS)[number], label: string, body: () => Promise<void>) => {
      if (!options.parts.includes(name)) return;
      log(label);
      const partStarted = Date.now();
      const loadBefore = loadAverage()[0];
      try {
        await body();
      } catch (err) {
        log(`${name} failed: ${(err as Error).stack ?? (err as Error).message}`);
        results.notes.push(`The ${name} part failed: ${(err as Error).message.split('\n')[0].slice(0, 300)}`);
        await stopAllServers();
      }
      results.parts.push({ name, seconds: Math.round((Date.now() - partStarted) / 1000), load1Before: loadBefore, load1After: loadAverage()[0] });
    };

    await part('fanout', `interleaved: ${options.servers.join(', ')} up at once, measuring windows in turn`, async () => {
      const interleaved = await runInterleaved({ quick: options.quick, databaseUrl: database.url, servers: options.servers, corroborate, cpuProfileDir, log });
      results.fanout.push(...interleaved.fanout);
      results.memory.push(...interleaved.memory);
      results.overload = interleaved.overload;
      // Sustained throughput at 200 clients and 400 documents, one server at a time: a full run's (a quick one has the overload ramp).
      if (options.quick) return;
      for (const kind of options.servers) {
        log(`fan-out: ${kind}`);
        const { fanout, memory, sustained } = await runFanout(kind, { quick: options.quick, databaseUrl: database.url, corroborate, cpuProfileDir, log });
        results.fanout.push(...fanout);
        const mine = results.memory.find((m) => m.server === kind);
        if (mine) mine.rssPerLoadedDocKb = memory.rssPerLoadedDocKb;
        else results.memory.push(memory);
        results.sustained.push(sustained);
      }
    });
    await part('load', 'load: 100k-update document', async () => {
      results.load = await runLoad({ databaseUrl: database.url, account: corroborate.account, quick: options.quick, cpuProfileDir, log });
    });
    await part('export', 'export', async () => {
      results.export = await runExport({ databaseUrl: database.url, account: corroborate.account, quick: options.quick, cpuProfileDir, log });
    });
    await part('search', 'search: 100 documents, 20k claims, on PostgreSQL and PGlite', async () => {
      results.search = await runSearch({ databaseUrl: database.url, quick: options.quick, cpuProfileDir, log });
    });
    await part('mixed', 'mixed: a 20-document workspace under edits, REST reads, an export and searches at once', async () => {
      results.mixed = await runMixed({ databaseUrl: database.url, account: corroborate.account, quick: options.quick, cpuProfileDir, log });
    });
    await part('render', 'render: 250k characters, 2,000 claims, in Chromium', async () => {
      results.render = await runRender({ databaseUrl: database.url, account: corroborate.account, quick: options.quick, cpuProfileDir, log });
    });
  } finally {
    if (options.keepDb) log(`kept database ${database.name}`);
    else await database.drop().catch((err) => log(`could not drop ${database.name}: ${(err as Error).message}`));
  }

  clearInterval(loadSampler);
  results.machineLoad = summarizeLoad(loadSamples);
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
  const written = writeResults(results, { partial: options.narrowed });
  log(`done in ${results.durationSeconds} s: ${written.join(', ')}`);
}

const pinned = pinSelf();
if (pinned) process.exitCode = await pinned;
else
  await main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
