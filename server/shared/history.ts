/**
 * The rules of a claim's history, read by the group commit (which entries fold together), the
 * history route (its `important` filter) and the web app.
 */

/** Edits folded into one entry per person and field within HISTORY_WINDOW_MS (docs/api.md "History"). */
export const FOLDED_ACTIONS = ['note_edited', 'confidence_changed', 'tags_changed'] as const;

/**
 * Everyday work on a claim. Every other action is important: status changes (sign-off, overrides,
 * reopenings), votes and reveals, re-anchoring, deletion, and writes the server undid (forged or
 * locked). An action added later is important until it is listed here.
 */
export const ROUTINE_ACTIONS: readonly string[] = [...FOLDED_ACTIONS, 'created', 'evidence_added', 'evidence_removed', 'commented'];

/** Default of HISTORY_WINDOW_MS: two minutes. */
export const DEFAULT_HISTORY_WINDOW_MS = 120_000;

/** Whether a history entry of this action stands out (and passes `?important=true`). */
export const isImportantAction = (action: string): boolean => !ROUTINE_ACTIONS.includes(action);

/** Whether entries of this action fold into the person's latest entry of the same field. */
export const isFoldedAction = (action: string): boolean => (FOLDED_ACTIONS as readonly string[]).includes(action);
