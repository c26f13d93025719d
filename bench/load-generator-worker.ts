/**
 * The load generator: one process, pinned to its own core by its parent (`taskset -c 1`). It opens
 * the clients, sends edits on an open-loop schedule, and measures each run's window itself (edits,
 * latency, delivery, and the CPU of the server, of itself and of PostgreSQL at the window's edges).
 * Driven over IPC by bench/load-generator.ts.
 */
import { createClient, type BenchClient, type ClientSpec, type TargetSpec } from './generator/clients';
import { latencySummary, Tracker } from './generator/tracker';
import { coreTimes, coreUse, cpuSeconds, CpuWindow, PidsCpuWindow, PostgresCpuWindow, rssKb } from './proc';
import { quantile, round, sleep } from './stats';

export interface SetupCommand {
  cmd: 'setup';
  target: TargetSpec;
  clients: ClientSpec[];
  serverPid: number;
}

export interface RunCommand {
  cmd: 'run';
  /** Edits per second across all sending clients. */
  rate: number;
  warmupMs: number;
  windowMs: number;
  /** After the window, how long to wait for the window's edits to reach every receiver. */
  drainMs: number;
  /** The PostgreSQL backends serving the server (their CPU counts in its CPU per edit). */
  backendPids?: number[];
}

export interface SetupResult {
  connected: number;
  failed: string[];
  connectMs: number;
  /** From creating the editing clients' claims until every measuring client held them all. */
  claimsMs: number;
}

export interface RunResult {
  rate: number;
  /** Edits per second actually sent during the window. */
  sentRate: number;
  sent: number;
  tracked: number;
  delivered: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** Corroborate: time from an edit's send to its saved acknowledgement. */
  savedAckP50Ms: number | null;
  savedAckP99Ms: number | null;
  /** Corroborate: measuring clients' window edits still not acknowledged as saved when the drain ended. */
  unackedAfterDrain: number;
  serverCpu: number;
  generatorCpu: number;
  postgresCpu: number;
  /** CPU of the server's own PostgreSQL backends (fraction of one core). */
  backendCpu: number;
  /** (server CPU + its backends' CPU) over the window / edits sent in it, in microseconds. */
  cpuPerEditUs: number | null;
  /** Per core: fraction busy, and fraction stolen by the hypervisor (a noisy neighbour). */
  cores: Array<{ busy: number; steal: number }>;
  /** CPU (in cores) used during the window by processes other than the server, the generator and PostgreSQL. */
  foreignCpu: number;
  rssKb: number | null;
  /** Bytes and messages received per second by all clients together. */
  bytesInPerSecond: number;
  messagesInPerSecond: number;
  /** How late the generator sent its edits against the schedule (99th percentile). */
  sendLagP99Ms: number | null;
  /** Edits dropped from the schedule because the generator was more than a second behind. */
  skipped: number;
  closedClients: string[];
  drainMs: number;
}

type Command = SetupCommand | RunCommand | { cmd: 'close' };

const tracker = new Tracker();
let clients: BenchClient[] = [];
let serverPid = 0;
/** Corroborate acknowledges saved edits: the drain waits for those too. */
let acknowledges = false;

async function setup(command: SetupCommand): Promise<SetupResult> {
  serverPid = command.serverPid;
  acknowledges = command.target.server === 'corroborate';
  const measuring = command.clients.filter((c) => c.measuring);
  if (measuring.length > 30) throw new Error('at most 30 measuring clients');
  const bits = new Map(measuring.map((c, i) => [c.id, 1 << i]));
  clients = command.clients.map((spec) => createClient(spec, command.target, tracker, bits.get(spec.id) ?? 0));
  for (const client of clients) {
    if (!client.spec.sends) continue;
    let expected = 0;
    for (const m of measuring) if (m.doc === client.spec.doc && m.id !== client.spec.id) expected |= bits.get(m.id)!;
    tracker.register(client.senderId, expected);
  }
  const started = performance.now();
  const failed: string[] = [];
  // Every server broadcasts in connection order, so measuring clients that connect first see every
  // edit first: they are spread evenly through the order instead, the last of them connecting last.
  const order = fairOrder(clients);
  for (let i = 0; i < order.length; i += 25) {
    const batch = order.slice(i, i + 25);
    const results = await Promise.allSettled(batch.map((c) => c.connect()));
    results.forEach((r, j) => r.status === 'rejected' && failed.push(`client ${batch[j].spec.id}: ${(r.reason as Error).message}`));
    if (performance.now() - started > 120_000) {
      failed.push('connect phase took over 120 s; gave up');
      break;
    }
  }
  const connectMs = Math.round(performance.now() - started);
  const claimsStarted = performance.now();
  if (!failed.length) failed.push(...(await createClaims()));
  return { connected: clients.length - failed.length, failed: failed.slice(0, 10), connectMs, claimsMs: Math.round(performance.now() - claimsStarted) };
}

/** The clients in connection order: the others, with the measuring ones placed at even intervals, the last at the end. */
export function fairOrder<T extends { spec: ClientSpec }>(all: T[]): T[] {
  const measuring = all.filter((c) => c.spec.measuring);
  const order = all.filter((c) => !c.spec.measuring);
  measuring.forEach((c, k) => order.splice(Math.round(((k + 1) * all.length) / measuring.length) - 1, 0, c));
  return order;
}

/**
 * Every editing client creates its claim, once every client is connected (the relay forwards only
 * to sockets already open), a few dozen at a time; then waits until each measuring client holds
 * the claims of every editing client on its document (on Corroborate, the guard has accepted
 * them). Returns what went wrong.
 */
async function createClaims(): Promise<string[]> {
  const senders = clients.filter((c) => c.spec.sends);
  for (let i = 0; i < senders.length; i += 25) {
    for (const c of senders.slice(i, i + 25)) c.createClaim();
    await sleep(10);
  }
  const measuring = clients.filter((c) => c.spec.measuring);
  const missing = () => measuring.flatMap((m) => senders.filter((s) => s.spec.doc === m.spec.doc && !m.hasClaim(s.claimId)).map((s) => `${m.spec.id} lacks ${s.spec.id}'s claim`));
  const deadline = performance.now() + 30_000;
  while (missing().length && performance.now() < deadline) await sleep(50);
  const closed = clients.flatMap((c) => (c.closedWith() ? [`client ${c.spec.id} closed: ${c.closedWith()!.code} ${c.closedWith()!.reason}`] : []));
  const lacking = missing();
  return [...closed, ...(lacking.length ? [`claims not seen by the measuring clients after 30 s: ${lacking.length} (${lacking.slice(0, 3).join('; ')})`] : [])];
}

async function run(command: RunCommand): Promise<RunResult> {
  const senders = clients.filter((c) => c.spec.sends);
  if (!senders.length) throw new Error('no sending clients');
  const period = (senders.length / command.rate) * 1000;
  const t0 = performance.now() + 20;
  const next = senders.map((_, i) => t0 + (i / senders.length) * period);
  const windowStart = t0 + command.warmupMs;
  const windowEnd = windowStart + command.windowMs;
  const lags: number[] = [];
  let skipped = 0;
  let sentInWindow = 0;

  const serverCpu = new CpuWindow(() => cpuSeconds(serverPid));
  const generatorCpu = new CpuWindow(() => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  });
  const postgresCpu = new PostgresCpuWindow();
  const backendCpu = new PidsCpuWindow(command.backendPids ?? []);
  const rssSamples: number[] = [];
  let nextRssSample = windowStart;
  let cores0 = coreTimes();
  let bytes0 = 0;
  let messages0 = 0;
  const received = () => clients.reduce((a, c) => [a[0] + c.bytesIn(), a[1] + c.messagesIn()], [0, 0]);
  let inWindow = false;

  // The open-loop schedule: each sender edits every `period` ms, phases spread evenly.
  const hardStop = windowEnd + 5_000;
  for (;;) {
    const now = performance.now();
    if (!inWindow && now >= windowStart) {
      inWindow = true;
      serverCpu.start();
      generatorCpu.start();
      postgresCpu.start();
      backendCpu.start();
      cores0 = coreTimes();
      [bytes0, messages0] = received();
    }
    if (inWindow && now >= nextRssSample) {
      // RSS every 250 ms through the window; the median of the last few is reported.
      const rss = rssKb(serverPid);
      if (rss !== null) rssSamples.push(rss);
      nextRssSample = now + 250;
    }
    if (now >= windowEnd || now >= hardStop) break;
    for (let i = 0; i < senders.length; i++) {
      let due = next[i];
      if (due > now) continue;
      if (now - due > 1000) {
        // More than a second behind: drop the backlog rather than burst it (counted, and it fails the run).
        const missed = Math.floor((now - due) / period);
        skipped += missed;
        due += missed * period;
      }
      while (due <= now && due < windowEnd) {
        const sendAt = performance.now();
        senders[i].edit();
        if (sendAt >= windowStart) {
          sentInWindow++;
          lags.push(sendAt - due);
        }
        due += period;
      }
      next[i] = due < windowEnd ? due : Infinity;
    }
    await sleep(1);
  }
  const windowSeconds = (performance.now() - windowStart) / 1000;
  const result = {
    serverCpu: serverCpu.stop(),
    generatorCpu: generatorCpu.stop(),
    postgresCpu: postgresCpu.stop(),
    backendCpu: backendCpu.stop(),
    cores: coreUse(cores0, coreTimes()),
    rssKb: median(rssSamples.slice(-5)) ?? rssKb(serverPid),
  };
  const [bytes1, messages1] = received();

  // Drain: wait until every window edit reached every receiver, or the drain time is up.
  const drainStart = performance.now();
  const unacked = () => (acknowledges ? clients.reduce((n, c) => n + (c.pendingAcks?.(windowStart, windowEnd) ?? 0), 0) : 0);
  while (performance.now() - drainStart < command.drainMs && !(tracker.complete(windowStart, windowEnd) && unacked() === 0)) await sleep(25);
  const drainMs = Math.round(performance.now() - drainStart);

  const window = tracker.result(windowStart, windowEnd);
  const latency = latencySummary(window.latencies);
  const acks = clients.flatMap((c) => c.acks.filter(([t]) => t >= windowStart && t < windowEnd).map(([, ms]) => ms));
  return {
    rate: command.rate,
    sentRate: round(sentInWindow / windowSeconds, 1)!,
    sent: window.sent,
    tracked: window.tracked,
    delivered: window.delivered === null ? null : round(window.delivered, 4),
    p50Ms: round(latency.p50),
    p99Ms: round(latency.p99),
    maxMs: round(latency.max),
    savedAckP50Ms: round(quantile(acks, 0.5)),
    savedAckP99Ms: round(quantile(acks, 0.99)),
    unackedAfterDrain: unacked(),
    serverCpu: round(result.serverCpu, 3)!,
    generatorCpu: round(result.generatorCpu, 3)!,
    postgresCpu: round(result.postgresCpu, 3)!,
    backendCpu: round(result.backendCpu, 3)!,
    cpuPerEditUs: sentInWindow ? round(((result.serverCpu + result.backendCpu) * windowSeconds * 1e6) / sentInWindow, 0) : null,
    cores: result.cores.map((c) => ({ busy: round(c.busy, 3)!, steal: round(c.steal, 3)! })),
    foreignCpu: round(Math.max(0, result.cores.reduce((a, c) => a + c.busy, 0) - result.serverCpu - result.generatorCpu - result.postgresCpu), 3)!,
    rssKb: result.rssKb,
    bytesInPerSecond: Math.round((bytes1 - bytes0) / windowSeconds),
    messagesInPerSecond: Math.round((messages1 - messages0) / windowSeconds),
    sendLagP99Ms: round(quantile(lags, 0.99)),
    skipped,
    closedClients: clients.flatMap((c) => (c.closedWith() ? [`${c.spec.id}: ${c.closedWith()!.code} ${c.closedWith()!.reason}`] : [])).slice(0, 5),
    drainMs,
  };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function close(): void {
  for (const client of clients) client.close();
  clients = [];
}

process.on('message', (message: Command & { seq: number }) => {
  const reply = (body: object) => process.send!({ seq: message.seq, ...body });
  const work = message.cmd === 'setup' ? setup(message) : message.cmd === 'run' ? run(message) : Promise.resolve(close());
  work.then(
    (result) => {
      reply({ ok: true, result });
      if (message.cmd === 'close') setTimeout(() => process.exit(0), 100);
    },
    (err: Error) => reply({ ok: false, error: err.stack ?? err.message }),
  );
});
process.on('disconnect', () => process.exit(0));
