import { api } from '$lib/api';
import type { InvitesResponse } from '$lib/invites';
import { loadOrFail } from '$lib/load';
import type { MembersResponse } from '$lib/types';
import { loadWorkspace } from '$lib/verification';
import { roleAtLeast } from '$shared/roles';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, depends }) => {
  depends('app:workspace', 'app:members', 'app:invites');
  const workspace = await loadWorkspace(params.wid);
  const wid = encodeURIComponent(workspace.id);
  // Only a lead may list the links (403 otherwise): the others get no invite section at all.
  const isLead = roleAtLeast(workspace.role, 'lead');
  const [{ members }, invites] = await loadOrFail(() =>
    Promise.all([
      api.get<MembersResponse>(`/api/workspaces/${wid}/members`),
      isLead ? api.get<InvitesResponse>(`/api/workspaces/${wid}/invites`).then((answer) => answer.invites) : null,
    ]),
  );
  return { workspace, members, invites };
};
