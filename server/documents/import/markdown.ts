import type { Nodes, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { htmlToText } from './html';
import { joinParagraphs } from './text';

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
      out.push(listMarker + toString(node, { includeImageAlt: false }));
      return;
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
  const out: string[] = [];
  blocks(fromMarkdown(markdown), out);
  return joinParagraphs(out);
}

/** The text of the document's first heading, if it has one. */
export function markdownTitle(markdown: string): string | undefined {
  const heading = fromMarkdown(markdown).children.find((node) => node.type === 'heading');
  return heading ? toString(heading).trim() || undefined : undefined;
}
