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
 */
export class JobPool {
  private readonly pool: Piscina;
  private admitted = 0;
  private started = 0;

  constructor(private readonly config: Config['jobs']) {
    const { maxDocumentChars, maxPdfPages, maxNestingDepth, maxArchiveEntries, maxArchivePartBytes, maxArchiveBytes } = config;
    this.pool = new Piscina({
      // From source, worker.mjs registers TypeScript and loads tasks.ts. Compiled, tasks.ts is an entry of
      // its own (<out>/server/jobs/tasks.js), and this code sits one folder below <out> (in server/main.js or chunks/).
      filename: compiled ? new URL('../server/jobs/tasks.js', import.meta.url).href : pathToFileURL(fromRoot('server', 'jobs', 'worker.mjs')).href,
      // Every thread is kept: piscina replaces an aborted thread only up to `minThreads`, and a job
      // queued behind it would otherwise wait for the next one to arrive.
      minThreads: Math.max(1, config.threads),
      maxThreads: Math.max(1, config.threads),
      // Admission is counted here (`admitted`), so piscina's own queue never refuses.
      maxQueue: Infinity,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: config.workerMemoryMb },
      // The worker registers TypeScript itself (worker.mjs); the parent's flags (vitest's, tsx's) are not inherited.
      execArgv: [],
      workerData: { warmUp: config.warmUp, limits: { maxDocumentChars, maxPdfPages, maxNestingDepth, maxArchiveEntries, maxArchivePartBytes, maxArchiveBytes } },
    });
    // Each thread loads its module (and warms the scorer) now, in the background, instead of with the
    // first request's job: a cold thread made the first suggestions take seconds.
    if (config.warmUp) {
      for (let i = 0; i < Math.max(1, config.threads); i++) this.pool.run(null, { name: 'warmUp' }).catch(() => {});
    }
  }

  /** Jobs running and jobs waiting for a thread, right now. */
  /** The input limits the jobs check (for checks made before a job is queued). */
  get limits(): ImportLimits {
    const { maxDocumentChars, maxPdfPages, maxNestingDepth, maxArchiveEntries, maxArchivePartBytes, maxArchiveBytes } = this.config;
    return { maxDocumentChars, maxPdfPages, maxNestingDepth, maxArchiveEntries, maxArchivePartBytes, maxArchiveBytes };
  }

  get stats(): { running: number; waiting: number } {
    return { running: this.started, waiting: this.admitted - this.started };
  }

  /**
   * Runs job `name` on `input` in a worker thread and resolves with its value. Throws `BusyError`
   * (503) when the pool is full, an `HttpError` 422 `too_complex` when it ran out of time or memory,
   * the job's own refusal as an `HttpError`, and `JobFailedError` for anything else.
   */
  async run<N extends JobName>(name: N, input: Input<N>): Promise<Value<N>> {
    if (this.admitted >= Math.max(1, this.config.threads) + this.config.maxQueue) throw new BusyError(Math.max(1, Math.ceil(this.config.timeoutMs / 1000)));
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
      const outcome = await this.pool.run({ input, started: port2 }, { name, signal: abort.signal, transferList: [port2] });
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
    }
  }

  /** Stops every thread (running jobs are abandoned). */
  close(): Promise<void> {
    return this.pool.destroy();
  }
}
