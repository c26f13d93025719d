import type { Heading, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { ExportItem } from '../repository';
import { STATUS_LABELS, VERDICT_LABELS } from '../../shared/labels';
import { overrideSentence, publishedConsensus, voteNotes } from './review-text';
import { claimUrl, type ExportContext, type ExportFormat } from './types';

/**
 * The report is built as a Markdown syntax tree (mdast) and written by mdast-util-to-markdown, the
 * sibling of the parser the importer uses: it escapes whatever a title, quote, note or URL holds
 * (`](javascript:…)`, `<script>`, backticks, brackets), so stored text can never become markup,
 * raw HTML or a link somewhere else.
 */
const OPTIONS = { bullet: '-', emphasis: '_', strong: '*', listItemIndent: 'one', resourceLink: false } as const;

/** Text as one line: a heading or list item ends at a newline, so line breaks inside a field become spaces. */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');

const text = (value: string): PhrasingContent => ({ type: 'text', value: oneLine(value) });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const link = (url: string, children: PhrasingContent[]): PhrasingContent => ({ type: 'link', url, children });
const heading = (depth: Heading['depth'], children: PhrasingContent[]): Heading => ({ type: 'heading', depth, children });
const item = (children: PhrasingContent[]): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] });

const write = (children: RootContent[]) => toMarkdown({ type: 'root', children } satisfies Root, OPTIONS);


/** A readable report: one section per document, one entry per claim with its verdict, evidence and notes. */
export function markdownFormat(): ExportFormat {
  let currentDocument: string | null = null;
  return {
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    head: (ctx: ExportContext) =>
      write([
        heading(1, [text(`${ctx.workspaceName}: verified claims`)]),
        { type: 'paragraph', children: [text(`${ctx.total} claim${ctx.total === 1 ? '' : 's'}, exported ${ctx.generatedAt.toISOString().slice(0, 10)}.`)] },
      ]),
    item: ({ claim, document }: ExportItem, _index: number, ctx: ExportContext) => {
      const blocks: RootContent[] = [];
      if (document.id !== currentDocument) {
        currentDocument = document.id;
        blocks.push(heading(2, [text(document.title)]));
        if (document.sourceUrl) blocks.push({ type: 'paragraph', children: [text('Source: '), link(document.sourceUrl, [text(document.sourceUrl)])] });
      }
      const consensus = publishedConsensus(claim);
      const verdict = consensus ? VERDICT_LABELS[consensus] : claim.revealed ? 'No consensus' : 'Votes not revealed';
      const agreement = claim.revealed && claim.tally.agreement !== null ? `, ${Math.round(claim.tally.agreement * 100)}% agreement of ${claim.tally.count}` : '';
      blocks.push(heading(3, [text(`“${claim.anchor.exact}”`)]));
      const status: PhrasingContent[] = [strong('Status:'), text(` ${STATUS_LABELS[claim.status]} · `), strong('Verdict:'), text(` ${verdict}${agreement}`)];
      if (claim.confidence !== null) status.push(text(' · '), strong('Team confidence:'), text(` ${claim.confidence}/100`));
      const entries = [item(status)];
      if (claim.signOff?.rationale) entries.push(item([strong('Why:'), text(` ${claim.signOff.rationale}`)]));
      const override = overrideSentence(claim);
      if (override) entries.push(item([strong('Override:'), text(` ${override}`)]));
      for (const n of voteNotes(claim)) entries.push(item([strong('Not counted:'), text(` ${n}`)]));
      if (claim.statusReason) entries.push(item([strong('Status reason:'), text(` ${claim.statusReason}`)]));
      if (claim.note) entries.push(item([strong('Note:'), text(` ${claim.note}`)]));
      for (const e of claim.evidence) {
        const what = e.title ?? e.excerpt ?? e.url ?? 'evidence';
        const label = strong(`${e.stance[0].toUpperCase()}${e.stance.slice(1)}:`);
        entries.push(item([label, text(' '), e.url ? link(e.url, [text(what)]) : text(`“${what}”`)]));
      }
      entries.push(item([link(claimUrl(ctx, document.id, claim.id), [text('Open in Corroborate')])]));
      blocks.push({ type: 'list', ordered: false, spread: false, children: entries });
      return `\n${write(blocks)}`;
    },
    tail: () => '',
  };
}
