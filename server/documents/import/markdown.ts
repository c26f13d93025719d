import type { Nodes, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { toString } from 'mdast-util-to-string';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { htmlToText } from './html';
import { joinParagraphs } from './text';

/** Parses Markdown with footnotes (`[^9]` references and `[^9]: text` definitions). */
const parse = (markdown: string) => fromMarkdown(markdown, { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] });

/** The text of an inline run, with footnote references written as `[label]` markers. */
function inline(node: Nodes): string {
  if (node.type === 'footnoteReference') return `[${node.label ?? node.identifier}]`;
  if (node.type === 'image' || node.type === 'imageReference') return '';
  if ('children' in node) return (node.children as Nodes[]).map(inline).join('');
  return 'value' in node && typeof node.value === 'string' && node.type !== 'html' ? node.value : node.type === 'html' ? htmlToText(node.value) : '';
}

/** Collects the paragraphs of a block node: headings, paragraphs, list items and code each become one. */
function blocks(node: Nodes | RootContent, out: string[], listMarker = ''): void {
  switch (node.type) {
    case 'root':
    case 'blockquote':
      for (const child of node.children) blocks(child, out);
      return;
    case 'list': {
      node.children.forEach((item, i) => {
        const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '• ';
        item.children.forEach((child, j) => blocks(child, out, j === 0 ? marker : ''));
      });
      return;
    }
    case 'heading':
    case 'paragraph':
      out.push(listMarker + inline(node));
      return;
    case 'footnoteDefinition': {
      // A footnote becomes a notes paragraph `[label] text`, where citation linking finds it.
      const parts: string[] = [];
      for (const child of node.children) blocks(child, parts);
      out.push(`[${node.label ?? node.identifier}] ${parts.join(' ')}`);
      return;
    }
    case 'code':
      out.push(listMarker + node.value);
      return;
    case 'html':
      out.push(listMarker + htmlToText(node.value));
      return;
    case 'thematicBreak':
    case 'definition':
      return;
    default:
      out.push(listMarker + toString(node, { includeImageAlt: false }));
  }
}

/** Turns Markdown into canonical plain text: the words, without markup, one paragraph per block. */
export function markdownToText(markdown: string): string {
  const tree = parse(markdown);
  // Footnote definitions go last, as the notes section, whatever their place in the source.
  const notes = tree.children.filter((n) => n.type === 'footnoteDefinition');
  tree.children = [...tree.children.filter((n) => n.type !== 'footnoteDefinition'), ...notes];
  const out: string[] = [];
  blocks(tree, out);
  return joinParagraphs(out);
}

/** The text of the document's first heading, if it has one. */
export function markdownTitle(markdown: string): string | undefined {
  const heading = parse(markdown).children.find((node) => node.type === 'heading');
  return heading ? toString(heading).trim() || undefined : undefined;
}
