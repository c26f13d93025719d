import type { Reroute } from '@sveltejs/kit';

/**
 * The app's public addresses are short: `/d/<id>` is a document in the reader, `/w/<wid>/…` a
 * workspace's pages (exports, links in the app and bookmarks use them). The route folders are
 * named for what they hold (`routes/documents/[id]`, `routes/workspaces/[wid]`), so each short
 * prefix is mapped to its folder here; the URL in the address bar stays as it is.
 */
const SHORT_PREFIXES: Record<string, string> = { d: 'documents', w: 'workspaces' };

/**
 * Kit's universal `reroute` hook: run by the client router for the first page (which the server
 * answers with the SPA fallback, 200.html) and for every client-side navigation.
 */
export const reroute: Reroute = ({ url }) => {
  const match = /^\/([dw])(\/.*)$/.exec(url.pathname);
  if (match) return `/${SHORT_PREFIXES[match[1]]}${match[2]}`;
};
