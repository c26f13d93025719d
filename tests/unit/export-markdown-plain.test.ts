import fc from 'fast-check';
import type { PhrasingContent, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, test } from 'vitest';
import type { ClaimJson } from '../../server/claims/schemas';
import type { ExportDocument } from '../../server/export/repository';
import { claimEntry, MARKDOWN_OPTIONS } from '../../server/export/formats/markdown';
import { plainMarkdown } from '../../server/export/formats/markdown-plain';

// The fast path must write exactly what mdast-util-to-markdown writes, whenever it writes anything.
const library = (blocks: RootContent[]) => toMarkdown({ type: 'root', children: blocks }, MARKDOWN_OPTIONS);

// Values mixing plain words with every character Markdown gives a meaning to, and hostile ones.
// Mostly plain pieces (so many inputs take the fast path and are compared), sometimes a special one.
const plainPieces = ['word', 'Ünïcödé', '38,000', '1.2', '5.2%', ' ', ':', '.', '-', '—', '–', '“', '”', "'", '"', '?', '/', '·', '2024', '😀', '€', '(', ')', ' (2026-12-02)'];
const specialPieces = ['  ', '[', ']', '*', '_', '`', '<', '>', '&', '#', '!', '|', '~', '\\', '+', '=', '1.', '\u0000', '\ud800', 'a_b', '**', '&amp;', '<script>', '](javascript:x)', '\t', '\n'];
const piece = fc.oneof({ arbitrary: fc.constantFrom(...plainPieces), weight: 40 }, { arbitrary: fc.constantFrom(...specialPieces), weight: 1 });
const value = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
const url = fc.constantFrom('https://example.org/a', 'https://example.org/a', 'https://example.org/report-2024.pdf', 'http://localhost:3000/documents/1#claim-2', 'https://e.org/a?b=c&d=e', 'https://e.org/a;b,c@d+e~f', "https://e.org/it's!$", 'https://e.org/(x)', 'https://e.org/a b', 'javascript:alert(1)', 'https://e.org/<x>', 'https://e.org/a*b_c');
const text = value.map((v): PhrasingContent => ({ type: 'text', value: v }));
const strong = value.map((v): PhrasingContent => ({ type: 'strong', children: [{ type: 'text', value: v }] }));
const link = fc.tuple(url, value).map(([u, v]): PhrasingContent => ({ type: 'link', url: u, children: [{ type: 'text', value: v }] }));
// Any mix of nodes, and the report's own shape (a bold label, a space, a value; links), which is what mostly takes the fast path.
const anyPhrasing = fc.array(fc.oneof(text, strong, link), { minLength: 1, maxLength: 6 });
const labelled = fc.tuple(fc.constantFrom('Rating:', 'Note:', 'Why:', 'Supports:', 'Source:'), value).map(([label, v]): PhrasingContent[] => [
  { type: 'strong', children: [{ type: 'text', value: label }] },
  { type: 'text', value: ` ${v}` },
]);
const reportPhrasing = fc.array(fc.oneof(labelled, link.map((l) => [l])), { minLength: 1, maxLength: 3 }).map((parts) => parts.flat());
const phrasing = fc.oneof(anyPhrasing, reportPhrasing);
const block = fc.oneof(
  fc.tuple(fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>, phrasing).map(([depth, children]): RootContent => ({ type: 'heading', depth, children })),
  phrasing.map((children): RootContent => ({ type: 'paragraph', children })),
  fc.array(phrasing, { minLength: 1, maxLength: 5 }).map((items): RootContent => ({
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] })),
  })),
);

/** A claim entry as the report builds it, from plain values. */
function claimBlocks(quote: string, note: string): RootContent[] {
  const t = (value: string): PhrasingContent => ({ type: 'text', value });
  const b = (value: string): PhrasingContent => ({ type: 'strong', children: [t(value)] });
  const item = (children: PhrasingContent[]) => ({ type: 'listItem' as const, spread: false, children: [{ type: 'paragraph' as const, children }] });
  return [
    { type: 'heading', depth: 3, children: [t(`“${quote}”`)] },
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: [
        item([b('Rating:'), t(' Accurate · '), b('Status:'), t(' Verified · '), b('Blind votes:'), t(' Accurate, 80% agreement of 5')]),
        item([b('Note:'), t(` ${note}`)]),
        item([b('Supports:'), t(' '), { type: 'link', url: 'https://example.org/report', children: [t('Port report 2024')] }, t(': “38,000 homes”')]),
        item([{ type: 'link', url: 'http://localhost:3000/documents/d#claim-c', children: [t('Open in Corroborate')] }]),
      ],
    },
  ];
}

describe('the plain Markdown fast path', () => {
  test('writes the same bytes as mdast-util-to-markdown for every input it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 2 }), (blocks) => {
        const fast = plainMarkdown(blocks);
        if (fast === null) return;
        accepted++;
        expect(fast).toBe(library(blocks));
      }),
      { numRuns: 10_000 },
    );
    // Enough generated inputs take the fast path for the comparison to mean something.
    expect(accepted).toBeGreaterThan(300);
  });

  test('takes a typical claim entry (quote, note, labels, links) and writes it as the library does', () => {
    const blocks = claimBlocks('The harbour wall will protect 38,000 homes from a one-in-a-hundred-year flood.', 'Checked against the 2024 annual report, page 12; the ministry’s figure is 37,500.');
    const fast = plainMarkdown(blocks);
    expect(fast).not.toBeNull();
    expect(fast).toBe(library(blocks));
  });

  test('a verified, signed-off claim with evidence, votes and a public page, as the export builds it, takes the fast path', () => {
    const id = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    const claim = {
      id,
      anchor: { exact: 'The harbour wall will protect 38,000 homes from a one-in-a-hundred-year flood.' },
      status: 'verified',
      revealed: true,
      tally: { count: 5, consensus: 'mostly_accurate', agreement: 0.8 },
      votes: [],
      confidence: 72,
      note: 'Checked against the annual survey.',
      statusReason: null,
      signOff: { rating: 'mostly_accurate', rationale: 'The survey agrees.', by: { id, name: 'Ada Okafor' }, at: '2026-12-02T10:00:00.000Z', override: [] },
      publication: { url: `/fact-checks/${id}`, at: '2026-12-02T11:00:00.000Z' },
      evidence: [0, 1, 2].map((p) => ({ id: `${id.slice(0, -1)}${p}`, kind: 'url', stance: ['supports', 'refutes', 'context'][p], url: `https://example.org/source/${id}/${p}`, title: `Source ${p + 1}`, excerpt: 'An excerpt of the source that supports the figure.', documentId: null })),
    } as unknown as ClaimJson;
    const document = { id, title: 'Harbour', sourceUrl: null, authors: [], sourcePublishedOn: null } as unknown as ExportDocument;
    const blocks = claimEntry({ workspaceName: 'Desk', origin: 'http://localhost:3000', total: 1, generatedAt: new Date() }, claim, document, undefined);
    const fast = plainMarkdown(blocks);
    expect(fast).not.toBeNull();
    expect(fast).toBe(library(blocks));
  });

  test.each(['a *b* c', 'x](javascript:alert(1))', '<script>alert(1)</script>', 'a_b', 'AT&T', '`code`', 'back\\slash', 'two  spaces', 'NUL \u0000 here', 'lone \ud800 surrogate'])(
    'leaves %j to the library',
    (hostile) => {
      expect(plainMarkdown(claimBlocks(hostile, 'plain note'))).toBeNull();
      expect(plainMarkdown(claimBlocks('plain quote', hostile))).toBeNull();
    },
  );
});
