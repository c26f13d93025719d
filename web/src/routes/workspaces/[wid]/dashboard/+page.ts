import { api } from '$lib/api';
import { isUuid } from '$shared/ids';
import { loadOrFail } from '$lib/load';
import type { DocumentsResponse } from '$lib/types';
import { loadWorkspace } from '$lib/verification';
import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';
import type { Dashboard } from './dashboard';

const NO_DOCUMENT = 'That document is not in this workspace, or it no longer exists.';

export const load: PageLoad = async ({ params, url, depends }) => {
  depends('app:dashboard');
  const workspace = await loadWorkspace(params.wid);
  const wid = encodeURIComponent(workspace.id);
  // `?document=<id>` narrows the dashboard to one document.
  const documentId = url.searchParams.get('document');
  if (documentId !== null && !isUuid(documentId)) error(404, { message: NO_DOCUMENT, code: 'document_not_found' });
  const [{ documents }, dashboard] = await loadOrFail(
    () =>
      Promise.all([
        api.get<DocumentsResponse>(`/api/workspaces/${wid}/documents`),
        api.get<Dashboard>(
          documentId ? `/api/documents/${encodeURIComponent(documentId)}/dashboard` : `/api/workspaces/${wid}/dashboard`,
        ),
      ]),
    NO_DOCUMENT,
  );
  // The document endpoint answers for any document of the caller's; this page shows only this workspace's.
  const selected = documentId ? documents.find((d) => d.id === documentId) : null;
  if (selected === undefined) error(404, { message: NO_DOCUMENT, code: 'document_not_found' });
  return { workspace, documents, selected, dashboard };
};
