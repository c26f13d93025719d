import type { Heading, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { ArchiveSummary } from '../../archive/repository';
import type { ClaimJson } from '../../claims/schemas';
import type { ExportDocument, ExportFilter, ExportItem } from '../repository';
import { STANCE_LABELS, STATUS_LABELS, VERDICT_LABELS } from '../../shared/labels';
import { plainMarkdown } from './markdown-plain';
import { overrideSentence, publishedConsensus, voteNotes } from './review-text';
import { claimUrl, documentUrl, type ExportContext, type ExportFormat } from './types';

/**
 * The report is built as a Markdown syntax tree (mdast) and written by mdast-util-to-markdown, the
 * sibling of the parser the importer uses: it escapes whatever a title, quote, note or URL holds
 * (`](javascript:…)`, `<script>`, backticks, brackets), so stored text can never become markup,
 * raw HTML or a link somewhere else.
 */
export const MARKDOWN_OPTIONS = { bullet: '-', emphasis: '_', strong: '*', listItemIndent: 'one', resourceLink: false } as const;

/** Text as one line: a heading or list item ends at a newline, so line breaks inside a field become spaces. */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');

const text = (value: string): PhrasingContent => ({ type: 'text', value: oneLine(value) });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const link = (url: string, children: PhrasingContent[]): PhrasingContent => ({ type: 'link', url, children });
const heading = (depth: Heading['depth'], children: PhrasingContent[]): Heading => ({ type: 'heading', depth, children });
const item = (children: PhrasingContent[]): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] });

// Plain values take the fast path (markdown-plain.ts: the same bytes, about 20 times faster); anything else is escaped by the library.
const write = (children: RootContent[]) => plainMarkdown(children) ?? toMarkdown({ type: 'root', children } satisfies Root, MARKDOWN_OPTIONS);


/** What an export's status filter holds, as the report's heading says it. */
const FILTER_WORDS: Record<ExportFilter['status'], string> = {
  any: 'All claims',
  verified: 'Verified claims',
  rejected: 'Rejected claims',
  in_review: 'Claims in review',
  open: 'Open claims',
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const day = (iso: string) => iso.slice(0, 10);

/** The report's title and summary: what was exported (the filter, the document when filtered by one), how many, when. */
function reportHeading(ctx: ExportContext, filter: ExportFilter | undefined, document: ExportDocument | undefined): RootContent[] {
  const what = filter ? FILTER_WORDS[filter.status] : 'Claims';
  const inDocument = filter?.documentId && document ? ` in “${document.title}”` : '';
  const confident = filter?.minConfidence !== undefined ? `, team confidence at least ${filter.minConfidence}/100` : '';
  return [
    heading(1, [text(`${ctx.workspaceName}: ${what}${inDocument}`)]),
    { type: 'paragraph', children: [text(`${plural(ctx.total, 'claim')}${confident}, exported ${day(ctx.generatedAt.toISOString())}.`)] },
  ];
}

/** The document's section heading and where it comes from: source link, authors, publication date. */
function documentHeading(document: ExportDocument): RootContent[] {
  const about: PhrasingContent[] = [];
  const add = (...parts: PhrasingContent[]) => about.push(...(about.length ? [text(' · ')] : []), ...parts);
  if (document.sourceUrl) add(strong('Source:'), text(' '), link(document.sourceUrl, [text(document.sourceUrl)]));
  if (document.authors.length) add(strong('By:'), text(` ${document.authors.join(', ')}`));
  if (document.sourcePublishedOn) add(strong('Published:'), text(` ${document.sourcePublishedOn}`));
  return [heading(2, [text(document.title)]), ...(about.length ? [{ type: 'paragraph', children: about } as const] : [])];
}

/** The claim's rating in words: the one chosen at sign-off, else the revealed consensus, else where it stands. */
function ratingWords(claim: ClaimJson): string {
  if (claim.signOff?.rating) return VERDICT_LABELS[claim.signOff.rating];
  const consensus = publishedConsensus(claim);
  if (consensus) return `${VERDICT_LABELS[consensus]} (the blind votes' consensus; not signed off with a rating)`;
  if (claim.signOff) return `Not rated (signed off as ${STATUS_LABELS[claim.status].toLowerCase()})`;
  return `Not rated yet (${claim.revealed ? 'no consensus among the blind votes' : 'votes not revealed'})`;
}

/** One piece of evidence with its content: a link with its title, the quoted words (a footnote's text), the archived copy's date and hash. */
function evidenceEntry(ctx: ExportContext, e: ClaimJson['evidence'][number], archive: ArchiveSummary | undefined): ListItem {
  const parts: PhrasingContent[] = [strong(`${STANCE_LABELS[e.stance]}:`), text(' ')];
  const url = e.url ?? (e.documentId ? documentUrl(ctx, e.documentId) : null);
  if (url) parts.push(link(url, [text(e.title ?? e.url ?? 'Passage of another document')]));
  else if (e.title) parts.push(text(e.title));
  if (e.excerpt) parts.push(text(`${parts.length > 2 ? ': ' : ''}“${e.excerpt}”`));
  if (parts.length === 2) parts.push(text('(no content)'));
  if (archive) parts.push(text(` (archived ${day(archive.fetchedAt)}, SHA-256 ${archive.sha256})`));
  return item(parts);
}

/** A claim's entry: its quote as a heading, then its rating, status, votes, rationale, notes, evidence and links. */
export function claimEntry(ctx: ExportContext, claim: ClaimJson, document: ExportDocument, archives: ExportItem['archives']): RootContent[] {
  const consensus = publishedConsensus(claim);
  const votes = consensus ? VERDICT_LABELS[consensus] : claim.revealed ? 'No consensus' : 'Not revealed';
  const agreement = claim.revealed && claim.tally.agreement !== null ? `, ${Math.round(claim.tally.agreement * 100)}% agreement of ${claim.tally.count}` : '';
  const status: PhrasingContent[] = [strong('Rating:'), text(` ${ratingWords(claim)} · `), strong('Status:'), text(` ${STATUS_LABELS[claim.status]} · `), strong('Blind votes:'), text(` ${votes}${agreement}`)];
  if (claim.confidence !== null) status.push(text(' · '), strong('Team confidence:'), text(` ${claim.confidence}/100`));
  const entries = [item(status)];
  if (claim.signOff?.rationale) entries.push(item([strong('Why:'), text(` ${claim.signOff.rationale}`)]));
  if (claim.signOff?.by || claim.signOff?.at) entries.push(item([strong('Signed off:'), text(` ${[claim.signOff.by?.name, claim.signOff.at && day(claim.signOff.at)].filter(Boolean).join(', ')}`)]));
  const override = overrideSentence(claim);
  if (override) entries.push(item([strong('Override:'), text(` ${override}`)]));
  for (const n of voteNotes(claim)) entries.push(item([strong('Not counted:'), text(` ${n}`)]));
  if (claim.statusReason) entries.push(item([strong('Status reason:'), text(` ${claim.statusReason}`)]));
  if (claim.note) entries.push(item([strong('Note:'), text(` ${claim.note}`)]));
  for (const e of claim.evidence) entries.push(evidenceEntry(ctx, e, archives?.get(e.id)));
  if (claim.publication) entries.push(item([strong('Published:'), text(' '), link(ctx.origin + claim.publication.url, [text('public fact-check')]), text(` (${day(claim.publication.at)})`)]));
  entries.push(item([link(claimUrl(ctx, document.id, claim.id), [text('Open in Corroborate')])]));
  return [heading(3, [text(`“${claim.anchor.exact}”`)]), { type: 'list', ordered: false, spread: false, children: entries }];
}

/** A readable report: one section per document, one entry per claim with its rating, rationale, evidence and notes. */
export function markdownFormat(): ExportFormat {
  let currentDocument: string | null = null;
  let headed = false;
  return {
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    // The heading says what was exported, which the items know (their filter): it is written with the first one.
    head: () => '',
    item: ({ claim, document, archives, filter }: ExportItem, _index: number, ctx: ExportContext) => {
      const blocks: RootContent[] = [];
      if (!headed) {
        headed = true;
        blocks.push(...reportHeading(ctx, filter, document));
      }
      if (document.id !== currentDocument) {
        currentDocument = document.id;
        blocks.push(...documentHeading(document));
      }
      blocks.push(...claimEntry(ctx, claim, document, archives));
      return `${blocks[0].type === 'heading' && blocks[0].depth === 1 ? '' : '\n'}${write(blocks)}`;
    },
    // An empty export still says so (without items, it cannot say which filter found nothing).
    tail: (ctx: ExportContext) => (headed ? '' : write(reportHeading(ctx, undefined, undefined))),
  };
}
