import { describe, expect, test } from 'vitest';
import { returnTo, withReturn } from '../../web/src/lib/return-to';

const at = (search: string) => new URL(`https://app.example/login${search}`);

describe('where signing in returns to', () => {
  test('a path of this app given as ?next= is where sign-in returns to', () => {
    expect(returnTo(at('?next=%2Finvite%2Fcbi_abc'))).toBe('/invite/cbi_abc');
    expect(returnTo(at('?next=/w/1/members?x=1'))).toBe('/w/1/members?x=1');
  });

  test('no ?next=, or one that would leave the app (another host, a scheme, a protocol-relative or backslash path), returns to the workspace list', () => {
    for (const search of ['', '?next=', '?next=https://evil.example/', '?next=//evil.example/x', '?next=/\\evil.example', '?next=javascript:alert(1)', '?next=invite']) {
      expect(returnTo(at(search))).toBe('/');
    }
  });

  test('the link between sign-in and sign-up carries the return along, except to the workspace list', () => {
    expect(withReturn('/signup', '/invite/cbi_abc')).toBe('/signup?next=%2Finvite%2Fcbi_abc');
    expect(withReturn('/signup', '/')).toBe('/signup');
  });
});
