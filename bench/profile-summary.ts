/**
 * `node --import tsx bench/profile-summary.ts <file.cpuprofile> [top]`: the functions with the most
 * self time in a V8 CPU profile (from `npm run bench -- --cpu-prof`), and the heaviest call paths
 * into them: what to look at first when a target is missed.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

export function summarize(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = profile.samples.length;
  const name = (n: Node) => {
    const url = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|bench|db)\//, '$1/');
    return `${n.callFrame.functionName || '(anonymous)'} ${url ? `${url}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
  };
  const self = new Map<string, number>();
  const paths = new Map<string, Map<string, number>>();
  for (const id of profile.samples) {
    const n = byId.get(id)!;
    const key = name(n);
    self.set(key, (self.get(key) ?? 0) + 1);
    // The three nearest callers, to say where the time comes from.
    const chain: string[] = [];
    for (let p = parent.get(id); p !== undefined && chain.length < 3; p = parent.get(p)) chain.push(name(byId.get(p)!));
    const byPath = paths.get(key) ?? new Map<string, number>();
    byPath.set(chain.join(' < '), (byPath.get(chain.join(' < ')) ?? 0) + 1);
    paths.set(key, byPath);
  }
  const ms = (profile.endTime - profile.startTime) / 1000;
  const lines = [`${file}: ${total} samples over ${ms.toFixed(0)} ms`];
  for (const [key, hits] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const [path] = [...paths.get(key)!.entries()].sort((a, b) => b[1] - a[1]);
    lines.push(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${key}\n         ← ${path[0]}`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(summarize(process.argv[2], Number(process.argv[3] ?? 15)));
