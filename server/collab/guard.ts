import * as Y from 'yjs';
import {
  claimsOf,
  EVIDENCE_FIELDS,
  EVIDENCE_KINDS,
  fieldRule,
  isValidConfidence,
  LOCKED_AFTER_SIGN_OFF,
  newClaim,
  SERVER_OWNED_FIELDS,
  STANCES,
  type Anchor,
  type ClaimMap,
  type UserRef,
} from '../shared/claim-doc';
import { documentVersionOf } from '../shared/document-version';
import { originOf, SERVER_ORIGIN, type ChangeOrigin } from './origins';
import { isUuid } from '../shared/ids';
import { initialServerValues, noteText, readAuthoritative, tagList, writeField, writeLocked, type Authoritative, type EvidenceMeta } from './authoritative';
import type { AuditRow, ClaimEventRow } from './repository';

export interface GuardSink {
  event(row: Omit<ClaimEventRow, 'documentId'>): void;
  audit(row: Omit<AuditRow, 'documentId'>): void;
  touched(claimId: string): void;
  /** The guard itself failed on a change: the room must not keep (or store) what it could not check. */
  failed(err: unknown): void;
}

/** What one observed transaction needs: who made it, and the fixes and refreshes it collects. */
interface Pass {
  user: UserRef | null;
  untrusted: boolean;
  fixes: Array<() => void>;
  refresh: Set<string>;
}

/**
 * Enforces the shared document's rules (CLAIM_FIELDS in the shared document module) on every
 * change a client makes, as the server sees it: fills the server-owned fields of new claims, undoes
 * writes to server-owned and immutable fields and to the locked fields of a signed-off claim (and
 * audits them), removes keys the table does not know and malformed evidence, and derives the
 * claim history. Types, nesting and sizes were already checked before the update was applied
 * (UpdateIntake), so nothing here can recurse without bound; should the guard still fail, the
 * room is told (`sink.failed`) rather than keeping a change nobody checked.
 */
export class ClaimGuard {
  private readonly auth = new Map<string, Authoritative>();
  /**
   * The authoritative values of claims deleted while the room is loaded: a claim brought back
   * (an undo re-adds the same id) keeps its creator, status, votes and comments.
   */
  private readonly deleted = new Map<string, Authoritative>();
  private readonly claims: Y.Map<ClaimMap>;
  /** Evidence removed while the room is loaded (claim id:evidence id → who added it): an undo puts it back as it was. */
  private readonly removedEvidence = new Map<string, EvidenceMeta>();
  /** Each claim's note and tags as last seen: the "before" of the history entry of their next change. */
  private readonly seen = new Map<string, { note: string; tags: string[] }>();

  constructor(
    private readonly doc: Y.Doc,
    /** The document's current text (it changes when a new version is uploaded). */
    private readonly textOf: () => string,
    private readonly sink: GuardSink,
  ) {
    this.claims = claimsOf(doc);
    this.claims.observeDeep((events, tr) => {
      try {
        this.observe(events, tr);
      } catch (err) {
        this.sink.failed(err);
      }
    });
  }

  /** Takes the loaded document's claims as authoritative (they passed this guard when written). */
  reset(): void {
    this.auth.clear();
    this.seen.clear();
    this.claims.forEach((map, id) => {
      if (map instanceof Y.Map) this.auth.set(id, readAuthoritative(map));
      if (map instanceof Y.Map) this.seen.set(id, { note: noteText(map), tags: tagList(map) });
    });
  }

  /** A client's anchor: a run of the current text, and (when it names one) resolved on the current version. */
  private validAnchor(a: unknown): a is Anchor {
    if (!a || typeof a !== 'object') return false;
    const { start, end, exact, version } = a as Anchor;
    if (version !== undefined && version !== (documentVersionOf(this.doc)?.version ?? 1)) return false;
    const text = this.textOf();
    return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length && text.slice(start, end) === exact;
  }

  private observe(events: Array<Y.YEvent<any>>, tr: Y.Transaction): void {
    const origin = originOf(tr.origin);
    if (!origin || origin.kind === 'load') return;
    const pass: Pass = {
      user: origin.kind === 'client' || origin.kind === 'rest' ? origin.user : null,
      untrusted: origin.kind === 'client',
      fixes: [],
      refresh: new Set(),
    };

    for (const event of events) {
      const path = event.path as Array<string | number>;
      if (path.length === 0) {
        for (const [claimId, change] of (event as Y.YMapEvent<ClaimMap>).changes.keys) this.claimChanged(claimId, change.action, pass);
        continue;
      }
      const claimId = String(path[0]);
      const map = this.claims.get(claimId);
      if (!(map instanceof Y.Map)) continue;
      this.sink.touched(claimId);
      if (path.length === 1) {
        for (const [key, change] of (event as Y.YMapEvent<unknown>).changes.keys) this.fieldChanged(claimId, map, key, change.oldValue, pass);
      } else {
        this.insideField(claimId, map, String(path[1]), path.length, event, pass);
      }
    }

    for (const id of pass.refresh) {
      const map = this.claims.get(id);
      if (map instanceof Y.Map) this.auth.set(id, readAuthoritative(map));
    }
    if (pass.fixes.length) {
      // Runs as its own transaction right after this one; both reach other clients in the same fan-out tick.
      this.doc.transact(() => pass.fixes.forEach((fix) => fix()), SERVER_ORIGIN);
    }
  }

  /** A claim added, replaced or deleted in the claims map. */
  private claimChanged(claimId: string, action: 'add' | 'update' | 'delete', pass: Pass): void {
    const { user, untrusted } = pass;
    this.sink.touched(claimId);
    if (action === 'delete') {
      const gone = this.auth.get(claimId);
      if (untrusted && user && gone?.locked) {
        // A signed-off claim is not deleted by a client: it comes back as it was signed off.
        this.sink.audit({ userId: user.id, action: 'locked_write_undone', detail: { claimId, field: 'claim' } });
        this.sink.event({ claimId, userId: user.id, action: 'locked_write_undone', field: 'claim' });
        pass.fixes.push(() => this.restoreClaim(gone));
        return;
      }
      if (gone) this.deleted.set(claimId, gone);
      this.auth.delete(claimId);
      this.seen.delete(claimId);
      if (user) this.sink.event({ claimId, userId: user.id, action: 'deleted' });
      return;
    }
    const map = this.claims.get(claimId);
    if (map instanceof Y.Map) this.seen.set(claimId, { note: noteText(map), tags: tagList(map) });
    if (untrusted && user) pass.fixes.push(...this.checkNewClaim(claimId, map, user, action === 'update'));
    else pass.refresh.add(claimId);
    if (user && action === 'add' && map instanceof Y.Map && isUuid(claimId)) {
      this.sink.event({ claimId, userId: user.id, action: 'created', to: (map.get('anchor') as Anchor | undefined)?.exact ?? null });
    }
  }

  /** A key of a claim's map set or removed. */
  private fieldChanged(claimId: string, map: ClaimMap, key: string, oldValue: unknown, pass: Pass): void {
    const { user, untrusted } = pass;
    const rule = fieldRule(key);
    if (!rule) {
      if (untrusted) {
        this.sink.audit({ userId: user!.id, action: 'unknown_field_removed', detail: { claimId, field: key } });
        pass.fixes.push(() => map.delete(key));
      }
      return;
    }
    if (rule.owner !== 'collaborative') {
      if (untrusted) pass.fixes.push(this.undo(claimId, key, user!));
      else pass.refresh.add(claimId);
      return;
    }
    if (this.lockedUndo(claimId, map, key, pass)) return;
    if (key === 'confidence') {
      const value = map.get('confidence');
      if (untrusted && !isValidConfidence(value)) {
        pass.fixes.push(() => map.set('confidence', isValidConfidence(oldValue) ? (oldValue ?? null) : null));
        this.sink.audit({ userId: user!.id, action: 'invalid_value_undone', detail: { claimId, field: key } });
      } else if (user) {
        this.sink.event({ claimId, userId: user.id, action: 'confidence_changed', field: 'confidence', from: oldValue ?? null, to: value ?? null });
      }
    } else if (key === 'note') {
      this.noteEdited(claimId, map, user);
    } else if (key === 'tags') {
      this.tagsChanged(claimId, map, user);
    } else if (key === 'evidence') {
      pass.fixes.push(...this.checkEvidence(claimId, map, user, untrusted));
    }
  }

  /** A change inside a field's shared value: note text, a tag list, the evidence list or one entry, votes, comments. */
  private insideField(claimId: string, map: ClaimMap, field: string, depth: number, event: Y.YEvent<any>, pass: Pass): void {
    const { user, untrusted } = pass;
    const rule = fieldRule(field);
    if (!rule) return;
    if (rule.owner !== 'collaborative') {
      if (untrusted) pass.fixes.push(this.undo(claimId, field, user!));
      else pass.refresh.add(claimId);
      return;
    }
    if (this.lockedUndo(claimId, map, field, pass)) return;
    if (field === 'note') this.noteEdited(claimId, map, user);
    else if (field === 'tags') this.tagsChanged(claimId, map, user);
    else if (field === 'evidence') {
      if (depth >= 3 && event.target instanceof Y.Map) pass.fixes.push(...this.entryChanged(claimId, event as Y.YMapEvent<unknown>, pass));
      else pass.fixes.push(...this.checkEvidence(claimId, map, user, untrusted));
    }
  }

  /** A client's write to a locked field of a signed-off claim: undone and audited. Returns true when it was one. */
  private lockedUndo(claimId: string, map: ClaimMap, field: string, pass: Pass): boolean {
    const locked = this.auth.get(claimId)?.locked;
    if (!pass.untrusted || !locked || !fieldRule(field)?.lockedAfterSignOff) return false;
    this.sink.audit({ userId: pass.user!.id, action: 'locked_write_undone', detail: { claimId, field } });
    this.sink.event({ claimId, userId: pass.user!.id, action: 'locked_write_undone', field });
    pass.fixes.push(() => writeLocked(map, field, locked));
    return true;
  }

  /**
   * Keys changed inside one evidence entry: the id and kind are fixed when the entry is added, the
   * stance must stay one of STANCES, the server-filled fields are the server's, and keys the entry
   * does not have are removed. Each offending key is put back as it was.
   */
  private entryChanged(claimId: string, event: Y.YMapEvent<unknown>, pass: Pass): Array<() => void> {
    if (!pass.untrusted) return [];
    const entry = event.target as Y.Map<unknown>;
    const fixes: Array<() => void> = [];
    for (const [key, change] of event.changes.keys) {
      const rule = (EVIDENCE_FIELDS as Record<string, { serverFilled: boolean }>)[key];
      const fixed = key === 'id' || key === 'kind' || rule?.serverFilled;
      const bad = !rule || fixed || (key === 'stance' && !STANCES.includes(entry.get('stance') as never));
      if (!bad) continue;
      this.sink.audit({ userId: pass.user!.id, action: 'forged_write_undone', detail: { claimId, field: `evidence.${key}` } });
      fixes.push(() => (change.action === 'add' ? entry.delete(key) : entry.set(key, change.oldValue ?? null)));
    }
    return fixes;
  }

  /**
   * A note changed (by anyone, another process included: the text is remembered either way). The
   * history entry carries the whole text before and after; the group commit folds a person's
   * entries within HISTORY_WINDOW_MS into one.
   */
  private noteEdited(claimId: string, map: ClaimMap, user: UserRef | null): void {
    const seen = this.seen.get(claimId);
    const from = seen?.note ?? '';
    const to = noteText(map);
    this.seen.set(claimId, { note: to, tags: seen?.tags ?? tagList(map) });
    if (user && from !== to) this.sink.event({ claimId, userId: user.id, action: 'note_edited', field: 'note', from, to });
  }

  /** Tags stay editable after sign-off: the locked copy (what a restored claim gets back) follows them. */
  private tagsChanged(claimId: string, map: ClaimMap, user: UserRef | null): void {
    const tags = map.get('tags');
    const list = tagList(map);
    const seen = this.seen.get(claimId);
    this.seen.set(claimId, { note: seen?.note ?? noteText(map), tags: list });
    const locked = this.auth.get(claimId)?.locked;
    if (locked) locked.tags = list;
    if (user) this.sink.event({ claimId, userId: user.id, action: 'tags_changed', field: 'tags', from: seen?.tags ?? [], to: tags instanceof Y.Array ? tags.toJSON() : null });
  }

  /** A claim added (or replaced) by a client: valid id and anchor, server-owned fields filled by the server. */
  private checkNewClaim(claimId: string, map: ClaimMap | undefined, user: UserRef, replaced: boolean): Array<() => void> {
    const existing = this.auth.get(claimId) ?? this.deleted.get(claimId);
    if (!(map instanceof Y.Map) || !isUuid(claimId) || map.get('id') !== claimId || !this.validAnchor(map.get('anchor'))) {
      this.sink.audit({ userId: user.id, action: 'invalid_claim_removed', detail: { claimId, replaced } });
      if (existing?.locked) return [() => this.restoreClaim(existing)];
      return [() => this.claims.delete(claimId)];
    }
    // A server-owned value the client sends is forged unless it equals the authoritative one (an undo
    // of a delete sends the claim back exactly as it was).
    const current = existing ? readAuthoritative(map) : null;
    const forged = SERVER_OWNED_FIELDS.filter(
      (f) => map.has(f) && (!existing || JSON.stringify(current!.server[f]) !== JSON.stringify(existing.server[f])),
    );
    if (forged.length) {
      this.sink.audit({ userId: user.id, action: 'forged_write_undone', detail: { claimId, fields: forged } });
      this.sink.event({ claimId, userId: user.id, action: 'forged_write_undone', field: forged.join(',') });
    }
    this.deleted.delete(claimId);
    const auth: Authoritative = existing ?? {
      id: claimId,
      anchor: map.get('anchor') as Anchor,
      server: initialServerValues(user),
      evidence: new Map(),
      locked: null,
    };
    this.auth.set(claimId, auth);
    return [
      () => {
        if (existing) map.set('anchor', existing.anchor);
        for (const field of SERVER_OWNED_FIELDS) writeField(map, field, auth);
        if (auth.locked) for (const field of LOCKED_AFTER_SIGN_OFF) writeLocked(map, field, auth.locked);
        if (!(map.get('note') instanceof Y.Text)) map.set('note', new Y.Text(typeof map.get('note') === 'string' ? (map.get('note') as string) : ''));
        if (!(map.get('evidence') instanceof Y.Array)) map.set('evidence', new Y.Array());
        if (!(map.get('tags') instanceof Y.Array)) map.set('tags', new Y.Array());
        if (!isValidConfidence(map.get('confidence') ?? null)) map.set('confidence', null);
        for (const key of map.keys()) if (!fieldRule(key)) map.delete(key);
      },
      ...this.checkEvidence(claimId, map, user, true),
    ];
  }

  /** Puts a signed-off claim back whole (a client deleted or replaced it). */
  private restoreClaim(auth: Authoritative): void {
    const locked = auth.locked!;
    const map = newClaim({ id: auth.id, anchor: auth.anchor, confidence: locked.confidence as number | null, note: locked.note, tags: locked.tags });
    this.claims.set(auth.id, map);
    for (const field of SERVER_OWNED_FIELDS) writeField(map, field, auth);
    writeLocked(map, 'evidence', locked);
  }

  /** Restores one server-owned or immutable field from the authoritative copy. */
  private undo(claimId: string, field: string, user: UserRef): () => void {
    this.sink.audit({ userId: user.id, action: 'forged_write_undone', detail: { claimId, field } });
    this.sink.event({ claimId, userId: user.id, action: 'forged_write_undone', field });
    return () => {
      const map = this.claims.get(claimId);
      const auth = this.auth.get(claimId);
      if (!(map instanceof Y.Map) || !auth) return;
      if (field === 'id') map.set('id', auth.id);
      else if (field === 'anchor') map.set('anchor', auth.anchor);
      else writeField(map, field, auth);
    };
  }

  /**
   * Compares a claim's evidence list with what the server knew: new entries are validated and get
   * their `addedBy`/`addedAt` from the server, removed ones are recorded.
   */
  private checkEvidence(claimId: string, map: ClaimMap, user: UserRef | null, untrusted: boolean): Array<() => void> {
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
      // An entry removed and put back (an undo) keeps who added it and when.
      const removed = this.removedEvidence.get(`${claimId}:${id}`);
      if (removed && !auth.evidence.has(id)) {
        this.removedEvidence.delete(`${claimId}:${id}`);
        auth.evidence.set(id, removed);
        if (user) this.sink.event({ claimId, userId: user.id, action: 'evidence_added', field: 'evidence', to: { id, kind: removed.kind, title: removed.title ?? null } });
      }
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
    for (const [id, meta] of auth.evidence) {
      if (seen.has(id)) continue;
      auth.evidence.delete(id);
      this.removedEvidence.set(`${claimId}:${id}`, meta);
      if (user) this.sink.event({ claimId, userId: user.id, action: 'evidence_removed', field: 'evidence', from: { id, kind: meta.kind, title: meta.title ?? null } });
    }
    return fixes;
  }
}

export type { ChangeOrigin };
