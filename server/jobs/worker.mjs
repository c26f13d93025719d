// The entry of a job worker thread. A worker thread does not share its parent's module loader: under
// vitest the server is loaded by vitest's own runner, so TypeScript support is registered here
// (tsx's API), and the same file serves `npm run dev`. The compiled server (`npm start`) runs
// dist/server/jobs/tasks.js instead, built from tasks.ts by `npm run build:server`.
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./tasks.ts');

export const { importDocument, suggest, anchorQuotes, reanchor } = tasks;
