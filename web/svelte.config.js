import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  // Runes mode for our own components; libraries in node_modules compile as they were written.
  vitePlugin: {
    dynamicCompileOptions: ({ filename }) => (filename.includes('node_modules') ? undefined : { runes: true }),
  },
  kit: {
    // A single-page app: the server serves web/build and answers unknown non-/api paths with 200.html.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
    // Modules the server and the browser share (the Y.Doc shape, the collab protocol, anchoring);
    // Kit also writes these into the generated tsconfig's paths.
    alias: {
      $shared: '../server/shared',
      $anchoring: '../server/anchoring',
    },
  },
};

export default config;
