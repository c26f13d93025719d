import * as Y from 'yjs';
import {
  claimsOf,
  emptyTally,
  EVIDENCE_KINDS,
  isServerOwned,
  SERVER_OWNED_FIELDS,
  STANCES,
  type Anchor,
  type ClaimMap,
  type UserRef,
} from '../shared/claim-doc';
import { originOf, SERVER_ORIGIN, type ChangeOrigin } from './origins';
import { isUuid } from './projection';
import type { AuditRow, ClaimEventRow } from './repository';

/** The authoritative values of a claim's server-owned and immutable fields, kept by the server. */
interface Authoritative {
  id: string;
  anchor: Anchor;
  createdBy: UserRef | null;
  createdAt: string | null;
  status: string;
  revealed: boolean;
  tally: unknown;
  votes: Record<string, unknown>;
  comments: unknown[];
  review: unknown;
  /** Evidence id → who added it and when (server-filled fields of each evidence entry). */
  evidence: Map<string, { addedBy: unknown; addedAt: unknown; title: unknown; kind: unknown }>;
}

export interface GuardSink {
  event(row: Omit<ClaimEventRow, 'documentId'>): void;
  audit(row: Omit<AuditRow, 'documentId'>): void;
  touched(claimId: string): void;
}

function readAuthoritative(map: ClaimMap): Authoritative {
  const votes = map.get('votes');
  const comments = map.get('comments');
  const evidence = map.get('evidence');
  const meta = new Map<string, { addedBy: unknown; addedAt: unknown; title: unknown; kind: unknown }>();
  if (evidence instanceof Y.Array) {
    for (const e of evidence.toArray()) {
      if (e instanceof Y.Map && typeof e.get('id') === 'string') {
        meta.set(e.get('id'), { addedBy: e.get('addedBy'), addedAt: e.get('addedAt'), title: e.get('title') ?? e.get('url'), kind: e.get('kind') });
      }
    }
  }
  return {
    id: map.get('id') as string,
    anchor: map.get('anchor') as Anchor,
    createdBy: (map.get('createdBy') as UserRef) ?? null,
    createdAt: (map.get('createdAt') as string) ?? null,
    status: (map.get('status') as string) ?? 'open',
    revealed: map.get('revealed') === true,
    tally: map.get('tally') ?? emptyTally(),
    votes: votes instanceof Y.Map ? (votes.toJSON() as Record<string, unknown>) : {},
    comments: comments instanceof Y.Array ? comments.toJSON() : [],
    review: map.get('review') ?? null,
    evidence: meta,
  };
}

/** Writes an authoritative server-owned value back into a claim map. */
function writeField(map: ClaimMap, field: string, auth: Authoritative): void {
  switch (field) {
    case 'votes': {
      const votes = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(auth.votes)) votes.set(k, v);
      map.set('votes', votes);
      return;
    }
    case 'comments':
      map.set('comments', Y.Array.from(auth.comments as object[]));
      return;
    default:
      map.set(field, (auth as unknown as Record<string, unknown>)[field] ?? null);
  }
}

/** The server-owned fields of a claim just created by `user`, as the server writes them. */
export function initServerFields(map: ClaimMap, user: UserRef): void {
  map.set('createdBy', { id: user.id, name: user.name });
  map.set('createdAt', new Date().toISOString());
  map.set('status', 'open');
  map.set('revealed', false);
  map.set('tally', emptyTally());
  map.set('votes', new Y.Map());
  map.set('comments', new Y.Array());
  map.set('review', null);
}

const validConfidence = (v: unknown) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100);

/**
 * Enforces the shared document's rules on every change a client makes, as the server sees it:
 * fills the server-owned fields of new claims, undoes writes to server-owned and immutable fields
 * (and audits them), removes malformed claims and evidence, and derives the claim history.
 */
export class ClaimGuard {
  private readonly auth = new Map<string, Authoritative>();
  /**
   * The authoritative values of claims deleted while the room is loaded: a claim brought back
   * (an undo re-adds the same id) keeps its creator, status, votes and comments.
   */
  private readonly deleted = new Map<string, Authoritative>();
  private readonly claims: Y.Map<ClaimMap>;

  constructor(
    private readonly doc: Y.Doc,
    /** The document's current text (it changes when a new version is uploaded). */
    private readonly textOf: () => string,
    private readonly sink: GuardSink,
  ) {
    this.claims = claimsOf(doc);
    this.claims.observeDeep((events, tr) => this.observe(events, tr));
  }

  /** Takes the loaded document's claims as authoritative (they passed this guard when written). */
  reset(): void {
    this.auth.clear();
    this.claims.forEach((map, id) => {
      if (map instanceof Y.Map) this.auth.set(id, readAuthoritative(map));
    });
  }

  private validAnchor(a: unknown): a is Anchor {
    if (!a || typeof a !== 'object') return false;
    const { start, end, exact } = a as Anchor;
    const text = this.textOf();
    return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length && text.slice(start, end) === exact;
  }

  private observe(events: Array<Y.YEvent<any>>, tr: Y.Transaction): void {
    const origin = originOf(tr.origin);
    if (!origin || origin.kind === 'load') return;
    const user = origin.kind === 'client' || origin.kind === 'rest' ? origin.user : null;
    const untrusted = origin.kind === 'client';
    const fixes: Array<() => void> = [];
    const refresh = new Set<string>();

    for (const event of events) {
      const path = event.path as Array<string | number>;
      if (path.length === 0) {
        for (const [claimId, change] of (event as Y.YMapEvent<ClaimMap>).changes.keys) {
          this.sink.touched(claimId);
          if (change.action === 'delete') {
            const gone = this.auth.get(claimId);
            if (gone) this.deleted.set(claimId, gone);
            this.auth.delete(claimId);
            if (user) this.sink.event({ claimId, userId: user.id, action: 'deleted' });
            continue;
          }
          const map = this.claims.get(claimId);
          if (untrusted && user) fixes.push(...this.checkNewClaim(claimId, map, user, change.action === 'update'));
          else refresh.add(claimId);
          if (user && change.action === 'add' && map instanceof Y.Map && isUuid(claimId)) {
            this.sink.event({ claimId, userId: user.id, action: 'created', to: (map.get('anchor') as Anchor | undefined)?.exact ?? null });
          }
        }
        continue;
      }

      const claimId = String(path[0]);
      const map = this.claims.get(claimId);
      if (!(map instanceof Y.Map)) continue;
      this.sink.touched(claimId);
      const field = path.length >= 2 ? String(path[1]) : null;

      if (field === null) {
        for (const [key, change] of (event as Y.YMapEvent<unknown>).changes.keys) {
          if (isServerOwned(key) || key === 'id' || key === 'anchor') {
            if (untrusted) fixes.push(this.undo(claimId, key, user!));
            else refresh.add(claimId);
          } else if (key === 'confidence') {
            const value = map.get('confidence');
            if (untrusted && !validConfidence(value)) {
              fixes.push(() => map.set('confidence', validConfidence(change.oldValue) ? (change.oldValue ?? null) : null));
              this.sink.audit({ userId: user!.id, action: 'invalid_value_undone', detail: { claimId, field: key } });
            } else if (user) {
              this.sink.event({ claimId, userId: user.id, action: 'confidence_changed', field: 'confidence', from: change.oldValue ?? null, to: value ?? null });
            }
          } else if (key === 'note' && user) {
            this.sink.event({ claimId, userId: user.id, action: 'note_edited', field: 'note' });
          } else if (key === 'tags' && user) {
            this.tagsChanged(claimId, map, user);
          } else if (key === 'evidence') {
            fixes.push(...this.checkEvidence(claimId, map, user, untrusted));
          }
        }
      } else if (isServerOwned(field)) {
        if (untrusted) fixes.push(this.undo(claimId, field, user!));
        else refresh.add(claimId);
      } else if (field === 'note' && user) {
        this.sink.event({ claimId, userId: user.id, action: 'note_edited', field: 'note' });
      } else if (field === 'evidence') {
        if (path.length >= 3) {
          // A change inside one evidence entry: its server-filled fields are restored.
          const keys = [...((event as Y.YMapEvent<unknown>).changes?.keys?.keys() ?? [])];
          if (untrusted && keys.some((k) => k === 'addedBy' || k === 'addedAt' || k === 'id')) {
            fixes.push(...this.checkEvidence(claimId, map, user, true, true));
          }
        } else {
          fixes.push(...this.checkEvidence(claimId, map, user, untrusted));
        }
      } else if (field === 'tags' && user) {
        this.tagsChanged(claimId, map, user);
      }
    }

    for (const id of refresh) {
      const map = this.claims.get(id);
      if (map instanceof Y.Map) this.auth.set(id, readAuthoritative(map));
    }
    if (fixes.length) {
      // Runs as its own transaction right after this one; both reach other clients in the same fan-out tick.
      this.doc.transact(() => fixes.forEach((fix) => fix()), SERVER_ORIGIN);
    }
  }

  private tagsChanged(claimId: string, map: ClaimMap, user: UserRef): void {
    const tags = map.get('tags');
    this.sink.event({ claimId, userId: user.id, action: 'tags_changed', field: 'tags', to: tags instanceof Y.Array ? tags.toJSON() : null });
  }

  /** A claim added (or replaced) by a client: valid id and anchor, server-owned fields filled by the server. */
  private checkNewClaim(claimId: string, map: ClaimMap | undefined, user: UserRef, replaced: boolean): Array<() => void> {
    const existing = this.auth.get(claimId) ?? this.deleted.get(claimId);
    if (!(map instanceof Y.Map) || !isUuid(claimId) || map.get('id') !== claimId || !this.validAnchor(map.get('anchor'))) {
      this.sink.audit({ userId: user.id, action: 'invalid_claim_removed', detail: { claimId, replaced } });
      return [() => this.claims.delete(claimId)];
    }
    // A server-owned value the client sends is forged unless it equals the authoritative one (an undo
    // of a delete sends the claim back exactly as it was).
    const current = existing ? readAuthoritative(map) : null;
    const forged = SERVER_OWNED_FIELDS.filter(
      (f) => map.has(f) && (!existing || JSON.stringify(current![f]) !== JSON.stringify(existing[f])),
    );
    if (forged.length) {
      this.sink.audit({ userId: user.id, action: 'forged_write_undone', detail: { claimId, fields: forged } });
      this.sink.event({ claimId, userId: user.id, action: 'forged_write_undone', field: forged.join(',') });
    }
    this.deleted.delete(claimId);
    const auth: Authoritative = existing
      ? { ...existing, anchor: existing.anchor }
      : {
          id: claimId,
          anchor: map.get('anchor') as Anchor,
          createdBy: { id: user.id, name: user.name },
          createdAt: new Date().toISOString(),
          status: 'open',
          revealed: false,
          tally: emptyTally(),
          votes: {},
          comments: [],
          review: null,
          evidence: new Map(),
        };
    this.auth.set(claimId, auth);
    return [
      () => {
        if (existing) map.set('anchor', existing.anchor);
        for (const field of SERVER_OWNED_FIELDS) writeField(map, field, auth);
        if (!(map.get('note') instanceof Y.Text)) map.set('note', new Y.Text(typeof map.get('note') === 'string' ? (map.get('note') as string) : ''));
        if (!(map.get('evidence') instanceof Y.Array)) map.set('evidence', new Y.Array());
        if (!(map.get('tags') instanceof Y.Array)) map.set('tags', new Y.Array());
        if (!validConfidence(map.get('confidence') ?? null)) map.set('confidence', null);
      },
      ...this.checkEvidence(claimId, map, user, true),
    ];
  }

  /** Restores one server-owned or immutable field from the authoritative copy. */
  private undo(claimId: string, field: string, user: UserRef): () => void {
    this.sink.audit({ userId: user.id, action: 'forged_write_undone', detail: { claimId, field } });
    this.sink.event({ claimId, userId: user.id, action: 'forged_write_undone', field });
    return () => {
      const map = this.claims.get(claimId);
      const auth = this.auth.get(claimId);
      if (map instanceof Y.Map && auth) writeField(map, field, auth);
    };
  }

  /**
   * Compares a claim's evidence list with what the server knew: new entries are validated and get
   * their `addedBy`/`addedAt` from the server, removed ones are recorded.
   */
  private checkEvidence(claimId: string, map: ClaimMap, user: UserRef | null, untrusted: boolean, restoreOnly = false): Array<() => void> {
    const list = map.get('evidence');
    const auth = this.auth.get(claimId);
    if (!auth) return [];
    const fixes: Array<() => void> = [];
    const seen = new Set<string>();
    const items = list instanceof Y.Array ? list.toArray() : [];
    items.forEach((entry) => {
      const id = entry instanceof Y.Map ? entry.get('id') : undefined;
      const valid =
        entry instanceof Y.Map && isUuid(id) && !seen.has(id) && EVIDENCE_KINDS.includes(entry.get('kind')) && STANCES.includes(entry.get('stance'));
      if (!valid) {
        if (untrusted) {
          this.sink.audit({ userId: user?.id ?? null, action: 'invalid_evidence_removed', detail: { claimId } });
          fixes.push(() => {
            const arr = map.get('evidence');
            if (arr instanceof Y.Array) {
              const at = arr.toArray().indexOf(entry);
              if (at >= 0) arr.delete(at, 1);
            }
          });
        }
        return;
      }
      seen.add(id);
      const known = auth.evidence.get(id);
      if (known) {
        if (untrusted && (entry.get('addedBy') !== known.addedBy || entry.get('addedAt') !== known.addedAt)) {
          fixes.push(() => {
            entry.set('addedBy', known.addedBy ?? null);
            entry.set('addedAt', known.addedAt ?? null);
          });
        }
        return;
      }
      if (restoreOnly) return;
      const meta = {
        addedBy: untrusted || !entry.get('addedBy') ? (user ? { id: user.id, name: user.name } : null) : entry.get('addedBy'),
        addedAt: untrusted || !entry.get('addedAt') ? new Date().toISOString() : entry.get('addedAt'),
        title: entry.get('title') ?? entry.get('url'),
        kind: entry.get('kind'),
      };
      auth.evidence.set(id, meta);
      if (user) this.sink.event({ claimId, userId: user.id, action: 'evidence_added', field: 'evidence', to: { id, kind: meta.kind, title: meta.title ?? null } });
      if (entry.get('addedBy') !== meta.addedBy || entry.get('addedAt') !== meta.addedAt) {
        fixes.push(() => {
          entry.set('addedBy', meta.addedBy);
          entry.set('addedAt', meta.addedAt);
        });
      }
    });
    if (!restoreOnly) {
      for (const [id, meta] of auth.evidence) {
        if (seen.has(id)) continue;
        auth.evidence.delete(id);
        if (user) this.sink.event({ claimId, userId: user.id, action: 'evidence_removed', field: 'evidence', from: { id, kind: meta.kind, title: meta.title ?? null } });
      }
    }
    return fixes;
  }
}

export type { ChangeOrigin };
