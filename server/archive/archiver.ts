import type { FastifyBaseLogger } from 'fastify';
import type { Agent } from 'undici';
import type { Db } from '../../db';
import type { EvidenceArchive } from '../../db/schema';
import { recordClaimEvent } from '../claims/repository';
import type { Config } from '../config';
import type { JobPool } from '../jobs';
import { ExtractFailure, extractPage } from './extract';
import { FetchFailure, fetchPage, guardedAgent, type FetchLimits } from './fetch-page';
import { claimTarget, findArchive, latestEventId, saveArchive, saveRecheck, unarchivedLinks, type ArchiveResult, type ArchiveTarget } from './repository';

/** What a re-check found: the page as archived, changed (another hash), gone (404, 410, no such host), or not fetched for another reason; `archived`/`failed` when it was the first good copy or the archive still failed. */
export type RecheckResult = 'unchanged' | 'changed' | 'gone' | 'failed' | 'archived';

/** Full sweeps (without waiting for a new history entry) happen at least every this many ticks. */
const FULL_SWEEP_EVERY = 15;

/**
 * Archives link evidence against link rot, in the background: nobody adding a link waits for it.
 *
 * How new links are found: a sweep over the claims projection (link evidence of live claims with
 * no archive row, or whose URL changed), run right after a REST write adds evidence (`nudge`), on
 * a short timer for links added through the shared document, and at start (so nothing added
 * while the server was down is missed). The projection is written in the same transaction as the
 * history, so the timer's sweep runs only when the newest history entry changed (one indexed
 * lookup), and in full every FULL_SWEEP_EVERY ticks. This needs no hook in the collaboration
 * server, and several processes share the work safely: each link is taken by inserting its row
 * (`claimTarget`), which only one of them wins.
 *
 * Fetches are bounded (`concurrency` at once, twice that taken), checked (fetch-page.ts), and their
 * text extracted in the job pool (extract.ts).
 */
export class Archiver {
  private readonly agent: Agent;
  private readonly limits: FetchLimits;
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly waiters: Array<() => void> = [];
  private running = 0;
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  private sweepAgain = false;
  private lastEventId = -1;
  private ticks = 0;
  /** The last sweep filled its capacity: the next tick looks again whatever the history says. */
  private more = false;

  constructor(
    private readonly db: Db,
    private readonly jobs: JobPool,
    private readonly config: Config['archive'],
    private readonly log: FastifyBaseLogger,
  ) {
    this.limits = { allowPrivate: config.allowPrivate, allowedAddresses: config.allowedAddresses, timeoutMs: config.timeoutMs, maxBytes: config.maxBytes, maxRedirects: config.maxRedirects, resolveHost: config.resolveHost };
    this.agent = guardedAgent(this.limits);
  }

  /** A fetch pending this long was abandoned (its process stopped): its fetch, extraction and a margin. */
  private get staleMs(): number {
    return 2 * this.config.timeoutMs + 60_000;
  }

  /** Whether links are archived at all (`ARCHIVE_CONCURRENCY` 0 turns it off). */
  get enabled(): boolean {
    return this.config.concurrency > 0;
  }

  /** Starts the timer and the first, full sweep. */
  start(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => this.sweep(false), Math.max(50, this.config.sweepMs));
    this.timer.unref();
    this.sweep(true);
  }

  /** Looks for new links at once (after a REST write added one). */
  nudge(): void {
    this.sweep(true);
  }

  /** Resolves when no sweep, fetch or extraction is running or waiting (tests). */
  async idle(): Promise<void> {
    while (this.sweeping || this.inFlight.size) await Promise.allSettled([this.sweeping, ...this.inFlight]);
  }

  private sweep(full: boolean): void {
    if (!this.enabled || this.stopping.signal.aborted) return;
    if (this.sweeping) {
      this.sweepAgain ||= full;
      return;
    }
    this.sweeping = this.findAndTake(full || this.more || ++this.ticks % FULL_SWEEP_EVERY === 0)
      .catch((err) => {
        // A failed sweep (the database away) is retried on the next tick; nothing was taken.
        if (!this.stopping.signal.aborted) this.log.warn({ err }, 'evidence archive: the sweep failed; retrying on the next tick');
      })
      .finally(() => {
        this.sweeping = null;
        if (this.sweepAgain) {
          this.sweepAgain = false;
          this.sweep(true);
        }
      });
  }

  private async findAndTake(full: boolean): Promise<void> {
    const eventId = await latestEventId(this.db);
    if (!full && eventId === this.lastEventId) return;
    this.lastEventId = eventId;
    const capacity = this.config.concurrency * 2 - this.running - this.waiters.length;
    this.more = false;
    if (capacity <= 0) {
      this.more = true;
      return;
    }
    const targets = await unarchivedLinks(this.db, capacity, this.staleMs);
    this.more = targets.length === capacity;
    for (const target of targets) {
      if (this.stopping.signal.aborted) return;
      if (await claimTarget(this.db, target, this.staleMs)) this.track(this.slot(() => this.archive(target)));
    }
  }

  private track<T>(task: Promise<T>): Promise<T> {
    this.inFlight.add(task);
    task.then(
      () => this.inFlight.delete(task),
      () => this.inFlight.delete(task),
    );
    return task;
  }

  /** Runs `fn` when one of the `concurrency` fetch slots is free. */
  private async slot<T>(fn: () => Promise<T>): Promise<T> {
    while (this.running >= Math.max(1, this.config.concurrency)) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
      if (this.stopping.signal.aborted) throw new Error('the server is stopping');
    }
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.waiters.shift()?.();
    }
  }

  /** Fetches and extracts one page: the result to store, or null when the server is stopping. */
  private async fetchAndExtract(url: string): Promise<ArchiveResult | { failure: FetchFailure | ExtractFailure; result: ArchiveResult } | null> {
    const signal = this.stopping.signal;
    let page;
    try {
      page = await fetchPage(url, this.agent, this.limits, signal);
      const fetchedAt = new Date();
      const extracted = await extractPage(this.jobs, page, signal);
      if (signal.aborted) return null;
      return { state: 'archived', finalUrl: page.finalUrl, httpStatus: page.status, contentType: page.contentType, ...extracted, fetchedAt };
    } catch (err) {
      if (signal.aborted) return null;
      if (!(err instanceof FetchFailure) && !(err instanceof ExtractFailure)) {
        this.log.error({ err, url }, 'evidence archive: the fetch failed unexpectedly');
        err = new ExtractFailure('The page could not be archived because of an error on this server.');
      }
      const failure = err as FetchFailure | ExtractFailure;
      const known = failure instanceof FetchFailure ? failure.details : { finalUrl: page?.finalUrl, status: page?.status, contentType: page?.contentType };
      return {
        failure,
        result: { state: 'failed', finalUrl: known.finalUrl ?? null, httpStatus: known.status ?? null, contentType: known.contentType ?? null, error: failure.message, fetchedAt: new Date() },
      };
    }
  }

  /** The first archive of a link taken by a sweep (its row is pending). */
  private async archive(target: ArchiveTarget): Promise<ArchiveResult | null> {
    const outcome = await this.fetchAndExtract(target.url);
    if (!outcome) return null;
    const result = 'failure' in outcome ? outcome.result : outcome;
    await saveArchive(this.db, target, result);
    return result;
  }

  /**
   * Fetches a link again, for `userId` (null: the server): compares the page with the archived
   * copy by hash and records what it found (`recheck`, `checked_at`) and an `evidence_rechecked`
   * entry in the claim's history. The archived copy itself is kept as it was; a link that had no
   * good copy yet (pending, failed, or its URL changed) gets one now if the page can be archived.
   */
  async recheck(
    claim: { claimId: string; documentId: string },
    entry: { evidenceId: string; url: string; title: string | null },
    userId: string | null,
  ): Promise<EvidenceArchive> {
    const target = { claimId: claim.claimId, evidenceId: entry.evidenceId, url: entry.url };
    return this.track(
      this.slot(async () => {
        const before = await findArchive(this.db, target.claimId, target.evidenceId);
        const outcome = await this.fetchAndExtract(target.url);
        if (!outcome) throw new Error('the server is stopping');
        const checkedAt = new Date();
        let result: RecheckResult;
        const found = 'failure' in outcome ? outcome.result : outcome;
        if (!before || before.url !== target.url || before.state !== 'archived') {
          // No good copy to compare with: this fetch is the archive.
          if (!before || before.url !== target.url) await claimTarget(this.db, target, this.staleMs);
          await saveArchive(this.db, target, found);
          result = found.state === 'archived' ? 'archived' : 'failed';
        } else if ('failure' in outcome) {
          result = outcome.failure instanceof FetchFailure && outcome.failure.gone ? 'gone' : 'failed';
        } else {
          result = found.state === 'archived' && found.sha256 === before.sha256 ? 'unchanged' : 'changed';
        }
        await saveRecheck(this.db, target.claimId, target.evidenceId, result, checkedAt);
        await recordClaimEvent(this.db, {
          claimId: claim.claimId,
          documentId: claim.documentId,
          userId,
          action: 'evidence_rechecked',
          field: 'evidence',
          from: before?.state === 'archived' ? { id: entry.evidenceId, sha256: before.sha256, fetchedAt: before.fetchedAt?.toISOString() ?? null } : null,
          to: {
            id: entry.evidenceId,
            title: entry.title ?? entry.url,
            result,
            httpStatus: found.httpStatus,
            sha256: found.state === 'archived' ? found.sha256 : null,
            ...(found.state === 'failed' ? { reason: found.error } : {}),
          },
        });
        return (await findArchive(this.db, target.claimId, target.evidenceId))!;
      }),
    );
  }

  /** Stops sweeping, abandons running fetches (their rows stay pending and are retaken later) and closes the connections. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.stopping.abort();
    this.waiters.splice(0).forEach((wake) => wake());
    await Promise.allSettled([this.sweeping, ...this.inFlight]);
    await this.agent.close();
  }
}
