import { describe, expect, test } from 'vitest';
import { commandFor, type KeyPress } from '../../web/src/routes/documents/[id]/reader-keys';

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
});
