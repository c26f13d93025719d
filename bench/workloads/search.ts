/**
 * Search: a workspace of 100 documents (different prose each) and 20k claims (200 per document,
 * each with a quote from its document, a note and one evidence item), written straight into the
 * tables (the search index follows by the triggers of migration 0010), on PostgreSQL and on PGlite.
 * Then `GET /api/workspaces/:wid/search` over HTTP for several queries, each repeated: p50 and p99.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createDb } from '../../db';
import { Api, createAccount, type BenchAccount } from '../servers/corroborate-api';
import { startServer, type RunningServer } from '../servers';
import { quantile, round } from '../stats';
import { prng, proseText, spreadAnchors } from './corpus';

export interface SearchContext {
  databaseUrl: string;
  quick: boolean;
  cpuProfileDir?: string;
  log(line: string): void;
}

const DOCUMENTS = 100;
const CLAIMS_PER_DOC = 200;
/** The targets of issue 17 on 20k claims in 100 documents, on both databases. */
export const SEARCH_TARGET = { p50Ms: 50, p99Ms: 150 };

/** The queries: common and rarer words, two words, a phrase, a word found nowhere, and one with a status filter. */
export const SEARCH_QUERIES: Array<{ label: string; query: string }> = [
  { label: 'budget', query: 'q=budget' },
  { label: 'water supply', query: 'q=water%20supply' },
  { label: '"annual growth"', query: 'q=%22annual%20growth%22' },
  { label: 'harbour exports inflation', query: 'q=harbour%20exports%20inflation' },
  { label: 'zebra (no match)', query: 'q=zebra' },
  { label: 'council, status open', query: 'q=council&status=open' },
];

const NOTE_WORDS = 'checked against the annual survey ministry figures source confirmed budget statement council harbour energy prices water supply region'.split(' ');

/** Signs up, creates the workspace and its documents over the API; returns what the seeding needs. */
async function prepare(server: RunningServer): Promise<{ account: BenchAccount; userId: string; docs: Array<{ id: string; text: string }> }> {
  const account = await createAccount(server.base);
  const api = new Api(server.base);
  api.token = account.token;
  const userId: string = (await api.expect(200, 'GET', '/api/me')).user.id;
  const docs: Array<{ id: string; text: string }> = [];
  // Imports go through the server's bounded job pool: four at a time.
  for (let i = 0; i < DOCUMENTS; i += 4) {
    const batch = Array.from({ length: Math.min(4, DOCUMENTS - i) }, (_, j) => {
      const text = proseText(CLAIMS_PER_DOC * 70, 100 + i + j);
      return api.expect(201, 'POST', `/api/workspaces/${account.workspaceId}/documents`, { title: `Search ${i + j + 1}`, text }).then((res) => ({ id: res.document.id as string, text }));
    });
    docs.push(...(await Promise.all(batch)));
  }
  return { account, userId, docs };
}

/** Writes `claimsPerDoc` claims per document (quotes from `text`) and their evidence, one statement per document and table (JSON rows, so the same SQL runs on PGlite). */
export async function seed(databaseUrl: string | undefined, dataDir: string, userId: string, docs: Array<{ id: string; text: string }>, claimsPerDoc = CLAIMS_PER_DOC): Promise<number> {
  const { db, close } = await createDb({ databaseUrl, dataDir });
  const rand = prng(23);
  const note = () => Array.from({ length: 6 + Math.floor(rand() * 8) }, () => NOTE_WORDS[Math.floor(rand() * NOTE_WORDS.length)]).join(' ');
  const started = performance.now();
  try {
    for (const doc of docs) {
      const rows = spreadAnchors(doc.text, claimsPerDoc).map((a) => ({ id: crypto.randomUUID(), s: a.start, e: a.end, x: a.exact, p: a.prefix, f: a.suffix, n: note(), c: Math.floor(rand() * 101) }));
      await db.execute(sql`
        insert into claims (id, document_id, start, "end", exact, prefix, suffix, note, confidence, created_by)
        select t.id, ${doc.id}::uuid, t.s, t.e, t.x, t.p, t.f, t.n, t.c, ${userId}::uuid
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(id uuid, s int, e int, x text, p text, f text, n text, c int)`);
      await db.execute(sql`
        insert into evidence (id, claim_id, position, kind, stance, url, title, excerpt, added_by)
        select gen_random_uuid(), t.id, 0, 'url', 'supports', 'https://example.org/source/' || t.id, 'Survey of ' || t.x, 'An excerpt: ' || t.n, ${userId}::uuid
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(id uuid, x text, n text)`);
    }
    await db.execute(sql`analyze`);
  } finally {
    await close();
  }
  return performance.now() - started;
}

/** Each query once to warm up, then `repeats` rounds over all of them; p50/p99 per query and over all. */
async function measure(server: RunningServer, account: BenchAccount, repeats: number) {
  const times = new Map<string, number[]>(SEARCH_QUERIES.map((q) => [q.label, []]));
  const hits = new Map<string, number>();
  for (let round = -1; round < repeats; round++) {
    for (const q of SEARCH_QUERIES) {
      const started = performance.now();
      const res = await fetch(`${server.base}/api/workspaces/${account.workspaceId}/search?${q.query}`, { headers: { authorization: `Bearer ${account.token}` }, signal: AbortSignal.timeout(60_000) });
      const body = (await res.json()) as { results?: unknown[] };
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`search ${q.label}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      hits.set(q.label, body.results?.length ?? 0);
      if (round >= 0) times.get(q.label)!.push(ms);
    }
  }
  const all = [...times.values()].flat();
  return {
    queries: SEARCH_QUERIES.map((q) => ({ label: q.label, results: hits.get(q.label), p50Ms: round(quantile(times.get(q.label)!, 0.5), 1), p99Ms: round(quantile(times.get(q.label)!, 0.99), 1) })),
    p50Ms: round(quantile(all, 0.5), 1),
    p99Ms: round(quantile(all, 0.99), 1),
    requests: all.length,
  };
}

/** One database: prepare over the API, stop the server, seed, start a fresh server, measure. */
async function onDatabase(kind: 'postgres' | 'pglite', ctx: SearchContext, repeats: number) {
  const dataDir = mkdtempSync(join(tmpdir(), `bench-search-${kind}-`));
  const databaseUrl = kind === 'postgres' ? ctx.databaseUrl : '';
  const start = (label: string) =>
    startServer('corroborate', { databaseUrl, env: { DATA_DIR: dataDir }, cpuProfileDir: ctx.cpuProfileDir ? `${ctx.cpuProfileDir}/search-${kind}-${label}` : undefined });
  try {
    let server = await start('setup');
    let prepared;
    try {
      prepared = await prepare(server);
    } finally {
      await server.stop();
    }
    // PGlite is a single-process database: the server must be stopped while this process writes into it.
    const seedMs = await seed(databaseUrl || undefined, join(dataDir, 'pglite'), prepared.userId, prepared.docs);
    ctx.log(`  ${kind}: ${DOCUMENTS} documents and ${DOCUMENTS * CLAIMS_PER_DOC} claims seeded in ${Math.round(seedMs)} ms`);
    server = await start('measure');
    try {
      const measured = await measure(server, prepared.account, repeats);
      ctx.log(`  ${kind}: ${measured.queries.map((q) => `${q.label} ${q.p50Ms}/${q.p99Ms} ms (${q.results})`).join('; ')}; all: p50 ${measured.p50Ms} ms, p99 ${measured.p99Ms} ms`);
      return { database: kind, documents: DOCUMENTS, claims: DOCUMENTS * CLAIMS_PER_DOC, seedMs: round(seedMs, 0), ...measured, meetsTarget: (measured.p50Ms ?? Infinity) < SEARCH_TARGET.p50Ms && (measured.p99Ms ?? Infinity) < SEARCH_TARGET.p99Ms };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runSearch(ctx: SearchContext): Promise<Record<string, unknown>> {
  const repeats = ctx.quick ? 5 : 30;
  const runs = [];
  for (const kind of ['postgres', 'pglite'] as const) {
    try {
      runs.push(await onDatabase(kind, ctx, repeats));
    } catch (err) {
      ctx.log(`  ${kind}: search failed: ${(err as Error).message}`);
      runs.push({ database: kind, error: (err as Error).message });
    }
  }
  return { target: SEARCH_TARGET, repeats, runs };
}
