import { loadWorkspace } from '$lib/verification';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, depends }) => {
  depends('app:workspace');
  return { workspace: await loadWorkspace(params.wid) };
};
