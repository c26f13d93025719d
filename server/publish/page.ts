/**
 * The public fact-check pages as HTML that works without JavaScript: one published claim in its
 * context with its rating, the lead's rationale, the evidence and its archived copies, who
 * reviewed it and when, and its ClaimReview JSON-LD; and a document's list of published checks.
 * Every value is escaped; nothing a workspace keeps private (notes, comments, unrevealed or, unless
 * the workspace shows them, individual votes) is read here.
 */
import escapeHtml from 'escape-html';
import { claimReview, isClaimReview } from '../export/formats/claimreview';
import { publishedConsensus, reviewBody } from '../export/formats/review-text';
import { stanceLabel, statusLabel, verdictLabel } from '../shared/labels';
import { factCheckPath, publishedArchivePath, publishedDocumentPath } from '../shared/public-paths';
import type { PublishedCheck, publishedOfDocument } from './repository';

/** A tagged template whose interpolations are escaped, unless they are already `Html`. */
class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}
type Part = string | number | Html | null | undefined | Part[];
const render = (part: Part): string => (Array.isArray(part) ? part.map(render).join('') : part instanceof Html ? part.value : part == null ? '' : escapeHtml(String(part)));
const html = (strings: TemplateStringsArray, ...parts: Part[]): Html => new Html(strings.reduce((out, s, i) => out + s + (i < parts.length ? render(parts[i]) : ''), ''));

/** JSON inside a script element: `<` escaped so no value can close the element. */
const jsonLd = (value: unknown): Html => new Html(`<script type="application/ld+json">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`);

/** Only web links become links: a `javascript:` or `data:` URL in evidence is shown as text. */
const webLink = (url: string | null, label: Part): Html => (url && /^https?:\/\//i.test(url) ? html`<a href="${url}" rel="nofollow noopener">${label}</a>` : html`${label}`);

const day = (at: Date | string | null | undefined): string => (at ? new Date(at).toISOString().slice(0, 10) : '');

const STYLE = `body{font:17px/1.55 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
header p,footer{font:14px system-ui,sans-serif;color:#5d6671}h1{font-size:1.5rem;line-height:1.3}
blockquote{margin:1rem 0;padding:.5rem 1rem;border-left:4px solid #c9ced6;background:#f6f7f9}mark{background:#fff1a8}
.rating{font:600 1.1rem system-ui,sans-serif}.meta{font:14px system-ui,sans-serif;color:#5d6671}li{margin:.6rem 0}`;

function page(title: string, body: Html, head: Html | string = ''): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${new Html(STYLE)}</style>${head}</head>
<body>${body}</body></html>`.value;
}

/** The claim's sentence with the claimed words marked, when the stored text still holds them there. */
function inContext({ claim, document }: PublishedCheck): Html {
  const { start, end, exact } = claim.anchor;
  if (document.text.slice(start, end) !== exact) return html`<blockquote><mark>${exact}</mark></blockquote>`;
  const before = document.text.slice(Math.max(0, start - 240), start);
  const after = document.text.slice(end, end + 240);
  return html`<blockquote>${start > 240 ? '…' : ''}${before}<mark>${exact}</mark>${after}${end + 240 < document.text.length ? '…' : ''}</blockquote>`;
}

/** The rating the lead published at sign-off; without one, the revealed consensus, else the status. */
function rating(claim: PublishedCheck['claim']): string {
  const chosen = claim.signOff?.rating ?? publishedConsensus(claim);
  return chosen ? verdictLabel(chosen) : statusLabel(claim.status);
}

function evidenceList(check: PublishedCheck): Html {
  const { claim, archives } = check;
  if (claim.evidence.length === 0) return html`<p class="meta">No evidence was attached.</p>`;
  return html`<ul>${claim.evidence.map((e) => {
    const archive = archives.get(e.id);
    return html`<li><strong>${stanceLabel(e.stance)}:</strong> ${webLink(e.url, e.title ?? e.url ?? 'Quotation')}
${e.excerpt ? html`<blockquote>${e.excerpt}</blockquote>` : ''}
${archive ? html`<div class="meta"><a href="${publishedArchivePath(claim.id, e.id)}">Archived copy</a> of ${day(archive.fetchedAt)}${archive.sha256 ? html`, SHA-256 <code>${archive.sha256.slice(0, 16)}…</code>` : ''}</div>` : ''}</li>`;
  })}</ul>`;
}

function reviewers(check: PublishedCheck): Html {
  const { claim, workspace } = check;
  const signed = claim.signOff?.by ? html`Signed off by ${claim.signOff.by.name} on ${day(claim.signOff.at)}.` : '';
  const tally = claim.revealed && claim.tally.count ? html` ${claim.tally.count} fact-checker${claim.tally.count === 1 ? '' : 's'} voted blind.` : '';
  const votes =
    workspace.publicVotes && claim.revealed && claim.votes.length
      ? html`<ul>${claim.votes.map((v) => html`<li>${v.user.name}: ${verdictLabel(v.verdict)}</li>`)}</ul>`
      : '';
  return html`<p class="meta">${signed}${tally}</p>${votes}`;
}

/** The page of one published check; `origin` makes its links and JSON-LD absolute. */
export function factCheckPage(check: PublishedCheck, origin: string): string {
  const { claim, document, workspace, publishedAt } = check;
  const item = {
    claim,
    document: { id: document.id, title: document.title, sourceUrl: document.sourceUrl, authors: document.authors, sourcePublishedOn: document.sourcePublishedOn, createdAt: publishedAt },
    archives: new Map([...check.archives].map(([id, a]) => [id, { fetchedAt: a.fetchedAt.toISOString(), sha256: a.sha256 ?? '', finalUrl: null }])),
  };
  const review = claimReview(item, { workspaceName: workspace.name, origin, total: 1, generatedAt: publishedAt });
  const why = reviewBody(claim);
  const source = html`${webLink(document.sourceUrl, document.title)}${document.authors.length ? html` by ${document.authors.join(', ')}` : ''}${document.sourcePublishedOn ? html`, ${document.sourcePublishedOn}` : ''}`;
  const body = html`<header><p>${workspace.name} · Fact-check published ${day(publishedAt)}</p></header>
<main><h1>${claim.anchor.exact}</h1>
<p class="rating" data-rating>Rating: ${rating(claim)}</p>
<p class="meta">From ${source}:</p>
${inContext(check)}
<h2>Why</h2>${why ? html`<p data-rationale>${why}</p>` : html`<p class="meta">No rationale was given.</p>`}
<h2>Evidence</h2>${evidenceList(check)}
<h2>Reviewed</h2>${reviewers(check)}
<p class="meta"><a href="${publishedDocumentPath(document.id)}">Every published check of this document</a></p></main>
<footer>Published with Corroborate.</footer>`;
  // Only a rated claim is a review: an unrated one gets no ClaimReview markup for search engines to misread.
  return page(`Fact-check: ${claim.anchor.exact.slice(0, 80)}`, body, isClaimReview(claim) ? jsonLd(review) : '');
}

/** The list of a document's published checks. */
export function documentPage(list: NonNullable<Awaited<ReturnType<typeof publishedOfDocument>>>): string {
  const body = html`<header><p>${list.workspace} · Published fact-checks</p></header>
<main><h1>${list.title}</h1>${list.sourceUrl ? html`<p class="meta">Source: ${webLink(list.sourceUrl, list.sourceUrl)}</p>` : ''}
<ul>${list.checks.map((c) => html`<li><a href="${factCheckPath(c.id)}">${c.exact}</a> <span class="meta">${statusLabel(c.status)}, published ${day(c.publishedAt)}</span></li>`)}</ul></main>
<footer>Published with Corroborate.</footer>`;
  return page(`Fact-checks: ${list.title}`, body);
}

/** The answer for anything not published: the same whether it never existed or was taken down. */
export const notPublishedPage = (): string =>
  page('Not published', html`<main><h1>Not published</h1><p>There is no published fact-check at this address. It may have been taken down.</p></main>`);
