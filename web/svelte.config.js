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
    // WEB_BUILD_DIR and KIT_OUT_DIR let several builds of one checkout coexist (parallel work on
    // one machine); the server reads the build from WEB_DIR (default web/build).
    adapter: adapter({ pages: process.env.WEB_BUILD_DIR ?? 'build', assets: process.env.WEB_BUILD_DIR ?? 'build', fallback: '200.html', strict: true }),
    outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
    // Modules the server and the browser share (the Y.Doc shape, the collab protocol, anchoring);
    // Kit also writes these into the generated tsconfig's paths.
    alias: {
      $shared: '../server/shared',
      $anchoring: '../server/anchoring',
    },
  },
};

export default config;
