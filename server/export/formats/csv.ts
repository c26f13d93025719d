import Papa from 'papaparse';
import type { ExportFormat } from './types';
import { claimUrl } from './types';

const COLUMNS = ['document', 'source_url', 'quote', 'start', 'end', 'status', 'confidence', 'consensus', 'agreement', 'votes', 'evidence_urls', 'claim_url'];

/**
 * One row per claim. Papa Parse quotes what needs quoting and, with `escapeFormulae`, prefixes
 * cells that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) with a quote.
 */
const row = (cells: unknown[]) => Papa.unparse([cells], { escapeFormulae: true, newline: '\r\n' }) + '\r\n';

export const csvFormat: ExportFormat = {
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  head: () => row(COLUMNS),
  item: ({ claim, document }, _index, ctx) =>
    row([
      document.title,
      document.sourceUrl ?? '',
      claim.anchor.exact,
      claim.anchor.start,
      claim.anchor.end,
      claim.status,
      claim.confidence ?? '',
      claim.revealed ? (claim.tally.consensus ?? '') : '',
      claim.revealed && claim.tally.agreement !== null ? claim.tally.agreement.toFixed(2) : '',
      claim.revealed ? claim.votes.map((v) => `${v.user.name}: ${v.verdict}`).join('; ') : `${claim.tally.count} hidden`,
      claim.evidence.flatMap((e) => (e.url ? [e.url] : [])).join(' '),
      claimUrl(ctx, document.id, claim.id),
    ]),
  tail: () => '',
};
