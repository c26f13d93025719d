/** What a key press in the reader asks for. */
export type ReaderCommand = 'next' | 'previous' | 'open' | 'create' | 'select' | 'clear' | 'undo' | 'help';

/** What a key press asks for while text is being selected with the keyboard (select mode). */
export type SelectCommand =
  | 'sentence-next'
  | 'sentence-previous'
  | 'word-next'
  | 'word-previous'
  | 'extend-sentence'
  | 'shrink-sentence'
  | 'extend-word'
  | 'shrink-word'
  | 'create'
  | 'leave';

/** What a key press asks for on the margin strip (MarginStrip.svelte, which has the focus). */
export type StripCommand = 'strip-next' | 'strip-previous' | 'strip-first' | 'strip-last' | 'strip-open';

/** Where a key press lands: the reader at large, select mode, or the margin strip. */
export type KeyMode = 'reader' | 'select' | 'strip';

interface CommandOf {
  reader: ReaderCommand;
  select: SelectCommand;
  strip: StripCommand;
}

/**
 * One shortcut: the keys that give it and what it does, in words. A key is its KeyboardEvent.key,
 * optionally prefixed by `Mod+` (Ctrl, or ⌘ on a Mac) or `Shift+` (for named keys; a printed
 * character such as `?` already says whether Shift was held).
 */
export interface Shortcut<C extends string = string> {
  command: C;
  keys: readonly string[];
  does: string;
}

/**
 * Every keyboard shortcut of the reader, by where it applies: the one list both `commandFor` and
 * the "?" dialog (ShortcutsDialog.svelte) read. None applies while typing in a field, and none with Alt.
 */
export const SHORTCUTS: { readonly [M in KeyMode]: readonly Shortcut<CommandOf[M]>[] } = {
  reader: [
    { command: 'next', keys: ['j', ']'], does: 'Next claim' },
    { command: 'previous', keys: ['k', '['], does: 'Previous claim' },
    { command: 'open', keys: ['Enter'], does: 'Open the focused claim' },
    { command: 'create', keys: ['a', 'Mod+Enter'], does: 'Make a claim of the selected text' },
    { command: 'select', keys: ['s'], does: 'Select text with the keyboard, sentence by sentence' },
    { command: 'clear', keys: ['Escape'], does: 'Close the claim, then clear the focus' },
    { command: 'undo', keys: ['Mod+z'], does: 'Bring back the claim deleted last' },
    { command: 'help', keys: ['?'], does: 'Show these shortcuts' },
  ],
  select: [
    { command: 'sentence-next', keys: ['ArrowDown'], does: 'Select the next sentence' },
    { command: 'sentence-previous', keys: ['ArrowUp'], does: 'Select the previous sentence' },
    { command: 'word-next', keys: ['ArrowRight'], does: 'Select the next word' },
    { command: 'word-previous', keys: ['ArrowLeft'], does: 'Select the previous word' },
    { command: 'extend-sentence', keys: ['Shift+ArrowDown'], does: 'Extend the selection by a sentence' },
    { command: 'shrink-sentence', keys: ['Shift+ArrowUp'], does: 'Shrink the selection by a sentence' },
    { command: 'extend-word', keys: ['Shift+ArrowRight'], does: 'Extend the selection by a word' },
    { command: 'shrink-word', keys: ['Shift+ArrowLeft'], does: 'Shrink the selection by a word' },
    { command: 'create', keys: ['Enter', 'a', 'Mod+Enter'], does: 'Make a claim of the selection' },
    { command: 'leave', keys: ['Escape'], does: 'Stop selecting' },
  ],
  strip: [
    { command: 'strip-next', keys: ['ArrowDown', 'j'], does: 'Jump to the next claim in the text' },
    { command: 'strip-previous', keys: ['ArrowUp', 'k'], does: 'Jump to the previous claim in the text' },
    { command: 'strip-first', keys: ['Home'], does: 'Jump to the first claim' },
    { command: 'strip-last', keys: ['End'], does: 'Jump to the last claim' },
    { command: 'strip-open', keys: ['Enter', ' '], does: 'Open the claim jumped to' },
  ],
};

/** Headings of the groups in the "?" dialog. */
export const MODE_TITLES: Record<KeyMode, string> = {
  reader: 'Reading',
  select: 'Selecting with the keyboard (after S)',
  strip: 'On the margin strip',
};

/** The parts of a KeyboardEvent the shortcuts look at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
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

/** Whether a key press gives the key written `spec` (see Shortcut). */
export function pressMatches(spec: string, press: KeyPress): boolean {
  const parts = spec.length > 1 ? spec.split('+') : [spec];
  const key = parts.pop()!;
  if (parts.includes('Mod') !== (press.ctrlKey || press.metaKey)) return false;
  // A printed character is matched as printed (`?` comes with Shift); a named key says whether it takes Shift.
  if (key.length === 1) return parts.includes('Mod') ? press.key.toLowerCase() === key : press.key === key;
  return parts.includes('Shift') === Boolean(press.shiftKey) && press.key === key;
}

/**
 * The command a key press gives in `mode` (default: the reader at large), from SHORTCUTS; null
 * while typing in a field, with Alt held, or for a key that is no shortcut. In the reader, a
 * plain Enter on a button or link is left to it.
 */
export function commandFor<M extends KeyMode = 'reader'>(press: KeyPress, mode: M = 'reader' as M): CommandOf[M] | null {
  if (press.altKey || isTyping(press.target)) return null;
  const shortcut = (SHORTCUTS[mode] as readonly Shortcut<CommandOf[M]>[]).find((s) => s.keys.some((key) => pressMatches(key, press)));
  if (!shortcut) return null;
  if (mode === 'reader' && press.key === 'Enter' && !(press.ctrlKey || press.metaKey) && ACTIVATED_BY_ENTER.has(press.target?.tagName ?? '')) return null;
  return shortcut.command;
}

const KEY_NAMES: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  ' ': 'Space',
};

/** A key as the "?" dialog shows it, part by part: `Mod+Enter` → ['Ctrl', 'Enter'] (['⌘', 'Enter'] on a Mac), `j` → ['J']. */
export function keyLabel(spec: string, mac = false): string[] {
  const parts = spec.length > 1 ? spec.split('+') : [spec];
  return parts.map((part) => (part === 'Mod' ? (mac ? '⌘' : 'Ctrl') : (KEY_NAMES[part] ?? (part.length === 1 ? part.toUpperCase() : part))));
}
