import { isFoldedAction, ROUTINE_ACTIONS } from '../shared/history';

interface FoldableEvent {
  claimId: string;
  userId?: string | null;
  action: string;
  field?: string | null;
  from?: unknown;
  to?: unknown;
  offline?: boolean;
}

/**
 * Whether `earlier` is what a later folded edit of `field` on the same claim is compared with: an
 * entry of the same field, or any important one (a vote or a status change keeps edits apart).
 */
export const bearsOn = (earlier: { action: string; field?: string | null }, field: string | null | undefined): boolean =>
  earlier.field === field || !ROUTINE_ACTIONS.includes(earlier.action);

/**
 * Folds a person's run of the same edit of one claim within one batch into one history entry (the
 * first `from`, the last `to`): a confidence slider dragged 60 → 61 → … → 80 is one
 * "confidence 60 → 80", even while other people edit other claims in between. An edit folds into
 * the claim's latest entry that bears on it (same field, or important) when that entry is the same
 * person's same edit — the rule the group commit applies to the stored entries across batches and
 * processes, within HISTORY_WINDOW_MS (`commitBatches` in repository.ts).
 */
export function coalesceEvents<E extends FoldableEvent>(events: E[]): E[] {
  const out: E[] = [];
  /** Per claim, the positions in `out` of its entries. */
  const byClaim = new Map<string, number[]>();
  for (const e of events) {
    const entries = byClaim.get(e.claimId) ?? [];
    if (isFoldedAction(e.action)) {
      let latest = -1;
      for (let i = entries.length - 1; i >= 0 && latest < 0; i--) if (bearsOn(out[entries[i]], e.field)) latest = entries[i];
      const last = latest >= 0 ? out[latest] : null;
      if (last && last.action === e.action && last.userId === e.userId && Boolean(last.offline) === Boolean(e.offline)) {
        out[latest] = { ...last, to: e.to };
        continue;
      }
    }
    entries.push(out.length);
    byClaim.set(e.claimId, entries);
    out.push(e);
  }
  return out;
}
