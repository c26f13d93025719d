import { locateRange, type Span } from './text-offsets';

/** One text node of a paragraph and where its text starts within the paragraph. */
interface Piece {
  node: Text;
  at: number;
}

/**
 * The link between a reader article (ReaderText: one `<p data-start>` per paragraph) and document
 * offsets. A paragraph's text nodes, in order, join to exactly that slice of the document text: a
 * paragraph is usually one text node; one with footnote markers also has elements (`<sup><a>[9]</a></sup>`)
 * whose own text nodes count like any other. Nothing else may put text inside a paragraph.
 */
export class TextMap {
  /** Each paragraph's `[start, end)` in the document text, in order. */
  readonly spans: Span[];
  readonly #paragraphs: HTMLElement[];
  readonly #indexOf = new Map<Element, number>();
  /** Each paragraph's text nodes, found on first use (most paragraphs are one text node). */
  readonly #pieces: Array<Piece[] | undefined> = [];

  constructor(readonly article: HTMLElement) {
    this.#paragraphs = [...article.querySelectorAll<HTMLElement>(':scope > p[data-start]')];
    this.spans = this.#paragraphs.map((p, i) => {
      this.#indexOf.set(p, i);
      const start = Number(p.dataset.start);
      return { start, end: start + (p.textContent?.length ?? 0) };
    });
  }

  /** A DOM Range over `[start, end)` of the text (blank gaps between paragraphs left out), or null. */
  range(start: number, end: number): Range | null {
    const located = locateRange(this.spans, start, end);
    if (!located) return null;
    const range = document.createRange();
    const from = this.#point(located.from.index, located.from.offset, 'start');
    const to = this.#point(located.to.index, located.to.offset, 'end');
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /**
   * The document offset of a DOM boundary point (a selection's start or end). Points before the
   * article give the start of the text, points after it the end, so a selection dragged out of
   * the article still maps.
   */
  offsetOf(node: Node, offset: number): number {
    const first = this.spans[0]?.start ?? 0;
    const last = this.spans[this.spans.length - 1]?.end ?? 0;
    const whole = document.createRange();
    whole.selectNodeContents(this.article);
    const side = whole.comparePoint(node, offset);
    if (side < 0) return first;
    if (side > 0) return last;
    if (node === this.article) {
      // Between the article's children: the start of the next paragraph, or the end of the text.
      for (let i = offset; i < node.childNodes.length; i++) {
        const index = this.#indexOf.get(node.childNodes[i] as Element);
        if (index !== undefined) return this.spans[index].start;
      }
      return last;
    }
    const owner = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest('p[data-start]');
    const index = owner ? this.#indexOf.get(owner) : undefined;
    if (index === undefined) return first;
    const span = this.spans[index];
    const paragraph = this.#paragraphs[index];
    if (node.nodeType === Node.TEXT_NODE) {
      const piece = this.#piecesOf(index).find((p) => p.node === node);
      return span.start + Math.min((piece?.at ?? 0) + offset, span.end - span.start);
    }
    if (node === paragraph && paragraph.childNodes.length <= 1) return offset === 0 ? span.start : span.end;
    // A point between the children of an element in the paragraph: the text before it counts.
    const before = document.createRange();
    before.setStart(paragraph, 0);
    before.setEnd(node, offset);
    return span.start + Math.min(before.toString().length, span.end - span.start);
  }

  /** The current selection as document offsets, when it is not collapsed and touches the article. */
  selection(): Span | null {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(this.article)) return null;
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    return start < end ? { start, end } : null;
  }

  /**
   * The document offset of the character under a viewport point, or null when the point is not on
   * a character (blank space beside a short line, the margin between paragraphs).
   */
  characterAt(x: number, y: number): number | null {
    let node: Node | null = null;
    let offset = 0;
    if (document.caretPositionFromPoint) {
      const position = document.caretPositionFromPoint(x, y);
      node = position?.offsetNode ?? null;
      offset = position?.offset ?? 0;
    } else if (document.caretRangeFromPoint) {
      const range = document.caretRangeFromPoint(x, y);
      node = range?.startContainer ?? null;
      offset = range?.startOffset ?? 0;
    }
    if (!node || node.nodeType !== Node.TEXT_NODE || !node.parentElement) return null;
    const paragraph = node.parentElement.closest('p[data-start]');
    const index = paragraph ? this.#indexOf.get(paragraph) : undefined;
    if (index === undefined) return null;
    const base = this.#piecesOf(index).find((p) => p.node === node)?.at ?? 0;
    const length = (node as Text).length;
    // The caret lands at the nearer edge of a character: the one hit is just before or just after it.
    for (const at of [offset, offset - 1]) {
      if (at < 0 || at >= length) continue;
      const char = document.createRange();
      char.setStart(node, at);
      char.setEnd(node, at + 1);
      for (const rect of char.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return this.spans[index].start + base + at;
      }
    }
    return null;
  }

  /** The text node and offset of a place in paragraph `index`; at a boundary between two nodes, a start takes the next one, an end the previous. */
  #point(index: number, offset: number, side: 'start' | 'end'): { node: Node; offset: number } {
    const pieces = this.#piecesOf(index);
    if (pieces.length === 0) return { node: this.#paragraphs[index], offset: 0 };
    for (const piece of pieces) {
      const end = piece.at + piece.node.length;
      if (offset < end || (side === 'end' && offset === end)) return { node: piece.node, offset: offset - piece.at };
    }
    const last = pieces[pieces.length - 1];
    return { node: last.node, offset: last.node.length };
  }

  #piecesOf(index: number): Piece[] {
    let pieces = this.#pieces[index];
    if (pieces) return pieces;
    pieces = [];
    const paragraph = this.#paragraphs[index];
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    let at = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      pieces.push({ node, at });
      at += node.length;
    }
    this.#pieces[index] = pieces;
    return pieces;
  }
}
