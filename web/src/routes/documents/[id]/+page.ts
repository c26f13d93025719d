import { api } from '$lib/api';
import { isUuid } from '$shared/ids';
import { loadOrFail, requireUser } from '$lib/load';
import type { ClaimAnchorsResponse, DocumentResponse, WorkspacesResponse } from '$lib/types';
import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';

const NOT_FOUND = "This document does not exist or you don't have access.";

export const load: PageLoad = async ({ params }) => {
  await requireUser();
  if (!isUuid(params.id)) error(404, { message: NOT_FOUND, code: 'document_not_found' });
  // Asked for at the same time as the document and not waited for: the reader paints the claims'
  // highlights from it as soon as it arrives, before the shared document is loaded and decoded.
  // Null when it fails: the highlights then come with the shared document.
  const anchors = api
    .get<ClaimAnchorsResponse>(`/api/documents/${encodeURIComponent(params.id)}/claim-anchors`)
    .then(({ anchors }) => anchors)
    .catch(() => null);
  const [{ document }, { workspaces }] = await loadOrFail(
    () =>
      Promise.all([
        api.get<DocumentResponse>(`/api/documents/${encodeURIComponent(params.id)}`),
        api.get<WorkspacesResponse>('/api/workspaces'),
      ]),
    NOT_FOUND,
  );
  // For the breadcrumbs; a member always finds the document's workspace in their own list.
  const workspace = workspaces.find((w) => w.id === document.workspaceId) ?? null;
  return { document, workspace, anchors };
};
