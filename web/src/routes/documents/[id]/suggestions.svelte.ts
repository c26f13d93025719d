import type { paths } from '$shared/api-types.generated';
import { api, ApiError, errorMessage } from '$lib/api';
import type { Room } from '$lib/collab/room.svelte';

/** `GET /api/documents/:id/suggestions`, as its route schema declares it. */
export type Suggestions = paths['/api/documents/{id}/suggestions']['get']['responses'][200]['content']['application/json'];
export type SuggestedClaim = Suggestions['claims'][number];
export type DismissedSuggestion = Suggestions['dismissed'][number];
export type Dismissal = DismissedSuggestion['dismissal'];

/** localStorage: whether this person sees suggested sentences marked in the text ("on" / "off"). */
const MARKS_KEY = 'corroborate.suggestion-marks';
/** Refetching on focus at most this often: the suggestions are computed in a worker and take a moment. */
const REFRESH_EVERY_MS = 15_000;

/**
 * The suggestions of one open document, shared by the Suggestions tab and the faint marks in the
 * text: loaded once (and again when the window regains focus), dismissed and restored for
 * everyone (another person's dismissal or restore arrives live: `syncDismissals`), with the
 * sentence hovered in the list or in the text. One per room (`suggestionsOf`).
 */
export class SuggestionsState {
  data = $state.raw<Suggestions | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** Whether suggested sentences are marked in the text (this person's choice, kept on this device). */
  showInText = $state(readMarksSetting());
  /** The suggestion hovered or focused in the list (its start): marked strongly in the text. */
  active = $state<number | null>(null);
  /** The suggestion under the pointer in the text (its start): its list item is highlighted. */
  hovered = $state<number | null>(null);
  /** Bumped to ask the text to scroll the active suggestion into view. */
  scrollRequest = $state(0);
  /** The dismissal this person made last, while its undo is offered. */
  lastDismissed = $state<{ key: string; exact: string } | null>(null);

  readonly room: Room;
  readonly documentId: string;
  #loadedAt = 0;
  #loadedVersion = $state(0);
  /** Whether the suggestions' offsets count in the text shown (they were loaded for its version). */
  readonly onText = $derived.by(() => this.data !== null && this.#loadedVersion === this.room.version);
  /** Sentences being dismissed here: hidden at once, while the server is asked. */
  #pending = $state<ReadonlySet<number>>(new Set());

  /** The sentences suggested now: not claimed (even a moment ago), not dismissed (even a moment ago). */
  readonly sentences = $derived.by(() =>
    (this.data?.claims ?? []).filter((s) => !this.#pending.has(s.start) && !this.room.claims.some((c) => c.anchor.start < s.end && s.start < c.anchor.end)),
  );
  readonly dismissed = $derived.by(() => this.data?.dismissed ?? []);

  constructor(room: Room) {
    this.room = room;
    this.documentId = room.documentId;
  }

  /** Loads the suggestions (again); keeps the last ones on failure, with the error said. */
  async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    const version = this.room.version;
    try {
      this.data = await api.get<Suggestions>(`/api/documents/${encodeURIComponent(this.documentId)}/suggestions`);
      this.#loadedAt = Date.now();
      this.#loadedVersion = version;
      this.#pending = new Set();
      this.error = null;
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.loading = false;
    }
  }

  /** Loads them if never loaded, if the text changed, or (when `stale`) if the last load is older than a moment. */
  ensureLoaded(options: { stale?: boolean } = {}): void {
    const old = options.stale && Date.now() - this.#loadedAt > REFRESH_EVERY_MS;
    if (!this.data || this.#loadedVersion !== this.room.version || old) void this.load();
  }

  /** Dismisses a suggested sentence for everyone in the document; offers its undo. Throws the API's error. */
  async dismiss(s: SuggestedClaim): Promise<void> {
    this.#pending = new Set([...this.#pending, s.start]);
    if (this.active === s.start) this.active = null;
    try {
      const { dismissal } = await api.post<{ dismissal: Dismissal }>(`/api/documents/${encodeURIComponent(this.documentId)}/suggestions/dismissals`, { exact: s.exact });
      this.lastDismissed = { key: dismissal.key, exact: s.exact };
      if (this.data) {
        this.data = {
          ...this.data,
          claims: this.data.claims.filter((c) => c.start !== s.start),
          dismissed: [{ ...s, dismissal }, ...this.data.dismissed.filter((d) => d.dismissal.key !== dismissal.key)],
        };
        // Listed as dismissed now, it needs no hiding: restored (here or by someone else), it shows again.
        this.#unpend(s.start);
      }
    } catch (e) {
      this.#unpend(s.start);
      throw e;
    }
  }

  #unpend(start: number): void {
    if (!this.#pending.has(start)) return;
    const pending = new Set(this.#pending);
    pending.delete(start);
    this.#pending = pending;
  }

  /** Restores a dismissed sentence for everyone (the undo, or from the dismissed list). Throws the API's error. */
  async restore(key: string): Promise<void> {
    try {
      await api.delete(`/api/documents/${encodeURIComponent(this.documentId)}/suggestions/dismissals/${encodeURIComponent(key)}`);
    } catch (e) {
      // Restored meanwhile by someone else: that is what was asked.
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
    if (this.lastDismissed?.key === key) this.lastDismissed = null;
    if (this.data) {
      const back = this.data.dismissed.find((d) => d.dismissal.key === key);
      if (back) {
        const { dismissal: _, ...claim } = back;
        // Dismissed here a moment ago, it is still hidden as pending: it shows again now.
        this.#unpend(claim.start);
        this.data = {
          ...this.data,
          claims: [...this.data.claims, claim].sort((a, b) => a.start - b.start),
          dismissed: this.data.dismissed.filter((d) => d.dismissal.key !== key),
        };
      }
    }
  }

  /**
   * Takes the document's dismissals as they are now (`GET …/suggestions/dismissals`, cheap: no
   * sentence analysis), after someone dismissed or restored a suggestion: the loaded suggestions
   * are split again into those shown and those dismissed. Silent on failure (the next load corrects it).
   */
  async syncDismissals(): Promise<void> {
    if (!this.data) return;
    let dismissals: Dismissal[];
    try {
      ({ dismissals } = await api.get<{ dismissals: Dismissal[] }>(`/api/documents/${encodeURIComponent(this.documentId)}/suggestions/dismissals`));
    } catch {
      // Offline or signed out for a moment: what is shown stays as it was until the next load.
      return;
    }
    if (!this.data) return;
    const byExact = new Map(dismissals.map((d) => [d.exact, d]));
    const all = [...this.data.claims, ...this.data.dismissed.map(({ dismissal: _, ...claim }) => claim)].sort((a, b) => a.start - b.start);
    this.data = {
      ...this.data,
      claims: all.filter((s) => !byExact.has(s.exact)),
      dismissed: all.flatMap((s) => {
        const dismissal = byExact.get(s.exact);
        return dismissal ? [{ ...s, dismissal }] : [];
      }),
    };
    // What this person dismissed and someone restored meanwhile has no undo any more.
    if (this.lastDismissed && !dismissals.some((d) => d.key === this.lastDismissed!.key)) this.lastDismissed = null;
  }

  /** Shows a suggestion of the list in the text (null: none); `scroll` brings it into view. */
  show(start: number | null, options: { scroll?: boolean } = {}): void {
    this.active = start;
    if (start !== null && options.scroll) this.scrollRequest++;
  }

  setShowInText(on: boolean): void {
    this.showInText = on;
    try {
      localStorage.setItem(MARKS_KEY, on ? 'on' : 'off');
    } catch {
      // Storage refused (private mode, quota): the choice lasts for this page only.
    }
  }
}

function readMarksSetting(): boolean {
  try {
    return localStorage.getItem(MARKS_KEY) !== 'off';
  } catch {
    return true;
  }
}

const byRoom = new WeakMap<Room, SuggestionsState>();

/** The suggestions state of a room's document, made on first use and shared by everything that shows suggestions. */
export function suggestionsOf(room: Room): SuggestionsState {
  let state = byRoom.get(room);
  if (!state) {
    state = new SuggestionsState(room);
    byRoom.set(room, state);
  }
  return state;
}
