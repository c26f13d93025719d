import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which addresses the archiver may connect to: only globally routable unicast ones. ipaddr.js
 * names every special range (private, loopback, link-local, multicast, unique-local, unspecified,
 * broadcast, carrier-grade NAT, documentation, 6to4, Teredo, NAT64 …); an IPv4-mapped IPv6
 * address is judged as the IPv4 address it carries (`ipaddr.process`), and the deprecated
 * IPv4-compatible form (`::a.b.c.d`, ::/96) is refused outright.
 */
export function refusedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range !== 'unicast') return range;
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0) ? 'ipv4Compatible' : null;
}

/** Whether an address is a public unicast one the archiver may reach. */
export const isPublicAddress = (address: string): boolean => refusedRange(address) === null;

/** Where the archiver may connect: public addresses, plus every address (`allowPrivate`) or the listed ones (an intranet host). */
export interface AddressPolicy {
  allowPrivate: boolean;
  allowedAddresses: string[];
}

const normal = (address: string) => (ipaddr.isValid(address) ? ipaddr.process(address).toNormalizedString() : address);

/** The refused range of `address` under `policy`, or null when it may be reached. */
export function refusedBy(policy: AddressPolicy, address: string): string | null {
  if (policy.allowPrivate) return null;
  const range = refusedRange(address);
  if (range === null) return null;
  return policy.allowedAddresses.some((a) => normal(a) === normal(address)) ? null : range;
}

/** A fetch refused because of where it would connect: the reason is shown on the evidence card. */
export class RefusedAddressError extends Error {
  readonly code = 'ARCHIVE_REFUSED_ADDRESS';
  constructor(message: string) {
    super(message);
    this.name = 'RefusedAddressError';
  }
}

const rangeWords: Record<string, string> = {
  private: 'a private address',
  loopback: 'a loopback address',
  linkLocal: 'a link-local address',
  multicast: 'a multicast address',
  uniqueLocal: 'a private (unique-local) address',
  unspecified: 'an unspecified address',
  ipv4Compatible: 'an IPv4-compatible IPv6 address',
};

/** The sentence for a refused address. */
export function refusal(host: string, address: string, range: string): RefusedAddressError {
  const what = rangeWords[range] ?? `a special-purpose address (${range})`;
  return new RefusedAddressError(host === address ? `${address} is ${what}; the archiver fetches only public addresses.` : `${host} resolves to ${address}, ${what}; the archiver fetches only public addresses.`);
}

/** Resolves a host name to all its addresses (the system resolver, as `net.connect` would use it). */
export type ResolveHost = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export const systemResolve: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

/**
 * A `lookup` for `net.connect` (undici's connector passes it through) that resolves with
 * `resolve` and drops every address `policy` refuses (see `refusedBy`): a host name
 * whose addresses are all refused fails with `RefusedAddressError` before anything is connected,
 * so a name that resolves to 127.0.0.1 or 169.254.169.254 (or is re-pointed there after a first,
 * public answer) is never reached. The connector checks the connected socket's address as well.
 */
export function guardedLookup(policy: AddressPolicy, resolve: ResolveHost = systemResolve): LookupFunction {
  return ((hostname: string, options: { all?: boolean; family?: number | string }, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(hostname).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
        const ofFamily = found.filter((a) => !wanted || a.family === wanted);
        const allowed = ofFamily.filter((a) => refusedBy(policy, a.address) === null);
        if (allowed.length === 0) {
          const first = ofFamily[0];
          if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
          return callback(refusal(hostname, first.address, refusedBy(policy, first.address) ?? 'unknown'), '');
        }
        if (options.all) callback(null, allowed);
        else callback(null, allowed[0].address, allowed[0].family);
      },
      (err: Error) => callback(err, ''),
    );
  }) as LookupFunction;
}
