/**
 * Export: workspaces of 1k, 10k and 50k claims (3 evidence items and 5 votes each, verified,
 * revealed, rated and published, so every claim is also a ClaimReview), written straight into the
 * projection tables, exported in every format over HTTP: time, size, and the server's peak RSS
 * during the export. The 1k run shows whether memory grows with the number of claims (it should
 * not: the export streams page by page).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Api, createDocuments, type BenchAccount } from '../servers/corroborate-api';
import { startServer, type RunningServer } from '../servers';
import { rssKb, cpuSeconds } from '../proc';
import { round } from '../stats';
import { proseText, spreadAnchors } from './corpus';

export interface ExportContext {
  databaseUrl: string;
  account: BenchAccount;
  quick: boolean;
  cpuProfileDir?: string;
  log(line: string): void;
}

const VERDICTS = ['accurate', 'mostly_accurate', 'mixed', 'mostly_inaccurate', 'inaccurate'];
export const EXPORT_FORMATS = ['claimreview', 'annotations', 'csv', 'markdown'] as const;
/** The targets of issue 17: 10k claims in under 1 s and 50k in under 4 s, in every format. */
export const EXPORT_TARGET_MS: Record<number, number> = { 10_000: 1000, 50_000: 4000 };
const CLAIMS_PER_DOC = 500;

async function seed(pool: pg.Pool, api: Api, account: BenchAccount, claims: number, voters: string[], creator: string): Promise<string> {
  const { workspace } = await api.expect(201, 'POST', '/api/workspaces', { name: `Export ${claims}` });
  const text = proseText(CLAIMS_PER_DOC * 120);
  const docs = await createDocuments(api.base, { ...account, workspaceId: workspace.id }, Math.ceil(claims / CLAIMS_PER_DOC), text);
  const anchors = spreadAnchors(text, CLAIMS_PER_DOC);
  const { rows: cols } = await pool.query(`select column_name from information_schema.columns where table_name = 'claims' and column_name = 'revealed_at'`);
  const revealed = cols.length > 0;
  let n = 0;
  for (const doc of docs) {
    const count = Math.min(CLAIMS_PER_DOC, claims - n);
    const ids = Array.from({ length: count }, () => crypto.randomUUID());
    const a = anchors.slice(0, count);
    await pool.query(
      `insert into claims (id, document_id, start, "end", exact, prefix, suffix, status, confidence, note, created_by, sign_off_rating, signed_off_by, signed_off_at, sign_off_rationale, published_at${revealed ? ', revealed_at' : ''})
       select id, $2, s, e, x, p, f, 'verified', c, 'Checked against the annual survey.', $3, 'mostly_accurate', $3, now(), 'The survey agrees.', now()${revealed ? ', now()' : ''}
       from unnest($1::uuid[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::int[]) as t(id, s, e, x, p, f, c)`,
      [ids, doc, creator, a.map((x) => x.start), a.map((x) => x.end), a.map((x) => x.exact), a.map((x) => x.prefix), a.map((x) => x.suffix), ids.map((_, i) => (i * 37) % 101)],
    );
    const evClaims = ids.flatMap((id) => [id, id, id]);
    await pool.query(
      `insert into evidence (id, claim_id, position, kind, stance, url, title, excerpt, added_by)
       select gen_random_uuid(), c, p, 'url', (array['supports','refutes','context'])[p + 1]::stance,
              'https://example.org/source/' || c || '/' || p, 'Source ' || (p + 1), 'An excerpt of the source that supports the figure.', $3
       from unnest($1::uuid[], $2::int[]) as t(c, p)`,
      [evClaims, evClaims.map((_, i) => i % 3), creator],
    );
    const voteClaims = ids.flatMap((id) => voters.map(() => id));
    await pool.query(
      `insert into votes (claim_id, user_id, verdict, confidence, note)
       select c, u, v::verdict, 70, 'Matches the source.' from unnest($1::uuid[], $2::uuid[], $3::text[]) as t(c, u, v)`,
      [voteClaims, ids.flatMap(() => voters), voteClaims.map((_, i) => VERDICTS[(i * 7) % 3])],
    );
    n += count;
  }
  return workspace.id;
}

/** The export's live heap as it goes (bench/workloads/export-heap.ts in a child with --expose-gc). */
function liveHeap(databaseUrl: string, workspaceId: string): { claims: number; heapMbAfterGc: number[] } | null {
  const script = fileURLToPath(new URL('./export-heap.ts', import.meta.url));
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, databaseUrl, workspaceId], { encoding: 'utf8', timeout: 120_000 });
  try {
    return JSON.parse(result.stdout.trim().split('\n').pop()!);
  } catch {
    return null;
  }
}

/** Works around the export cursor's lost microseconds (see runExport): whole-millisecond document times. */
async function truncateDocumentTimes(pool: pg.Pool, workspaceId: string): Promise<void> {
  await pool.query(`update documents set created_at = date_trunc('milliseconds', created_at) where workspace_id = $1`, [workspaceId]);
}

/** One export over HTTP, the server's RSS sampled every 5 ms meanwhile. */
async function exportOnce(server: RunningServer, token: string, workspaceId: string, format: string, claims: number) {
  // An export that streams far more than its claims could fill (20 kB each) is repeating itself: stop it.
  const maxBytes = claims * 20_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  const rssBefore = rssKb(server.pid) ?? 0;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(server.pid) ?? 0)), 5);
  const cpu0 = cpuSeconds(server.pid) ?? 0;
  const started = performance.now();
  try {
    const res = await fetch(`${server.base}/api/workspaces/${workspaceId}/export?format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    if (res.status !== 200) return { status: res.status, body: (await res.text()).slice(0, 200) };
    let firstByteMs: number | null = null;
    let bytes = 0;
    try {
      for await (const chunk of res.body!) {
        firstByteMs ??= performance.now() - started;
        bytes += (chunk as Uint8Array).length;
        if (bytes > maxBytes) break;
      }
    } catch (err) {
      if (!controller.signal.aborted) throw err;
      return { status: 0, body: `the export of ${claims} claims did not finish within 60 s (${bytes} bytes received)` };
    }
    if (bytes > maxBytes) {
      controller.abort();
      return { status: 0, body: `the export of ${claims} claims streamed over ${maxBytes / 1e6} MB and was stopped: it repeats itself` };
    }
    const ms = performance.now() - started;
    return {
      status: 200,
      count: Number(res.headers.get('x-export-count')),
      ms: round(ms, 0),
      firstByteMs: round(firstByteMs, 0),
      bytes,
      serverCpuMs: round(((cpuSeconds(server.pid) ?? 0) - cpu0) * 1000, 0),
      rssBeforeKb: rssBefore,
      peakRssKb: peak,
      peakRssDeltaKb: peak - rssBefore,
    };
  } finally {
    clearInterval(sampler);
    clearTimeout(timer);
  }
}

export async function runExport(ctx: ExportContext): Promise<Record<string, unknown>> {
  const start = (label: string) =>
    startServer('corroborate', { databaseUrl: ctx.databaseUrl, cpuProfileDir: ctx.cpuProfileDir ? `${ctx.cpuProfileDir}/export-${label}` : undefined });
  let server = await start('setup');
  const pool = new pg.Pool({ connectionString: ctx.databaseUrl, max: 2 });
  try {
    let api = new Api(server.base);
    api.token = ctx.account.token;
    const probe = await api.request('GET', `/api/workspaces/${ctx.account.workspaceId}/export?format=csv`);
    if (probe.status === 404) return { skipped: 'not implemented yet (GET /api/workspaces/:wid/export answers 404)' };
    const creator: string = (await api.expect(200, 'GET', '/api/me')).user.id;
    const voters: string[] = [];
    for (let i = 0; i < 5; i++) {
      const voter = new Api(server.base);
      const { user } = await voter.expect(201, 'POST', '/api/auth/signup', { email: `voter-${i}-${crypto.randomUUID().slice(0, 8)}@example.test`, password: 'voter password 1', name: `Fact-checker ${i + 1}` });
      voters.push(user.id);
    }
    // A quick run stops at 10k claims (seeding and exporting 50k take minutes).
    const scales = ctx.quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
    const results: Record<string, unknown>[] = [];
    let bug: string | null = null;
    let lastWorkspace: string | null = null;
    for (const claims of scales) {
      const seeding = performance.now();
      const workspaceId = await seed(pool, api, ctx.account, claims, voters, creator);
      lastWorkspace = workspaceId;
      if (bug) await truncateDocumentTimes(pool, workspaceId);
      // A fresh server per scale, so its memory says what this export needs, not what an earlier one left.
      await server.stop();
      server = await start(String(claims));
      api = new Api(server.base);
      api.token = ctx.account.token;
      ctx.log(`  ${claims} claims seeded in ${Math.round(performance.now() - seeding)} ms`);
      for (const format of EXPORT_FORMATS) {
        const attempt = async () => {
          const runs = [];
          // A quick run exports once per format (cold); a full one warms up first and keeps the best of two.
          for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
            const run = await exportOnce(server, ctx.account.token, workspaceId, format, claims);
            runs.push(run);
            if (run.status !== 200) break;
          }
          return runs;
        };
        let runs = await attempt();
        let last = runs[runs.length - 1];
        if (last.status !== 200 && !bug) {
          // Seen here: the keyset cursor of server/export/repository.ts carries documents.created_at
          // as a JS Date (milliseconds) while PostgreSQL keeps microseconds, so the first page is
          // read again and again. Measure anyway with times truncated to milliseconds, and say so.
          bug = `${format} export of ${claims} claims: ${'body' in last ? last.body : last.status}`;
          ctx.log(`  ${bug}; measuring again with documents.created_at truncated to milliseconds`);
          await truncateDocumentTimes(pool, workspaceId);
          runs = await attempt();
          last = runs[runs.length - 1];
        }
        if (last.status !== 200) {
          const error = `${format} export of ${claims} claims failed: ${last.status ? `HTTP ${last.status} ` : ''}${'body' in last ? last.body : ''}`;
          ctx.log(`  ${error}`);
          return { error, bug, runs: results };
        }
        // The first run warms the server up; the fastest of the rest is reported, with the largest peak.
        const measured = (runs.length > 1 ? runs.slice(1) : runs) as Array<Extract<(typeof runs)[number], { ms: unknown }>>;
        const best = measured.reduce((a, b) => ((b.ms ?? Infinity) < (a.ms ?? Infinity) ? b : a));
        const peakDelta = Math.max(...measured.map((r) => r.peakRssDeltaKb));
        results.push({ claims, format, ...best, peakRssDeltaKb: peakDelta, coldMs: 'ms' in runs[0] ? runs[0].ms : null });
        ctx.log(`  ${format} × ${claims}: ${best.ms} ms (first byte ${best.firstByteMs} ms), ${(best.bytes / 1024 / 1024).toFixed(1)} MB, peak RSS +${Math.round(peakDelta / 1024)} MB`);
      }
    }
    const retained = liveHeap(ctx.databaseUrl, lastWorkspace!);
    if (retained) ctx.log(`  live heap while reading and formatting ${retained.claims} claims (after gc every 1,000): ${retained.heapMbAfterGc.join(', ')} MB`);
    const at = (claims: number, format: string) => results.find((r) => r.claims === claims && r.format === format) as { ms: number; peakRssDeltaKb: number; count: number };
    const meets = (claims: number) => EXPORT_FORMATS.every((f) => at(claims, f) && at(claims, f).ms < EXPORT_TARGET_MS[claims] && at(claims, f).count === claims);
    return {
      ...(bug ? { bug, workaround: 'documents.created_at truncated to milliseconds before exporting' } : {}),
      evidencePerClaim: 3,
      votesPerClaim: 5,
      runs: results,
      targetMs: EXPORT_TARGET_MS,
      meetsTimeTarget: meets(10_000) && (ctx.quick || meets(50_000)),
      meetsTimeTargetAt: { 10_000: meets(10_000), 50_000: ctx.quick ? null : meets(50_000) },
      // Peak RSS also counts garbage not yet collected; the live heap after each collection is what a
      // streaming export keeps flat (within 4 MB from the first 1,000 claims to the last).
      peakRssFlat: EXPORT_FORMATS.every((f) => at(scales[scales.length - 1], f).peakRssDeltaKb <= at(1_000, f).peakRssDeltaKb * 2 + 16 * 1024),
      liveHeap: retained,
      memoryFlat: retained ? Math.max(...retained.heapMbAfterGc) - Math.min(...retained.heapMbAfterGc) <= 4 : null,
    };
  } finally {
    await pool.end();
    await server.stop();
  }
}
