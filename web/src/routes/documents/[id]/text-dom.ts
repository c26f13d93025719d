import { locateRange, type Span } from './text-offsets';

/**
 * The link between a reader article (ReaderText: one `<p data-start>` per paragraph, holding a
 * single text node that is exactly that slice of the document text) and document offsets.
 */
export class TextMap {
  /** Each paragraph's `[start, end)` in the document text, in order. */
  readonly spans: Span[];
  readonly #paragraphs: HTMLElement[];
  readonly #indexOf = new Map<Element, number>();

  constructor(readonly article: HTMLElement) {
    this.#paragraphs = [...article.querySelectorAll<HTMLElement>(':scope > p[data-start]')];
    this.spans = this.#paragraphs.map((p, i) => {
      this.#indexOf.set(p, i);
      const start = Number(p.dataset.start);
      return { start, end: start + (p.firstChild?.textContent?.length ?? 0) };
    });
  }

  /** A DOM Range over `[start, end)` of the text (blank gaps between paragraphs left out), or null. */
  range(start: number, end: number): Range | null {
    const located = locateRange(this.spans, start, end);
    if (!located) return null;
    const range = document.createRange();
    range.setStart(this.#textNode(located.from.index), located.from.offset);
    range.setEnd(this.#textNode(located.to.index), located.to.offset);
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
    const paragraph = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest('p[data-start]');
    const index = paragraph ? this.#indexOf.get(paragraph) : undefined;
    if (index === undefined) return first;
    const span = this.spans[index];
    if (node.nodeType === Node.TEXT_NODE) return span.start + Math.min(offset, span.end - span.start);
    return offset === 0 ? span.start : span.end;
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
    const index = this.#indexOf.get(node.parentElement);
    if (index === undefined) return null;
    const length = (node as Text).length;
    // The caret lands at the nearer edge of a character: the one hit is just before or just after it.
    for (const at of [offset, offset - 1]) {
      if (at < 0 || at >= length) continue;
      const char = document.createRange();
      char.setStart(node, at);
      char.setEnd(node, at + 1);
      for (const rect of char.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return this.spans[index].start + at;
      }
    }
    return null;
  }

  #textNode(index: number): Node {
    const paragraph = this.#paragraphs[index];
    return paragraph.firstChild ?? paragraph;
  }
}
