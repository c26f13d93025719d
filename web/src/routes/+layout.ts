import { loadOrFail } from '$lib/load';
import { session } from '$lib/session.svelte';
import type { LayoutLoad } from './$types';

// A single-page app: the server serves static files only, so nothing renders on the server.
// Set here in the root layout, not in a +page.ts (there it turns 404s into 500s: STACK.md).
export const ssr = false;
export const prerender = false;

export const load: LayoutLoad = async () => {
  await loadOrFail(() => session.ensureLoaded());
  return {};
};
