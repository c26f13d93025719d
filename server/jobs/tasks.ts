/**
 * The jobs a worker thread runs (server/jobs/pool.ts sends them): each one CPU-heavy and pure, its
 * input and result plain data. Imports only what the jobs need, so a thread starts quickly.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { anchor, type AnchorResult, type AnchorTarget } from '../anchoring';
import { planReanchoring, type ReanchorPlan, type ReanchorTarget } from '../anchoring/reanchor';
import { extractDocument, type Extracted, type ImportInput } from '../documents/import/extract';
import { ImportRefusal, type ImportLimits } from '../documents/import/limits';
import { suggestionsFor, type ExistingClaim, type Suggestions } from '../suggestions';
import { warmUpClaims } from '../suggestions/claims';

/** A job's answer: its value, or the refusal (status, code, sentence) the request answers with. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; status: 413 | 422; code: string; message: string };

/** What the pool sends: the job's input and a port to say it has started (its time limit counts from then). */
export interface Envelope<I> {
  input: I;
  started: MessagePort;
}

const { limits, warmUp: warmUpAtStart } = workerData as { limits: ImportLimits; warmUp: boolean };

// The language library and the scorer's weights load, and the tagger runs once, as soon as this module
// is loaded in a thread, so the first suggestions do not wait seconds for them (unless JOBS_WARM_UP is off:
// a thread that only imports files then never loads the language library).
const warming = warmUpAtStart ? warmUpClaims() : Promise.resolve();

/**
 * Not a job but the pool's way to load this module in each thread as the pool starts
 * (`JobPool.prepare`, when a reader opens a document): resolves once the scorer is warm.
 */
export const warmUp = (): Promise<null> => warming.then(() => null);

async function run<I, T>({ input, started }: Envelope<I>, job: (input: I) => T | Promise<T>): Promise<Outcome<T>> {
  started.postMessage('started');
  started.close();
  try {
    return { ok: true, value: await job(input) };
  } catch (err) {
    if (err instanceof ImportRefusal) return { ok: false, status: err.status, code: err.code, message: err.message };
    throw err;
  }
}

/** Checks an import against the limits and extracts its text (documents/import/extract.ts). */
export const importDocument = (e: Envelope<ImportInput>): Promise<Outcome<Extracted>> => run(e, (input) => extractDocument(input, limits));

/** Suggested claims, citations and evidence for a document (suggestions/index.ts). */
export const suggest = (e: Envelope<{ text: string; existing: ExistingClaim[] }>): Promise<Outcome<Suggestions>> =>
  run(e, ({ text, existing }) => suggestionsFor(text, existing));

/** Anchors quotes (imported annotations) in a document's text, one result per target. */
export const anchorQuotes = (e: Envelope<{ text: string; targets: AnchorTarget[] }>): Promise<Outcome<AnchorResult[]>> =>
  run(e, ({ text, targets }) => targets.map((target) => anchor(text, target)));

/** Re-anchors claims in a document's new text (anchoring/reanchor.ts). */
export const reanchor = (e: Envelope<{ text: string; targets: ReanchorTarget[] }>): Promise<Outcome<ReanchorPlan[]>> =>
  run(e, ({ text, targets }) => planReanchoring(text, targets));
