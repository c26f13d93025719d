import type { paths } from '$shared/api-types.generated';
import { invalidate } from '$app/navigation';
import { api } from '$lib/api';

type UpdateWorkspace = paths['/api/workspaces/{wid}']['patch'];

/** Body of `PATCH /api/workspaces/:wid`: the settings to change. */
export type WorkspaceChange = UpdateWorkspace['requestBody']['content']['application/json'];
/** The workspace as `PATCH /api/workspaces/:wid` answers it (with the caller's role). */
export type SavedWorkspace = UpdateWorkspace['responses'][200]['content']['application/json']['workspace'];
/** When a claim's blind verdicts are revealed: at the quorum (`quorum`) or only by a lead (`lead`). */
export type RevealRule = SavedWorkspace['revealRule'];

/**
 * Saves settings of a workspace (leads only; the server says so otherwise) and reloads every page's
 * copy of the workspace (`app:workspace`), so that the header and breadcrumbs show a new name at once.
 */
export async function saveWorkspace(workspaceId: string, change: WorkspaceChange): Promise<SavedWorkspace> {
  const { workspace } = await api.patch<{ workspace: SavedWorkspace }>(`/api/workspaces/${encodeURIComponent(workspaceId)}`, change);
  await invalidate('app:workspace');
  return workspace;
}
