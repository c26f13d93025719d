import { isFoldedAction } from '../shared/history';

/**
 * Folds runs of the same edit by the same person within one batch into one history entry (the
 * first `from`, the last `to`): a confidence slider dragged 60 → 61 → … → 80 is one
 * "confidence 60 → 80". Across batches and processes the group commit folds further, into the
 * person's latest stored entry within HISTORY_WINDOW_MS (`commitBatches` in repository.ts).
 */
export function coalesceEvents<E extends { claimId: string; userId?: string | null; action: string; field?: string | null; from?: unknown; to?: unknown; offline?: boolean }>(events: E[]): E[] {
  const out: E[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (
      last &&
      isFoldedAction(e.action) &&
      last.action === e.action &&
      last.claimId === e.claimId &&
      last.userId === e.userId &&
      Boolean(last.offline) === Boolean(e.offline)
    ) {
      out[out.length - 1] = { ...last, to: e.to };
    } else {
      out.push(e);
    }
  }
  return out;
}
