import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { anchorFromRange } from '../../server/anchoring';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { ClaimsMirror } from '../../web/src/lib/collab/claims-mirror';

const TEXT = 'Dredging will double capacity. It will cost 48 million euros. It creates 900 jobs.';
const at = (quote: string) => anchorFromRange(TEXT, TEXT.indexOf(quote), TEXT.indexOf(quote) + quote.length);

function setup() {
  const doc = new Y.Doc();
  const claims = claimsOf(doc);
  const mirror = new ClaimsMirror(claims);
  const lists: Array<ReturnType<ClaimsMirror['update']>> = [];
  claims.observeDeep((events) => lists.push(mirror.update(events)));
  return { doc, claims, mirror, lists };
}

describe('ClaimsMirror', () => {
  test('keeps the claims as plain values in text order', () => {
    const { claims, mirror } = setup();
    claims.set('b', newClaim({ id: 'b', anchor: at('48 million euros'), confidence: 40 }));
    claims.set('a', newClaim({ id: 'a', anchor: at('double capacity'), note: 'check' }));
    expect(mirror.list.map((c) => [c.id, c.anchor.exact, c.confidence, c.note])).toEqual([
      ['a', 'double capacity', null, 'check'],
      ['b', '48 million euros', 40, ''],
    ]);
    claims.delete('a');
    expect(mirror.list.map((c) => c.id)).toEqual(['b']);
  });

  test('re-reads only the claim an edit touched, keeping the others as they were', () => {
    const { claims, mirror } = setup();
    claims.set('a', newClaim({ id: 'a', anchor: at('double capacity') }));
    claims.set('b', newClaim({ id: 'b', anchor: at('900 jobs') }));
    const [a, b] = mirror.list;
    (claims.get('b')!.get('note') as Y.Text).insert(0, 'called the union');
    expect(mirror.list[0]).toBe(a);
    expect(mirror.list[1]).not.toBe(b);
    expect(mirror.list[1].note).toBe('called the union');
    (claims.get('a')!.get('tags') as Y.Array<string>).push(['cost']);
    expect(mirror.list[0].tags).toEqual(['cost']);
  });

  test('leaves out malformed entries until the server removes them', () => {
    const { claims, mirror } = setup();
    const broken = new Y.Map<unknown>();
    broken.set('id', 'x');
    claims.set('x', broken);
    const wrongId = newClaim({ id: 'y', anchor: at('900 jobs') });
    claims.set('z', wrongId);
    expect(mirror.list).toEqual([]);
  });

  test('reads a document that already has claims', () => {
    const doc = new Y.Doc();
    claimsOf(doc).set('a', newClaim({ id: 'a', anchor: at('900 jobs') }));
    expect(new ClaimsMirror(claimsOf(doc)).list.map((c) => c.id)).toEqual(['a']);
  });
});
