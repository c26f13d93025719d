import type { ExportItem } from '../repository';
import { VERDICT_WORDS } from './claimreview';
import { claimUrl, type ExportContext, type ExportFormat } from './types';

/** Text placed in Markdown as text: characters that would become markup are escaped. */
export const mdText = (s: string) => s.replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1').replace(/\n+/g, ' ');

const STATUS_WORDS = { open: 'Open', in_review: 'In review', verified: 'Verified', rejected: 'Rejected' } as const;

/** A readable report: one section per document, one entry per claim with its verdict, evidence and notes. */
export function markdownFormat(): ExportFormat {
  let currentDocument: string | null = null;
  return {
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    head: (ctx: ExportContext) => `# ${mdText(ctx.workspaceName)}: verified claims\n\n${ctx.total} claim${ctx.total === 1 ? '' : 's'}, exported ${ctx.generatedAt.toISOString().slice(0, 10)}.\n`,
    item: ({ claim, document }: ExportItem, _index: number, ctx: ExportContext) => {
      let out = '';
      if (document.id !== currentDocument) {
        currentDocument = document.id;
        out += `\n## ${mdText(document.title)}\n\n${document.sourceUrl ? `Source: <${document.sourceUrl}>\n\n` : ''}`;
      }
      const verdict = claim.revealed && claim.tally.consensus ? VERDICT_WORDS[claim.tally.consensus] : claim.revealed ? 'No consensus' : 'Votes not revealed';
      const agreement = claim.revealed && claim.tally.agreement !== null ? `, ${Math.round(claim.tally.agreement * 100)}% agreement of ${claim.tally.count}` : '';
      out += `### “${mdText(claim.anchor.exact)}”\n\n`;
      out += `- **Status:** ${STATUS_WORDS[claim.status]} · **Verdict:** ${verdict}${agreement}${claim.confidence !== null ? ` · **Team confidence:** ${claim.confidence}/100` : ''}\n`;
      if (claim.note) out += `- **Note:** ${mdText(claim.note)}\n`;
      for (const e of claim.evidence) {
        const what = e.title ?? e.excerpt ?? e.url ?? 'evidence';
        out += `- **${e.stance[0].toUpperCase()}${e.stance.slice(1)}:** ${e.url ? `[${mdText(what)}](<${e.url}>)` : `“${mdText(what)}”`}\n`;
      }
      out += `- [Open in Corroborate](<${claimUrl(ctx, document.id, claim.id)}>)\n\n`;
      return out;
    },
    tail: () => '',
  };
}
