/**
 * Mixed load on one Corroborate server (PostgreSQL): a workspace of 20 documents, each with 250
 * claims in its tables (100 in a quick run) and 10 editing clients (one of them measuring), edited at a steady rate
 * while REST reads (a document, its claims, the workspace's document list), searches and a CSV
 * export of the whole workspace run at the same time. The p99 of each, from the same window.
 */
import type { ClientSpec, TargetSpec } from '../generator/clients';
import { backendPids } from '../db';
import { LoadGenerator } from '../load-generator';
import { Api, createDocuments, type BenchAccount } from '../servers/corroborate-api';
import { startServer } from '../servers';
import { quantile, round, sleep } from '../stats';
import { proseText } from './corpus';
import { invalidReason } from './fanout';
import { seed } from './search';

export interface MixedContext {
  databaseUrl: string;
  account: BenchAccount;
  quick: boolean;
  cpuProfileDir?: string;
  log(line: string): void;
}

const DOCUMENTS = 20;
const CLIENTS_PER_DOC = 10;
const SEARCHES = ['budget', 'water supply', 'council', 'annual survey'];

const summary = (values: number[]) => ({ n: values.length, p50Ms: round(quantile(values, 0.5), 1), p99Ms: round(quantile(values, 0.99), 1), maxMs: round(quantile(values, 1), 1) });

export async function runMixed(ctx: MixedContext): Promise<Record<string, unknown>> {
  const t = ctx.quick ? { claimsPerDoc: 100, rate: 100, warmupMs: 1000, windowMs: 6000, drainMs: 3000 } : { claimsPerDoc: 250, rate: 200, warmupMs: 2000, windowMs: 20_000, drainMs: 5000 };
  const server = await startServer('corroborate', { databaseUrl: ctx.databaseUrl, cpuProfileDir: ctx.cpuProfileDir ? `${ctx.cpuProfileDir}/mixed` : undefined });
  let generator: LoadGenerator | null = null;
  try {
    const api = new Api(server.base);
    api.token = ctx.account.token;
    const { workspace } = await api.expect(201, 'POST', '/api/workspaces', { name: 'Mixed load' });
    const account = { ...ctx.account, workspaceId: workspace.id as string };
    const userId: string = (await api.expect(200, 'GET', '/api/me')).user.id;
    // BENCH_TEXT documents (the editing clients anchor their claims on it), with their claims in the tables.
    const ids = await createDocuments(server.base, account, DOCUMENTS);
    await seed(ctx.databaseUrl, 'memory://', userId, ids.map((id, i) => ({ id, text: proseText(t.claimsPerDoc * 70, 300 + i) })), t.claimsPerDoc);
    const clients: ClientSpec[] = ids.flatMap((doc, d) => Array.from({ length: CLIENTS_PER_DOC }, (_, k) => ({ id: d * CLIENTS_PER_DOC + k, doc, measuring: k === CLIENTS_PER_DOC - 1, sends: true })));
    generator = LoadGenerator.start();
    const target: TargetSpec = { server: 'corroborate', port: server.port, token: account.token };
    const setup = await generator.setup(target, clients, server.pid);
    ctx.log(`  ${DOCUMENTS} documents × ${t.claimsPerDoc} claims; ${setup.connected} clients connected in ${setup.connectMs} ms`);
    if (setup.failed.length) throw new Error(`clients failed: ${setup.failed.join('; ')}`);

    const get = async (path: string, into: number[], failures: string[]) => {
      const started = performance.now();
      try {
        const res = await fetch(server.base + path, { headers: { authorization: `Bearer ${account.token}` }, signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (res.status === 200) into.push(performance.now() - started);
        else failures.push(`${path}: ${res.status}`);
      } catch (err) {
        failures.push(`${path}: ${(err as Error).message}`);
      }
    };
    const rest: number[] = [];
    const search: number[] = [];
    const exports: number[] = [];
    const failures: string[] = [];
    let running = true;
    const pids = await backendPids(server.appName).catch(() => []);
    const edits = generator.run({ rate: t.rate, warmupMs: t.warmupMs, windowMs: t.windowMs, drainMs: t.drainMs, backendPids: pids });
    await sleep(t.warmupMs);
    // Through the window: REST reads every 50 ms, a search every 250 ms, exports one after another.
    const readers = (async () => {
      for (let i = 0; running; i++) {
        const doc = ids[i % ids.length];
        const path = [`/api/documents/${doc}`, `/api/documents/${doc}/claims`, `/api/workspaces/${account.workspaceId}/documents`][i % 3];
        void get(path, rest, failures);
        await sleep(50);
      }
    })();
    const searchers = (async () => {
      for (let i = 0; running; i++) {
        void get(`/api/workspaces/${account.workspaceId}/search?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length])}`, search, failures);
        await sleep(250);
      }
    })();
    const exporters = (async () => {
      while (running) await get(`/api/workspaces/${account.workspaceId}/export?format=csv`, exports, failures);
    })();
    const r = await edits;
    running = false;
    await Promise.all([readers, searchers, exporters]);
    const reason = invalidReason(r);
    const result = {
      documents: DOCUMENTS,
      claims: DOCUMENTS * t.claimsPerDoc,
      clients: clients.length,
      editsPerSecond: t.rate,
      windowMs: t.windowMs,
      edits: { sentRate: r.sentRate, p50Ms: r.p50Ms, p99Ms: r.p99Ms, delivered: r.delivered, savedAckP50Ms: r.savedAckP50Ms, savedAckP99Ms: r.savedAckP99Ms },
      rest: summary(rest),
      search: summary(search),
      export: summary(exports),
      failures: failures.slice(0, 5),
      failureCount: failures.length,
      serverCpu: r.serverCpu,
      backendCpu: r.backendCpu,
      foreignCpu: r.foreignCpu,
      valid: reason === null,
      ...(reason ? { invalidReason: reason } : {}),
    };
    ctx.log(
      `  edits p99 ${r.p99Ms} ms (saved ack p99 ${r.savedAckP99Ms} ms, delivered ${r.delivered}); REST p99 ${result.rest.p99Ms} ms (n ${rest.length}); ` +
        `search p99 ${result.search.p99Ms} ms (n ${search.length}); export ${result.export.p50Ms} ms p50 (n ${exports.length}); ${failures.length} failures; server CPU ${Math.round(r.serverCpu * 100)}%${reason ? ` — ${reason}` : ''}`,
    );
    return result;
  } finally {
    await generator?.stop();
    await server.stop();
  }
}
