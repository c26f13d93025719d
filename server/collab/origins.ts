import type { UserRef } from '../shared/claim-doc';

/**
 * Who made a change to a room's Y.Doc, passed as the Yjs transaction origin. Writes by clients
 * and REST calls are persisted under their user; the server's own fixes under no user; loads
 * and updates from other processes (already persisted there) are not persisted again.
 */
export type ChangeOrigin =
  | { kind: 'client'; user: UserRef }
  | { kind: 'rest'; user: UserRef }
  | { kind: 'server' }
  | { kind: 'load' }
  | { kind: 'bus' };

export const SERVER_ORIGIN: ChangeOrigin = { kind: 'server' };
export const LOAD_ORIGIN: ChangeOrigin = { kind: 'load' };
export const BUS_ORIGIN: ChangeOrigin = { kind: 'bus' };

export const restOrigin = (user: UserRef): ChangeOrigin => ({ kind: 'rest', user });

/** The origin of a Yjs transaction as ours, or null for a transaction we did not start. */
export const originOf = (origin: unknown): ChangeOrigin | null =>
  origin && typeof origin === 'object' && 'kind' in origin ? (origin as ChangeOrigin) : null;

/** True for changes this process must append to the log. */
export const isPersisted = (o: ChangeOrigin | null): boolean => o !== null && (o.kind === 'client' || o.kind === 'rest' || o.kind === 'server');
