import { error, redirect } from '@sveltejs/kit';
import { ApiError } from './api';
import { session } from './session.svelte';

/**
 * Runs a page's API calls inside a `load`: 401 sends the visitor to /login, any other ApiError
 * becomes the error page with the API's own sentence (or `notFoundMessage` for a 404).
 */
export async function loadOrFail<T>(fetchData: () => Promise<T>, notFoundMessage?: string): Promise<T> {
  try {
    return await fetchData();
  } catch (caught) {
    if (!(caught instanceof ApiError)) throw caught;
    if (caught.status === 401) {
      session.signedOut();
      redirect(303, '/login');
    }
    if (caught.status === 404 && notFoundMessage) error(404, { message: notFoundMessage, code: caught.code });
    // Status 0 (no answer) has no HTTP status of its own: show it as "service unavailable".
    const status = caught.status >= 400 && caught.status <= 599 ? caught.status : 503;
    error(status, { message: caught.message, code: caught.code });
  }
}

/** Redirects to /login unless someone is signed in. */
export async function requireUser() {
  const user = await session.ensureLoaded();
  if (!user) redirect(303, '/login');
  return user;
}
