import type { LookupAddress } from 'node:dns';
import { describe, expect, test } from 'vitest';
import { guardedLookup, isPublicAddress, RefusedAddressError, refusedBy, refusedRange } from '../../server/archive/addresses';

describe('the archiver\'s address checks', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    // IPv4-mapped IPv6 is judged as the IPv4 address it carries.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'linkLocal'],
    // The deprecated IPv4-compatible form, NAT64 and 6to4 can all carry a private IPv4 address.
    ['::7f00:1', 'ipv4Compatible'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:a00:1::1', '6to4'],
  ])('%s is refused as %s', (address, range) => {
    expect(refusedRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  test.each(['8.8.8.8', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is a public address', (address) => {
    expect(refusedRange(address)).toBeNull();
  });

  test('allowing private addresses allows every address; an allowed address is allowed in any spelling', () => {
    expect(refusedBy({ allowPrivate: true, allowedAddresses: [] }, '127.0.0.1')).toBeNull();
    const intranet = { allowPrivate: false, allowedAddresses: ['10.0.0.8'] };
    expect(refusedBy(intranet, '10.0.0.8')).toBeNull();
    expect(refusedBy(intranet, '::ffff:10.0.0.8')).toBeNull();
    expect(refusedBy(intranet, '10.0.0.9')).toBe('private');
  });

  const lookupWith = (addresses: Array<{ address: string; family: number }>, options: { all?: boolean; family?: number } = { all: true }) =>
    new Promise<{ err: Error | null; result: string | LookupAddress[] }>((resolve) =>
      (guardedLookup({ allowPrivate: false, allowedAddresses: [] }, async () => addresses) as unknown as (h: string, o: object, cb: (err: Error | null, r: string | LookupAddress[]) => void) => void)(
        'name.test',
        options,
        (err, result) => resolve({ err, result }),
      ),
    );

  test('a host name whose addresses are all refused fails before anything is connected', async () => {
    const { err } = await lookupWith([{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }]);
    expect(err).toBeInstanceOf(RefusedAddressError);
    expect(err!.message).toBe('name.test resolves to 127.0.0.1, a loopback address; the archiver fetches only public addresses.');
  });

  test('refused addresses are dropped from an answer that also has public ones', async () => {
    const all = await lookupWith([{ address: '10.0.0.1', family: 4 }, { address: '93.184.216.34', family: 4 }, { address: 'fe80::1', family: 6 }]);
    expect(all.err).toBeNull();
    expect(all.result).toEqual([{ address: '93.184.216.34', family: 4 }]);
    const one = await lookupWith([{ address: '169.254.169.254', family: 4 }, { address: '2606:4700::1111', family: 6 }], {});
    expect(one.result).toBe('2606:4700::1111');
  });
});
