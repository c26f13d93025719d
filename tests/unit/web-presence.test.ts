import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { colorFor, distinctColors, distinctPeople, initials, peersFrom, PRESENCE_COLORS, watchersOf } from '../../web/src/lib/collab/presence';

const ADA = '3f1c2b9e-7a51-4d2e-9c1a-0b6e2f4d8a11';
const BEN = 'a9d04c27-5e3b-4f8a-b1c6-7d2e9f0a3b45';

describe('presence colours', () => {
  test('a person’s own colour is the same everywhere, from the palette', () => {
    expect(colorFor(ADA)).toBe(colorFor(ADA));
    expect(PRESENCE_COLORS).toContain(colorFor(ADA));
  });

  test('the people present always get different colours, the same in every browser', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: PRESENCE_COLORS.length }), (ids) => {
        const colors = distinctColors(ids);
        expect(new Set(colors.values()).size).toBe(ids.length);
        // Another browser sees the same people in another order.
        expect(distinctColors([...ids].reverse())).toEqual(colors);
      }),
    );
  });
});

describe('initials', () => {
  test('takes the first letters of the first and last names', () => {
    expect(initials('Ada Okafor')).toBe('AO');
    expect(initials('Ben van der Marsh')).toBe('BM');
    expect(initials('ada')).toBe('A');
    expect(initials('  ')).toBe('?');
    expect(initials('Émile Zola')).toBe('ÉZ');
  });
});

describe('peersFrom', () => {
  const states = new Map<number, Record<string, unknown>>([
    [1, { user: { id: ADA, name: 'Ada Okafor', color: '#c2410c' }, selection: { start: 3, end: 9 }, focusedClaim: 'c1' }],
    [2, { user: { id: BEN, name: 'Ben Marsh', color: 'red; } body { display: none' }, selection: { start: 9, end: 3 } }],
    [3, { user: { id: BEN, name: 'Ben Marsh' } }],
    [4, {}],
    [5, { user: { name: 'no id' } }],
    [7, { user: { id: 'me', name: 'Me' } }],
  ]);

  test('lists the others, checking every field (a colour that is not a plain hex colour is replaced)', () => {
    const peers = peersFrom(states, 7);
    expect(peers.map((p) => p.clientId)).toEqual([1, 2, 3]);
    expect(peers[0]).toEqual({ clientId: 1, user: { id: ADA, name: 'Ada Okafor', color: '#c2410c' }, selection: { start: 3, end: 9 }, focusedClaim: 'c1' });
    expect(peers[1].user.color).toBe(colorFor(BEN));
    expect(peers[1].selection).toBeNull();
    expect(peers[2].focusedClaim).toBeNull();
  });

  test('shows a person with two tabs once', () => {
    expect(distinctPeople(peersFrom(states, 7)).map((p) => p.name)).toEqual(['Ada Okafor', 'Ben Marsh']);
  });
});

describe('who is looking at a claim', () => {
  test('one person with two tabs on the same claim is one watcher (a list keyed by user id never repeats a key)', () => {
    const ada = { id: ADA, name: 'Ada Okafor', color: '#c2410c' };
    const ben = { id: BEN, name: 'Ben Marsh', color: '#7c3aed' };
    const peers = [
      { clientId: 1, user: ada, selection: null, focusedClaim: 'claim-1' },
      { clientId: 2, user: ada, selection: null, focusedClaim: 'claim-1' },
      { clientId: 3, user: ben, selection: null, focusedClaim: 'claim-1' },
      { clientId: 4, user: ben, selection: null, focusedClaim: 'claim-2' },
    ];
    expect(watchersOf(peers, 'claim-1')).toEqual([ada, ben]);
    expect(watchersOf(peers, 'claim-2')).toEqual([ben]);
    expect(watchersOf(peers, 'claim-3')).toEqual([]);
  });
});
