import type { SelectCommand } from './reader-keys';
import { TextSteps, type StepUnit } from './text-steps';
import type { Span } from './text-offsets';

const STEPS: Partial<Record<SelectCommand, { unit: StepUnit; direction: 1 | -1; extend: boolean }>> = {
  'sentence-next': { unit: 'sentence', direction: 1, extend: false },
  'sentence-previous': { unit: 'sentence', direction: -1, extend: false },
  'word-next': { unit: 'word', direction: 1, extend: false },
  'word-previous': { unit: 'word', direction: -1, extend: false },
  'extend-sentence': { unit: 'sentence', direction: 1, extend: true },
  'shrink-sentence': { unit: 'sentence', direction: -1, extend: true },
  'extend-word': { unit: 'word', direction: 1, extend: true },
  'shrink-word': { unit: 'word', direction: -1, extend: true },
};

/**
 * Selecting text with the keyboard alone (S in the reader): a selection that arrow keys move by
 * sentence or word and Shift+arrows extend, which Enter then makes a claim of. Only the span is
 * kept here; the text (TextAnnotations.svelte) turns it into the document's selection, so the
 * "Add claim" button, the others' view of it and claim creation work exactly as with a mouse.
 */
export class SelectMode {
  /** The keyboard selection as document offsets; null: not in select mode. */
  span = $state<Span | null>(null);
  /** Where select mode starts when nothing is selected or focused: set by the text to its first visible offset. */
  startHint: () => number = () => 0;

  readonly #text: () => string;
  #steps: { text: string; steps: TextSteps } | null = null;

  constructor(text: () => string) {
    this.#text = text;
  }

  get active(): boolean {
    return this.span !== null;
  }

  /** Enters select mode with `selection` (what is already selected), else the sentence at `from` (default: startHint). */
  enter(selection: Span | null, from?: number): boolean {
    this.span = selection ? { ...selection } : this.#stepper().sentenceAt(from ?? this.startHint());
    return this.span !== null;
  }

  /** Moves, extends or shrinks the selection; false for a command that is not a step. */
  apply(command: SelectCommand): boolean {
    const step = STEPS[command];
    if (!step || !this.span) return false;
    const steps = this.#stepper();
    this.span = step.extend ? steps.extend(this.span, step.unit, step.direction) : steps.move(this.span, step.unit, step.direction);
    return true;
  }

  leave(): void {
    this.span = null;
  }

  #stepper(): TextSteps {
    const text = this.#text();
    if (this.#steps?.text !== text) this.#steps = { text, steps: new TextSteps(text) };
    return this.#steps.steps;
  }
}
