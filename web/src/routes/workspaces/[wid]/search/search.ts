import {
  CONFIDENCE_STEPS,
  confidenceParam,
  isStatus,
  isVerdict,
  type ApiClaim,
  type ClaimStatus,
  type Verdict,
} from '$lib/verification';

export interface SearchResult {
  claim: ApiClaim;
  document: { id: string; title: string };
  /** Plain text; matched words are wrapped in « and ». */
  snippet: string;
}

export interface SearchResponse {
  results: SearchResult[];
}

/** What the search page asks for; kept in the page's query string so a search can be shared. */
export interface SearchFilters {
  q: string;
  status: ClaimStatus | null;
  verdict: Verdict | null;
  minConfidence: number | null;
  limit: number;
}

/** Results per page, and how far "Show more" may go (the API's maximum). */
export const PAGE_SIZE = 50;
export const MAX_LIMIT = 200;
const MAX_QUERY_LENGTH = 500;

/** The filters a query string holds; values the API would refuse are dropped rather than sent. */
export function filtersFrom(params: URLSearchParams): SearchFilters {
  const status = params.get('status');
  const verdict = params.get('verdict');
  const limit = Number(params.get('limit'));
  return {
    q: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    status: isStatus(status) ? status : null,
    verdict: isVerdict(verdict) ? verdict : null,
    minConfidence: confidenceParam(params.get('minConfidence')),
    limit: Number.isInteger(limit) && limit > PAGE_SIZE ? Math.min(limit, MAX_LIMIT) : PAGE_SIZE,
  };
}

/** The query string for these filters (without "?"), leaving out what is unset or the default. */
export function filtersQuery(filters: SearchFilters): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.status) params.set('status', filters.status);
  if (filters.verdict) params.set('verdict', filters.verdict);
  if (filters.minConfidence !== null) params.set('minConfidence', String(filters.minConfidence));
  if (filters.limit !== PAGE_SIZE) params.set('limit', String(filters.limit));
  return params.toString();
}

/** Whether anything narrows the search beyond the default "every claim". */
export function isFiltered(filters: SearchFilters): boolean {
  return filters.q.trim() !== '' || filters.status !== null || filters.verdict !== null || filters.minConfidence !== null;
}

/** The minimum-confidence choices, including one that arrived in a shared link but is not a step. */
export function confidenceChoices(current: number | null): number[] {
  const steps: number[] = [...CONFIDENCE_STEPS];
  if (current !== null && !steps.includes(current)) steps.push(current);
  return steps.sort((a, b) => a - b);
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * A snippet cut into plain text and matched words. The server wraps each matched word, one word
 * at a time, in « and »; a pair around text with spaces in it (« like this », as French quotes
 * are written) is the document's own punctuation and stays text.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const found of snippet.matchAll(/«([^«»\s]+)»/g)) {
    if (found.index > last) parts.push({ text: snippet.slice(last, found.index), match: false });
    parts.push({ text: found[1], match: true });
    last = found.index + found[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts;
}
