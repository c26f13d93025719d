import type { components, paths } from '$shared/api-types.generated';
import { api, errorMessage } from '$lib/api';
import { formatDate } from '$lib/format';
import { statusLabel, verdictLabel } from '$shared/labels';
import type { Suggestions, SuggestionsState } from './suggestions.svelte';

/** A claim of another document of the workspace that is (likely) the same claim, as the API names it. */
export type ClaimMatch = components['schemas']['ClaimMatch'];
type SpanMatches = paths['/api/documents/{id}/suggestion-matches']['get']['responses'][200]['content']['application/json'];

/** As the server's route schema bounds a request (server/matching/schemas.ts): passages per request, characters per passage. */
const MAX_SPANS = 200;
const MAX_SPAN_LENGTH = 2000;

/**
 * How the other claim was checked, in words: "Verified, Mostly accurate, by Ana Lima on 2 Dec 2026"
 * for a signed-off claim, the status alone ("In review") for one not signed off. The verdict is
 * only ever shown here and linked to: a match never copies it onto this document's claim.
 */
export function checkedWords(claim: ClaimMatch['claim']): string {
  const parts = [statusLabel(claim.status)];
  const { signOff } = claim;
  if (signOff?.rating) parts.push(verdictLabel(signOff.rating));
  let words = parts.join(', ');
  if (signOff?.by) words += `, by ${signOff.by.name}`;
  if (signOff?.at) words += ` on ${formatDate(signOff.at)}`;
  return words;
}

/** How a match's line starts: "Checked in" a document where the claim was signed off, else "Also claimed in". */
export const matchLead = (claim: ClaimMatch['claim']): string => (claim.signOff ? 'Checked in' : 'Also claimed in');

/** The match to name first: a signed-off claim (a checked verdict) before one still being checked, then the most similar. */
export function bestMatch(matches: readonly ClaimMatch[]): ClaimMatch | null {
  const proposed = matches.filter((m) => m.state !== 'rejected');
  return proposed.find((m) => m.claim.signOff !== null) ?? proposed[0] ?? null;
}

/**
 * The likely matches of the suggested sentences of one document's suggestions, fetched once per
 * suggestions load (`GET /api/documents/:id/suggestion-matches?spans=…`, the sentences in batches
 * the route accepts) and read by every suggestion's line. One per SuggestionsState
 * (`suggestionMatchesOf`).
 */
export class SuggestionMatchesState {
  /** Matches by sentence start, for the suggestions last fetched for. */
  byStart = $state.raw<ReadonlyMap<number, ClaimMatch[]>>(new Map());
  error = $state<string | null>(null);
  readonly #suggestions: SuggestionsState;
  #fetchedFor: Suggestions | null = null;

  constructor(suggestions: SuggestionsState) {
    this.#suggestions = suggestions;
  }

  /** Fetches the matches of the loaded suggestions unless already fetched for this load. */
  ensure(): void {
    const data = this.#suggestions.data;
    if (!data || data === this.#fetchedFor || !this.#suggestions.onText) return;
    this.#fetchedFor = data;
    void this.#fetch(data);
  }

  async #fetch(data: Suggestions): Promise<void> {
    const spans = data.claims.filter((s) => s.end > s.start && s.end - s.start <= MAX_SPAN_LENGTH).map((s) => `${s.start}-${s.end}`);
    const found = new Map<number, ClaimMatch[]>();
    try {
      for (let i = 0; i < spans.length; i += MAX_SPANS) {
        const path = `/api/documents/${encodeURIComponent(this.#suggestions.documentId)}/suggestion-matches?spans=${spans.slice(i, i + MAX_SPANS).join(',')}`;
        const { passages } = await api.get<SpanMatches>(path);
        for (const p of passages) if (p.matches.length) found.set(p.start, p.matches);
      }
      // A newer load of the suggestions asked again meanwhile: its answer is the one to show.
      if (this.#fetchedFor !== data) return;
      this.byStart = found;
      this.error = null;
    } catch (e) {
      if (this.#fetchedFor === data) this.error = `Earlier checks not looked up: ${errorMessage(e)}`;
    }
  }
}

const bySuggestions = new WeakMap<SuggestionsState, SuggestionMatchesState>();

/** The suggestion matches of a document's suggestions, made on first use and shared by every suggestion's line. */
export function suggestionMatchesOf(suggestions: SuggestionsState): SuggestionMatchesState {
  let state = bySuggestions.get(suggestions);
  if (!state) {
    state = new SuggestionMatchesState(suggestions);
    bySuggestions.set(suggestions, state);
  }
  return state;
}

/**
 * `GET /api/documents/:id/claim-matches`: the document's claims that have a likely or a confirmed
 * match. Written here until the API types are regenerated from the route schema
 * (server/matching/schemas.ts documentMatchesReply), then read from them.
 */
export interface DocumentMatches {
  claims: Array<{ claimId: string; likely: number; same: number }>;
  truncated: boolean;
}

/** A moment after the claims change (a claim made, its words moved), the markers are asked for again: once for a burst of changes. */
const MARKERS_AFTER_MS = 1500;

/**
 * Which claims of one open document have a likely match ("possible match") or a confirmed one
 * ("same claim") in the workspace's other documents: one request for the whole list, again a
 * moment after the claims' words change and after a decision. One per document (`documentMatchesOf`).
 */
export class DocumentMatchesState {
  byClaim = $state.raw<ReadonlyMap<string, { likely: number; same: number }>>(new Map());
  readonly documentId: string;
  #room: object | null = null;
  #seen: unknown = null;
  #key = '';
  #timer: ReturnType<typeof setTimeout> | null = null;
  #seq = 0;

  constructor(documentId: string) {
    this.documentId = documentId;
  }

  /**
   * Called with the room's live claims whenever they change: asks at once for a room not seen
   * before (the document opened again), a moment later when the claims' words changed.
   */
  track(room: object, claims: ReadonlyArray<{ id: string; anchor: { exact: string } }>): void {
    if (claims === this.#seen) return;
    this.#seen = claims;
    const key = claims.map((c) => `${c.id}:${c.anchor.exact}`).join('\n');
    const fresh = room !== this.#room;
    if (!fresh && key === this.#key) return;
    this.#room = room;
    this.#key = key;
    this.refresh(fresh ? 0 : MARKERS_AFTER_MS);
  }

  /** Asks again after `delayMs` (a decision made, the claims changed). */
  refresh(delayMs = 0): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#load(), delayMs);
  }

  async #load(): Promise<void> {
    this.#timer = null;
    const seq = ++this.#seq;
    try {
      const { claims } = await api.get<DocumentMatches>(`/api/documents/${encodeURIComponent(this.documentId)}/claim-matches`);
      if (seq === this.#seq) this.byClaim = new Map(claims.map((c) => [c.claimId, c]));
    } catch {
      // The markers are a hint: the claim's detail says what failed when it is opened.
    }
  }
}

const byDocument = new Map<string, DocumentMatchesState>();

/** The match markers of a document's claims, shared by its claim list and its claims' details. */
export function documentMatchesOf(documentId: string): DocumentMatchesState {
  let state = byDocument.get(documentId);
  if (!state) {
    state = new DocumentMatchesState(documentId);
    byDocument.set(documentId, state);
  }
  return state;
}
