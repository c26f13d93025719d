import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's root: the nearest folder above this module holding package.json. The same answer
 * whether the server runs from its TypeScript source (server/…) or from the compiled bundle (dist/server/…),
 * so files shipped beside the source (migrations, weights, demo documents) are found either way.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the repository, given from its root. */
export function fromRoot(...segments: string[]): string {
  return join(projectRoot, ...segments);
}

/** True when this code runs from the compiled bundle (`npm run build:server`), not from TypeScript through tsx. */
export const compiled = !fileURLToPath(import.meta.url).endsWith('.ts');
