import { api } from '$lib/api';
import { isUuid } from '$shared/ids';
import { loadOrFail, requireUser } from '$lib/load';
import type { DocumentsResponse, MembersResponse, WorkspacesResponse } from '$lib/types';
import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';

const NOT_FOUND = "This workspace does not exist or you don't have access.";

export const load: PageLoad = async ({ params, depends }) => {
  depends('app:documents', 'app:members');
  await requireUser();
  if (!isUuid(params.wid)) error(404, { message: NOT_FOUND, code: 'workspace_not_found' });
  const wid = encodeURIComponent(params.wid);
  const [{ workspaces }, { documents }, { members }] = await loadOrFail(
    () =>
      Promise.all([
        api.get<WorkspacesResponse>('/api/workspaces'),
        api.get<DocumentsResponse>(`/api/workspaces/${wid}/documents`),
        api.get<MembersResponse>(`/api/workspaces/${wid}/members`),
      ]),
    NOT_FOUND,
  );
  // The caller's role comes from their own workspace list, which is also what proves membership.
  const workspace = workspaces.find((w) => w.id === params.wid);
  if (!workspace) error(404, { message: NOT_FOUND, code: 'workspace_not_found' });
  return { workspace, documents, members };
};
