import { api } from '$lib/api';
import { loadOrFail, requireUser } from '$lib/load';
import type { WorkspacesResponse } from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ depends }) => {
  depends('app:workspaces');
  await requireUser();
  const { workspaces } = await loadOrFail(() => api.get<WorkspacesResponse>('/api/workspaces'));
  return { workspaces };
};
