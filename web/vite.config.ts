import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/** Where `vite dev` forwards the API, the OpenAPI docs and the collaboration WebSocket. */
const server = process.env.API_ORIGIN ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [sveltekit()],
  ssr: {
    // Kit's build-time server bundle imports `cookie` ^0.6; bundling it resolves Kit's own nested
    // copy instead of the top-level cookie 2.x that @fastify/cookie hoists (a different API).
    noExternal: ['cookie'],
  },
  build: {
    // Rolldown reports callbacks slower than ~1 s; Kit's writeBundle (analysis and the adapter)
    // always is, and there is nothing to act on.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    // changeOrigin stays false so the API sees the browser's own Host (localhost:5173): its Origin
    // check on cookie-authenticated writes accepts same-host requests. (Vite's string shorthand
    // would rewrite Host to the target and every write would be refused as cross-origin.)
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/docs': { target: server, changeOrigin: false },
      '/collab': { target: server, changeOrigin: false, ws: true },
    },
  },
});
