import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { diffText, transformPosition, type TextDelta } from '../../web/src/lib/collab/text-diff';

const apply = (text: string, edit: { index: number; remove: number; insert: string } | null) =>
  edit ? text.slice(0, edit.index) + edit.insert + text.slice(edit.index + edit.remove) : text;

describe('diffText', () => {
  test('turns the old text into the new one, for any pair of strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (prev, next) => {
        expect(apply(prev, diffText(prev, next))).toBe(next);
      }),
    );
  });

  test('is a single small edit for typing or deleting inside a text', () => {
    expect(diffText('The port', 'The big port')).toEqual({ index: 4, remove: 0, insert: 'big ' });
    expect(diffText('The big port', 'The port')).toEqual({ index: 4, remove: 4, insert: '' });
    expect(diffText('same', 'same')).toBeNull();
    expect(diffText('cost 48m', 'cost 71m')).toEqual({ index: 5, remove: 2, insert: '71' });
  });

  test('places an ambiguous insertion or deletion where the caret says it happened', () => {
    // Typing "a" after the first "a" of "aa": without the caret the prefix rule would say index 2.
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    // Backspace at the start of "xx yy yy": the caret stays at 3.
    expect(diffText('xx yy yy', 'xx yy', 3)).toEqual({ index: 3, remove: 3, insert: '' });
    // A caret that does not fit the change is ignored.
    expect(apply('abc', diffText('abc', 'abXc', 0))).toBe('abXc');
  });

  test('never cuts an emoji (a surrogate pair) in half', () => {
    const edit = diffText('a😀b', 'a😃b')!;
    expect(edit).toEqual({ index: 1, remove: 2, insert: '😃' });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), fc.nat(), (prev, next, caret) => {
        const e = diffText(prev, next, caret % (next.length + 1));
        if (!e) return;
        const splits = (s: string, at: number) => at > 0 && at < s.length && /[\uD800-\uDBFF]/.test(s[at - 1]) && /[\uDC00-\uDFFF]/.test(s[at]);
        expect(splits(prev, e.index) || splits(prev, e.index + e.remove)).toBe(false);
        expect(apply(prev, e)).toBe(next);
      }),
    );
  });
});

/** The delta Yjs reports for a change made on another copy of the text. */
function remoteDelta(text: string, change: (t: Y.Text) => void): TextDelta {
  const mine = new Y.Doc();
  mine.getText('t').insert(0, text);
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
  let delta: TextDelta = [];
  mine.getText('t').observe((event) => (delta = event.delta as TextDelta));
  const before = Y.encodeStateVector(theirs);
  change(theirs.getText('t'));
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, before));
  return delta;
}

describe('transformPosition', () => {
  test('moves a caret after text inserted before it, and leaves it before text inserted at it or after it', () => {
    const delta = remoteDelta('Ada checked.', (t) => t.insert(0, 'NB: '));
    expect(transformPosition(delta, 0)).toBe(0);
    expect(transformPosition(delta, 5)).toBe(9);
    expect(transformPosition(remoteDelta('Ada checked.', (t) => t.insert(12, ' Ben too.')), 12)).toBe(12);
    expect(transformPosition(remoteDelta('Ada checked.', (t) => t.insert(12, ' Ben too.')), 3)).toBe(3);
  });

  test('pulls a caret back over text deleted before it, and into a deletion around it', () => {
    const delta = remoteDelta('one two three', (t) => t.delete(4, 4));
    expect(transformPosition(delta, 13)).toBe(9);
    expect(transformPosition(delta, 6)).toBe(4);
    expect(transformPosition(delta, 2)).toBe(2);
  });

  test('keeps the caret on the same character for any remote edit strictly before or after it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 30 }), fc.nat(), fc.nat(), fc.string({ maxLength: 5 }), fc.nat(3), (text, caretSeed, atSeed, inserted, removed) => {
        const caret = caretSeed % text.length;
        const at = atSeed % (text.length + 1);
        // Only edits that end before the caret or start after it (text inserted right at the caret
        // stays after it, by design: see the test above).
        fc.pre((at < caret && at + removed < caret) || at > caret);
        const delta = remoteDelta(text, (t) => {
          const r = Math.min(removed, text.length - at);
          if (r) t.delete(at, r);
          if (inserted) t.insert(at, inserted);
        });
        const doc = new Y.Doc();
        const y = doc.getText('t');
        y.insert(0, text);
        y.applyDelta(delta as never);
        expect(y.toString()[transformPosition(delta, caret)]).toBe(text[caret]);
      }),
    );
  });
});

describe('the note binding’s edits, made concurrently on two copies', () => {
  test('merge with both people’s words intact', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const ta = a.getText('note');
    const tb = b.getText('note');
    ta.insert(0, 'Checked: ');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Each side edits its own text area; the binding turns each keystroke into a minimal edit.
    let va = ta.toString();
    let vb = tb.toString();
    for (const ch of 'port figures. ') {
      const next = va + ch;
      const e = diffText(va, next, next.length)!;
      ta.insert(e.index, e.insert);
      va = ta.toString();
    }
    for (const ch of 'press office. ') {
      const next = vb + ch;
      const e = diffText(vb, next, next.length)!;
      tb.insert(e.index, e.insert);
      vb = tb.toString();
    }
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(ta.toString()).toBe(tb.toString());
    expect(ta.toString()).toContain('port figures. ');
    expect(ta.toString()).toContain('press office. ');
    expect(ta.toString().startsWith('Checked: ')).toBe(true);
  });
});
