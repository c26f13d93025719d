import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Config } from '../config';
import { HttpError } from '../errors';
import type { ImportLimits } from '../documents/import/limits';
import { compiled, fromRoot } from '../project-root';
import type * as Tasks from './tasks';

type Jobs = Omit<typeof Tasks, 'warmUp'>;
/** The jobs a worker runs, by name (server/jobs/tasks.ts). */
export type JobName = { [K in keyof Jobs]: Jobs[K] extends (...args: never[]) => unknown ? K : never }[keyof Jobs];
type Input<N extends JobName> = Parameters<Jobs[N]>[0]['input'];
type Value<N extends JobName> = Extract<Awaited<ReturnType<Jobs[N]>>, { ok: true }>['value'];

/** What each job does, for the sentence a stopped one answers with. */
const DOING: Record<JobName, string> = {
  importDocument: 'Reading this file',
  suggest: 'Finding suggestions in this document',
  anchorQuotes: 'Placing these annotations in the document',
  reanchor: 'Re-anchoring the claims in this version',
};

/** 503 `busy`: every worker thread is working and the queue is full. The `Retry-After` header says when to try again. */
export class BusyError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(503, 'busy', `The server is busy with other large imports and analyses; try again in ${retryAfterSeconds} seconds.`);
  }
}

/** A job that failed for a reason other than its limits (a damaged file, a bug): the caller decides what to answer. */
export class JobFailedError extends Error {
  constructor(
    readonly job: JobName,
    readonly cause: unknown,
  ) {
    super(`job ${job} failed: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'JobFailedError';
  }
}

/**
 * A bounded pool of worker threads (piscina) for CPU-heavy work, so no request can hold the event
 * loop: at most `threads` jobs run at once and `maxQueue` wait (more answer 503 `busy`); a job
 * running past `timeoutMs` is aborted, which terminates its thread (piscina starts a fresh one),
 * and answers 422 `too_complex`, as does one that outgrows its thread's heap (`workerMemoryMb`).
 * A job's own refusals (input limits) answer their status and code.
 *
 * The threads start on `prepare()` or first use: each carries a V8 isolate of its own and, warmed,
 * the claim scorer (~25 MB of RSS each with the warm-up, measured). `prepare()` (at boot with
 * `warmUp`, and on a reader opening a document: plugins/jobs.ts) starts and warms them ahead of the
 * first suggestions; after `idleMs` without a job or a `prepare()` they stop, and the next use
 * starts them again.
 */
export class JobPool {
  private pool: Piscina | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private admitted = 0;
  private started = 0;

  constructor(private readonly config: Config['jobs']) {}

  /** The piscina pool, started now if it is not running. */
  private open(): Piscina {
    if (this.pool) return this.pool;
    const { maxDocumentChars, maxPdfPages, maxNestingDepth, maxArchiveEntries, maxArchivePartBytes, maxArchiveBytes } = this.config;
    this.pool = new Piscina({
      // From source, worker.mjs registers TypeScript and loads tasks.ts. Compiled, tasks.ts is an entry of
      // its own (<out>/server/jobs/tasks.js), and this code sits one folder below <out> (in server/main.js or chunks/).
      filename: compiled ? new URL('../server/jobs/tasks.js', import.meta.url).href : pathToFileURL(fromRoot('server', 'jobs', 'worker.mjs')).href,
      // While the pool runs every thread is kept: piscina replaces an aborted thread only up to
      // `minThreads`, and a job queued behind it would otherwise wait for the next one to arrive.
      // Idle threads are let go by stopping the whole pool (`idleMs`), not by piscina's idleTimeout.
      minThreads: Math.max(1, this.config.threads),
      maxThreads: Math.max(1, this.config.threads),
      // Admission is counted here (`admitted`), so piscina's own queue never refuses.
      maxQueue: Infinity,
      idleTimeout: Infinity,
      resourceLimits: { maxOldGenerationSizeMb: this.config.workerMemoryMb },
      // The worker registers TypeScript itself (worker.mjs); the parent's flags (vitest's, tsx's) are not inherited.
      execArgv: [],
      workerData: { warmUp: this.config.warmUp, limits: { maxDocumentChars, maxPdfPages, maxNestingDepth, maxArchiveEntries, maxArchivePartBytes, maxArchiveBytes } },
    });
    return this.pool;
  }

  /** (Re)starts the idle countdown: the threads stop `idleMs` after the last job or `prepare()`. */
  private touch(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      // A job still running or waiting re-arms the countdown when it ends.
      if (this.admitted > 0 || !this.pool) return;
      const pool = this.pool;
      this.pool = null;
      void pool.destroy();
    }, this.config.idleMs);
    this.idleTimer.unref();
  }

  /**
   * Starts the threads if they are not running and, with `warmUp`, has each load its module and
   * warm the scorer in the background, so a job that comes soon (the first suggestions of a
   * document just opened) does not wait seconds for a cold thread. Cheap when they are running.
   */
  prepare(): void {
    if (this.closed) return;
    const cold = !this.pool;
    const pool = this.open();
    this.touch();
    if (cold && this.config.warmUp) {
      for (let i = 0; i < Math.max(1, this.config.threads); i++) pool.run(null, { name: 'warmUp' }).catch(() => {});
    }
  }

  /** Worker threads alive now: 0 before the first job or `prepare()`, and after `idleMs` idle. */
  get threads(): number {
    return this.pool?.threads.length ?? 0;
  }

  /** The input limits the jobs check (for checks made before a job is queued). */
  get limits(): ImportLimits {
    const { maxDocumentChars, maxPdfPages, maxNestingDepth, maxArchiveEntries, maxArchivePartBytes, maxArchiveBytes } = this.config;
    return { maxDocumentChars, maxPdfPages, maxNestingDepth, maxArchiveEntries, maxArchivePartBytes, maxArchiveBytes };
  }

  /** Jobs running and jobs waiting for a thread, right now. */
  get stats(): { running: number; waiting: number } {
    return { running: this.started, waiting: this.admitted - this.started };
  }

  /**
   * Runs job `name` on `input` in a worker thread and resolves with its value. Throws `BusyError`
   * (503) when the pool is full, an `HttpError` 422 `too_complex` when it ran out of time or memory,
   * the job's own refusal as an `HttpError`, and `JobFailedError` for anything else.
   */
  async run<N extends JobName>(name: N, input: Input<N>): Promise<Value<N>> {
    if (this.closed) throw new JobFailedError(name, new Error('the job pool is closed'));
    if (this.admitted >= Math.max(1, this.config.threads) + this.config.maxQueue) throw new BusyError(Math.max(1, Math.ceil(this.config.timeoutMs / 1000)));
    const pool = this.open();
    this.admitted++;
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    let running = false;
    // The time limit counts from the moment a thread takes the job, not while it waits in the queue.
    port1.once('message', () => {
      running = true;
      this.started++;
      timer = setTimeout(() => abort.abort(), this.config.timeoutMs);
    });
    port1.unref();
    try {
      const outcome = await pool.run({ input, started: port2 }, { name, signal: abort.signal, transferList: [port2] });
      if (!outcome.ok) throw new HttpError(outcome.status, outcome.code, outcome.message);
      return outcome.value as Value<N>;
    } catch (err) {
      if (err instanceof HttpError) throw err;
      if (abort.signal.aborted) {
        const seconds = Math.round(this.config.timeoutMs / 100) / 10;
        throw new HttpError(422, 'too_complex', `${DOING[name]} needed more than ${seconds} s of work, the limit for one request, so it was stopped and nothing was changed. Split it into smaller parts.`);
      }
      if ((err as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new HttpError(422, 'too_complex', `${DOING[name]} needed more memory than one request may use, so it was stopped and nothing was changed. Split it into smaller parts.`);
      }
      throw new JobFailedError(name, err);
    } finally {
      clearTimeout(timer);
      port1.close();
      this.admitted--;
      if (running) this.started--;
      this.touch();
    }
  }

  /** Stops every thread (running jobs are abandoned). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}
