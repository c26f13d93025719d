import { api, errorMessage } from '$lib/api';
import type { ApiClaim, HistoryEvent } from '$lib/verification';

const REFRESH_MS = 250;

/**
 * The focused claim as the REST API shows it to this person: the parts the live claim does not
 * carry (votes — only one's own before reveal —, comments) and its history. Reloaded, a moment
 * later, whenever the live claim changes (every change to it gives the live claim a new value).
 */
export class ClaimRemote {
  claim = $state.raw<ApiClaim | null>(null);
  error = $state<string | null>(null);
  history = $state.raw<HistoryEvent[] | null>(null);
  historyError = $state<string | null>(null);
  /** Whether the history is shown (and so kept fresh). */
  historyOpen = $state(false);

  readonly id: string;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #seq = 0;
  #destroyed = false;

  constructor(id: string) {
    this.id = id;
  }

  /** Reloads the claim (and the history while it is open) now. */
  async load(): Promise<void> {
    const seq = ++this.#seq;
    const path = `/api/claims/${encodeURIComponent(this.id)}`;
    const [claim, history] = await Promise.allSettled([
      api.get<{ claim: ApiClaim }>(path),
      this.historyOpen ? api.get<{ events: HistoryEvent[] }>(`${path}/history`) : Promise.resolve(null),
    ]);
    if (this.#destroyed || seq !== this.#seq) return;
    if (claim.status === 'fulfilled') {
      this.claim = claim.value.claim;
      this.error = null;
    } else this.error = errorMessage(claim.reason);
    if (history.status === 'fulfilled') {
      if (history.value) {
        this.history = history.value.events;
        this.historyError = null;
      }
    } else this.historyError = errorMessage(history.reason);
  }

  /**
   * Takes a claim a write just answered with (publishing, which leaves the shared document alone and so
   * triggers no reload); a load already under way answered before the write and is dropped.
   */
  replace(claim: ApiClaim): void {
    this.#seq++;
    this.claim = claim;
    this.error = null;
  }

  /** Asks for a reload shortly (several changes in a row give one reload). */
  refresh(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.load();
    }, REFRESH_MS);
  }

  /** Opens or closes the history, loading it when opened. */
  toggleHistory(): void {
    this.historyOpen = !this.historyOpen;
    if (this.historyOpen) void this.load();
  }

  destroy(): void {
    this.#destroyed = true;
    if (this.#timer) clearTimeout(this.#timer);
  }
}
