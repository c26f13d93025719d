import type { PhrasingContent, RootContent } from 'mdast';

/**
 * A fast path for the Markdown report: the few node shapes the report builds (headings, paragraphs
 * and tight bullet lists of text, strong text and links), written directly when every value is
 * plain — made only of letters, digits, spaces and punctuation that cannot start Markdown syntax in
 * the middle of a line — and every URL is made of characters a link destination takes as they are.
 * Whatever else a value holds (`*`, `_`, brackets, `<`, `&`, backslashes, backticks, line-start
 * markers, runs of spaces), it returns null and the caller has mdast-util-to-markdown escape it.
 *
 * Why: the library checks every text node against some forty escaping patterns, about 0.5 ms per claim,
 * which alone made a 10,000-claim report take five seconds. For plain values its output is exactly this
 * one's (tests/unit/export-markdown-plain.test.ts compares the two on generated values), so the fast path
 * changes no byte of any report.
 */

/** Letters, marks, digits, single spaces and punctuation that is inert mid-line (no `*_[]<>&\\`!#|~`; parentheses only where no `]` can precede them; no `-+=.` at a line start). */
const PLAIN_TEXT = /^[\p{L}\p{M}\p{N},;:'’‘“”"%/?.·–—@$€£¥°‰±×÷′″() -]*$/u;
/** A link destination written bare: no spaces, parentheses, angle brackets, backslashes or controls. */
const PLAIN_URL = /^[A-Za-z0-9:/?#=%.~+,;@-]+$/;

const plainText = (value: string) => PLAIN_TEXT.test(value) && !value.includes('  ');

function phrasing(nodes: PhrasingContent[]): string | null {
  let out = '';
  for (const [i, node] of nodes.entries()) {
    if (node.type === 'text') {
      if (!plainText(node.value)) return null;
      out += node.value;
    } else if (node.type === 'strong') {
      const inner = phrasing(node.children);
      // Attention next to anything but a space, or with spaces inside, is where the library encodes characters: leave it to the library.
      const next = nodes[i + 1];
      if (inner === null || inner === '' || /^\s|\s$/.test(inner) || !(out === '' || out.endsWith(' '))) return null;
      if (next && !(next.type === 'text' && next.value.startsWith(' '))) return null;
      out += `**${inner}**`;
    } else if (node.type === 'link') {
      const inner = phrasing(node.children);
      if (inner === null || inner === '' || !PLAIN_URL.test(node.url) || node.title || inner === node.url) return null;
      out += `[${inner}](${node.url})`;
    } else {
      return null;
    }
  }
  return out;
}

/** A paragraph's or heading's line: no leading or trailing space (the library would encode it), never a digit run then `.` first. */
function line(nodes: PhrasingContent[]): string | null {
  const out = phrasing(nodes);
  if (out === null || out === '' || /^\s|\s$/.test(out) || /^[\d#>=+-]/.test(out)) return null;
  return out;
}

function block(node: RootContent): string | null {
  if (node.type === 'heading') {
    const content = line(node.children);
    return content === null ? null : `${'#'.repeat(node.depth)} ${content}`;
  }
  if (node.type === 'paragraph') return line(node.children);
  if (node.type === 'list' && !node.ordered && !node.spread) {
    const items: string[] = [];
    for (const item of node.children) {
      if (item.spread || item.children.length !== 1 || item.children[0].type !== 'paragraph') return null;
      const content = line(item.children[0].children);
      if (content === null) return null;
      items.push(`- ${content}`);
    }
    return items.join('\n');
  }
  return null;
}

/** The report's Markdown for `blocks` as mdast-util-to-markdown writes it with the report's options, or null when a value needs escaping. */
export function plainMarkdown(blocks: RootContent[]): string | null {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    // Two lists in a row would be joined by the library with a comment between them.
    if (i > 0 && blocks[i].type === 'list' && blocks[i - 1].type === 'list') return null;
    const written = block(blocks[i]);
    if (written === null) return null;
    out.push(written);
  }
  return `${out.join('\n\n')}\n`;
}
