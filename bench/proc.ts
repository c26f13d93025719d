import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, almost always 100). */
let ticksPerSecond: number | null = null;
function hz(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU seconds (user + system) a process has used so far, or null when it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields we want follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state(0) ppid(1) … utime(11) stime(12).
    return (Number(fields[11]) + Number(fields[12])) / hz();
  } catch {
    return null;
  }
}

/** Resident set size of a process in kB (VmRSS), or null when it is gone. */
export function rssKb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** CPU seconds used so far by each process named `postgres` (the server and its backends), by pid. */
export function postgresCpu(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    const cpu = cpuSeconds(Number(entry));
    if (cpu !== null) byPid.set(Number(entry), cpu);
  }
  return byPid;
}

/** PostgreSQL's CPU over a window, as a fraction of one core: backends that started meanwhile count from zero, those that ended are lost. */
export class PostgresCpuWindow {
  private t0 = 0;
  private before = new Map<number, number>();
  start(): void {
    this.t0 = performance.now();
    this.before = postgresCpu();
  }
  stop(): number {
    const seconds = (performance.now() - this.t0) / 1000;
    let used = 0;
    for (const [pid, cpu] of postgresCpu()) used += cpu - (this.before.get(pid) ?? 0);
    return seconds > 0 ? Math.max(0, used) / seconds : 0;
  }
}

/** CPU of a fixed set of processes (a server's PostgreSQL backends) over a window, as a fraction of one core. */
export class PidsCpuWindow {
  private t0 = 0;
  private before = new Map<number, number>();
  constructor(private readonly pids: number[]) {}
  start(): void {
    this.t0 = performance.now();
    this.before = new Map(this.pids.flatMap((pid) => (cpuSeconds(pid) === null ? [] : [[pid, cpuSeconds(pid)!]])));
  }
  stop(): number {
    const seconds = (performance.now() - this.t0) / 1000;
    let used = 0;
    for (const [pid, cpu] of this.before) used += (cpuSeconds(pid) ?? cpu) - cpu;
    return seconds > 0 ? used / seconds : 0;
  }
}

/** The median of a few RSS readings `gapMs` apart: one reading can catch a collection in the middle. */
export async function settledRssKb(pid: number, samples = 5, gapMs = 200): Promise<number | null> {
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    const v = rssKb(pid);
    if (v !== null) values.push(v);
    if (i < samples - 1) await new Promise((r) => setTimeout(r, gapMs));
  }
  values.sort((a, b) => a - b);
  return values.length ? values[Math.floor(values.length / 2)] : null;
}

/** A CPU meter over a window: call `start()` then `stop()`; the result is the fraction of one core used. */
export class CpuWindow {
  private t0 = 0;
  private c0 = 0;
  constructor(private readonly read: () => number | null) {}
  start(): void {
    this.t0 = performance.now();
    this.c0 = this.read() ?? 0;
  }
  stop(): number {
    const seconds = (performance.now() - this.t0) / 1000;
    const used = (this.read() ?? this.c0) - this.c0;
    return seconds > 0 ? used / seconds : 0;
  }
}

/** The load average (1, 5 and 15 minutes) from /proc/loadavg. */
export function loadAverage(): [number, number, number] {
  const [a, b, c] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
  return [a, b, c];
}

/** The machine, for the report: core count, CPU model, memory. */
export function machineInfo(): { nproc: number; model: string; memoryGb: number; node: string; kernel: string } {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
  // Not `nproc`: this process may be pinned to one core, and nproc counts only the cores it may use.
  const nproc = (cpuinfo.match(/^processor\s*:/gm) ?? []).length;
  return { nproc, model, memoryGb: Math.round((memKb / 1024 / 1024) * 10) / 10, node: process.version, kernel: readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim() };
}

/** Busy, stolen (by the hypervisor) and total jiffies of each core so far, from /proc/stat. */
export function coreTimes(): Array<{ busy: number; steal: number; total: number }> {
  const lines = readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d+ /.test(l));
  return lines.map((line) => {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    // Interrupt time is left out of "busy": loopback traffic puts the benchmark's own packets there.
    const busy = user + nice + system;
    return { busy, steal: steal ?? 0, total: busy + idle + (iowait ?? 0) + irq + softirq + (steal ?? 0) };
  });
}

/** Per core, the fraction busy and the fraction stolen by the hypervisor between two `coreTimes()` readings. */
export function coreUse(a: ReturnType<typeof coreTimes>, b: ReturnType<typeof coreTimes>): Array<{ busy: number; steal: number }> {
  return b.map((core, i) => {
    const total = core.total - a[i].total;
    return total > 0 ? { busy: (core.busy - a[i].busy) / total, steal: (core.steal - a[i].steal) / total } : { busy: 0, steal: 0 };
  });
}

/**
 * Waits (at most `maxWaitMs`) until the machine is quiet: less than `threshold` of a core busy,
 * summed over all cores, measured over one second. Other people's builds and tests share these
 * cores; starting a measurement in the middle of one only measures them. Returns the last reading.
 */
export async function waitForQuiet(maxWaitMs: number, threshold = 0.3): Promise<{ busy: number; waitedMs: number }> {
  const started = performance.now();
  for (;;) {
    const a = coreTimes();
    await new Promise((r) => setTimeout(r, 1000));
    const busy = coreUse(a, coreTimes()).reduce((sum, c) => sum + c.busy, 0);
    const waitedMs = Math.round(performance.now() - started);
    if (busy < threshold || waitedMs >= maxWaitMs) return { busy, waitedMs };
  }
}

export interface MachineLoad {
  samples: Array<{ atS: number; load1: number }>;
  min?: number;
  median?: number;
  max?: number;
}

/** Min, median and max of the 1-minute load average sampled through the run. */
export function summarizeLoad(samples: MachineLoad['samples']): MachineLoad {
  const values = samples.map((s) => s.load1).sort((a, b) => a - b);
  return values.length ? { samples, min: values[0], median: values[Math.floor(values.length / 2)], max: values[values.length - 1] } : { samples };
}

const PG_TEST_FSYNC = '/usr/lib/postgresql/15/bin/pg_test_fsync';

export interface FsyncFloor {
  /** The sync methods of pg_test_fsync's first section (one 8 kB write), in microseconds per operation. */
  usecsPerOp?: Record<string, number>;
  /** fdatasync (PostgreSQL's wal_sync_method on Linux): the floor under a commit. */
  fdatasyncMs?: number;
  file?: string;
  skipped?: string;
}

/**
 * The disk's floor under a commit: `pg_test_fsync -s 1` on a temporary file (the same filesystem
 * as PostgreSQL's data here), stopped after its first section, one 8 kB write per sync method.
 */
export function fsyncFloor(): Promise<FsyncFloor> {
  if (!existsSync(PG_TEST_FSYNC)) return Promise.resolve({ skipped: `${PG_TEST_FSYNC} not found` });
  const dir = mkdtempSync(join(tmpdir(), 'bench-fsync-'));
  const file = join(dir, 'pg_test_fsync.out');
  return new Promise((resolve) => {
    const child = spawn(PG_TEST_FSYNC, ['-s', '1', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const usecsPerOp: Record<string, number> = {};
    let out = '';
    let done = false;
    const finish = (extra: Partial<FsyncFloor> = {}) => {
      if (done) return;
      done = true;
      child.kill();
      rmSync(dir, { recursive: true, force: true });
      const fdatasync = usecsPerOp.fdatasync;
      resolve({ usecsPerOp, ...(fdatasync ? { fdatasyncMs: Math.round(fdatasync / 10) / 100 } : {}), file: 'a temporary file on the filesystem of /tmp', ...extra });
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const first = out.split('Compare file sync methods using two')[0];
      for (const m of first.matchAll(/^\s+(\w+)\s+[\d.]+ ops\/sec\s+(\d+) usecs\/op/gm)) usecsPerOp[m[1]] = Number(m[2]);
      if (out.includes('Compare file sync methods using two')) finish();
    });
    child.on('error', (err) => finish({ skipped: err.message }));
    child.on('exit', () => finish());
    setTimeout(() => finish({ skipped: 'pg_test_fsync did not finish its first section within 20 s' }), 20_000).unref();
  });
}
