/**
 * A private production build of the web app for the rendering benchmark: web/ (with the server
 * modules it imports) is copied to a temporary directory and built there, so the benchmark sees
 * one consistent snapshot of the code and never rewrites web/build under someone else's tests.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../servers';

export interface WebBuild {
  dir: string;
  /** 'private' (built here now) or 'existing' (web/build, when the private build failed). */
  source: 'private' | 'existing';
  buildMs: number | null;
  note?: string;
  cleanup(): void;
}

export function buildWeb(): WebBuild {
  const root = mkdtempSync(join(tmpdir(), 'bench-web-'));
  const cleanup = () => rmSync(root, { recursive: true, force: true });
  const started = performance.now();
  try {
    mkdirSync(join(root, 'web'));
    mkdirSync(join(root, 'server'));
    cpSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
    for (const item of ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json']) {
      if (existsSync(join(repoRoot, 'web', item))) cpSync(join(repoRoot, 'web', item), join(root, 'web', item), { recursive: true });
    }
    // What the web app imports through $shared and $anchoring.
    for (const dir of ['shared', 'anchoring']) cpSync(join(repoRoot, 'server', dir), join(root, 'server', dir), { recursive: true });
    const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build'], {
      cwd: join(root, 'web'),
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (result.status === 0 && existsSync(join(root, 'web/build/200.html'))) {
      return { dir: join(root, 'web/build'), source: 'private', buildMs: Math.round(performance.now() - started), cleanup };
    }
    throw new Error(`vite build failed (${result.status ?? result.signal}): ${(result.stderr || result.stdout).slice(-3000)}`);
  } catch (err) {
    cleanup();
    const existing = join(repoRoot, 'web/build');
    if (!existsSync(join(existing, '200.html'))) throw err;
    return { dir: existing, source: 'existing', buildMs: null, note: `private build failed, used web/build: ${(err as Error).message}`, cleanup: () => {} };
  }
}
