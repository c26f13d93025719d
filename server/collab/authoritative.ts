/**
 * The server's own copy of what a claim's protected fields hold (server-owned, immutable, and the
 * locked fields of a signed-off claim), read out of and written back into a claim's Y.Map by the
 * shapes CLAIM_FIELDS gives them. The guard undoes a client's forged write from this copy.
 */
import * as Y from 'yjs';
import { emptyTally, isSignedOff, newEvidence, SERVER_OWNED_FIELDS, fieldRule, type Anchor, type ClaimMap, type UserRef } from '../shared/claim-doc';

/**
 * A signed-off claim's collaborative values, to put back what a client changes: confidence, note and
 * evidence are read-only until a lead reopens it, so they stay current; tags stay editable and are
 * followed (see `tagsChanged`).
 */
export interface LockedValues {
  confidence: unknown;
  note: string;
  tags: string[];
  evidence: Array<Record<string, unknown>>;
}

export type EvidenceMeta = { addedBy: unknown; addedAt: unknown; title: unknown; kind: unknown };

/** The authoritative values of a claim's server-owned and immutable fields, kept by the server. */
export interface Authoritative {
  id: string;
  anchor: Anchor;
  /** Server-owned field → its value as plain data. */
  server: Record<string, unknown>;
  /** Evidence id → who added it and when (server-filled fields of each evidence entry). */
  evidence: Map<string, EvidenceMeta>;
  /** Set while the claim is signed off. */
  locked: LockedValues | null;
}

export const noteText = (map: ClaimMap): string => {
  const note = map.get('note');
  return note instanceof Y.Text ? note.toString() : '';
};
export const tagList = (map: ClaimMap): string[] => {
  const tags = map.get('tags');
  return tags instanceof Y.Array ? tags.toArray().filter((t): t is string => typeof t === 'string') : [];
};

const plain = (v: unknown): unknown => (v instanceof Y.AbstractType ? v.toJSON() : (v ?? null));

function readLocked(map: ClaimMap): LockedValues {
  const note = map.get('note');
  const tags = map.get('tags');
  const evidence = map.get('evidence');
  return {
    confidence: map.get('confidence') ?? null,
    note: note instanceof Y.Text ? note.toString() : '',
    tags: tags instanceof Y.Array ? tags.toArray().filter((t): t is string => typeof t === 'string') : [],
    evidence: evidence instanceof Y.Array ? evidence.toArray().flatMap((e) => (e instanceof Y.Map ? [e.toJSON() as Record<string, unknown>] : [])) : [],
  };
}

export function readAuthoritative(map: ClaimMap): Authoritative {
  const evidence = map.get('evidence');
  const meta = new Map<string, EvidenceMeta>();
  if (evidence instanceof Y.Array) {
    for (const e of evidence.toArray()) {
      if (e instanceof Y.Map && typeof e.get('id') === 'string') {
        meta.set(e.get('id'), { addedBy: e.get('addedBy'), addedAt: e.get('addedAt'), title: e.get('title') ?? e.get('url'), kind: e.get('kind') });
      }
    }
  }
  const server: Record<string, unknown> = {};
  for (const field of SERVER_OWNED_FIELDS) server[field] = plain(map.get(field));
  server.status ??= 'open';
  server.revealed = server.revealed === true;
  server.tally ??= emptyTally();
  server.votes ??= {};
  server.comments ??= [];
  return { id: map.get('id') as string, anchor: map.get('anchor') as Anchor, server, evidence: meta, locked: isSignedOff(server.status) ? readLocked(map) : null };
}

/** Writes an authoritative server-owned value back into a claim map, as the shape its rule names. */
export function writeField(map: ClaimMap, field: string, auth: Pick<Authoritative, 'server'>): void {
  const value = auth.server[field];
  switch (fieldRule(field)?.shape) {
    case 'votes': {
      const votes = new Y.Map<unknown>();
      for (const [k, v] of Object.entries((value as Record<string, unknown>) ?? {})) votes.set(k, v);
      map.set(field, votes);
      return;
    }
    case 'comments':
      map.set(field, Y.Array.from((value as object[]) ?? []));
      return;
    default:
      map.set(field, value ?? null);
  }
}

/** Puts a locked claim's collaborative field back as it was at sign-off. */
export function writeLocked(map: ClaimMap, field: string, locked: LockedValues): void {
  if (field === 'confidence') map.set('confidence', locked.confidence);
  else if (field === 'note') map.set('note', new Y.Text(locked.note));
  else if (field === 'evidence') map.set('evidence', Y.Array.from(locked.evidence.map((e) => newEvidence(e as Parameters<typeof newEvidence>[0]))));
}

/** The server-owned values of a claim just created by `user`, as plain data. */
export const initialServerValues = (user: UserRef): Record<string, unknown> => ({
  createdBy: { id: user.id, name: user.name },
  createdAt: new Date().toISOString(),
  status: 'open',
  revealed: false,
  tally: emptyTally(),
  votes: {},
  comments: [],
  review: null,
});

/** Writes the server-owned fields of a claim just created by `user` (a REST call) into its map. */
export function initServerFields(map: ClaimMap, user: UserRef): void {
  const server = initialServerValues(user);
  for (const field of SERVER_OWNED_FIELDS) writeField(map, field, { server });
}
