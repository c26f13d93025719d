// The entry of a job worker thread. A worker thread does not share its parent's module loader: under
// vitest the server is loaded by vitest's own runner, so TypeScript support is registered here
// (tsx's API), and the same file serves `node --import tsx server/main.ts` in production.
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./tasks.ts');

export const { importDocument, suggest, anchorQuotes, reanchor } = tasks;
