import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { UserRef } from '../shared/claim-doc';

/** Largest presence state one client may announce (its selection, viewed claim, colour, name). */
const MAX_PRESENCE_STATE_BYTES = 16 * 1024;

/**
 * The part of a client's awareness update the server accepts: entries only for client ids this
 * connection owns (`owns`), each no larger than MAX_PRESENCE_STATE_BYTES, with `user` set to the
 * connection's real user whatever the client claims. Returns null when nothing is left.
 *
 * y-protocols encodes an awareness update as: count, then per entry client id, clock and the
 * state as a JSON string (`null` removes the entry).
 */
export function trustedPresence(update: Uint8Array, user: UserRef, owns: (clientId: number) => boolean): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const entries: Array<{ clientId: number; clock: number; state: string }> = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (!owns(clientId) || json.length > MAX_PRESENCE_STATE_BYTES) continue;
    const state: unknown = JSON.parse(json);
    const trusted =
      state && typeof state === 'object' && !Array.isArray(state)
        ? { ...state, user: { ...(((state as { user?: unknown }).user as object | undefined) ?? {}), id: user.id, name: user.name } }
        : null;
    entries.push({ clientId, clock, state: JSON.stringify(trusted) });
  }
  if (entries.length === 0) return null;
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(enc, e.clientId);
    encoding.writeVarUint(enc, e.clock);
    encoding.writeVarString(enc, e.state);
  }
  return encoding.toUint8Array(enc);
}
