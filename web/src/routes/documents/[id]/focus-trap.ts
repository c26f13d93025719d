/** What Tab can reach: enabled controls, links and anything with a non-negative tabindex. */
const TABBABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[contenteditable="true"]',
  '[tabindex]',
].join(',');

/** The elements inside `container` that Tab reaches, in document order (shown ones only). */
export function tabbables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/**
 * A keydown handler keeping Tab and Shift+Tab inside `container`, wrapping from the last control to
 * the first and back. A modal `<dialog>` makes the page behind it inert, but Tab past its last
 * control still leaves it (to the browser's own controls, or the body); on a phone sheet that
 * loses the person's place.
 */
export function keepFocusInside(container: HTMLElement, event: KeyboardEvent): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
  const inside = tabbables(container);
  if (inside.length === 0) {
    event.preventDefault();
    return;
  }
  const first = inside[0];
  const last = inside[inside.length - 1];
  const active = document.activeElement;
  const within = active instanceof HTMLElement && container.contains(active);
  if (event.shiftKey && (!within || active === first || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (!within || active === last)) {
    event.preventDefault();
    first.focus();
  }
}
