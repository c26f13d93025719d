/**
 * What the fault tests share: a workspace with a document on a running server, raw WebSocket
 * connections, reading what PostgreSQL holds, and editors that remember which of their edits the
 * server acknowledged as saved.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pg from 'pg';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { claimsOf, newClaim, type Anchor } from '../../server/shared/claim-doc';
import { AuthType, MessageType, SyncType } from '../../server/shared/collab-protocol';
import { Client, signUp } from '../helpers/client';
import type { CollabClient } from '../helpers/collab';
import { freePort } from '../helpers/server-process';

export const TEXT =
  'The harbour wall will protect 38,000 homes from a one-in-a-hundred-year flood. It will cost 1.2 billion euros, ' +
  'officials confirmed on Monday. UN reports suggest that between 5,500 and 6,000 people work in the port, ' +
  'and the 2,650 km-long coastline has lost 14 per cent of its dunes since 1990.';

/** An anchor for the `length` characters of TEXT starting at `start` (wrapping round, always valid). */
export function anchorAt(start: number, length = 12): Anchor {
  const s = start % (TEXT.length - length);
  return { start: s, end: s + length, exact: TEXT.slice(s, s + length), prefix: TEXT.slice(Math.max(0, s - 32), s), suffix: TEXT.slice(s + length, s + length + 32) };
}

export interface Team {
  wid: string;
  documentId: string;
  lead: Client;
  /** Annotators, each with an API token. */
  annotators: Array<{ client: Client; token: string }>;
  leadToken: string;
}

async function tokenFor(client: Client): Promise<string> {
  const res = await client.post('/api/tokens', { name: 'fault test' });
  if (res.status !== 201) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/** A lead, `annotators` annotators with API tokens, a workspace and one document holding TEXT. */
export async function setUpTeam(base: string, annotators = 3): Promise<Team> {
  const lead = await signUp(base, 'lead');
  const wid: string = (await lead.post('/api/workspaces', { name: 'Fault desk' })).body.workspace.id;
  const documentId = await newDocument(lead, wid);
  const list: Team['annotators'] = [];
  for (let i = 0; i < annotators; i++) {
    const client = await signUp(base, `annotator${i}`);
    const added = await lead.post(`/api/workspaces/${wid}/members`, { email: client.user!.email, role: 'annotator' });
    if (added.status !== 201) throw new Error(`member: ${added.status} ${JSON.stringify(added.body)}`);
    list.push({ client, token: await tokenFor(client) });
  }
  return { wid, documentId, lead, annotators: list, leadToken: await tokenFor(lead) };
}

export async function newDocument(lead: Client, wid: string, title = 'Harbour wall'): Promise<string> {
  const res = await lead.post(`/api/workspaces/${wid}/documents`, { title, text: TEXT });
  if (res.status !== 201) throw new Error(`document: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.document.id as string;
}

/** Runs `fn` with a connection to `databaseUrl`. */
export async function withPg<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The document as PostgreSQL holds it: its snapshot and log replayed into a fresh Y.Doc, read in
 * one repeatable-read transaction (so a compaction running meanwhile cannot make rows vanish).
 */
export function storedDoc(databaseUrl: string, documentId: string): Promise<Y.Doc> {
  return withPg(databaseUrl, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snap = await client.query('select state from doc_snapshots where document_id = $1', [documentId]);
    const rows = await client.query('select update from doc_updates where document_id = $1 order by seq', [documentId]);
    await client.query('COMMIT');
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      if (snap.rows[0]) Y.applyUpdate(doc, snap.rows[0].state);
      for (const row of rows.rows) Y.applyUpdate(doc, row.update);
    });
    return doc;
  });
}

/** The claims of the stored document as plain JSON. */
export async function storedClaims(databaseUrl: string, documentId: string): Promise<Record<string, any>> {
  const doc = await storedDoc(databaseUrl, documentId);
  const json = claimsOf(doc).toJSON();
  doc.destroy();
  return json;
}

/** Every row of the tables the collaboration server writes, as text, to compare before and after. */
export function storedRows(databaseUrl: string): Promise<Record<string, unknown[]>> {
  return withPg(databaseUrl, async (client) => {
    const q = async (sql: string) => (await client.query(sql)).rows;
    return {
      docUpdates: await q(`select seq::text, document_id, encode(update, 'hex') as update, user_id from doc_updates order by seq`),
      docSnapshots: await q(`select document_id, seq::text, encode(state, 'hex') as state from doc_snapshots order by document_id`),
      claims: await q(`select *, updated_at::text as updated, created_at::text as created from claims order by id`),
      evidence: await q(`select * from evidence order by claim_id, position`),
      claimEvents: await q(`select id::text, claim_id, action, field, "from", "to" from claim_events order by id`),
      auditLog: await q(`select id::text, document_id, action, detail from audit_log order by id`),
    };
  });
}

/** A raw WebSocket on `/collab/<documentId>` (no y-websocket): what it received and how it was closed. */
export interface RawConnection {
  ws: WebSocket;
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  /** Sends a sync update frame carrying `update`. */
  sendUpdate(update: Uint8Array): void;
  /** The highest "saved" acknowledgement received (frames committed), 0 if none. */
  savedFrames(): number;
}

export async function rawConnect(base: string, documentId: string, token?: string, opts: { open?: boolean } = {}): Promise<RawConnection> {
  const url = `${base.replace(/^http/, 'ws')}/collab/${documentId}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  const ws = new WebSocket(url);
  const received: Uint8Array[] = [];
  ws.binaryType = 'nodebuffer';
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  if (opts.open !== false) {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('close', (code) => reject(new Error(`closed before open: ${code}`)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
  }
  return {
    ws,
    received,
    closed,
    sendUpdate(update) {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MessageType.sync);
      encoding.writeVarUint(enc, SyncType.update);
      encoding.writeVarUint8Array(enc, update);
      ws.send(encoding.toUint8Array(enc));
    },
    savedFrames() {
      let max = 0;
      for (const m of received) {
        const d = decoding.createDecoder(m);
        if (decoding.readVarUint(d) === MessageType.auth && decoding.readVarUint(d) === AuthType.saved) max = Math.max(max, decoding.readVarUint(d));
      }
      return max;
    },
  };
}

/** Resolves with `promise`'s value, or rejects after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms).unref());
  return Promise.race([promise, timeout]);
}

export type Edit = { kind: 'create'; id: string } | { kind: 'confidence'; id: string; value: number };

interface CountingSocket {
  writeFrames: number;
  savedFrames: number;
  readyState: number;
}

/**
 * A collaboration client that makes claims and moves their confidence up, one edit per Yjs
 * transaction, and remembers which of its edits the server acknowledged as saved, two ways:
 * each time its SavedState turns 'saved', every edit made so far is durable; and each edit sent
 * is write frame number n of its socket, durable once that socket's saved count reaches n (the
 * acknowledgement's own meaning, which also covers edits made while others are still in flight).
 * Only the claim's creator sets its confidence, always upwards, so the stored value can never be
 * below an acknowledged one.
 */
export class Editor {
  readonly edits: Edit[] = [];
  /** Per edit: the socket it went out on and its write frame number there (null when sent offline). */
  private readonly frames: Array<{ socket: CountingSocket; frame: number } | null> = [];
  /** How many of `edits` (a prefix) SavedState reported as saved. */
  savedByStatus = 0;
  private readonly mine: string[] = [];
  private readonly level = new Map<string, number>();
  private next = 0;

  constructor(
    readonly client: CollabClient,
    private readonly seed: number,
  ) {
    client.saved.subscribe((status) => {
      if (status === 'saved') this.savedByStatus = this.edits.length;
    });
  }

  /** How many of `edits` (a prefix) the server acknowledged as saved, by either account. */
  get acked(): number {
    let byFrames = 0;
    while (byFrames < this.frames.length) {
      const f = this.frames[byFrames];
      if (!f || f.socket.savedFrames < f.frame) break;
      byFrames++;
    }
    return Math.max(byFrames, this.savedByStatus);
  }

  private record(edit: Edit): void {
    this.edits.push(edit);
    // y-websocket sends an update synchronously from the doc's update event, so the frame is counted by now.
    const socket = this.client.provider.ws as unknown as CountingSocket | null;
    const sent = socket && this.client.provider.wsconnected && socket.readyState === 1;
    this.frames.push(sent ? { socket, frame: socket.writeFrames } : null);
  }

  /** One edit: a new claim (about a third of the time, at most 40 per editor), else a confidence step. */
  step(): void {
    this.next++;
    const claims = claimsOf(this.client.doc);
    if (this.mine.length === 0 || (this.mine.length < 40 && (this.next + this.seed) % 3 === 0)) {
      const id = crypto.randomUUID();
      claims.set(id, newClaim({ id, anchor: anchorAt(this.seed * 7 + this.next * 13), confidence: 0 }));
      this.mine.push(id);
      this.level.set(id, 0);
      this.record({ kind: 'create', id });
      return;
    }
    const id = this.mine[(this.next * 7 + this.seed) % this.mine.length];
    const value = Math.min(100, this.level.get(id)! + 1);
    this.level.set(id, value);
    claims.get(id)?.set('confidence', value);
    this.record({ kind: 'confidence', id, value });
  }

  /** The confidence this editor last set on each of its claims, over the first `count` edits. */
  expected(count = this.edits.length): Map<string, number> {
    const out = new Map<string, number>();
    for (const e of this.edits.slice(0, count)) out.set(e.id, e.kind === 'create' ? 0 : e.value);
    return out;
  }
}

/** JSON with object keys sorted, so two Y.Docs that integrated the same keys in another order compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A PostgreSQL cluster of the test's own (initdb into a temporary directory, trust auth, its own
 * port, socket in /tmp), so it can be stopped and started without touching the shared one.
 * initdb refuses to run as root: as root, the commands run as the `postgres` user.
 */
export interface ThrowawayCluster {
  url: string;
  port: number;
  start(): void;
  /** `pg_ctl stop -m fast`: disconnects every client at once. */
  stop(): void;
  running(): boolean;
  /** Stops it if running and removes its directory. */
  destroy(): void;
}

export async function throwawayCluster(bin = '/usr/lib/postgresql/15/bin'): Promise<ThrowawayCluster> {
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-pg-'));
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (cmd: string, args: string[]) =>
    execFileSync(root ? 'runuser' : join(bin, cmd), root ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args, { stdio: 'pipe', timeout: 60_000 });
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off`;
  let up = false;
  const cluster: ThrowawayCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start() {
      run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
      up = true;
    },
    stop() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      up = false;
    },
    running: () => up,
    destroy() {
      if (up) {
        try {
          cluster.stop();
        } catch {
          // Already gone: the directory is removed anyway.
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
