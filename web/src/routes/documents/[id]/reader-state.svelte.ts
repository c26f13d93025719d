import { api } from '$lib/api';
import type { Room } from '$lib/collab/room.svelte';
import { arrangeClaims, stepClaim, type ClaimView } from './claim-order';
import { isFiltering, matchesFilter } from './claim-filter';
import type { PaintedClaim } from './highlight-painter';
import type { ClaimAnchor } from '$lib/types';
import { isPlacedOn } from '$shared/document-version';
import { parseHash, type HashTarget } from './reader-hash';
import { SelectMode } from './select-mode.svelte';
import type { Span } from './text-offsets';

/**
 * What this person is doing in the reader, shared by the text and the claims panel: the focused
 * claim (and whether its detail is open), the claim under the pointer, the text selection, the
 * panel's sort and filters, and the last deletion (for the undo toast).
 */
export class ReaderState {
  focusedId = $state<string | null>(null);
  /** Whether the panel shows the focused claim's detail rather than the list. */
  detailOpen = $state(false);
  hoverId = $state<string | null>(null);
  /** This person's selection in the text, trimmed, as document offsets. */
  selection = $state<Span | null>(null);
  /** The panel's sort, and the one filter the list, the highlights and the margin strip all follow. */
  view = $state<ClaimView>({ sort: 'position', status: 'all', tag: '', person: '' });
  /** Whether the keyboard shortcuts dialog ("?") is open. */
  shortcutsOpen = $state(false);
  /** Bumped to ask the text to scroll the focused claim into view. */
  scrollRequest = $state(0);
  /** The claim this person deleted last, while its undo is offered. */
  deleted = $state<{ id: string; quote: string } | null>(null);
  /** The orphaned or flagged claim this person is re-attaching: their next selection in the text becomes its passage. */
  reattachId = $state<string | null>(null);
  /** Where the address's hash points, until the reader has gone there (a claim waits for the claims to arrive). */
  target = $state.raw<HashTarget | null>(null);
  /** The address named a claim this document does not have (deleted, or never one of its claims). */
  missingClaim = $state(false);
  /** The passage an address points at (evidence cited from another document): highlighted and scrolled to. */
  passage = $state.raw<Span | null>(null);
  /** Bumped to ask the text to scroll the passage into view. */
  passageRequest = $state(0);
  /** The claims' anchors as the server listed them with the page (`GET /api/documents/:id/claim-anchors`); null: none. */
  preview = $state.raw<ClaimAnchor[] | null>(null);

  readonly room: Room;
  /** The focused claim, while it exists (it comes back if a deletion is undone). */
  readonly focused = $derived.by(() => this.room.claim(this.focusedId));
  /** The claims as the panel lists them; j/k move through this order. */
  readonly ordered = $derived.by(() => arrangeClaims(this.room.claims, this.view));
  /** The claims drawn on the text: resolved on the version shown, which is current, and not waiting for review. */
  readonly placed = $derived.by(() => this.room.claims.filter((c) => this.room.isPlaced(c)));
  /** The placed claims the filter keeps: what the text highlights and the margin strip marks. */
  readonly visible = $derived.by(() => this.placed.filter((c) => matchesFilter(c, this.view)));
  /**
   * Whether the highlights are drawn from `preview` rather than the room's claims: only until the
   * room is ready (its claims then replace them, and a claim deleted meanwhile goes), and only
   * while no filter is on (the anchors do not carry what a filter reads).
   */
  readonly previewing = $derived.by(() => this.preview !== null && !this.room.ready && !isFiltering(this.view));
  /** What the text highlights: the previewed anchors placed on the version shown, or `visible`. */
  readonly painted = $derived.by((): readonly PaintedClaim[] => {
    if (!this.previewing) return this.visible;
    const { version, currentVersion } = this.room;
    return this.preview!.filter((a) => isPlacedOn({ anchor: { version: a.version }, review: a.review ? true : null }, version, currentVersion)).map((a) => ({
      id: a.id,
      anchor: { start: a.start, end: a.end },
      status: a.status,
    }));
  });
  /** Selecting text with the keyboard (S). */
  readonly selectMode = new SelectMode(() => this.room.text);
  /** Orphans and claims needing review: listed with their old passage, never drawn on the text. */
  readonly unplaced = $derived.by(() => this.room.claims.filter((c) => !this.room.isPlaced(c)));

  constructor(room: Room) {
    this.room = room;
  }

  /** Focuses a claim (null: none), optionally opening its detail and scrolling the text to it. */
  focus(claimId: string | null, options: { open?: boolean; scroll?: boolean } = {}): void {
    this.focusedId = claimId;
    if (claimId === null) this.detailOpen = false;
    else if (options.open) this.detailOpen = true;
    if (claimId && options.scroll) this.scrollRequest++;
  }

  /**
   * Follows the address's hash (`#claim-<id>`, `#passage-<start>-<end>`, reader-hash.ts): on the
   * first load, after a navigation to this document, and when only the hash changes. Another hash
   * leaves the reader as it is.
   */
  follow(hash: string): void {
    const target = parseHash(hash);
    if (!target) return;
    this.target = target;
    this.missingClaim = false;
    this.land();
  }

  /**
   * Goes where the hash pointed once that is possible: a claim once the claims have loaded (it is
   * focused, its detail opened and the text scrolled to it), a passage once the reader is ready
   * and it lies within the text. Called again as the claims arrive, until it has landed.
   */
  land(): void {
    const target = this.target;
    if (!target) return;
    if (target.kind === 'passage') {
      // Once the claims are in too, so the text's surroundings (and so its place) have settled.
      if (!this.room.ready || target.span.end > this.room.text.length) return;
      this.passage = target.span;
      this.passageRequest++;
      this.target = null;
      return;
    }
    if (this.room.claim(target.claimId)) {
      this.missingClaim = false;
      this.target = null;
      this.focus(target.claimId, { open: true, scroll: true });
    } else if (this.room.ready) {
      // Kept as the target: a copy on this device may simply not have the claim yet. The claim
      // open before (a link followed within the page) is not the one asked for: it closes.
      this.missingClaim = true;
      this.focus(null);
    }
  }

  /** Moves the focus to the next (1) or previous (-1) claim in the panel's order. */
  step(direction: 1 | -1): void {
    const next = stepClaim(this.ordered, this.focusedId, direction);
    if (next) this.focus(next, { scroll: true });
  }

  /** Escape: closes the open detail, or else clears the focus. */
  clear(): void {
    if (this.detailOpen) this.detailOpen = false;
    else this.focus(null);
  }

  /** Makes the current selection a claim, focuses it and opens it; returns its id (null: nothing to do). */
  createFromSelection(): string | null {
    if (!this.selection || !this.room.canEdit || !this.room.isCurrent || this.reattachId) return null;
    const id = this.room.createClaim(this.selection.start, this.selection.end);
    document.getSelection()?.removeAllRanges();
    this.selection = null;
    this.focus(id, { open: true });
    return id;
  }

  /**
   * Re-attaches the claim being re-attached to the current selection (the API's anchor route, on
   * the current version's text). Throws the API's error; clears the selection when done.
   */
  async reattachToSelection(): Promise<void> {
    const claimId = this.reattachId;
    const selection = this.selection;
    if (!claimId || !selection || !this.room.isCurrent) return;
    await api.post(`/api/claims/${encodeURIComponent(claimId)}/anchor`, { start: selection.start, end: selection.end });
    document.getSelection()?.removeAllRanges();
    this.selection = null;
    this.reattachId = null;
  }

  /** Deletes a claim and offers its undo. */
  deleteClaim(claimId: string): void {
    const quote = this.room.claim(claimId)?.anchor.exact ?? '';
    this.room.deleteClaim(claimId);
    this.deleted = { id: claimId, quote };
    if (this.focusedId === claimId) this.detailOpen = false;
  }

  /** Brings back the claim deleted last and reopens it. */
  undoDelete(): void {
    if (!this.room.canUndoDelete) return;
    const restored = this.deleted?.id ?? null;
    this.room.undoDelete();
    this.deleted = null;
    if (restored && this.room.claim(restored)) this.focus(restored, { open: true, scroll: true });
  }
}
