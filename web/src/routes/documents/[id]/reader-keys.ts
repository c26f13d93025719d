/** What a key press in the reader asks for. */
export type ReaderCommand = 'next' | 'previous' | 'open' | 'create' | 'clear' | 'undo';

/** The parts of a KeyboardEvent the shortcuts look at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element the key was pressed in. */
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

/** Elements that act on Enter themselves. */
const ACTIVATED_BY_ENTER = new Set(['BUTTON', 'A', 'SUMMARY']);

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Whether the key goes to a field being typed in (shortcuts stay out of its way). */
export function isTyping(target: KeyPress['target']): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  // A range slider or checkbox takes arrow keys but not letters: shortcuts still apply there.
  if (target.tagName === 'INPUT') return !['range', 'checkbox', 'radio', 'button', 'submit'].includes(target.type ?? 'text');
  return TYPING_TAGS.has(target.tagName ?? '');
}

/**
 * The reader's keyboard shortcuts: j or ] next claim, k or [ previous, Enter open the focused
 * claim, a or Ctrl/⌘+Enter make a claim of the selection, Escape close or clear, Ctrl/⌘+Z undo a
 * deletion. None while typing in a field, and none with Alt.
 */
export function commandFor(press: KeyPress): ReaderCommand | null {
  if (press.altKey || isTyping(press.target)) return null;
  const mod = press.ctrlKey || press.metaKey;
  if (mod) {
    if (press.key === 'Enter') return 'create';
    if (press.key === 'z' || press.key === 'Z') return 'undo';
    return null;
  }
  switch (press.key) {
    case 'j':
    case ']':
      return 'next';
    case 'k':
    case '[':
      return 'previous';
    case 'Enter':
      return ACTIVATED_BY_ENTER.has(press.target?.tagName ?? '') ? null : 'open';
    case 'a':
      return 'create';
    case 'Escape':
      return 'clear';
    default:
      return null;
  }
}
