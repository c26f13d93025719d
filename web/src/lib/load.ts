import { error, redirect } from '@sveltejs/kit';
import { ApiError } from './api';
import { withReturn } from './return-to';
import { session } from './session.svelte';

/** Where the navigation under way is going (the root layout says so before its loads run), or null on a fresh load. */
let navigatingTo: URL | null = null;

/** Called by the root layout's `beforeNavigate`: a load cannot read the address's hash, and `location` is still the old page. */
export function navigationStarted(to: URL | null): void {
  navigatingTo = to;
}

/**
 * To the sign-in page, which comes back here once signed in: `?next=` is the address asked for,
 * hash included, so a link to a claim (`/d/<id>#claim-<id>`) sent to someone signed out still lands on it.
 */
export function toSignIn(): never {
  const target = navigatingTo ?? new URL(location.href);
  const next = /^\/(login|signup)\b/.test(target.pathname) ? '/' : `${target.pathname}${target.search}${target.hash}`;
  redirect(303, withReturn('/login', next));
}

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
      toSignIn();
    }
    if (caught.status === 404 && notFoundMessage) error(404, { message: notFoundMessage, code: caught.code });
    // Status 0 (no answer) has no HTTP status of its own: show it as "service unavailable".
    const status = caught.status >= 400 && caught.status <= 599 ? caught.status : 503;
    error(status, { message: caught.message, code: caught.code });
  }
}

/** Redirects to /login (and back here afterwards) unless someone is signed in. */
export async function requireUser() {
  const user = await session.ensureLoaded();
  if (!user) toSignIn();
  return user;
}
