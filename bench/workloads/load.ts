/**
 * Load: a document whose history is 100k small updates in `doc_updates` (written directly, in
 * batches). Time to open it by naive replay of the raw log and after compaction (the server's own
 * `loadStoredState` + replay in one transaction, in this process; and end to end, a client's
 * WebSocket until sync step 2 from a fresh server), and the log's size before and after.
 */
import pg from 'pg';
import * as Y from 'yjs';
import { createDb } from '../../db';
import { initServerFields } from '../../server/collab/authoritative';
import { compact, loadStoredState } from '../../server/collab/repository';
import { claimsOf, newClaim, newEvidence } from '../../server/shared/claim-doc';
import { createDocuments, type BenchAccount } from '../servers/corroborate-api';
import { startServer } from '../servers';
import { quantile, round, sleep } from '../stats';
import { prng, proseText, spreadAnchors } from './corpus';
import { openOverWebSocket } from './open-socket';

export interface LoadContext {
  databaseUrl: string;
  account: BenchAccount;
  quick: boolean;
  cpuProfileDir?: string;
  log(line: string): void;
}

const UPDATES = 100_000;
const BATCH = 5_000;

/**
 * A plausible history: 200 claims created (each with the server's fields filled in), then the way
 * people edit: confidence sliders dragged (runs of sets on one claim), notes typed a keystroke per
 * update at a cursor (and sometimes backspaced), evidence added, tags changed; a new Yjs client
 * every 2,000 updates (a new browser session).
 */
export function historyUpdates(text: string, count: number): Uint8Array[] {
  const rand = prng(11);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const claims = claimsOf(doc);
  const ids: string[] = [];
  for (const anchor of spreadAnchors(text, 200)) {
    const id = crypto.randomUUID();
    ids.push(id);
    doc.transact(() => claims.set(id, newClaim({ id, anchor, confidence: 50 })));
    doc.transact(() => initServerFields(claims.get(id)!, { id: '00000000-0000-4000-8000-000000000000', name: 'Bench' }));
  }
  const words = 'the figure is sourced from the annual survey see page 4 of the report '.split('');
  while (updates.length < count) {
    const claim = claims.get(ids[Math.floor(rand() * ids.length)])!;
    const op = rand();
    const burst = 3 + Math.floor(rand() * 18);
    for (let i = 0; i < burst && updates.length < count; i++) {
      if (updates.length % 2000 === 0) doc.clientID = Math.floor(rand() * 2 ** 31);
      if (op < 0.3) {
        claim.set('confidence', Math.floor(rand() * 101));
      } else if (op < 0.85) {
        const note = claim.get('note') as Y.Text;
        if (i === 0) (claim as unknown as { cursor: number }).cursor = Math.floor(rand() * (note.length + 1));
        const holder = claim as unknown as { cursor: number };
        if (op > 0.8 && holder.cursor > 0) note.delete(--holder.cursor, 1);
        else note.insert(holder.cursor++, words[(updates.length + i) % words.length]);
      } else if (op < 0.95) {
        const evidence = claim.get('evidence') as Y.Array<Y.Map<unknown>>;
        evidence.push([newEvidence({ id: crypto.randomUUID(), kind: 'url', stance: 'supports', url: `https://example.org/source/${updates.length}`, title: null, excerpt: null, documentId: null, anchor: null })]);
        break;
      } else {
        const tags = claim.get('tags') as Y.Array<string>;
        if (tags.length > 3) tags.delete(0, 1);
        else tags.push([`tag-${Math.floor(rand() * 20)}`]);
        break;
      }
    }
  }
  doc.destroy();
  return updates.slice(0, count);
}

function replay(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  Y.transact(doc, () => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

export async function runLoad(ctx: LoadContext): Promise<Record<string, unknown>> {
  const repeats = ctx.quick ? 2 : 5;
  const text = proseText(20_000);
  let server = await startServer('corroborate', { databaseUrl: ctx.databaseUrl });
  let documentId: string;
  let warmId: string;
  try {
    [documentId, warmId] = await createDocuments(server.base, ctx.account, 2, text);
  } finally {
    await server.stop();
  }

  const generated = performance.now();
  const updates = historyUpdates(text, UPDATES);
  const generateMs = performance.now() - generated;
  const pool = new pg.Pool({ connectionString: ctx.databaseUrl, max: 2 });
  const { db, close } = await createDb({ databaseUrl: ctx.databaseUrl, dataDir: 'memory://' });
  try {
    const inserting = performance.now();
    for (let i = 0; i < updates.length; i += BATCH) {
      await pool.query('insert into doc_updates (document_id, update) select $1, u from unnest($2::bytea[]) as u', [
        documentId,
        updates.slice(i, i + BATCH).map((u) => Buffer.from(u)),
      ]);
    }
    const insertMs = performance.now() - inserting;
    const size = async () => {
      const { rows } = await pool.query(
        `select (select count(*)::int from doc_updates where document_id = $1) as rows,
                (select coalesce(sum(octet_length(update)), 0)::bigint from doc_updates where document_id = $1) as log_bytes,
                (select coalesce(octet_length(state), 0) from doc_snapshots where document_id = $1) as snapshot_bytes`,
        [documentId],
      );
      return { rows: rows[0].rows as number, logBytes: Number(rows[0].log_bytes), snapshotBytes: Number(rows[0].snapshot_bytes ?? 0) };
    };
    const before = await size();
    ctx.log(`  ${before.rows} updates (${(before.logBytes / 1024).toFixed(0)} kB) written in ${Math.round(insertMs)} ms`);

    /** The server's own load path, in this process: read snapshot + log, replay in one transaction. */
    const openInProcess = async () => {
      const runs: Array<{ readMs: number; replayMs: number; doc: Y.Doc }> = [];
      for (let i = 0; i < repeats; i++) {
        const t0 = performance.now();
        const stored = await loadStoredState(db, documentId);
        const t1 = performance.now();
        const doc = replay(stored);
        runs.push({ readMs: t1 - t0, replayMs: performance.now() - t1, doc });
      }
      const median = (f: (r: (typeof runs)[number]) => number) => round(quantile(runs.map(f), 0.5), 1);
      return { readMs: median((r) => r.readMs), replayMs: median((r) => r.replayMs), totalMs: median((r) => r.readMs + r.replayMs), doc: runs[0].doc, runs: runs.length };
    };
    /**
     * End to end: a fresh server (its first document opened as a warm-up), then this one, cold:
     * the time until the client has sync step 2. With `warm`, the document is then closed, left to
     * unload, and opened again on the now warm server, `repeats` times (median).
     */
    const openEndToEnd = async (warm: boolean) => {
      server = await startServer('corroborate', {
        databaseUrl: ctx.databaseUrl,
        env: { COLLAB_IDLE_UNLOAD_MS: '200' },
        cpuProfileDir: ctx.cpuProfileDir ? `${ctx.cpuProfileDir}/load-${warm ? 'compacted' : 'raw'}` : undefined,
      });
      try {
        (await openOverWebSocket(server.port, warmId, ctx.account.token)).doc.destroy();
        const cold = await openOverWebSocket(server.port, documentId, ctx.account.token);
        cold.doc.destroy();
        const again: number[] = [];
        for (let i = 0; warm && i < repeats; i++) {
          await sleep(1500); // unloaded 200 ms after the last connection closes
          const opened = await openOverWebSocket(server.port, documentId, ctx.account.token);
          opened.doc.destroy();
          again.push(opened.ms);
        }
        return { coldMs: round(cold.ms, 1), warmMs: warm ? round(quantile(again, 0.5), 1) : null, stateBytes: cold.bytes };
      } finally {
        await server.stop();
      }
    };

    const raw = await openInProcess();
    const rawE2e = await openEndToEnd(false);
    ctx.log(`  naive replay of the raw log: read ${raw.readMs} ms + replay ${raw.replayMs} ms; end to end ${rawE2e.coldMs} ms (cold server)`);
    const compacting = performance.now();
    const folded = await compact(db, documentId);
    const compactMs = performance.now() - compacting;
    const after = await size();
    const compacted = await openInProcess();
    const compactedE2e = await openEndToEnd(true);
    ctx.log(`  compaction folded ${folded} rows in ${Math.round(compactMs)} ms; opening after it: read ${compacted.readMs} ms + replay ${compacted.replayMs} ms; end to end ${compactedE2e.coldMs} ms cold, ${compactedE2e.warmMs} ms warm`);
    const identical = JSON.stringify(raw.doc.toJSON()) === JSON.stringify(compacted.doc.toJSON());
    raw.doc.destroy();
    compacted.doc.destroy();
    const strip = ({ doc: _doc, ...rest }: Awaited<ReturnType<typeof openInProcess>>) => rest;
    return {
      updates: updates.length,
      generateMs: round(generateMs, 0),
      insertMs: round(insertMs, 0),
      logBefore: before,
      logAfter: after,
      compactMs: round(compactMs, 0),
      foldedRows: folded,
      openRawLog: { ...strip(raw), endToEndColdMs: rawE2e.coldMs, stateBytes: rawE2e.stateBytes },
      openCompacted: { ...strip(compacted), endToEndColdMs: compactedE2e.coldMs, endToEndWarmMs: compactedE2e.warmMs, stateBytes: compactedE2e.stateBytes },
      sameDocument: identical,
      targetMs: 200,
      meetsTarget: compactedE2e.warmMs !== null && compactedE2e.warmMs < 200,
    };
  } finally {
    await pool.end();
    await close();
  }
}
