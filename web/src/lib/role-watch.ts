import { invalidateAll } from '$app/navigation';
import { api } from './api';
import type { Role } from './types';

/** How often an open workspace page asks whether the signed-in person's role there changed. */
export const ROLE_CHECK_MS = 5000;

/**
 * Keeps an open workspace page's rights in step with the person's role: every ROLE_CHECK_MS, and when
 * the tab comes back into view, the workspace list is read (one small request); when the role there
 * differs from the one the page was loaded with, or the membership is gone, the page's data is
 * loaded again (a removed member then gets the page's "no access" answer). Nothing reloads while the
 * role stays the same, so a form being filled in is never reset. Returns the function that stops it.
 */
export function watchRole(workspaceId: string, role: () => Role): () => void {
  let stopped = false;
  let checking = false;
  async function check() {
    if (stopped || checking || document.visibilityState === 'hidden') return;
    checking = true;
    try {
      const { workspaces } = await api.get<{ workspaces: Array<{ id: string; role: Role }> }>('/api/workspaces');
      const now = workspaces.find((w) => w.id === workspaceId)?.role ?? null;
      if (!stopped && now !== role()) await invalidateAll();
    } catch {
      // Offline or signed out: the page's own requests say so; try again at the next check.
    } finally {
      checking = false;
    }
  }
  const timer = setInterval(check, ROLE_CHECK_MS);
  const onVisible = () => void check();
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    stopped = true;
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
