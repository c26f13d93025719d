import type * as Y from 'yjs';
import { diffText, transformPosition, type TextDelta } from './text-diff';

/**
 * Keeps a text area and a Y.Text the same, both ways, as a Svelte attachment
 * (`<textarea {@attach bindText(ytext)}>`). Local typing becomes the smallest delete/insert on the
 * Y.Text, so concurrent typing by others merges instead of being overwritten; a change by someone
 * else rewrites the text area with the caret and selection moved as the change requires.
 */
export function bindText(ytext: Y.Text) {
  return (textarea: HTMLTextAreaElement) => {
    // The transaction origin of our own edits, to tell them apart from everyone else's.
    const origin = { binding: textarea };
    textarea.value = ytext.toString();

    const onInput = () => {
      const edit = diffText(ytext.toString(), textarea.value, textarea.selectionEnd ?? undefined);
      if (!edit) return;
      ytext.doc!.transact(() => {
        if (edit.remove) ytext.delete(edit.index, edit.remove);
        if (edit.insert) ytext.insert(edit.index, edit.insert);
      }, origin);
    };

    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === origin) return;
      const focused = document.activeElement === textarea;
      const { selectionStart, selectionEnd, selectionDirection } = textarea;
      const delta = event.delta as TextDelta;
      textarea.value = ytext.toString();
      if (focused) {
        textarea.setSelectionRange(transformPosition(delta, selectionStart), transformPosition(delta, selectionEnd), selectionDirection ?? undefined);
      }
    };

    textarea.addEventListener('input', onInput);
    ytext.observe(onChange);
    return () => {
      textarea.removeEventListener('input', onInput);
      ytext.unobserve(onChange);
    };
  };
}
