/**
 * Starts each benchmarked server in its own child process pinned to core 0 (`taskset -c 0 node
 * --import tsx …`: taskset execs node, so the PID kept is the server's own), waits until it answers,
 * and stops it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerKind } from '../generator/clients';
import { sleep } from '../stats';

export const SERVER_CORE = 0;

/**
 * The command prefix that gives the benchmark's own processes a higher scheduling priority
 * (`nice -n -10`; ignored without the privilege), so other people's work on this shared machine
 * disturbs them less. BENCH_NICE=0 turns it off.
 */
export const priorityPrefix = (): string[] => (process.env.BENCH_NICE === '0' ? [] : ['nice', '-n', '-10']);
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Every server started and not yet stopped, so an interrupted run can stop them all. */
const running = new Set<RunningServer>();

export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  port: number;
  base: string;
  /** `application_name` of this server's PostgreSQL connections. */
  appName: string;
  /** The server's live heap (bytes, after a forced collection), read inside its process; null if it did not answer. */
  liveHeap(): Promise<number | null>;
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  /** Corroborate: serve the built web app from here (default: not served). */
  webDir?: string;
  /** Write a V8 CPU profile of the server to this directory when it stops. */
  cpuProfileDir?: string;
  env?: Record<string, string>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Every server runs as compiled JavaScript, as it would ship (no TypeScript loader in any of them):
 * Corroborate's own build (`npm run build:server`, what `npm start` runs), and the peers' small
 * wrappers and the heap probe bundled the same way (esbuild, packages left external) into dist/bench/.
 * Built once per benchmark process.
 */
const compiledDir = join(repoRoot, 'dist', 'bench');
let compiled = false;
function compileServers(): void {
  if (compiled) return;
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: repoRoot, stdio: 'inherit' });
  const entries = ['y-websocket.ts', 'hocuspocus.ts', 'relay.ts', 'heap-probe.ts'].map((f) => here(`./${f}`));
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'esbuild'), [...entries, '--bundle', '--platform=node', '--format=esm', '--target=node20', '--packages=external', `--outdir=${compiledDir}`, '--log-level=warning'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  compiled = true;
}

const SCRIPTS: Record<ServerKind, string> = {
  corroborate: join(repoRoot, 'dist', 'server', 'main.js'),
  'y-websocket': join(compiledDir, 'y-websocket.js'),
  hocuspocus: join(compiledDir, 'hocuspocus.js'),
  relay: join(compiledDir, 'relay.js'),
};

/** Asks heap-probe.ts in the server (SIGUSR2) for its live heap and waits up to 10 s for the answer. */
async function readLiveHeap(pid: number, file: string): Promise<number | null> {
  rmSync(file, { force: true });
  try {
    process.kill(pid, 'SIGUSR2');
  } catch {
    return null;
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { heapUsed: number }).heapUsed;
      } catch {
        // being written
      }
    }
    await sleep(25);
  }
  return null;
}

export async function startServer(kind: ServerKind, options: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const scratch = mkdtempSync(join(tmpdir(), `bench-${kind}-`));
  const env: Record<string, string> = {
    ...(Object.fromEntries(Object.entries(process.env).filter(([k]) => !['NODE_OPTIONS', 'DATABASE_URL', 'REDIS_URL'].includes(k))) as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: scratch,
    LOG_LEVEL: 'warn',
    WEB_DIR: options.webDir ?? join(scratch, 'no-web'),
    AUTH_RATE_LIMIT: '100000',
    // Every client of the benchmark uses the one API token; its per-token request limit would refuse upgrades.
    TOKEN_RATE_LIMIT: '10000000',
    // …and one user: the per-user collaboration budgets (connections, messages, bytes) would refuse the load.
    COLLAB_CONNECTIONS_PER_USER: '100000',
    COLLAB_USER_MESSAGES_PER_SECOND: '10000000',
    COLLAB_USER_BYTES_PER_SECOND: '10000000000',
    USER_RATE_LIMIT: '10000000',
    ADDRESS_RATE_LIMIT: '10000000',
    PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
    ...(kind === 'y-websocket' ? { YPERSISTENCE: join(scratch, 'leveldb') } : {}),
    // node-postgres names its connections after PGAPPNAME: pg_stat_activity then tells this server's backends apart.
    PGAPPNAME: `bench-${kind}-${port}`,
    BENCH_HEAP_FILE: join(scratch, 'heap.json'),
    ...options.env,
  };
  // heap-probe.ts answers SIGUSR2 with the live heap after a forced collection (--expose-gc).
  compileServers();
  const nodeArgs = ['--expose-gc', '--import', join(compiledDir, 'heap-probe.js')];
  if (options.cpuProfileDir) nodeArgs.unshift('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
  const [command, ...args] = [...priorityPrefix(), 'taskset', '-c', String(SERVER_CORE), process.execPath, ...nodeArgs, SCRIPTS[kind]];
  const child = spawn(command, args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 100) lines.splice(0, lines.length - 100);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      running.delete(server);
      rmSync(scratch, { recursive: true, force: true });
      resolve();
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    kind,
    pid: child.pid!,
    port,
    base,
    appName: env.PGAPPNAME,
    liveHeap: () => readLiveHeap(child.pid!, env.BENCH_HEAP_FILE),
    output: () => lines.join('\n'),
    alive: () => !exited,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
  running.add(server);
  const probe = kind === 'corroborate' ? `${base}/api/health` : base;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`${kind} exited before answering:\n${server.output()}`);
    try {
      const res = await fetch(probe, { signal: AbortSignal.timeout(2000) });
      if (kind !== 'corroborate' || res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${kind} did not answer within 60 s:\n${server.output()}`);
    }
    await sleep(100);
  }
  return server;
}
