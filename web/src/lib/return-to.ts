/**
 * Where the sign-in and sign-up pages go once done: their `?next=` when it is a path of this app
 * (the invite page sends people there and back), else the workspace list.
 */
export function returnTo(url: URL): string {
  const next = url.searchParams.get('next');
  // Only a path on this origin: `//host` or `/\host` would leave the app (an open redirect).
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}

/** `path` with `?next=` added when the return is somewhere other than the workspace list. */
export function withReturn(path: string, next: string): string {
  return next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`;
}
