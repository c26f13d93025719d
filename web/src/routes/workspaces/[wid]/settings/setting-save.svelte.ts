import { errorMessage } from '$lib/api';
import { saveWorkspace, type SavedWorkspace, type WorkspaceChange } from './settings';

/** How a save ended: stored, refused by the server, or overtaken by a later save of the same section. */
export type SaveOutcome = 'saved' | 'refused' | 'superseded';

/**
 * The saving state of one settings section (busy, the sentence of the last save or refusal). Saves
 * go out one after another, so the server keeps the last value asked for (arrow keys move through
 * radios quickly), and only the last one's answer is shown.
 */
export class SettingSave {
  private pending = $state(0);
  error = $state<string | null>(null);
  saved = $state<string | null>(null);
  private queue: Promise<unknown> = Promise.resolve();
  private latest = 0;

  constructor(private readonly workspaceId: () => string) {}

  get busy(): boolean {
    return this.pending > 0;
  }

  /** Shows a refusal made before asking the server (a value out of range). */
  refuse(message: string): void {
    this.error = message;
    this.saved = null;
  }

  /** Saves `change` once the saves before it have ended; `describe` words what the server stored. */
  save(change: WorkspaceChange, describe: (stored: SavedWorkspace) => string): Promise<SaveOutcome> {
    this.error = null;
    this.saved = null;
    const request = ++this.latest;
    this.pending += 1;
    const outcome = this.queue.then(async (): Promise<SaveOutcome> => {
      try {
        const stored = await saveWorkspace(this.workspaceId(), change);
        if (request !== this.latest) return 'superseded';
        this.saved = describe(stored);
        return 'saved';
      } catch (e) {
        if (request !== this.latest) return 'superseded';
        this.error = errorMessage(e);
        return 'refused';
      } finally {
        this.pending -= 1;
      }
    });
    this.queue = outcome;
    return outcome;
  }
}
