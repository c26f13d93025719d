import { anchorFromRange, type Anchor } from '$anchoring';
import { CLAIM_FIELDS, claimsOf, newClaim, newEvidence, type ClaimMap, type ClaimState, type EvidenceKind, type Stance } from '$shared/claim-doc';
import { CloseCode } from '$shared/collab-protocol';
import { DOCUMENT_KEY, documentVersionOf, isPlacedOn, type DocumentVersionInfo } from '$shared/document-version';
import { dismissalsRevisionOf } from '$shared/suggestion-dismissals';
import { roleAtLeast, type Role } from '$shared/roles';
import { countingWebSocket, SavedState, type SavedStatus } from '$shared/saved-state';
import { api } from '$lib/api';
import { newId } from '$lib/ids';
import type { Document, Workspace } from '$lib/types';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ClaimsMirror } from './claims-mirror';
import { describeClose, isPermanentClose, type ConnectionProblem } from './close-reasons';
import { colorFor, distinctColors, peersFrom, type Peer, type PresenceUser } from './presence';
import { throttle, type Throttled } from './throttle';

export interface RoomOptions {
  documentId: string;
  /** The document's canonical text, for anchoring new claims, and the version it is. */
  text: string;
  version: number;
  user: { id: string; name: string };
  /** A viewer: the room still receives everything live; the page disables its controls (the server refuses their writes anyway). */
  readOnly: boolean;
  /**
   * Wait for `open()` before loading this device's copy and connecting (the reader first paints
   * the highlights from the claims' anchors: decoding a large shared document is one long task).
   */
  openLater?: boolean;
}

/** Evidence as the add form gathers it; `id`, `addedBy` and `addedAt` are filled in here and by the server. */
export interface EvidenceInput {
  kind: EvidenceKind;
  stance: Stance;
  url?: string | null;
  title?: string | null;
  excerpt?: string | null;
  documentId?: string | null;
  anchor?: Anchor | null;
}

/** A new version that reached this open reader: who uploaded it, when, and how many claims it left unplaced. */
export interface VersionNotice {
  version: number;
  uploadedBy: string | null;
  uploadedAt: string;
}

/** At most one confidence update per this many milliseconds while a slider is dragged (≤ 10 a second). */
export const CONFIDENCE_INTERVAL_MS = 100;
/** How long the connection waits for this device's copy (IndexedDB) before connecting without it. */
const LOCAL_COPY_TIMEOUT_MS = 10_000;
/** Text selections are shared with the others at most this often. */
const SELECTION_INTERVAL_MS = 80;

/**
 * One open document's collaboration client, the only place the page touches Yjs: the Y.Doc, the
 * WebSocket provider, presence (awareness), the saved acknowledgement, the copy kept on this device
 * (IndexedDB) and undo of deletions. Everything the page shows is reactive state here; everything
 * it changes goes through the actions.
 */
export class Room {
  /** Every claim of the document as plain values, in text order; replaced on every change. */
  claims = $state.raw<ClaimState[]>([]);
  /** Whether this person's edits are durable on the server (or kept on this device while offline), or were refused ('denied'). */
  saved = $state<SavedStatus>('connecting');
  /** The server's reason when it refused a write on this connection (saved is 'denied'); null otherwise. */
  deniedReason = $state<string | null>(null);
  /** The other people in the document, one entry per open tab. */
  peers = $state.raw<Peer[]>([]);
  /** Why the connection stopped or stalls, in words; null while all is well. */
  problem = $state<ConnectionProblem | null>(null);
  /** Whether the most recent deletion by this person can be undone. */
  canUndoDelete = $state(false);
  /** Whether evidence this person removed can be put back (`undoRemoveEvidence`). */
  canUndoRemoveEvidence = $state(false);

  readonly documentId: string;
  /** The text this reader shows (the current version's); swapped in place when a new version arrives. */
  text = $state('');
  /** The version of `text`. */
  version = $state(1);
  /** The version the shared document announces (who uploaded it, when); null until a first new version. */
  announced = $state.raw<DocumentVersionInfo | null>(null);
  /** Bumped by the server whenever a suggestion is dismissed or restored (suggestions.svelte.ts refetches them). */
  dismissalsRevision = $state(0);
  /** Set when a new version arrived while this reader was open; cleared by `dismissVersionNotice`. */
  versionNotice = $state.raw<VersionNotice | null>(null);
  /** This person, in the colour the others are shown in this tab (distinct from theirs). */
  me = $state.raw<PresenceUser>({ id: '', name: '', color: '' });
  /** A viewer; updated when the server reports a role change (4409). */
  readOnly = $state(false);
  /** This person's role as learned after a role change (4409); null until one, when the page's own is current. */
  role = $state<Role | null>(null);
  /** Whether edits are kept on this device (IndexedDB) until the server has them. */
  readonly keptOnDevice: boolean;

  #serverSynced = $state(false);
  #fetchingText = false;
  #localLoaded = $state(false);
  #offline = false;
  /** Set once this device's copy has loaded (or could not be): only then may the provider connect. */
  #mayConnect = false;
  /** Set by `open()`: this device's copy is being loaded, the connection follows. */
  #opened = false;
  /** The name of this person's copy of the document on this device (IndexedDB). */
  readonly #localName: string;
  readonly #doc = new Y.Doc();
  readonly #claims: Y.Map<ClaimMap>;
  readonly #provider: WebsocketProvider;
  readonly #savedState: SavedState;
  /** The copy on this device; null where the browser has no IndexedDB, or until `open()`. */
  #persistence: IndexeddbPersistence | null = null;
  readonly #undo: Y.UndoManager;
  /** The transaction origin of this person's deletions: the only changes the undo manager tracks. */
  readonly #deleteOrigin = { action: 'delete claim' };
  /** Evidence removals have their own undo, so undoing one never brings back a deleted claim (or the reverse). */
  readonly #evidenceUndo: Y.UndoManager;
  readonly #removeEvidenceOrigin = { action: 'remove evidence' };
  readonly #confidence = new Map<string, Throttled<[number | null]>>();
  readonly #shareSelection: Throttled<[{ start: number; end: number } | null]>;
  readonly #cleanup: Array<() => void> = [];

  constructor({ documentId, text, version, user, readOnly, openLater = false }: RoomOptions) {
    this.documentId = documentId;
    this.text = text;
    this.version = version;
    this.readOnly = readOnly;
    this.me = { id: user.id, name: user.name, color: colorFor(user.id) };

    this.#claims = claimsOf(this.#doc);
    const mirror = new ClaimsMirror(this.#claims);
    this.#claims.observeDeep((events) => (this.claims = mirror.update(events)));
    // The server announces each new version here (a root map only it may write); the new text is
    // fetched and swapped in, and the claims re-anchored onto it arrive in the same update.
    const versionMap = this.#doc.getMap(DOCUMENT_KEY);
    const onVersion = () => {
      this.dismissalsRevision = dismissalsRevisionOf(this.#doc);
      this.announced = documentVersionOf(this.#doc);
      if (this.announced && this.announced.version > this.version) void this.#fetchCurrentText();
    };
    versionMap.observe(onVersion);
    this.#cleanup.push(() => versionMap.unobserve(onVersion));

    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.#provider = new WebsocketProvider(`${scheme}://${location.host}/collab`, documentId, this.#doc, {
      // SavedState must be installed before the first frame is sent (saved-state.ts).
      connect: false,
      WebSocketPolyfill: countingWebSocket(WebSocket),
      // Every tab talks to the server, which fans changes out; a cross-tab channel would only repeat that.
      disableBc: true,
      maxBackoffTime: 5000,
      // y-websocket gives up on every 44xx; after 4409 (a role change) it must reconnect with the new role.
      shouldReconnect: (event: CloseEvent) => !isPermanentClose(event.code),
    });
    this.#savedState = new SavedState(this.#provider);
    this.#cleanup.push(this.#savedState.subscribe(() => this.#updateSaved()));

    // Keyed by user as well: two people sharing a browser never see each other's unsent edits.
    this.keptOnDevice = typeof indexedDB !== 'undefined';
    this.#localName = `corroborate:${user.id}:${documentId}`;

    this.#undo = new Y.UndoManager(this.#claims, { trackedOrigins: new Set([this.#deleteOrigin]), captureTimeout: 0 });
    const onStack = () => (this.canUndoDelete = this.#undo.undoStack.length > 0);
    this.#undo.on('stack-item-added', onStack);
    this.#undo.on('stack-item-popped', onStack);
    this.#evidenceUndo = new Y.UndoManager(this.#claims, { trackedOrigins: new Set([this.#removeEvidenceOrigin]), captureTimeout: 0 });
    const onEvidenceStack = () => (this.canUndoRemoveEvidence = this.#evidenceUndo.undoStack.length > 0);
    this.#evidenceUndo.on('stack-item-added', onEvidenceStack);
    this.#evidenceUndo.on('stack-item-popped', onEvidenceStack);

    this.#provider.on('sync', (synced: boolean) => {
      this.#updateSaved();
      if (!synced) return;
      this.#serverSynced = true;
      if (this.problem && !this.problem.permanent) this.problem = null;
    });
    this.#provider.on('connection-close', (event: CloseEvent | null) => {
      // null: we closed it ourselves (offline, leaving the page).
      if (event) this.#closed(event.code);
    });

    const awareness = this.#provider.awareness;
    awareness.setLocalState({ user: this.me });
    const onPresence = () => {
      const peers = peersFrom(awareness.getStates() as Map<number, Record<string, unknown>>, this.#doc.clientID);
      const colors = distinctColors([user.id, ...peers.map((p) => p.user.id)]);
      this.peers = peers.map((p) => ({ ...p, user: { ...p.user, color: colors.get(p.user.id)! } }));
      if (colors.get(user.id) !== this.me.color) this.me = { ...this.me, color: colors.get(user.id)! };
    };
    awareness.on('change', onPresence);
    this.#cleanup.push(() => awareness.off('change', onPresence));
    this.#shareSelection = throttle((selection) => awareness.setLocalStateField('selection', selection), SELECTION_INTERVAL_MS);

    // A browser going offline may keep a dead WebSocket open for a long while; act on its events at once.
    this.#listen(window, 'offline', () => {
      this.#offline = true;
      this.#provider.disconnect();
      this.#updateSaved();
    });
    this.#listen(window, 'online', () => {
      this.#offline = false;
      if (!this.problem?.permanent && this.#mayConnect) this.#provider.connect();
      this.#updateSaved();
    });
    // The last value of a drag in progress is sent before the page goes away.
    this.#listen(window, 'pagehide', () => this.#confidence.forEach((send) => send.flush()));

    if (!openLater) this.open();
  }

  /**
   * Loads this device's copy of the document, then connects (`#connectAfterLocalCopy`). Done by
   * the constructor unless `openLater`; calling it again does nothing.
   */
  open(): void {
    if (this.#opened || this.#doc.isDestroyed) return;
    this.#opened = true;
    if (this.keptOnDevice) {
      this.#persistence = new IndexeddbPersistence(this.#localName, this.#doc);
      void this.#persistence.whenSynced.then(() => (this.#localLoaded = true));
    }
    this.#connectAfterLocalCopy();
  }

  /**
   * Connects once this device's copy is in the document. The provider sends every change to the
   * document as an update: had it connected first, the copy loading from IndexedDB would go up
   * whole (megabytes for a large document, past the frame limit: closed with 4413). Loaded first,
   * the sync sends only differences: our state vector (step 1) brings only what this copy lacks,
   * and our answer to the server's (step 2) only what the server lacks. A browser whose IndexedDB
   * never answers (blocked, broken) connects after LOCAL_COPY_TIMEOUT_MS without it.
   */
  #connectAfterLocalCopy(): void {
    const connect = () => {
      if (this.#mayConnect || this.#doc.isDestroyed) return;
      this.#mayConnect = true;
      if (!this.#offline) this.#provider.connect();
    };
    if (!this.#persistence) return connect();
    const timer = setTimeout(connect, LOCAL_COPY_TIMEOUT_MS);
    this.#cleanup.push(() => clearTimeout(timer));
    void this.#persistence.whenSynced.then(() => {
      clearTimeout(timer);
      connect();
    });
  }

  /** True once the claims shown are the server's, or this device's copy when the server is out of reach. */
  get ready(): boolean {
    return this.#serverSynced || (this.#localLoaded && (this.claims.length > 0 || this.saved === 'offline'));
  }

  /** Whether this person may change the document now: not a viewer, and the server still takes changes. */
  get canEdit(): boolean {
    return !this.readOnly && !this.problem?.permanent;
  }

  /** The document's current version: the one announced, or the one this reader loaded. */
  get currentVersion(): number {
    return Math.max(this.version, this.announced?.version ?? 0);
  }

  /** Whether the text shown is the current version (false for a moment while a new one is fetched). */
  get isCurrent(): boolean {
    return this.version === this.currentVersion;
  }

  /** Whether a claim is drawn on the text shown: resolved on its version, which is current, and not waiting for review. */
  isPlaced(claim: Pick<ClaimState, 'anchor' | 'review'>): boolean {
    return isPlacedOn(claim, this.version, this.currentVersion);
  }

  dismissVersionNotice(): void {
    this.versionNotice = null;
  }

  /** The claim with this id, or undefined. */
  claim(id: string | null | undefined): ClaimState | undefined {
    return id ? this.claims.find((c) => c.id === id) : undefined;
  }

  /** The collaborative note of a claim, to bind to a text area. */
  noteOf(claimId: string): Y.Text | null {
    const note = this.#claims.get(claimId)?.get('note');
    return note instanceof Y.Text ? note : null;
  }

  /**
   * Makes `[start, end)` of the text a claim, shared with everyone; returns its id.
   * @throws AnchorRangeError when the range is empty, outside the text or splits a character.
   */
  createClaim(start: number, end: number): string {
    const anchor = { ...anchorFromRange(this.text, start, end), version: this.version };
    const id = newId();
    this.#claims.set(id, newClaim({ id, anchor }));
    return id;
  }

  /**
   * Sets the team's confidence in a claim (within CLAIM_FIELDS' range, or null for "not rated"). Called on every move
   * of a slider; sends at most one update per CONFIDENCE_INTERVAL_MS, always including the last.
   */
  setConfidence(claimId: string, value: number | null): void {
    let send = this.#confidence.get(claimId);
    if (!send) {
      send = throttle((next: number | null) => {
        const map = this.#claims.get(claimId);
        if (map instanceof Y.Map && map.get('confidence') !== next) map.set('confidence', next);
      }, CONFIDENCE_INTERVAL_MS);
      this.#confidence.set(claimId, send);
    }
    const { min, max } = CLAIM_FIELDS.confidence.limits;
    send(value === null ? null : Math.round(Math.min(max, Math.max(min, value))));
  }

  /** Sends a pending confidence value now (the end of a drag). */
  commitConfidence(claimId: string): void {
    this.#confidence.get(claimId)?.flush();
  }

  /** Deletes a claim for everyone; this person can bring it back with `undoDelete`. */
  deleteClaim(claimId: string): void {
    this.#confidence.get(claimId)?.cancel();
    this.#doc.transact(() => this.#claims.delete(claimId), this.#deleteOrigin);
  }

  /** Restores the claim this person deleted last, with its note, confidence, tags and evidence. */
  undoDelete(): void {
    this.#undo.undo();
  }

  /** Adds evidence under a claim; returns its id (null when the claim is gone). */
  addEvidence(claimId: string, input: EvidenceInput): string | null {
    const list = this.#claims.get(claimId)?.get('evidence');
    if (!(list instanceof Y.Array)) return null;
    const id = newId();
    list.push([
      newEvidence({
        id,
        kind: input.kind,
        stance: input.stance,
        url: input.url || null,
        title: input.title || null,
        excerpt: input.excerpt || null,
        documentId: input.documentId ?? null,
        anchor: input.anchor ?? null,
      }),
    ]);
    return id;
  }

  /**
   * Removes one piece of evidence from a claim for everyone; this person can put the same entry
   * back (same id, so its archived copy too) with `undoRemoveEvidence`. Returns whether it was there.
   */
  removeEvidence(claimId: string, evidenceId: string): boolean {
    const list = this.#claims.get(claimId)?.get('evidence');
    if (!(list instanceof Y.Array)) return false;
    const at = list.toArray().findIndex((e) => e instanceof Y.Map && e.get('id') === evidenceId);
    if (at < 0) return false;
    this.#doc.transact(() => list.delete(at, 1), this.#removeEvidenceOrigin);
    return true;
  }

  /** Puts back the evidence this person removed last, where it was. */
  undoRemoveEvidence(): void {
    this.#evidenceUndo.undo();
  }

  /** Makes a claim's tags `tags`, touching only the entries that change (others may edit them too). */
  setTags(claimId: string, tags: string[]): void {
    const list = this.#claims.get(claimId)?.get('tags');
    if (!(list instanceof Y.Array)) return;
    const wanted = new Set(tags);
    this.#doc.transact(() => {
      const current = list.toArray() as unknown[];
      for (let i = current.length - 1; i >= 0; i--) if (!wanted.has(current[i] as string)) list.delete(i, 1);
      const kept = new Set(list.toArray());
      const added = [...wanted].filter((t) => !kept.has(t));
      if (added.length) list.push(added);
    });
  }

  /** Tells the others which claim this person is looking at. */
  focus(claimId: string | null): void {
    if ((this.#provider.awareness.getLocalState()?.focusedClaim ?? null) !== claimId) {
      this.#provider.awareness.setLocalStateField('focusedClaim', claimId);
    }
  }

  /** Tells the others which part of the text this person has selected (null: none). */
  shareSelection(selection: { start: number; end: number } | null): void {
    this.#shareSelection(selection);
  }

  /** Leaves the document: sends what is pending and closes everything. */
  destroy(): void {
    this.#confidence.forEach((send) => send.flush());
    this.#shareSelection.cancel();
    this.#cleanup.forEach((undo) => undo());
    this.#undo.destroy();
    this.#evidenceUndo.destroy();
    const awareness = this.#provider.awareness;
    awareness.setLocalState(null);
    this.#provider.destroy();
    awareness.destroy();
    this.#persistence?.destroy();
    this.#doc.destroy();
  }

  /** What the server told about this person's writes (saved-state.ts), or offline when the browser says so. */
  #updateSaved(): void {
    this.saved = this.#offline ? 'offline' : this.#savedState.status;
    this.deniedReason = this.saved === 'denied' ? this.#savedState.denied : null;
  }

  #closed(code: number): void {
    const problem = describeClose(code);
    if (!problem) return;
    this.problem = problem;
    // Lost access or gone: nothing here can be sent any more, so keep no copy of it on this device.
    if (code === CloseCode.notFound || code === CloseCode.forbidden || code === CloseCode.documentDeleted) void this.#persistence?.clearData();
    if (code === CloseCode.roleChanged) void this.#refreshRole();
  }

  /** After 4409: the provider reconnects by itself; the page learns whether this person may still write. */
  async #refreshRole(): Promise<void> {
    try {
      const { document } = await api.get<{ document: Document }>(`/api/documents/${this.documentId}`);
      const { workspaces } = await api.get<{ workspaces: Workspace[] }>('/api/workspaces');
      this.role = workspaces.find((w) => w.id === document.workspaceId)?.role ?? null;
      this.readOnly = !roleAtLeast(this.role, 'annotator');
      this.#updateSaved();
    } catch {
      // Signed out or removed meanwhile: the next close code says so.
    }
  }

  /** Fetches the current text after a new version was announced, and swaps it in (no reload). */
  async #fetchCurrentText(): Promise<void> {
    if (this.#fetchingText) return;
    this.#fetchingText = true;
    try {
      const { document } = await api.get<{ document: Document & { version: number } }>(`/api/documents/${encodeURIComponent(this.documentId)}`);
      if (document.version > this.version) {
        this.text = document.text;
        this.version = document.version;
        const info = this.announced;
        this.versionNotice = { version: document.version, uploadedBy: info?.version === document.version ? (info.uploadedBy?.name ?? null) : null, uploadedAt: info?.uploadedAt ?? '' };
      }
    } catch {
      // Offline or signed out: the next announcement (or reconnect) tries again; meanwhile claims on
      // the new version are not drawn on the old text.
    } finally {
      this.#fetchingText = false;
    }
    if (this.announced && this.announced.version > this.version && !this.#doc.isDestroyed) setTimeout(() => void this.#fetchCurrentText(), 1000);
  }

  #listen(target: EventTarget, type: string, handler: () => void): void {
    target.addEventListener(type, handler);
    this.#cleanup.push(() => target.removeEventListener(type, handler));
  }
}
