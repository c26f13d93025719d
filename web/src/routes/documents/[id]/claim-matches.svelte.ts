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
