import { api } from '$lib/api';
import { loadOrFail } from '$lib/load';
import type { DocumentsResponse } from '$lib/types';
import { loadWorkspace } from '$lib/verification';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  const workspace = await loadWorkspace(params.wid);
  const { documents } = await loadOrFail(() =>
    api.get<DocumentsResponse>(`/api/workspaces/${encodeURIComponent(workspace.id)}/documents`),
  );
  return { workspace, documents };
};
