import { error } from '@sveltejs/kit';
import { api, ApiError } from '$lib/api';
import type { InvitePreview } from '$lib/invites';
import { session } from '$lib/session.svelte';
import type { PageLoad } from './$types';

/**
 * What the link is for, signed in or not (`GET /api/invites/:token`). An unknown link is a page
 * of its own (`unknown`), not the error page: it says what to do next.
 */
export const load: PageLoad = async ({ params }) => {
  const user = await session.ensureLoaded();
  try {
    const { invite } = await api.get<{ invite: InvitePreview }>(`/api/invites/${encodeURIComponent(params.token)}`);
    return { token: params.token, invite, unknown: null, user };
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 404) return { token: params.token, invite: null, unknown: caught.message, user };
    if (caught instanceof ApiError) error(caught.status >= 400 && caught.status <= 599 ? caught.status : 503, { message: caught.message, code: caught.code });
    throw caught;
  }
};
