import type { Span } from './text-offsets';

/**
 * Where an address's hash sends the reader: a claim (`#claim-<id>`, as the exports, the dashboard
 * and search link to it; anything after the id, such as an export's `/evidence/<id>`, still lands
 * on the claim), or a passage cited as evidence (`#passage-<start>-<end>`, offsets in the text).
 */
export type HashTarget = { kind: 'claim'; claimId: string } | { kind: 'passage'; span: Span };

const CLAIM = /^#claim-([0-9a-f-]{36})(?:[/?#].*)?$/i;
const PASSAGE = /^#passage-(\d{1,9})-(\d{1,9})$/;

/** What a hash (with its `#`, as `URL.hash` gives it) points at; null for any other hash. */
export function parseHash(hash: string): HashTarget | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(hash);
  } catch {
    // A malformed escape is no target of ours: the reader opens at the top.
    return null;
  }
  const claim = CLAIM.exec(decoded);
  if (claim) return { kind: 'claim', claimId: claim[1].toLowerCase() };
  const passage = PASSAGE.exec(decoded);
  if (!passage) return null;
  const start = Number(passage[1]);
  const end = Number(passage[2]);
  return end > start ? { kind: 'passage', span: { start, end } } : null;
}

/** The reader's address for a passage of a document: it opens there with the passage highlighted. */
export function passageHref(documentId: string, span: Span): string {
  return `/d/${encodeURIComponent(documentId)}#passage-${span.start}-${span.end}`;
}
