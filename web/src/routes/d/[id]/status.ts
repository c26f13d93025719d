/** Claim statuses in words (the values are server-owned; see claim-doc.ts). */
export const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  in_review: 'In review',
  verified: 'Verified',
  rejected: 'Rejected',
};

export const statusLabel = (status: string) => STATUS_LABELS[status] ?? status;

/** Evidence stances in words. */
export const STANCE_LABELS: Record<string, string> = { supports: 'Supports', refutes: 'Refutes', context: 'Context' };
