/**
 * The benchmark's clients. Every editing client owns one claim of the document (created once,
 * after every client connected) and edits its note. Raw clients (most of them) keep a tiny Y.Doc
 * holding only their own claim and edits, send each edit as one update frame and only count what
 * they receive. Measuring clients hold the whole Y.Doc, apply everything they receive, and report
 * each edit's arrival to the tracker.
 */
import { randomUUID } from 'node:crypto';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { benchAnchor, editToken, emptyStep2, forEachEdit, hocuspocusAuth, isWriteFrame, readMessage, syncMessage, updateMessage, type Framing } from './protocol';
import { RawWebSocket } from './raw-socket';
import type { Tracker } from './tracker';

export type ServerKind = 'corroborate' | 'y-websocket' | 'hocuspocus' | 'relay';

export interface TargetSpec {
  server: ServerKind;
  port: number;
  /** Corroborate: the API token passed as `?token=`. */
  token?: string;
}

export interface ClientSpec {
  id: number;
  /** Document id (Corroborate) or name (the others). */
  doc: string;
  measuring: boolean;
  sends: boolean;
}

export interface BenchClient {
  readonly spec: ClientSpec;
  /** The Yjs client id its edits carry. */
  readonly senderId: number;
  /** The id of the claim this client edits (created by `createClaim`). */
  readonly claimId: string;
  connect(): Promise<void>;
  /** Creates this client's claim in the document (once, before its first edit). */
  createClaim(): void;
  /** Whether this client's copy of the document holds the claim (measuring clients; raw ones do not know). */
  hasClaim(claimId: string): boolean;
  /** Sends one edit and tells the tracker its sequence number and send time. */
  edit(): void;
  close(): void;
  closedWith(): { code: number; reason: string } | null;
  bytesIn(): number;
  messagesIn(): number;
  /** Saved-acknowledgement latencies (Corroborate), as [send time, latency] pairs. */
  readonly acks: Array<[number, number]>;
  /** Edits sent in [from, to) not yet acknowledged as saved (measuring clients on Corroborate). */
  pendingAcks?(from: number, to: number): number;
}

const framingOf = (server: ServerKind): Framing => (server === 'hocuspocus' ? 'hocuspocus' : 'y-websocket');

function pathOf(target: TargetSpec, doc: string): string {
  if (target.server === 'corroborate') return `/collab/${doc}?token=${encodeURIComponent(target.token ?? '')}`;
  if (target.server === 'hocuspocus') return '/';
  return `/${encodeURIComponent(doc)}`;
}

/**
 * The claim a client owns, in the client's own Y.Doc: a claim as the web app creates it (`newClaim`:
 * a UUID id, an anchor on a word of the document's text, an empty note), and the benchmark's edit:
 * the note's text replaced by the edit's token (a delete and an insert in one transaction), so the
 * note stays a few characters long however many edits it takes.
 */
class OwnClaim {
  readonly id = randomUUID();
  private note: Y.Text | null = null;
  private seq = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly n: number,
  ) {}

  create(origin: string): void {
    if (this.note) return;
    this.doc.transact(() => {
      const map = newClaim({ id: this.id, anchor: benchAnchor(this.n) });
      claimsOf(this.doc).set(this.id, map);
      this.note = map.get('note') as Y.Text;
    }, origin);
  }

  /** Writes the next edit, after handing its sequence number (0, 1, 2, … per client) to `sent`. */
  edit(origin: string, sent: (seq: number) => void): void {
    const note = this.note;
    if (!note) throw new Error('edit before the claim was created');
    const seq = this.seq++;
    sent(seq);
    this.doc.transact(() => {
      if (note.length) note.delete(0, note.length);
      note.insert(0, editToken(seq));
    }, origin);
  }
}

const sees = (doc: Y.Doc, claimId: string) => claimsOf(doc).get(claimId) instanceof Y.Map;

/** A client that edits and counts bytes; never applies what it receives. */
export class RawClient implements BenchClient {
  readonly acks: Array<[number, number]> = [];
  private readonly doc = new Y.Doc();
  private readonly claim: OwnClaim;
  private readonly socket = new RawWebSocket();
  private readonly framing: Framing;
  private lastUpdate: Uint8Array | null = null;

  constructor(
    readonly spec: ClientSpec,
    private readonly target: TargetSpec,
    private readonly tracker: Tracker,
  ) {
    this.framing = framingOf(target.server);
    this.claim = new OwnClaim(this.doc, spec.id);
    this.doc.on('update', (update: Uint8Array) => (this.lastUpdate = update));
  }

  get senderId(): number {
    return this.doc.clientID;
  }

  get claimId(): string {
    return this.claim.id;
  }

  createClaim(): void {
    this.claim.create('claim');
    this.socket.send(updateMessage(this.framing, this.spec.doc, this.lastUpdate!));
  }

  hasClaim(): boolean {
    return false;
  }

  async connect(): Promise<void> {
    await this.socket.open(this.target.port, pathOf(this.target, this.spec.doc));
    // The least a client must say to be served: Hocuspocus wants its auth message; a y-websocket
    // server sends sync step 1, answered here in advance with an empty step 2. The relay wants nothing.
    if (this.framing === 'hocuspocus') this.socket.send(hocuspocusAuth(this.spec.doc));
    else if (this.target.server !== 'relay') this.socket.send(emptyStep2(this.framing, this.spec.doc));
  }

  edit(): void {
    this.claim.edit('edit', (seq) => this.tracker.sent(this.doc.clientID, seq, performance.now()));
    this.socket.send(updateMessage(this.framing, this.spec.doc, this.lastUpdate!));
  }

  close(): void {
    this.socket.close();
    this.doc.destroy();
  }

  closedWith() {
    return this.socket.closed;
  }

  bytesIn(): number {
    return this.socket.bytesIn;
  }

  messagesIn(): number {
    return this.socket.messagesIn;
  }
}

/** A measuring client on a y-websocket-protocol server (Corroborate, y-websocket, relay), with `ws`. */
export class MeasuringClient implements BenchClient {
  readonly acks: Array<[number, number]> = [];
  private readonly doc = new Y.Doc();
  private readonly claim: OwnClaim;
  private ws: WebSocket | null = null;
  private closed: { code: number; reason: string } | null = null;
  private bytes = 0;
  private messages = 0;
  /** Send time of each write frame of this socket that carried an edit (1-based, as the server counts). */
  private readonly frameTimes: number[] = [];
  private writeFrames = 0;
  private ackedFrames = 0;
  private editTime = 0;

  constructor(
    readonly spec: ClientSpec,
    private readonly target: TargetSpec,
    private readonly tracker: Tracker,
    private readonly receiverBit: number,
  ) {
    this.claim = new OwnClaim(this.doc, spec.id);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'edit') this.send(updateMessage('y-websocket', spec.doc, update), this.editTime);
      else if (origin === 'claim') this.send(updateMessage('y-websocket', spec.doc, update));
    });
  }

  get senderId(): number {
    return this.doc.clientID;
  }

  get claimId(): string {
    return this.claim.id;
  }

  createClaim(): void {
    this.claim.create('claim');
  }

  hasClaim(claimId: string): boolean {
    return sees(this.doc, claimId);
  }

  connect(): Promise<void> {
    const relay = this.target.server === 'relay';
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${this.target.port}${pathOf(this.target, this.spec.doc)}`, { perMessageDeflate: false });
      this.ws = ws;
      const timer = setTimeout(() => reject(new Error('measuring client: not synced in 15 s')), 15_000);
      let synced = false;
      const ready = () => {
        if (synced) return;
        synced = true;
        clearTimeout(timer);
        resolve();
      };
      ws.on('error', (err) => reject(err));
      ws.on('close', (code, reason) => {
        this.closed = { code, reason: reason.toString() };
        clearTimeout(timer);
        if (!synced) reject(new Error(`closed ${code} ${reason}`));
      });
      ws.on('open', () => {
        // The relay forwards sync messages to every other client, so there is nothing to sync with.
        if (relay) return ready();
        this.send(syncMessage('y-websocket', this.spec.doc, 0, Y.encodeStateVector(this.doc)));
      });
      ws.on('message', (data: Buffer) => {
        const now = performance.now();
        this.bytes += data.length;
        this.messages++;
        const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        const msg = readMessage('y-websocket', bytes);
        if (msg.kind === 'update') {
          forEachEdit(msg.update, (client, seq) => this.tracker.received(this.receiverBit, client, seq, now));
          Y.applyUpdate(this.doc, msg.update, 'remote');
          ready();
        } else if (msg.kind === 'step1' && !relay) {
          this.send(syncMessage('y-websocket', this.spec.doc, 1, Y.encodeStateAsUpdate(this.doc, msg.stateVector)));
        } else if (msg.kind === 'saved') {
          for (let f = this.ackedFrames + 1; f <= msg.frames; f++) {
            const t = this.frameTimes[f];
            if (t !== undefined) this.acks.push([t, now - t]);
          }
          this.ackedFrames = Math.max(this.ackedFrames, msg.frames);
        }
      });
    });
  }

  pendingAcks(from: number, to: number): number {
    let pending = 0;
    for (let f = this.ackedFrames + 1; f < this.frameTimes.length; f++) {
      const t = this.frameTimes[f];
      if (t !== undefined && t >= from && t < to) pending++;
    }
    return pending;
  }

  private send(message: Uint8Array, editTime?: number): void {
    if (!this.ws || this.ws.readyState !== this.ws.OPEN) return;
    if (isWriteFrame(message)) {
      this.writeFrames++;
      if (editTime !== undefined) this.frameTimes[this.writeFrames] = editTime;
    }
    this.ws.send(message);
  }

  edit(): void {
    this.claim.edit('edit', (seq) => {
      this.editTime = performance.now();
      this.tracker.sent(this.doc.clientID, seq, this.editTime);
    });
  }

  close(): void {
    this.ws?.terminate();
    this.doc.destroy();
  }

  closedWith() {
    return this.closed;
  }

  bytesIn(): number {
    return this.bytes;
  }

  messagesIn(): number {
    return this.messages;
  }
}

/** A measuring client on Hocuspocus: `@hocuspocus/provider` on its own websocket, with its incoming frames tapped. */
export class HocuspocusMeasuringClient implements BenchClient {
  readonly acks: Array<[number, number]> = [];
  private readonly doc = new Y.Doc();
  private readonly claim: OwnClaim;
  private socket: HocuspocusProviderWebsocket | null = null;
  private provider: HocuspocusProvider | null = null;
  private closed: { code: number; reason: string } | null = null;
  private bytes = 0;
  private messages = 0;

  constructor(
    readonly spec: ClientSpec,
    private readonly target: TargetSpec,
    private readonly tracker: Tracker,
    private readonly receiverBit: number,
  ) {
    this.claim = new OwnClaim(this.doc, spec.id);
  }

  get senderId(): number {
    return this.doc.clientID;
  }

  get claimId(): string {
    return this.claim.id;
  }

  // The provider sends every local transaction as an update.
  createClaim(): void {
    this.claim.create('claim');
  }

  hasClaim(claimId: string): boolean {
    return sees(this.doc, claimId);
  }

  connect(): Promise<void> {
    const tap = (data: Buffer | ArrayBuffer) => {
      const now = performance.now();
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      this.bytes += bytes.length;
      this.messages++;
      const msg = readMessage('hocuspocus', bytes);
      if (msg.kind === 'update') forEachEdit(msg.update, (client, seq) => this.tracker.received(this.receiverBit, client, seq, now));
    };
    const onClose = (code: number, reason: string) => (this.closed = { code, reason });
    // Taps every incoming frame before the provider's own handler applies it (same tick).
    class TappedSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { perMessageDeflate: false });
        this.on('message', tap);
        this.on('close', (code, reason) => onClose(code, reason.toString()));
      }
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('hocuspocus measuring client: not synced in 15 s')), 15_000);
      this.socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${this.target.port}`, WebSocketPolyfill: TappedSocket, maxAttempts: 1 });
      this.provider = new HocuspocusProvider({
        websocketProvider: this.socket,
        name: this.spec.doc,
        document: this.doc,
        token: 'bench',
        onSynced: () => {
          clearTimeout(timer);
          resolve();
        },
      });
      this.provider.attach();
    });
  }

  edit(): void {
    this.claim.edit('edit', (seq) => this.tracker.sent(this.doc.clientID, seq, performance.now()));
  }

  close(): void {
    this.provider?.destroy();
    this.socket?.destroy();
    this.doc.destroy();
  }

  closedWith() {
    return this.closed;
  }

  bytesIn(): number {
    return this.bytes;
  }

  messagesIn(): number {
    return this.messages;
  }
}

export function createClient(spec: ClientSpec, target: TargetSpec, tracker: Tracker, receiverBit: number): BenchClient {
  if (!spec.measuring) return new RawClient(spec, target, tracker);
  return target.server === 'hocuspocus'
    ? new HocuspocusMeasuringClient(spec, target, tracker, receiverBit)
    : new MeasuringClient(spec, target, tracker, receiverBit);
}
