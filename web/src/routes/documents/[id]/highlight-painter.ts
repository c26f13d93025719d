import { coveredAtLeast, type Interval } from './intervals';
import type { TextMap } from './text-dom';

/** What the painter needs of a claim. */
export interface PaintedClaim {
  id: string;
  anchor: Interval;
  status: string;
}

/** What the painter needs of another person's selection. */
export interface PaintedSelection {
  clientId: number;
  color: string;
  selection: Interval | null;
}

/** Highlight names: one per claim status, overlaps, hover, focus; `cb-peer-<clientId>` per person. */
export const HIGHLIGHT = {
  status: (status: string) => `cb-claim-${status}`,
  overlap: 'cb-claim-overlap',
  hover: 'cb-claim-hover',
  focus: 'cb-claim-focus',
  peer: (clientId: number) => `cb-peer-${clientId}`,
} as const;

/** Claims painted at once beyond those near the screen: a few milliseconds of work, far below a long task. */
const SLICE = 250;
/** Each later slice paints for this long, then lets the page run (a long task is one over 50 ms). */
const SLICE_MS = 12;
/** How far beyond the screen (above and below, in screen heights) claims count as near it. */
const NEAR_SCREEN = '100% 0px';

/** Later layers paint over earlier ones. */
const PRIORITY = { status: 0, overlap: 1, peer: 2, hover: 3, focus: 4 };

/** Whether this browser has the CSS Custom Highlight API. */
export const highlightsSupported = () => typeof Highlight !== 'undefined' && typeof CSS !== 'undefined' && 'highlights' in CSS;

/**
 * Draws claims and other people's selections over the reader with the CSS Custom Highlight API:
 * the text DOM is never touched, and each change updates only the ranges that changed. One
 * Highlight per claim status, one for stretches where claims overlap, one each for the hovered and
 * the focused claim, and one per person's selection, whose colour rule lives in a style element
 * kept here (`::highlight()` names cannot be parameterised in a static style sheet).
 */
export class HighlightPainter {
  readonly #map: TextMap;
  readonly #enabled = highlightsSupported();
  readonly #byStatus = new Map<string, Highlight>();
  readonly #painted = new Map<string, { start: number; end: number; status: string; range: Range }>();
  readonly #single = new Map<string, Highlight>();
  readonly #peers = new Map<number, { highlight: Highlight; start: number; end: number; color: string }>();
  readonly #style: HTMLStyleElement | null = null;
  /** Watches which paragraphs are on (or near) the screen, without reading layout itself. */
  readonly #screen: IntersectionObserver | null = null;
  /** The stretch of text on or near the screen; null until the observer first reports. */
  #nearScreen: Interval | null = null;
  /** The claims of the last `paintClaims`, and the slices still to paint them. */
  #claims: readonly PaintedClaim[] = [];
  #cancelSlices: () => void = () => {};
  /** Slices are still to come. */
  #slicing = false;
  /** Called once no slice is left to paint (`whenPainted`). */
  #onPainted: Array<() => void> = [];

  constructor(map: TextMap) {
    this.#map = map;
    if (!this.#enabled) return;
    for (const [name, priority] of [
      [HIGHLIGHT.overlap, PRIORITY.overlap],
      [HIGHLIGHT.hover, PRIORITY.hover],
      [HIGHLIGHT.focus, PRIORITY.focus],
    ] as const) {
      const highlight = new Highlight();
      highlight.priority = priority;
      this.#single.set(name, highlight);
      CSS.highlights.set(name, highlight);
    }
    this.#style = document.head.appendChild(document.createElement('style'));
    this.#style.dataset.owner = 'highlight-painter';

    const paragraphs = new Map([...map.article.querySelectorAll<HTMLElement>(':scope > p[data-start]')].map((p, i) => [p as Element, i]));
    const onScreen = new Set<number>();
    this.#screen = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const index = paragraphs.get(entry.target)!;
          if (entry.isIntersecting) onScreen.add(index);
          else onScreen.delete(index);
        }
        const known = this.#nearScreen !== null;
        const indices = [...onScreen];
        this.#nearScreen = indices.length ? { start: map.spans[Math.min(...indices)].start, end: map.spans[Math.max(...indices)].end } : null;
        // Painting began before the screen was known: what is left starts again from the screen.
        if (!known && this.#nearScreen && this.#painted.size < this.#claims.length) this.paintClaims(this.#claims);
      },
      { rootMargin: NEAR_SCREEN },
    );
    for (const paragraph of paragraphs.keys()) this.#screen.observe(paragraph);
  }

  /**
   * Brings the claim highlights up to date: removes and recolours at once, and adds (or moves) the
   * claims near the screen first, the rest in slices of SLICE_MS each between other tasks, so a document
   * with thousands of claims never blocks the page for long. A newer call replaces the slices
   * still to come (what they would have drawn is worked out again from the newer claims).
   */
  paintClaims(claims: readonly PaintedClaim[]): void {
    if (!this.#enabled) return;
    this.#cancelSlices();
    this.#claims = claims;
    const seen = new Set<string>();
    const todo: PaintedClaim[] = [];
    for (const claim of claims) {
      seen.add(claim.id);
      const old = this.#painted.get(claim.id);
      const { start, end } = claim.anchor;
      const same = old && old.start === start && old.end === end;
      if (same && old.status === claim.status) continue;
      if (same) {
        // Recoloured only: the range stays, no new one to make.
        this.#statusHighlight(old.status).delete(old.range);
        this.#statusHighlight(claim.status).add(old.range);
        old.status = claim.status;
      } else todo.push(claim);
    }
    const redrawn = new Set(todo.map((c) => c.id));
    let moved = false;
    for (const [id, old] of this.#painted) {
      if (seen.has(id) && !redrawn.has(id)) continue;
      this.#statusHighlight(old.status).delete(old.range);
      this.#painted.delete(id);
      moved = true;
    }
    if (todo.length === 0) {
      if (moved) this.#paintOverlaps();
      this.#allPainted();
      return;
    }
    // Nearest the part of the text on screen (or near it) first; before that is known, text order (the top of the text).
    const near = this.#nearScreen;
    const distance = (c: PaintedClaim) => (!near ? c.anchor.start : c.anchor.end < near.start ? near.start - c.anchor.end : c.anchor.start > near.end ? c.anchor.start - near.end : 0);
    todo.sort((a, b) => distance(a) - distance(b) || a.anchor.start - b.anchor.start);
    // Everything near the screen at once (a few hundred at most), then slices.
    const nearCount = near ? todo.filter((c) => distance(c) === 0).length : 0;
    this.#paintSome(todo, 0, Math.min(Math.max(SLICE, nearCount), todo.length));
  }

  /** Paints `todo[from..to)` (or from `from` for SLICE_MS when `to` is null), then schedules the next slice, or the overlaps once all are drawn. */
  #paintSome(todo: readonly PaintedClaim[], from: number, to: number | null): void {
    const until = performance.now() + SLICE_MS;
    let i = from;
    for (; i < (to ?? todo.length) && (to !== null || performance.now() < until); i++) {
      const claim = todo[i];
      const range = this.#map.range(claim.anchor.start, claim.anchor.end);
      if (!range) continue;
      this.#statusHighlight(claim.status).add(range);
      this.#painted.set(claim.id, { start: claim.anchor.start, end: claim.anchor.end, status: claim.status, range });
    }
    if (i >= todo.length) {
      this.#cancelSlices = () => {};
      this.#paintOverlaps();
      this.#allPainted();
      return;
    }
    this.#slicing = true;
    // A task of its own: input, rendering and the socket go first (not idle time, which a busy page may not have for long).
    const handle = setTimeout(() => this.#paintSome(todo, i, null), 0);
    this.#cancelSlices = () => clearTimeout(handle);
  }

  /** Resolves once the claims of the last `paintClaims` are all painted (at once when no slice is pending). */
  whenPainted(): Promise<void> {
    if (!this.#enabled || !this.#slicing) return Promise.resolve();
    return new Promise((resolve) => this.#onPainted.push(resolve));
  }

  #allPainted(): void {
    this.#slicing = false;
    const waiting = this.#onPainted;
    this.#onPainted = [];
    waiting.forEach((resolve) => resolve());
  }

  /** Marks the focused claim (null: none). */
  paintFocus(claim: PaintedClaim | null): void {
    this.#paintOne(HIGHLIGHT.focus, claim);
  }

  /** Marks the claim under the pointer (null: none). */
  paintHover(claim: PaintedClaim | null): void {
    this.#paintOne(HIGHLIGHT.hover, claim);
  }

  /** Tints each other person's selection in their colour. */
  paintSelections(peers: readonly PaintedSelection[]): void {
    if (!this.#enabled) return;
    const seen = new Set<number>();
    let rulesChanged = false;
    for (const peer of peers) {
      if (!peer.selection) continue;
      seen.add(peer.clientId);
      let entry = this.#peers.get(peer.clientId);
      if (!entry) {
        const highlight = new Highlight();
        highlight.priority = PRIORITY.peer;
        CSS.highlights.set(HIGHLIGHT.peer(peer.clientId), highlight);
        entry = { highlight, start: -1, end: -1, color: '' };
        this.#peers.set(peer.clientId, entry);
      }
      if (entry.color !== peer.color) {
        entry.color = peer.color;
        rulesChanged = true;
      }
      if (entry.start === peer.selection.start && entry.end === peer.selection.end) continue;
      entry.start = peer.selection.start;
      entry.end = peer.selection.end;
      entry.highlight.clear();
      const range = this.#map.range(entry.start, entry.end);
      if (range) entry.highlight.add(range);
    }
    for (const clientId of this.#peers.keys()) {
      if (seen.has(clientId)) continue;
      CSS.highlights.delete(HIGHLIGHT.peer(clientId));
      this.#peers.delete(clientId);
      rulesChanged = true;
    }
    if (rulesChanged && this.#style) {
      // Colours come from presence.ts, which admits plain hex colours only.
      this.#style.textContent = [...this.#peers]
        // A tint plus an underline in the person's colour, so a selection never reads as a claim.
        .map(
          ([clientId, { color }]) =>
            `::highlight(${HIGHLIGHT.peer(clientId)}) { background-color: color-mix(in srgb, ${color} 20%, transparent); text-decoration: underline 2px ${color}; }`,
        )
        .join('\n');
    }
  }

  /** Removes every highlight and the style element. */
  destroy(): void {
    if (!this.#enabled) return;
    this.#cancelSlices();
    this.#allPainted();
    this.#screen?.disconnect();
    for (const name of [...this.#byStatus.keys()].map(HIGHLIGHT.status)) CSS.highlights.delete(name);
    for (const name of this.#single.keys()) CSS.highlights.delete(name);
    for (const clientId of this.#peers.keys()) CSS.highlights.delete(HIGHLIGHT.peer(clientId));
    this.#style?.remove();
  }

  #statusHighlight(status: string): Highlight {
    let highlight = this.#byStatus.get(status);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = PRIORITY.status;
      this.#byStatus.set(status, highlight);
      CSS.highlights.set(HIGHLIGHT.status(status), highlight);
    }
    return highlight;
  }

  #paintOverlaps(): void {
    const overlap = this.#single.get(HIGHLIGHT.overlap)!;
    overlap.clear();
    for (const { start, end } of coveredAtLeast(this.#painted.values())) {
      const range = this.#map.range(start, end);
      if (range) overlap.add(range);
    }
  }

  #paintOne(name: string, claim: PaintedClaim | null): void {
    const highlight = this.#single.get(name);
    if (!highlight) return;
    highlight.clear();
    const range = claim ? this.#map.range(claim.anchor.start, claim.anchor.end) : null;
    if (range) highlight.add(range);
  }
}
