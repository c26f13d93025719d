import { api, ApiError } from '$lib/api';
import { session } from '$lib/session.svelte';
import { toSignIn } from '$lib/load';
import { loadWorkspace } from '$lib/verification';
import type { PageLoad } from './$types';
import { filtersFrom, filtersQuery, type SearchResponse, type SearchResult } from './search';

export const load: PageLoad = async ({ params, url }) => {
  const workspace = await loadWorkspace(params.wid);
  const filters = filtersFrom(url.searchParams);
  let results: SearchResult[] | null = null;
  let searchError: unknown = null;
  try {
    const query = filtersQuery(filters);
    ({ results } = await api.get<SearchResponse>(
      `/api/workspaces/${encodeURIComponent(workspace.id)}/search${query ? `?${query}` : ''}`,
    ));
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 401) {
      session.signedOut();
      toSignIn();
    }
    // Anything else shows beside the search box, which stays usable, rather than replacing the page.
    searchError = caught;
  }
  return { workspace, filters, results, searchError };
};
