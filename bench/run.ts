/**
 * `npm run bench [-- --quick] [--only=fanout,load,export,render] [--servers=corroborate,relay]
 * [--cpu-prof] [--keep-db]`: runs the benchmarks in one go on a fresh PostgreSQL database, then
 * writes bench/results/latest.json and BENCHMARKS.md. Re-executes itself pinned to core 1 (the
 * load generator's core); each server runs pinned to core 0.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase } from './db';
import type { ServerKind } from './generator/clients';
import { GENERATOR_CORE } from './load-generator';
import { machineInfo } from './proc';
import { writeResults, type Results } from './report';
import { createAccount, createDocuments } from './servers/corroborate-api';
import { repoRoot, startServer, stopAllServers } from './servers';
import { runExport } from './workloads/export';
import { runFanout } from './workloads/fanout';
import { runLoad } from './workloads/load';
import { runRender } from './workloads/render';

const ALL_SERVERS: ServerKind[] = ['corroborate', 'y-websocket', 'hocuspocus', 'relay'];
const ALL_PARTS = ['fanout', 'load', 'export', 'render'] as const;

function parseArgs(argv: string[]) {
  const flag = (name: string) => argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const list = (name: string) => flag(name)?.split('=')[1]?.split(',').filter(Boolean);
  const servers = (list('servers') ?? ALL_SERVERS) as ServerKind[];
  const parts = list('only') ?? [...ALL_PARTS];
  for (const s of servers) if (!ALL_SERVERS.includes(s)) throw new Error(`unknown server ${s} (one of ${ALL_SERVERS.join(', ')})`);
  for (const p of parts) if (!(ALL_PARTS as readonly string[]).includes(p)) throw new Error(`unknown part ${p} (one of ${ALL_PARTS.join(', ')})`);
  if (flag('no-nice')) process.env.BENCH_NICE = '0';
  return { quick: !!flag('quick'), servers, parts, cpuProf: !!flag('cpu-prof'), keepDb: !!flag('keep-db'), args: argv };
}

/** Re-runs this script under `taskset -c 1` unless it already is; resolves with the child's exit code. */
function pinSelf(): Promise<number> | null {
  if (process.env.BENCH_PINNED === '1') return null;
  const child = spawn('taskset', ['-c', String(GENERATOR_CORE), process.execPath, '--import', 'tsx', new URL(import.meta.url).pathname, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_PINNED: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`);
  log(`benchmark ${options.quick ? '(quick)' : '(full)'}: ${options.parts.join(', ')} on ${options.servers.join(', ')}`);
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
    load: { skipped: 'not run' },
    export: { skipped: 'not run' },
    render: { skipped: 'not run' },
    notes: process.env.BENCH_NICE === '0' ? [] : ['Servers and the load generator ran at nice -10 (priority over other processes on this shared machine); PostgreSQL at its normal priority.'],
    durationSeconds: 0,
  };

  try {
    // Corroborate needs a user, a workspace, an API token and documents: made through its REST API.
    const setupServer = await startServer('corroborate', { databaseUrl: database.url });
    let corroborate;
    try {
      const account = await createAccount(setupServer.base);
      const needDocs = options.parts.includes('fanout') && options.servers.includes('corroborate');
      const [fanoutDoc, rampDoc, probeDoc, ...docs] = await createDocuments(setupServer.base, account, needDocs ? 403 : 3);
      corroborate = { account, fanoutDoc, rampDoc, probeDoc, docs };
      log(`corroborate: account and ${3 + docs.length} documents created`);
    } finally {
      await setupServer.stop();
    }

    if (options.parts.includes('fanout')) {
      for (const kind of options.servers) {
        log(`fan-out: ${kind}`);
        const { fanout, memory, sustained } = await runFanout(kind, { quick: options.quick, databaseUrl: database.url, corroborate, cpuProfileDir, log });
        results.fanout.push(...fanout);
        results.memory.push(memory);
        results.sustained.push(sustained);
      }
    }
    if (options.parts.includes('load')) {
      log('load: 100k-update document');
      results.load = await runLoad({ databaseUrl: database.url, account: corroborate.account, quick: options.quick, cpuProfileDir, log });
    }
    if (options.parts.includes('export')) {
      log('export');
      results.export = await runExport({ databaseUrl: database.url, account: corroborate.account, quick: options.quick, cpuProfileDir, log });
    }
    if (options.parts.includes('render')) {
      log('render: 250k characters, 2,000 claims, in Chromium');
      results.render = await runRender({ databaseUrl: database.url, account: corroborate.account, quick: options.quick, cpuProfileDir, log });
    }
  } finally {
    if (options.keepDb) log(`kept database ${database.name}`);
    else await database.drop().catch((err) => log(`could not drop ${database.name}: ${(err as Error).message}`));
  }

  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
  const written = writeResults(results, { partial: options.parts.length < ALL_PARTS.length || options.servers.length < ALL_SERVERS.length });
  log(`done in ${results.durationSeconds} s: ${written.join(', ')}`);
}

const pinned = pinSelf();
if (pinned) process.exitCode = await pinned;
else
  await main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
