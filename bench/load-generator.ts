/**
 * The parent's handle on the load generator: starts bench/load-generator-worker.ts in its own
 * process pinned to core 1 (`taskset -c 1`), and sends it commands over IPC, one at a time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ClientSpec, TargetSpec } from './generator/clients';
import { priorityPrefix } from './servers';
import type { RunCommand, RunResult, SetupResult } from './load-generator-worker';

const worker = fileURLToPath(new URL('./load-generator-worker.ts', import.meta.url));

export const GENERATOR_CORE = 1;

export class LoadGenerator {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private exited = false;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (msg: { seq: number; ok: boolean; result?: unknown; error?: string }) => {
      const w = this.waiting.get(msg.seq);
      if (!w) return;
      this.waiting.delete(msg.seq);
      clearTimeout(w.timer);
      if (msg.ok) w.resolve(msg.result);
      else w.reject(new Error(`load generator: ${msg.error}`));
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      for (const w of this.waiting.values()) {
        clearTimeout(w.timer);
        w.reject(new Error(`load generator exited (${code ?? signal})`));
      }
      this.waiting.clear();
    });
  }

  static start(): LoadGenerator {
    const [command, ...args] = [...priorityPrefix(), 'taskset', '-c', String(GENERATOR_CORE), process.execPath, '--import', 'tsx', worker];
    const child = spawn(command, args, {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new LoadGenerator(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  private call<T>(body: object, timeoutMs: number): Promise<T> {
    if (this.exited) return Promise.reject(new Error('load generator is not running'));
    const seq = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(seq);
        reject(new Error(`load generator: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(seq, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.child.send({ ...body, seq });
    });
  }

  setup(target: TargetSpec, clients: ClientSpec[], serverPid: number): Promise<SetupResult> {
    return this.call({ cmd: 'setup', target, clients, serverPid }, 180_000);
  }

  run(command: Omit<RunCommand, 'cmd'>): Promise<RunResult> {
    return this.call({ cmd: 'run', ...command }, command.warmupMs + command.windowMs + command.drainMs + 30_000);
  }

  /** Closes every client and ends the process (killed if it does not end in time). */
  async stop(): Promise<void> {
    if (this.exited) return;
    await this.call({ cmd: 'close' }, 10_000).catch(() => {});
    const deadline = Date.now() + 3000;
    while (!this.exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (!this.exited) this.child.kill('SIGKILL');
  }
}
