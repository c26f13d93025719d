import { describe, expect, test } from 'vitest';
import { detectFormat, titleFromFilename, toCanonicalText } from '../../server/documents/import';
import { canonicalText } from '../../server/documents/import/text';

describe('canonical text', () => {
  test('normalises line endings, trailing spaces, blank-line runs, BOM and Unicode form', () => {
    expect(canonicalText('\uFEFF\n\nA  \r\nb\t\r\r\r\rC\u0301\n\n')).toBe('A\nb\n\nĆ');
  });

  test('is idempotent: canonical text converts to itself in every format', () => {
    const text = 'One.\n\nTwo, with a comma.\n\nThree.';
    expect(toCanonicalText('text', text)).toBe(text);
    expect(toCanonicalText('markdown', text)).toBe(text);
    expect(toCanonicalText('html', `<p>One.</p><p>Two, with a comma.</p><p>Three.</p>`)).toBe(text);
  });
});

describe('HTML import', () => {
  test('keeps block structure as paragraphs and list items, drops everything executable', () => {
    const html = '<div><p>Intro</p><ul><li>a</li><li>b</li></ul><iframe src="x"></iframe><noscript>n</noscript><p>End<sup>3</sup></p></div>';
    expect(toCanonicalText('html', html)).toBe('Intro\n\n• a\n• b\n\nEnd[3]'); // a numeric superscript is a footnote marker
  });

  test('decodes entities and never leaves a tag behind', () => {
    const text = toCanonicalText('html', '<p>Fish &amp; chips &lt;script&gt; &#8364;5</p><svg><script>x()</script></svg>');
    expect(text).toBe('Fish & chips <script> €5');
  });
});

describe('Markdown import', () => {
  test('numbered lists keep their numbers, code keeps its content, images their nothing', () => {
    const md = '3. third\n4. fourth\n\n```\ncode()\n```\n\n![alt text](x.png) caption';
    expect(toCanonicalText('markdown', md)).toBe('3. third\n\n4. fourth\n\ncode()\n\ncaption');
  });

  test('raw HTML inside Markdown is reduced to text', () => {
    expect(toCanonicalText('markdown', 'Before\n\n<div><script>bad()</script><b>bold</b></div>\n\nAfter')).toBe('Before\n\nbold\n\nAfter');
  });
});

describe('format detection', () => {
  test('uses the extension first and the MIME type second', () => {
    expect(detectFormat('a.MD', 'text/plain')).toBe('markdown');
    expect(detectFormat('a.htm', '')).toBe('html');
    expect(detectFormat('noext', 'text/html; charset=utf-8')).toBe('html');
    expect(detectFormat('a.pdf', '')).toBe('pdf');
    expect(detectFormat('a.xlsx', 'application/vnd.ms-excel')).toBeNull();
  });

  test('titles come from file names without extension or separators', () => {
    expect(titleFromFilename('field_notes-2024.txt')).toBe('field notes 2024');
    expect(titleFromFilename('.md')).toBe('Untitled');
  });
});
