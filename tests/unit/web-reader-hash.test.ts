import { describe, expect, test } from 'vitest';
import { parseHash, passageHref } from '../../web/src/routes/documents/[id]/reader-hash';

const CLAIM = '3f2b9c1e-8a4d-4c7e-9b1a-0d5e6f7a8b9c';

describe('where a reader address’s hash points', () => {
  test('a claim link (the exports’ claim_url, the dashboard, search, Copy link) names its claim', () => {
    expect(parseHash(`#claim-${CLAIM}`)).toEqual({ kind: 'claim', claimId: CLAIM });
    expect(parseHash(`#claim-${CLAIM.toUpperCase()}`)).toEqual({ kind: 'claim', claimId: CLAIM });
  });

  test('an evidence id of the Web Annotation export (…#claim-<id>/evidence/<id>) lands on its claim', () => {
    expect(parseHash(`#claim-${CLAIM}/evidence/0d5e6f7a-8b9c-4c7e-9b1a-3f2b9c1e8a4d`)).toEqual({ kind: 'claim', claimId: CLAIM });
  });

  test('a comment id of the Web Annotation export (…#claim-<id>/comments/<id>) lands on its claim', () => {
    expect(parseHash(`#claim-${CLAIM}/comments/0d5e6f7a-8b9c-4c7e-9b1a-3f2b9c1e8a4d`)).toEqual({ kind: 'claim', claimId: CLAIM });
  });

  test('a passage link gives its offsets, and round-trips through passageHref', () => {
    expect(parseHash('#passage-120-184')).toEqual({ kind: 'passage', span: { start: 120, end: 184 } });
    const href = passageHref('doc', { start: 7, end: 9 });
    expect(href).toBe('/d/doc#passage-7-9');
    expect(parseHash(href.slice(href.indexOf('#')))).toEqual({ kind: 'passage', span: { start: 7, end: 9 } });
  });

  test('anything else is no target: the reader opens as it would without a hash', () => {
    for (const hash of ['', '#', '#top', '#claim-', '#claim-not-a-uuid', `#claim-${CLAIM}x`, '#passage-9-3', '#passage-5-5', '#passage-1-', '#comment-1', '#%E0%A4%A']) {
      expect(parseHash(hash)).toBeNull();
    }
  });
});
