/**
 * The shape of a document's shared Y.Doc (API.md "Collaboration"), imported by the server and the
 * web app alike: the claims map, which fields clients may write, and converters to plain values.
 */
import * as Y from 'yjs';

export const CLAIMS_KEY = 'claims';

/** Who may write a claim field: only the server, nobody after creation, or any client with write access. */
export type FieldOwner = 'server' | 'immutable' | 'collaborative';

/**
 * The value a field holds in the shared document: `text` a Y.Text, `evidence` a Y.Array of
 * Y.Maps, `tags` a Y.Array of strings, `votes` a Y.Map, `comments` a Y.Array, `value` a plain
 * (JSON) value or null.
 */
export type FieldShape = 'value' | 'text' | 'evidence' | 'tags' | 'votes' | 'comments';

/** Limits a client's write to a field must keep within; past them the update is refused (4413). */
export interface FieldLimits {
  /** A number's range (inclusive). */
  min?: number;
  max?: number;
  /** Characters of the text, or of each entry of a list. */
  maxChars?: number;
  /** Entries of a list. */
  maxEntries?: number;
}

export interface FieldRule {
  /** Its kind: written only by the server, set once at creation, or edited by any client with write access. */
  owner: FieldOwner;
  shape: FieldShape;
  /** What a `value` field holds, or what a list's entries are (the projection and the guard coerce to it). */
  type: 'uuid' | 'anchor' | 'integer' | 'user' | 'timestamp' | 'status' | 'boolean' | 'tally' | 'review' | 'text' | 'evidence' | 'string' | 'votes' | 'comments';
  /** Read-only once a lead signed the claim off (verified or rejected), until a lead reopens it. */
  lockedAfterSignOff: boolean;
  limits?: FieldLimits;
}

/**
 * The one table of a claim's fields, read by the server's guard, intake checks and projection and
 * by the web app: every key a claim's Y.Map may hold, its kind, what it holds, its limits, and
 * whether sign-off locks it. A key not in this table is removed by the guard.
 */
export const CLAIM_FIELDS = {
  id: { owner: 'immutable', shape: 'value', type: 'uuid', lockedAfterSignOff: true },
  anchor: { owner: 'immutable', shape: 'value', type: 'anchor', lockedAfterSignOff: true },
  confidence: { owner: 'collaborative', shape: 'value', type: 'integer', lockedAfterSignOff: true, limits: { min: 0, max: 100 } },
  note: { owner: 'collaborative', shape: 'text', type: 'text', lockedAfterSignOff: true, limits: { maxChars: 100_000 } },
  evidence: { owner: 'collaborative', shape: 'evidence', type: 'evidence', lockedAfterSignOff: true, limits: { maxEntries: 200 } },
  tags: { owner: 'collaborative', shape: 'tags', type: 'string', lockedAfterSignOff: false, limits: { maxEntries: 100, maxChars: 100 } },
  createdBy: { owner: 'server', shape: 'value', type: 'user', lockedAfterSignOff: true },
  createdAt: { owner: 'server', shape: 'value', type: 'timestamp', lockedAfterSignOff: true },
  status: { owner: 'server', shape: 'value', type: 'status', lockedAfterSignOff: false },
  revealed: { owner: 'server', shape: 'value', type: 'boolean', lockedAfterSignOff: false },
  votes: { owner: 'server', shape: 'votes', type: 'votes', lockedAfterSignOff: false },
  tally: { owner: 'server', shape: 'value', type: 'tally', lockedAfterSignOff: false },
  comments: { owner: 'server', shape: 'comments', type: 'comments', lockedAfterSignOff: false },
  review: { owner: 'server', shape: 'value', type: 'review', lockedAfterSignOff: false },
} as const satisfies Record<string, FieldRule>;

export type ClaimField = keyof typeof CLAIM_FIELDS;
const fieldsWhere = (test: (rule: FieldRule) => boolean) => (Object.keys(CLAIM_FIELDS) as ClaimField[]).filter((f) => test(CLAIM_FIELDS[f]));

/** Fields only the server writes; a client's write to one is undone and audited. */
export const SERVER_OWNED_FIELDS = fieldsWhere((r) => r.owner === 'server');
/** Fields a client cannot change while the claim is signed off. */
export const LOCKED_AFTER_SIGN_OFF = fieldsWhere((r) => r.owner === 'collaborative' && r.lockedAfterSignOff);

export const fieldRule = (key: string): FieldRule | undefined => (Object.hasOwn(CLAIM_FIELDS, key) ? CLAIM_FIELDS[key as ClaimField] : undefined);
/** Statuses after sign-off: the claim's collaborative fields are read-only until a lead reopens it. */
export const SIGNED_OFF_STATUSES = ['verified', 'rejected'] as const;
export const isSignedOff = (status: unknown): boolean => (SIGNED_OFF_STATUSES as readonly unknown[]).includes(status);

/** A confidence as the table allows it: a whole number within its range, or null. */
export const isValidConfidence = (v: unknown): v is number | null =>
  v === null || (typeof v === 'number' && Number.isInteger(v) && v >= CLAIM_FIELDS.confidence.limits.min && v <= CLAIM_FIELDS.confidence.limits.max);

/** The evidence entry's fields: what each holds, its length limit, and which the server fills. */
export const EVIDENCE_FIELDS = {
  id: { serverFilled: false, type: 'string' },
  kind: { serverFilled: false, type: 'string' },
  stance: { serverFilled: false, type: 'string' },
  url: { serverFilled: false, type: 'string?', maxChars: 4000 },
  title: { serverFilled: false, type: 'string?', maxChars: 1000 },
  excerpt: { serverFilled: false, type: 'string?' },
  documentId: { serverFilled: false, type: 'string?' },
  anchor: { serverFilled: false, type: 'object?' },
  addedBy: { serverFilled: true, type: 'object?' },
  addedAt: { serverFilled: true, type: 'string?' },
} as const;

/**
 * Limits on any value a client writes into the shared document, whatever the field: nesting, the
 * size of one plain value, key lengths. Each field's own limits are in CLAIM_FIELDS.
 */
export const VALUE_LIMITS = {
  /** Nesting of shared types below the claims map (claim → evidence → entry is 3). */
  typeDepth: 4,
  /** Nesting of a plain JSON value (an anchor is 1, a tally 2). */
  valueDepth: 8,
  /** Nodes in one plain value. */
  valueNodes: 2000,
  /** Characters of one string in a plain value (a title, an excerpt, a URL). */
  valueChars: 100_000,
  /** Characters of a map key or a format attribute. */
  keyChars: 100,
} as const;

export const CLAIM_STATUSES = ['open', 'in_review', 'verified', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const EVIDENCE_KINDS = ['url', 'quote', 'document'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const STANCES = ['supports', 'refutes', 'context'] as const;
export type Stance = (typeof STANCES)[number];
export const VERDICTS = ['accurate', 'mostly_accurate', 'mixed', 'mostly_inaccurate', 'inaccurate', 'unverifiable'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Where a claim sits in the canonical text: offsets in UTF-16 code units plus the quote and its context. */
export interface Anchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  /**
   * The document version whose text the offsets count in (`claims.anchor_version`). Set by the
   * server when it places a claim (re-anchoring a new version, an anchor move) and by the web app
   * on the claims it creates; absent on a claim created since the document's last new version
   * without one, which is then on the current version. A claim flagged `review` keeps the version
   * of its old anchor. Readers paint a claim only on the text of its anchor's version.
   */
  version?: number;
}

/**
 * A claim that a new version of its document could not re-anchor confidently: its anchor still
 * points into the old text (version `fromVersion`), and `candidate` is the best place found in the
 * new text, if any. A person accepts the candidate, picks another passage, or deletes the claim.
 */
export interface AnchorReview {
  reason: 'not_found' | 'low_score' | 'ambiguous';
  fromVersion: number;
  old: Anchor;
  candidate: { anchor: Anchor; score: number } | null;
}

export interface UserRef {
  id: string;
  name: string;
}

export interface EvidenceItem {
  id: string;
  kind: EvidenceKind;
  stance: Stance;
  url: string | null;
  title: string | null;
  excerpt: string | null;
  documentId: string | null;
  anchor: Anchor | null;
  addedBy: UserRef | null;
  addedAt: string | null;
}

export interface Tally {
  count: number;
  byVerdict: Partial<Record<Verdict, number>>;
  consensus: Verdict | null;
  agreement: number | null;
}

export const emptyTally = (): Tally => ({ count: 0, byVerdict: {}, consensus: null, agreement: null });

/** A claim as plain values, read out of its Y.Map. */
export interface ClaimState {
  id: string;
  anchor: Anchor;
  confidence: number | null;
  note: string;
  evidence: EvidenceItem[];
  tags: string[];
  createdBy: UserRef | null;
  createdAt: string | null;
  status: ClaimStatus;
  revealed: boolean;
  tally: Tally;
  review: AnchorReview | null;
}

export type ClaimMap = Y.Map<unknown>;

/** The document's claims: claim id → Y.Map of its fields. */
export const claimsOf = (doc: Y.Doc): Y.Map<ClaimMap> => doc.getMap<ClaimMap>(CLAIMS_KEY);

/** A new evidence entry as a Y.Map, ready to push onto a claim's `evidence` array. */
export function newEvidence(item: Omit<EvidenceItem, 'addedBy' | 'addedAt'> & Partial<Pick<EvidenceItem, 'addedBy' | 'addedAt'>>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries({ addedBy: null, addedAt: null, ...item })) map.set(key, value ?? null);
  return map;
}

/**
 * A new claim as a Y.Map with its collaborative fields, ready for `claimsOf(doc).set(id, …)`.
 * The server fills in the server-owned fields when it sees it.
 */
export function newClaim(input: {
  id: string;
  anchor: Anchor;
  confidence?: number | null;
  note?: string;
  tags?: string[];
}): ClaimMap {
  const map = new Y.Map<unknown>();
  map.set('id', input.id);
  map.set('anchor', { ...input.anchor });
  map.set('confidence', input.confidence ?? null);
  map.set('note', new Y.Text(input.note ?? ''));
  map.set('evidence', new Y.Array<Y.Map<unknown>>());
  map.set('tags', Y.Array.from(input.tags ?? []));
  return map;
}

const asString = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function readEvidence(value: unknown): EvidenceItem | null {
  if (!(value instanceof Y.Map)) return null;
  const id = asString(value.get('id'));
  if (!id) return null;
  return {
    id,
    kind: value.get('kind') as EvidenceKind,
    stance: value.get('stance') as Stance,
    url: asString(value.get('url')),
    title: asString(value.get('title')),
    excerpt: asString(value.get('excerpt')),
    documentId: asString(value.get('documentId')),
    anchor: (value.get('anchor') as Anchor | null) ?? null,
    addedBy: (value.get('addedBy') as UserRef | null) ?? null,
    addedAt: asString(value.get('addedAt')),
  };
}

/** Reads a claim's Y.Map into plain values (tolerant of missing fields while the server fills them). */
export function readClaim(map: ClaimMap): ClaimState {
  const note = map.get('note');
  const evidence = map.get('evidence');
  const tags = map.get('tags');
  const confidence = map.get('confidence');
  return {
    id: map.get('id') as string,
    anchor: map.get('anchor') as Anchor,
    confidence: typeof confidence === 'number' ? confidence : null,
    note: note instanceof Y.Text ? note.toString() : '',
    evidence: evidence instanceof Y.Array ? evidence.toArray().map(readEvidence).filter((e) => e !== null) : [],
    tags: tags instanceof Y.Array ? tags.toArray().filter((t): t is string => typeof t === 'string') : [],
    createdBy: (map.get('createdBy') as UserRef | undefined) ?? null,
    createdAt: asString(map.get('createdAt')),
    status: (map.get('status') as ClaimStatus | undefined) ?? 'open',
    revealed: map.get('revealed') === true,
    tally: (map.get('tally') as Tally | undefined) ?? emptyTally(),
    review: (map.get('review') as AnchorReview | undefined) ?? null,
  };
}
