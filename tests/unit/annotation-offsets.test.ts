import { describe, expect, test } from 'vitest';
import { CodePointOffsets } from '../../server/annotations/code-points';
import { isAbsoluteIri, toUri } from '../../server/annotations/iri';

describe('code point offsets', () => {
  const text = 'a😀b🇫🇷c — é\uD800d';
  const index = new CodePointOffsets(text);
  const codePoints = [...text];

  test('every code point offset converts to the UTF-16 offset of the same prefix, and back', () => {
    expect(index.length).toBe(codePoints.length);
    for (let cp = 0; cp <= codePoints.length; cp++) {
      const utf16 = index.toUtf16(cp)!;
      expect(text.slice(0, utf16)).toBe(codePoints.slice(0, cp).join(''));
      expect(index.fromUtf16(utf16)).toBe(cp);
    }
  });

  test('an emoji is one code point and a flag two (its regional indicators); a lone surrogate is one', () => {
    expect(index.fromUtf16(text.indexOf('b'))).toBe(2);
    expect(index.fromUtf16(text.indexOf('c'))).toBe(5);
    expect(index.fromUtf16(text.indexOf('d'))).toBe(codePoints.indexOf('d'));
  });

  test('an offset inside a surrogate pair counts as the pair’s start; past the end or fractional is null', () => {
    expect(index.fromUtf16(2)).toBe(1);
    expect(index.toUtf16(codePoints.length + 1)).toBeNull();
    expect(index.toUtf16(1.5)).toBeNull();
    expect(index.toUtf16(-1)).toBeNull();
  });

  test('a text without characters outside the BMP counts the same in both', () => {
    const plain = new CodePointOffsets('Street trees cool the street by 12 °C.');
    for (const n of [0, 7, 38]) expect([plain.fromUtf16(n), plain.toUtf16(n)]).toEqual([n, n]);
  });
});

describe('URLs as IRIs', () => {
  test('quotes, spaces and non-ASCII letters are percent-encoded (UTF-8); the host is punycoded', () => {
    expect(toUri('https://example.org/report "final"/été?q=café plan#p "2"')).toBe('https://example.org/report%20%22final%22/%C3%A9t%C3%A9?q=caf%C3%A9%20plan#p%20%222%22');
    expect(toUri('https://exämple.org/a')).toBe('https://xn--exmple-cua.org/a');
    expect(toUri('https://example.org/{x}|^`<>\\y')).toBe('https://example.org/%7Bx%7D%7C%5E%60%3C%3E/y');
  });

  test('valid escapes and reserved characters stay; a stray % is encoded; encoding twice changes nothing', () => {
    for (const url of ['https://example.org/a%20b?x=1&y=(2)#f', 'https://example.org/100%', 'https://[::1]:8080/x y', 'urn:uuid:dbfb1861-0ecf-41ad-be94-a584e5c4f1df']) {
      expect(toUri(toUri(url))).toBe(toUri(url));
      expect(isAbsoluteIri(toUri(url))).toBe(true);
    }
    expect(toUri('https://example.org/100%')).toBe('https://example.org/100%25');
    expect(toUri('https://example.org/a%20b?x=1&y=(2)#f')).toBe('https://example.org/a%20b?x=1&y=(2)#f');
  });

  test('an IRI may have non-ASCII letters but no space, quote or angle bracket, and needs a scheme', () => {
    expect(isAbsoluteIri('http://example.org/été')).toBe(true);
    expect(['this is not a uri', 'not a uri', 'fish', '/relative', 'http://example.org/"x"', 42].map(isAbsoluteIri)).toEqual([false, false, false, false, false, false]);
  });
});
