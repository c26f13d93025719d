import { describe, expect, test } from 'vitest';
import { commandFor, keyLabel, SHORTCUTS, type KeyMode, type KeyPress } from '../../web/src/routes/documents/[id]/reader-keys';

const press = (key: string, target: KeyPress['target'] = { tagName: 'BODY' }, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('reader shortcuts', () => {
  test('j/] and k/[ move, Enter opens, a and Ctrl/⌘+Enter create, Escape clears, Ctrl/⌘+Z undoes', () => {
    expect(commandFor(press('j'))).toBe('next');
    expect(commandFor(press(']'))).toBe('next');
    expect(commandFor(press('k'))).toBe('previous');
    expect(commandFor(press('['))).toBe('previous');
    expect(commandFor(press('Enter'))).toBe('open');
    expect(commandFor(press('a'))).toBe('create');
    expect(commandFor(press('Enter', undefined, { ctrlKey: true }))).toBe('create');
    expect(commandFor(press('Enter', undefined, { metaKey: true }))).toBe('create');
    expect(commandFor(press('Escape'))).toBe('clear');
    expect(commandFor(press('z', undefined, { ctrlKey: true }))).toBe('undo');
    expect(commandFor(press('x'))).toBeNull();
    expect(commandFor(press('j', undefined, { ctrlKey: true }))).toBeNull();
    expect(commandFor(press('j', undefined, { altKey: true }))).toBeNull();
  });

  test('stay out of the way while typing in a field', () => {
    for (const target of [{ tagName: 'INPUT', type: 'text' }, { tagName: 'INPUT', type: 'url' }, { tagName: 'TEXTAREA' }, { tagName: 'SELECT' }, { tagName: 'DIV', isContentEditable: true }]) {
      expect(commandFor(press('j', target))).toBeNull();
      expect(commandFor(press('a', target))).toBeNull();
      expect(commandFor(press('Escape', target))).toBeNull();
      expect(commandFor(press('z', target, { ctrlKey: true }))).toBeNull();
    }
  });

  test('still work on a slider, and leave Enter to buttons and links', () => {
    expect(commandFor(press('j', { tagName: 'INPUT', type: 'range' }))).toBe('next');
    expect(commandFor(press('Enter', { tagName: 'BUTTON' }))).toBeNull();
    expect(commandFor(press('Enter', { tagName: 'A' }))).toBeNull();
    expect(commandFor(press('j', { tagName: 'BUTTON' }))).toBe('next');
  });

  test('s enters select mode and ? opens the shortcuts, Shift and all', () => {
    expect(commandFor(press('s'))).toBe('select');
    expect(commandFor(press('?', undefined, { shiftKey: true }))).toBe('help');
    expect(commandFor(press('S', undefined, { shiftKey: true }))).toBeNull();
    expect(commandFor(press('s', { tagName: 'TEXTAREA' }))).toBeNull();
  });
});

describe('select mode keys', () => {
  const select = (key: string, mods: Partial<KeyPress> = {}, target: KeyPress['target'] = { tagName: 'BODY' }) => commandFor(press(key, target, mods), 'select');

  test('arrows move by sentence and word, Shift+arrows extend and shrink, Enter makes the claim, Escape stops', () => {
    expect(select('ArrowDown')).toBe('sentence-next');
    expect(select('ArrowUp')).toBe('sentence-previous');
    expect(select('ArrowRight')).toBe('word-next');
    expect(select('ArrowLeft')).toBe('word-previous');
    expect(select('ArrowDown', { shiftKey: true })).toBe('extend-sentence');
    expect(select('ArrowUp', { shiftKey: true })).toBe('shrink-sentence');
    expect(select('ArrowRight', { shiftKey: true })).toBe('extend-word');
    expect(select('ArrowLeft', { shiftKey: true })).toBe('shrink-word');
    expect(select('Enter')).toBe('create');
    expect(select('Enter', { ctrlKey: true })).toBe('create');
    expect(select('a')).toBe('create');
    expect(select('Escape')).toBe('leave');
    expect(select('j')).toBeNull();
    expect(select('ArrowDown', { altKey: true })).toBeNull();
  });

  test('Enter makes the claim even with the focus on a button (the reader leaves Enter to the button)', () => {
    expect(select('Enter', {}, { tagName: 'BUTTON' })).toBe('create');
    expect(commandFor(press('Enter', { tagName: 'BUTTON' }))).toBeNull();
  });
});

describe('the shortcuts list', () => {
  test('every key the "?" dialog lists gives its command, in its own mode (one source for both)', () => {
    for (const mode of Object.keys(SHORTCUTS) as KeyMode[]) {
      for (const shortcut of SHORTCUTS[mode]) {
        for (const key of shortcut.keys) {
          const parts = key.length > 1 ? key.split('+') : [key];
          const name = parts.at(-1)!;
          const pressed = press(name, { tagName: 'DIV' }, { ctrlKey: parts.includes('Mod'), shiftKey: parts.includes('Shift') || name === '?' });
          expect(commandFor(pressed, mode), `${mode}: ${key}`).toBe(shortcut.command);
        }
      }
    }
  });

  test('no key means two things in one mode', () => {
    for (const mode of Object.keys(SHORTCUTS) as KeyMode[]) {
      const keys = SHORTCUTS[mode].flatMap((s) => s.keys);
      expect(new Set(keys).size, mode).toBe(keys.length);
    }
  });

  test('keys are shown as a person reads them: Ctrl or ⌘, arrows, Esc, capitals', () => {
    expect(keyLabel('Mod+Enter')).toEqual(['Ctrl', 'Enter']);
    expect(keyLabel('Mod+Enter', true)).toEqual(['⌘', 'Enter']);
    expect(keyLabel('Shift+ArrowDown')).toEqual(['Shift', '↓']);
    expect(keyLabel('Escape')).toEqual(['Esc']);
    expect(keyLabel('j')).toEqual(['J']);
    expect(keyLabel('?')).toEqual(['?']);
    expect(keyLabel(' ')).toEqual(['Space']);
  });
});
