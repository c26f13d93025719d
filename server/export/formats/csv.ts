import Papa from 'papaparse';
import type { ExportFormat } from './types';
import { claimUrl } from './types';
import { overrideSentence, publishedConsensus, voteNotes } from './review-text';

/**
 * `consensus`, `agreement` and `votes` are the current round's blind votes; `revised_votes` the
 * revisions and votes after reveal, which never count; the sign-off columns the lead's published
 * "why" and what it overrode.
 */
const COLUMNS = [
  'document', 'source_url', 'quote', 'start', 'end', 'status', 'confidence', 'consensus', 'agreement', 'votes', 'evidence_urls', 'claim_url',
  'round', 'revised_votes', 'sign_off_rationale', 'sign_off_override', 'signed_off_by', 'signed_off_at', 'status_reason',
  // For each of `evidence_urls`, in its order: when its page was archived and the SHA-256 of its text (`none`: no copy).
  'evidence_archived_at', 'evidence_archive_sha256',
];

/**
 * One row per claim. Papa Parse quotes what needs quoting and, with `escapeFormulae`, prefixes
 * cells that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) with a quote.
 */
const row = (cells: unknown[]) => Papa.unparse([cells], { escapeFormulae: true, newline: '\r\n' }) + '\r\n';

export const csvFormat: ExportFormat = {
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  head: () => row(COLUMNS),
  item: ({ claim, document, archives }, _index, ctx) =>
    row([
      document.title,
      document.sourceUrl ?? '',
      claim.anchor.exact,
      claim.anchor.start,
      claim.anchor.end,
      claim.status,
      claim.confidence ?? '',
      publishedConsensus(claim) ?? '',
      claim.revealed && claim.tally.agreement !== null ? claim.tally.agreement.toFixed(2) : '',
      claim.revealed ? claim.votes.filter((v) => !v.afterReveal).map((v) => `${v.user.name}: ${v.verdict}`).join('; ') : `${claim.tally.count} hidden`,
      claim.evidence.flatMap((e) => (e.url ? [e.url] : [])).join(' '),
      claimUrl(ctx, document.id, claim.id),
      claim.round,
      voteNotes(claim).join(' '),
      claim.signOff?.rationale ?? '',
      overrideSentence(claim) ?? '',
      claim.signOff?.by?.name ?? '',
      claim.signOff?.at ?? '',
      claim.statusReason ?? '',
      claim.evidence.flatMap((e) => (e.url ? [archives?.get(e.id)?.fetchedAt ?? 'none'] : [])).join(' '),
      claim.evidence.flatMap((e) => (e.url ? [archives?.get(e.id)?.sha256 ?? 'none'] : [])).join(' '),
    ]),
  tail: () => '',
};
