import { loadWorkspace } from '$lib/verification';
import type { PageLoad } from './$types';
import type { RevealRule } from './settings';

export const load: PageLoad = async ({ params, depends }) => {
  depends('app:workspace');
  const workspace = await loadWorkspace(params.wid);
  // `GET /api/workspaces` answers the reveal rule too (workspaceSchema); loadWorkspace's type
  // (WorkspaceWithQuorum) names only the fields the verification pages read.
  return { workspace: workspace as typeof workspace & { revealRule: RevealRule } };
};
