/**
 * The side-by-side workloads measured interleaved: every server is up at once (each pinned to core
 * 0, each with its own load generator on core 1), and the measuring windows take turns, server
 * after server, repeat after repeat (the order rotated each repeat), so whatever else the machine
 * does falls on all of them alike. Per server:
 *  - memory: RSS and live heap (after a forced collection, read inside the server) with one
 *    connection, then with many idle connections on that document;
 *  - fanout-50: 50 clients × 2 edits/s on one document, three repeats;
 *  - room-500: 500 clients on one document;
 * and on Corroborate alone, the overload ramp: the 500-client document's edit rate raised until
 * its p99 passes 1 s, with /api/health and a REST read probed meanwhile.
 * The measuring clients connect spread through each room's connection order (load-generator-worker.ts).
 */
import { backendPids } from '../db';
import { createClient, type ClientSpec, type ServerKind, type TargetSpec } from '../generator/clients';
import { Tracker } from '../generator/tracker';
import { LoadGenerator } from '../load-generator';
import type { RunCommand, RunResult } from '../load-generator-worker';
import { settledRssKb } from '../proc';
import type { BenchAccount } from '../servers/corroborate-api';
import { startServer, type RunningServer } from '../servers';
import { quantile, round, sleep } from '../stats';
import { describe, entry, oneDoc, type FanoutEntry, type MemoryEntry } from './fanout';

export interface InterleavedConfig {
  quick: boolean;
  databaseUrl: string;
  servers: ServerKind[];
  corroborate: { account: BenchAccount; fanoutDoc: string; rampDoc: string; probeDoc: string; roomDoc: string };
  cpuProfileDir?: string;
  log(line: string): void;
}

export interface OverloadStep {
  editsPerSecond: number;
  sentRate: number;
  p50Ms: number | null;
  p99Ms: number | null;
  delivered: number | null;
  savedAckP50Ms: number | null;
  savedAckP99Ms: number | null;
  /** Measuring clients' edits of the window still unacknowledged when the drain ended. */
  unackedAfterDrain: number;
  /** GET /api/health and GET /api/documents/:id, probed every 250 ms through the window and the drain. */
  healthP50Ms: number | null;
  healthP99Ms: number | null;
  healthMaxMs: number | null;
  restP50Ms: number | null;
  restP99Ms: number | null;
  restMaxMs: number | null;
  /** Probes with no answer within 10 s, or an answer other than 200. */
  probeFailures: number;
  probes: number;
  serverCpu: number;
  backendCpu: number;
  generatorCpu: number;
  foreignCpu: number;
  valid: boolean;
  invalidReason?: string;
}

export interface OverloadResult {
  clients: number;
  steps: OverloadStep[];
  /** The highest rate whose p99 stayed under 1 s with every edit delivered. */
  sustainedEditsPerSecond: number | null;
  /** The first rate at which p99 passed 1 s (or edits went missing); null if none did. */
  breakingEditsPerSecond: number | null;
  /** What ended the ramp. */
  endedBy: 'p99' | 'delivered' | 'generator' | 'last-step' | 'error';
  error?: string;
}

const P99_LIMIT_MS = 1000;

function timings(quick: boolean) {
  return quick
    ? { warmupMs: 500, windowMs: 3000, drainMs: 3000, settleMs: 1500, repeats: 3, idle: 200, roomRates: [100], roomRepeats: 1, overloadRates: [400, 1200, 2400, 4800], overloadWindowMs: 3000 }
    : { warmupMs: 1500, windowMs: 8000, drainMs: 5000, settleMs: 2000, repeats: 3, idle: 1000, roomRates: [100, 200], roomRepeats: 3, overloadRates: [200, 400, 800, 1200, 1600, 2400, 3200, 4800, 6400], overloadWindowMs: 6000 };
}

interface Member {
  kind: ServerKind;
  server: RunningServer;
  target: TargetSpec;
  probe: { close(): void };
  generator: LoadGenerator | null;
}

const median = (values: Array<number | null | undefined>) => {
  const v = values.filter((x): x is number => typeof x === 'number');
  return v.length ? round(quantile(v, 0.5)) : null;
};

/** The entry of a repeated workload: the median repeat by p99 (its other fields), with the medians of p50 and p99 over all repeats, and every repeat. */
function combine(repeats: FanoutEntry[]): FanoutEntry {
  const valid = repeats.filter((e) => e.valid);
  const pool = valid.length ? valid : repeats;
  const sorted = [...pool].sort((a, b) => (a.p99Ms ?? Infinity) - (b.p99Ms ?? Infinity));
  const chosen = sorted[Math.floor((sorted.length - 1) / 2)];
  return {
    ...chosen,
    p50Ms: median(pool.map((e) => e.p50Ms)),
    p99Ms: median(pool.map((e) => e.p99Ms)),
    cpuPerEditUs: median(pool.map((e) => e.cpuPerEditUs)),
    serverCpu: median(pool.map((e) => e.serverCpu)) ?? chosen.serverCpu,
    ...(chosen.savedAckP50Ms !== undefined ? { savedAckP50Ms: median(pool.map((e) => e.savedAckP50Ms)), savedAckP99Ms: median(pool.map((e) => e.savedAckP99Ms)) } : {}),
    valid: valid.length > 0,
    repeatsP99Ms: repeats.map((e) => e.p99Ms),
    repeats: repeats.map(({ p50Ms, p99Ms, valid: ok, foreignCpu, cpuPerEditUs, savedAckP50Ms, savedAckP99Ms }) => ({ p50Ms, p99Ms, valid: ok, foreignCpu, cpuPerEditUs, savedAckP50Ms, savedAckP99Ms })),
  };
}

const usesPostgres = (kind: ServerKind) => kind === 'corroborate' || kind === 'hocuspocus';

async function run(member: Member, command: Omit<RunCommand, 'cmd' | 'backendPids'>): Promise<RunResult> {
  const pids = usesPostgres(member.kind) ? await backendPids(member.server.appName).catch(() => []) : [];
  return member.generator!.run({ ...command, backendPids: pids });
}

async function connect(member: Member, clients: ClientSpec[], log: (l: string) => void): Promise<void> {
  member.generator = LoadGenerator.start();
  const setup = await member.generator.setup(member.target, clients, member.server.pid);
  log(`    ${member.kind}: ${setup.connected}/${clients.length} clients connected in ${setup.connectMs} ms; claims in ${setup.claimsMs} ms`);
  if (setup.failed.length) throw new Error(`${member.kind}: clients failed to connect or to create their claims: ${setup.failed.join('; ')}`);
}

async function disconnect(member: Member): Promise<void> {
  await member.generator?.stop();
  member.generator = null;
}

/** Times one GET; null when it failed or took over 10 s. */
async function timeGet(url: string, token?: string): Promise<number | null> {
  const started = performance.now();
  try {
    const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return res.status === 200 ? performance.now() - started : null;
  } catch {
    return null;
  }
}

/** One overload step: the run, with /api/health and a REST read probed every 250 ms until it ends. */
async function overloadStep(member: Member, config: InterleavedConfig, rate: number): Promise<OverloadStep> {
  const t = timings(config.quick);
  const health: Array<number | null> = [];
  const rest: Array<number | null> = [];
  let running = true;
  const prober = (async () => {
    while (running) {
      const next = sleep(250);
      // Not awaited one after another: a slow answer must not thin out the probes.
      void timeGet(`${member.server.base}/api/health`).then((ms) => health.push(ms));
      void timeGet(`${member.server.base}/api/documents/${config.corroborate.roomDoc}`, config.corroborate.account.token).then((ms) => rest.push(ms));
      await next;
    }
  })();
  const r = await run(member, { rate, warmupMs: t.warmupMs, windowMs: t.overloadWindowMs, drainMs: t.drainMs + 2000 });
  running = false;
  await prober;
  await sleep(500);
  const ok = (values: Array<number | null>) => values.filter((v): v is number => v !== null);
  const e = entry(member.kind, 'room-500', 500, r, null, 1);
  return {
    editsPerSecond: rate,
    sentRate: r.sentRate,
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    delivered: r.delivered,
    savedAckP50Ms: r.savedAckP50Ms,
    savedAckP99Ms: r.savedAckP99Ms,
    unackedAfterDrain: r.unackedAfterDrain,
    healthP50Ms: round(quantile(ok(health), 0.5)),
    healthP99Ms: round(quantile(ok(health), 0.99)),
    healthMaxMs: round(quantile(ok(health), 1)),
    restP50Ms: round(quantile(ok(rest), 0.5)),
    restP99Ms: round(quantile(ok(rest), 0.99)),
    restMaxMs: round(quantile(ok(rest), 1)),
    probeFailures: health.length + rest.length - ok(health).length - ok(rest).length,
    probes: health.length + rest.length,
    serverCpu: r.serverCpu,
    backendCpu: r.backendCpu,
    generatorCpu: r.generatorCpu,
    foreignCpu: r.foreignCpu,
    valid: e.valid,
    ...(e.invalidReason ? { invalidReason: e.invalidReason } : {}),
  };
}

async function overload(member: Member, config: InterleavedConfig): Promise<OverloadResult> {
  const result: OverloadResult = { clients: 500, steps: [], sustainedEditsPerSecond: null, breakingEditsPerSecond: null, endedBy: 'last-step' };
  for (const rate of timings(config.quick).overloadRates) {
    const step = await overloadStep(member, config, rate);
    result.steps.push(step);
    config.log(
      `    overload ${rate} edits/s (sent ${step.sentRate}): p50 ${step.p50Ms} ms, p99 ${step.p99Ms} ms, delivered ${step.delivered}, saved ack p99 ${step.savedAckP99Ms} ms (${step.unackedAfterDrain} unacknowledged after the drain), ` +
        `health p99 ${step.healthP99Ms} ms (max ${step.healthMaxMs}), REST p99 ${step.restP99Ms} ms, ${step.probeFailures}/${step.probes} probes failed, ` +
        `server CPU ${Math.round(step.serverCpu * 100)}%, generator ${Math.round(step.generatorCpu * 100)}%${step.valid ? '' : ` — ${step.invalidReason}`}`,
    );
    const generatorBound = !!step.invalidReason?.includes('generator') && (step.delivered ?? 0) >= 1 && (step.p99Ms ?? Infinity) < P99_LIMIT_MS;
    if (generatorBound) {
      result.endedBy = 'generator';
      break;
    }
    if (step.p99Ms === null || step.p99Ms >= P99_LIMIT_MS || (step.delivered ?? 0) < 1) {
      result.breakingEditsPerSecond = rate;
      result.endedBy = step.p99Ms !== null && step.p99Ms >= P99_LIMIT_MS ? 'p99' : 'delivered';
      break;
    }
    result.sustainedEditsPerSecond = rate;
  }
  return result;
}

export async function runInterleaved(config: InterleavedConfig) {
  const t = timings(config.quick);
  const log = config.log;
  const c = config.corroborate;
  const docOf = (kind: ServerKind, corroborate: string, other: string) => (kind === 'corroborate' ? corroborate : other);
  const fanout: FanoutEntry[] = [];
  const memory: MemoryEntry[] = [];
  let overloadResult: OverloadResult | { skipped: string } = { skipped: 'not run' };
  const members: Member[] = [];
  const rotations = (n: number) => members.map((_, i) => members[(i + n) % members.length]);
  try {
    // All servers up, one after another (starting one is heavy work on the shared core).
    for (const kind of config.servers) {
      const server = await startServer(kind, { databaseUrl: config.databaseUrl, cpuProfileDir: config.cpuProfileDir ? `${config.cpuProfileDir}/${kind}-interleaved` : undefined });
      const target: TargetSpec = { server: kind, port: server.port, token: c.account.token };
      const probe = createClient({ id: 100_000, doc: docOf(kind, c.probeDoc, 'bench-probe'), measuring: false, sends: false }, target, new Tracker(), 0);
      await probe.connect();
      members.push({ kind, server, target, probe, generator: null });
    }
    log(`  ${members.length} servers up`);
    await sleep(1000);

    // Memory: one connection (baseline), then many idle connections on that document.
    for (const m of members) {
      const mem: MemoryEntry = { server: m.kind, baselineRssKb: await settledRssKb(m.server.pid), idleConnections: t.idle, rssPerIdleConnKb: null, rssPerLoadedDocKb: null };
      const heap0 = await m.server.liveHeap();
      mem.baselineHeapKb = heap0 === null ? null : Math.round(heap0 / 1024);
      try {
        await connect(m, Array.from({ length: t.idle }, (_, id) => ({ id, doc: docOf(m.kind, c.probeDoc, 'bench-probe'), measuring: false, sends: false })), log);
        await sleep(t.settleMs);
        const rss = await settledRssKb(m.server.pid);
        const heap = await m.server.liveHeap();
        mem.rssPerIdleConnKb = rss !== null && mem.baselineRssKb !== null ? round((rss - mem.baselineRssKb) / t.idle, 1) : null;
        mem.heapPerIdleConnKb = heap !== null && heap0 !== null ? round((heap - heap0) / 1024 / t.idle, 2) : null;
        log(`    ${m.kind}: baseline RSS ${Math.round((mem.baselineRssKb ?? 0) / 1024)} MB, live heap ${Math.round((mem.baselineHeapKb ?? 0) / 1024)} MB; per idle connection ${mem.rssPerIdleConnKb} kB RSS, ${mem.heapPerIdleConnKb} kB live heap`);
      } catch (err) {
        log(`    ${m.kind} idle connections failed: ${(err as Error).message}`);
      } finally {
        await disconnect(m);
      }
      memory.push(mem);
    }

    // A repeated workload: everyone connected, then windows in turn, the order rotated each repeat.
    const interleave = async (workload: 'fanout-50' | 'room-500', clients: number, doc: (kind: ServerKind) => string, rates: number[], repeats: number) => {
      log(`  ${workload}: ${clients} clients per server, ${repeats} repeat(s) interleaved at ${rates.join(', ')} edits/s`);
      const ready: Member[] = [];
      for (const m of members) {
        try {
          await connect(m, oneDoc(doc(m.kind), clients), log);
          ready.push(m);
        } catch (err) {
          log(`    ${(err as Error).message}`);
          await disconnect(m);
        }
      }
      for (const rate of rates) {
        const byServer = new Map<ServerKind, FanoutEntry[]>();
        for (let r = 0; r < repeats; r++) {
          for (const m of rotations(r).filter((x) => ready.includes(x))) {
            try {
              const e = entry(m.kind, workload, clients, await run(m, { rate, warmupMs: t.warmupMs, windowMs: t.windowMs, drainMs: t.drainMs }), null, 1);
              log(`    ${m.kind} #${r + 1} ${describe(e)}`);
              byServer.set(m.kind, [...(byServer.get(m.kind) ?? []), e]);
            } catch (err) {
              log(`    ${m.kind} #${r + 1} failed: ${(err as Error).message}`);
            }
          }
        }
        for (const repeatsOf of byServer.values()) fanout.push(combine(repeatsOf));
      }
    };

    await interleave('fanout-50', 50, (k) => docOf(k, c.fanoutDoc, 'bench-fanout'), [100], t.repeats);
    for (const m of members) await disconnect(m);
    await interleave('room-500', 500, (k) => docOf(k, c.roomDoc, 'bench-room'), t.roomRates, t.roomRepeats);
    // The peers' 500 clients go before the overload ramp: it is Corroborate's alone.
    for (const m of members) if (m.kind !== 'corroborate') await disconnect(m);
    const corroborate = members.find((m) => m.kind === 'corroborate' && m.generator);
    if (corroborate) {
      log('  overload: the 500-client document, edit rate raised until p99 passes 1 s');
      overloadResult = await overload(corroborate, config).catch((err: Error) => ({ clients: 500, steps: [], sustainedEditsPerSecond: null, breakingEditsPerSecond: null, endedBy: 'error' as const, error: err.message }));
    }
  } finally {
    for (const m of members) {
      await disconnect(m);
      m.probe.close();
      await m.server.stop();
    }
  }
  return { fanout, memory, overload: overloadResult };
}
