/** What a person in the document shares with the others (API.md "Awareness state"). */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

/** Another person in the document, as one of their open tabs announces itself. */
export interface Peer {
  /** The Yjs client id of that tab: unique per connection, stable while it stays open. */
  clientId: number;
  user: PresenceUser;
  selection: { start: number; end: number } | null;
  focusedClaim: string | null;
}

/**
 * Colours people are drawn in: distinct from each other, away from the claim status tints
 * (yellow, light blue, green, red), and dark enough for white initials.
 */
export const PRESENCE_COLORS = ['#c2410c', '#7c3aed', '#db2777', '#4d7c0f', '#0f766e', '#4338ca', '#a21caf', '#475569', '#0e7490', '#92400e'];

/** The palette index a user id hashes to (FNV-1a), the same in every browser. */
function colorIndex(userId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % PRESENCE_COLORS.length;
}

/** A person's own colour, the same in every browser (what they announce in their awareness state). */
export function colorFor(userId: string): string {
  return PRESENCE_COLORS[colorIndex(userId)];
}

/**
 * Colours for the people present, different for each while there are fewer people than colours:
 * each gets their own colour unless someone earlier (by id) has it, and then the next free one.
 * Every browser that sees the same people computes the same colours.
 */
export function distinctColors(userIds: Iterable<string>): Map<string, string> {
  const taken = new Set<number>();
  const colors = new Map<string, string>();
  for (const id of [...new Set(userIds)].sort()) {
    let index = colorIndex(id);
    for (let probe = 0; probe < PRESENCE_COLORS.length && taken.has(index); probe++) index = (index + 1) % PRESENCE_COLORS.length;
    taken.add(index);
    colors.set(id, PRESENCE_COLORS[index]);
  }
  return colors;
}

/** "Ada Reyes" → "AR", "ada" → "A", "" → "?". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '?';
  const letters = words.length === 1 ? [words[0]] : [words[0], words[words.length - 1]];
  return letters.map((w) => String.fromCodePoint(w.codePointAt(0)!).toLocaleUpperCase()).join('');
}

const isColor = (value: unknown): value is string => typeof value === 'string' && /^#[0-9a-f]{3,8}$/i.test(value);

function isRange(value: unknown): value is { start: number; end: number } {
  if (!value || typeof value !== 'object') return false;
  const { start, end } = value as { start: unknown; end: unknown };
  return Number.isInteger(start) && Number.isInteger(end) && (start as number) < (end as number) && (start as number) >= 0;
}

/**
 * The other people in the document from the awareness states (client id → state), leaving out
 * `ownClientId` and states without a user. Untrusted input: every field is checked, and a colour
 * that is not a plain hex colour is replaced (it ends up in a style sheet).
 */
export function peersFrom(states: Map<number, Record<string, unknown>>, ownClientId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === ownClientId || !state || typeof state.user !== 'object' || state.user === null) continue;
    const user = state.user as Record<string, unknown>;
    if (typeof user.id !== 'string') continue;
    const name = typeof user.name === 'string' && user.name.trim() ? user.name : 'Someone';
    peers.push({
      clientId,
      user: { id: user.id, name, color: isColor(user.color) ? user.color : colorFor(user.id) },
      selection: isRange(state.selection) ? { start: state.selection.start, end: state.selection.end } : null,
      focusedClaim: typeof state.focusedClaim === 'string' ? state.focusedClaim : null,
    });
  }
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}

/**
 * One entry per person (a person with two tabs open appears once), in the order given. Lists of
 * people keyed by user id (`{#each … (person.id)}`) must come from here: one person's two tabs are
 * two peers, and a duplicate key throws in Svelte (each_key_duplicate).
 */
export function distinctPeople(peers: readonly Peer[]): PresenceUser[] {
  const seen = new Map<string, PresenceUser>();
  for (const peer of peers) if (!seen.has(peer.user.id)) seen.set(peer.user.id, peer.user);
  return [...seen.values()];
}

/** The people (once each, however many of their tabs) looking at a claim. */
export function watchersOf(peers: readonly Peer[], claimId: string): PresenceUser[] {
  return distinctPeople(peers.filter((peer) => peer.focusedClaim === claimId));
}
