import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A port nobody listens on right now (the kernel's pick for port 0, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface ServerProcessOptions {
  /** Extra environment: DATABASE_URL, REDIS_URL, COLLAB_* … (PORT, HOST, DATA_DIR and LOG_LEVEL have defaults). */
  env?: Record<string, string>;
  /** Listen on this port (to restart a server where its clients expect it); a free one otherwise. */
  port?: number;
  /**
   * How long to wait for `GET /api/health` to answer 200 (default 60 s: from source, tsx transpiles the
   * server at start, and a CI machine shared with builds took more than 30 s for a restart after kill -9).
   */
  startTimeoutMs?: number;
  /** Run a compiled bundle (`<compiledDir>/server/main.js`, as `npm run build:server` writes to dist/) as `npm start` does, not the TypeScript source. */
  compiledDir?: string;
}

export interface ServerProcess {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  port: number;
  /** The server's own PID (node runs server/main.ts directly, no npx wrapper). */
  pid: number;
  /** The environment it was started with: pass `{ env, port }` back to `startServerProcess` to restart it. */
  env: Record<string, string>;
  /** The last lines it printed (stdout and stderr), for failure messages. */
  output(): string;
  /** True until the process has exited. */
  alive(): boolean;
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM (a clean shutdown), then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  waitExit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

// Variables a test runner may have set for itself that must not leak into a server it starts.
const NOT_INHERITED = ['DATABASE_URL', 'REDIS_URL', 'PORT', 'HOST', 'DATA_DIR', 'PUBLIC_ORIGIN', 'NODE_OPTIONS'];

/**
 * Starts the real server as a child process (`node --import tsx server/main.ts`, or a compiled
 * bundle's `server/main.js` with `compiledDir`; cwd the repository root) on 127.0.0.1 and resolves once `GET /api/health` answers 200. The web app is not served
 * (WEB_DIR points nowhere), PGlite data (when DATABASE_URL is not given) goes to a temporary DATA_DIR,
 * and login rate limits are lifted so a test can sign up many users.
 */
export async function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const ownDataDir = options.env?.DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'corroborate-proc-'));
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    WEB_DIR: '/nonexistent',
    AUTH_RATE_LIMIT: '100000',
    ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}),
    ...options.env,
    PORT: String(port),
  };
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !NOT_INHERITED.includes(k))) as Record<string, string>;
  const entry = options.compiledDir ? ['--enable-source-maps', join(options.compiledDir, 'server', 'main.js')] : ['--import', 'tsx', 'server/main.ts'];
  const child: ChildProcess = spawn(process.execPath, entry, {
    cwd: repoRoot,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
      resolveExit(exited);
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const proc: ServerProcess = {
    url,
    port,
    pid: child.pid!,
    env: options.env ?? {},
    output: () => lines.join('\n'),
    alive: () => exited === null,
    kill(signal = 'SIGTERM') {
      if (exited === null) child.kill(signal);
    },
    async stop(graceMs = 10_000) {
      if (exited !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
    waitExit: () => exit,
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited !== null) throw new Error(`server exited (${JSON.stringify(exited)}) before answering /api/health:\n${proc.output()}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return proc;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`server did not answer /api/health within ${options.startTimeoutMs ?? 60_000} ms:\n${proc.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The resident set size of a process in kB, from /proc/<pid>/status (Linux). */
export async function rssKb(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]);
}
