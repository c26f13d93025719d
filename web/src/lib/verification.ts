/**
 * What the workspace's verification pages (search, dashboard, export) share: the colours of claim
 * statuses and verdicts (their words are in $shared/labels), links to a claim, the list of
 * workspace pages, and the loader for the workspace with the caller's role and the voting quorum.
 */
import { error } from '@sveltejs/kit';
// The value lists and the field rules live in the shared Y.Doc module; Yjs (side-effect free)
// is left out of these pages' bundles, as nothing here uses it.
import { CLAIM_FIELDS, CLAIM_STATUSES, VERDICTS, type Anchor, type AnchorReview, type ClaimStatus, type EvidenceItem, type Tally, type UserRef, type Verdict } from '$shared/claim-doc';
import { isUuid } from '$shared/ids';
import { NO_CONSENSUS_LABEL, STATUS_LABELS, statusLabel, VERDICT_LABELS, verdictLabel } from '$shared/labels';
import type { Role } from '$shared/roles';
import { api } from './api';
import { loadOrFail, requireUser } from './load';

export type { ClaimStatus, Verdict };

/** A claim as the REST API sends it (API.md "Claims"). */
export interface ApiClaim {
  id: string;
  documentId: string;
  anchor: Anchor;
  status: ClaimStatus;
  /** The team's shared rating, 0–100. */
  confidence: number | null;
  note: string;
  tags: string[];
  createdBy: UserRef | null;
  createdAt: string;
  updatedAt: string;
  evidence: EvidenceItem[];
  /** The current round's votes; before reveal, only the caller's own. */
  votes: ApiVote[];
  revealed: boolean;
  /** The current round's blind tally; before reveal, only `count` is filled in. */
  tally: Tally;
  /** The voting round: a new one starts when the claim's quoted words change. */
  round: number;
  /** Votes of earlier rounds, cast on earlier wording (before reveal, only the caller's own). */
  earlierVotes: ApiVote[];
  /** Why the status is what it is ("text changed in v2", a reopening's reason). */
  statusReason: string | null;
  /** The lead's sign-off while verified or rejected: the published rationale and what it overrode. */
  signOff: { rationale: string | null; by: UserRef | null; at: string | null; override: string[]; rating?: Verdict | null } | null;
  /** While published: the public page (`/fact-checks/<id>`, server-rendered, outside the SPA) and when it was first published. */
  publication: { url: string; at: string } | null;
  comments: { id: string; user: UserRef | null; body: string; replyTo: string | null; at: string }[];
  review: AnchorReview | null;
}

/** A vote as the REST API sends it: blind (counted), first cast after reveal (not counted), or revised after reveal. */
export interface ApiVote {
  user: UserRef;
  verdict: Verdict;
  confidence: number | null;
  note: string;
  at: string;
  round: number;
  /** The claim's words it was cast on. */
  wording: string | null;
  afterReveal: boolean;
  revised: { verdict: Verdict; reason: string; at: string } | null;
}

/** What a sign-off overrode, in words. */
export const OVERRIDE_LABELS: Record<string, string> = {
  no_evidence: 'no evidence',
  no_revealed_vote: 'no revealed vote',
  no_consensus: 'no consensus among the blind votes',
  rating_not_consensus: 'a rating other than the consensus',
};

/** A workspace as `GET /api/workspaces` lists it: with the caller's role and the voting quorum. */
export interface WorkspaceWithQuorum {
  id: string;
  name: string;
  /** Votes after which a claim's verdicts are revealed to everyone. */
  quorum: number;
  /** Whether published fact-checks show each fact-checker's verdict. */
  publicVotes: boolean;
  role: Role;
}

interface WorkspacesWithQuorumResponse {
  workspaces: WorkspaceWithQuorum[];
}

/** How a status or verdict shows: its words and a colour dark enough for text on white. */
export interface Appearance {
  label: string;
  color: string;
}

const STATUS_COLORS: Record<ClaimStatus, string> = { open: '#5d6671', in_review: '#2a6db0', verified: '#1e6b3a', rejected: '#a32117' };

const VERDICT_COLORS: Record<Verdict, string> = {
  accurate: '#1e6b3a',
  mostly_accurate: '#4f7d2c',
  mixed: '#8a6100',
  mostly_inaccurate: '#b4501b',
  inaccurate: '#a32117',
  unverifiable: '#5d6671',
};

/** Claim statuses in their workflow order (CLAIM_STATUSES), in words and colour. */
export const STATUS_APPEARANCE = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, { label: STATUS_LABELS[s], color: STATUS_COLORS[s] }])) as Record<ClaimStatus, Appearance>;

/** Verdicts best to worst, then `unverifiable` (VERDICTS' order), in words and colour. */
export const VERDICT_APPEARANCE = Object.fromEntries(VERDICTS.map((v) => [v, { label: VERDICT_LABELS[v], color: VERDICT_COLORS[v] }])) as Record<Verdict, Appearance>;

/** A revealed claim whose votes tie: it has no consensus verdict. */
export const NO_CONSENSUS: Appearance = { label: NO_CONSENSUS_LABEL, color: '#8b8579' };

/** Whether a query-string value is a claim status. */
export function isStatus(value: string | null): value is ClaimStatus {
  return value !== null && (CLAIM_STATUSES as readonly string[]).includes(value);
}

/** Whether a query-string value is a verdict. */
export function isVerdict(value: string | null): value is Verdict {
  return value !== null && (VERDICTS as readonly string[]).includes(value);
}

const CONFIDENCE = CLAIM_FIELDS.confidence.limits;

/** Minimum-confidence choices offered by the filters (the API takes any whole number of the confidence's range). */
export const CONFIDENCE_STEPS = [25, 50, 75, 90] as const;

/** A confidence from the query string: a whole number within the claim's confidence range, or null when absent or not one. */
export function confidenceParam(value: string | null): number | null {
  if (value === null || !/^\d{1,6}$/.test(value)) return null;
  const n = Number(value);
  return n >= CONFIDENCE.min && n <= CONFIDENCE.max ? n : null;
}

/** The reader's address for one claim: the document, scrolled to and opened on the claim. */
export function claimHref(documentId: string, claimId: string): string {
  return `/d/${encodeURIComponent(documentId)}#claim-${encodeURIComponent(claimId)}`;
}

export type WorkspaceSection = 'documents' | 'search' | 'dashboard' | 'export' | 'settings';

/** The workspace's pages, in the order their links show. */
export function workspaceSections(workspaceId: string): { id: WorkspaceSection; label: string; href: string }[] {
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  return [
    { id: 'documents', label: 'Documents', href: base },
    { id: 'search', label: 'Search', href: `${base}/search` },
    { id: 'dashboard', label: 'Dashboard', href: `${base}/dashboard` },
    { id: 'export', label: 'Export', href: `${base}/export` },
    { id: 'settings', label: 'Settings', href: `${base}/settings` },
  ];
}

const NOT_FOUND = "This workspace does not exist or you don't have access.";

/**
 * For a page's `load`: the workspace with the caller's role and quorum. Sends a visitor who is
 * signed out to /login and anyone else who is not a member to the 404 page.
 */
export async function loadWorkspace(workspaceId: string): Promise<WorkspaceWithQuorum> {
  await requireUser();
  if (!isUuid(workspaceId)) error(404, { message: NOT_FOUND, code: 'workspace_not_found' });
  // The caller's own workspace list both proves membership and carries their role.
  const { workspaces } = await loadOrFail(() => api.get<WorkspacesWithQuorumResponse>('/api/workspaces'));
  const workspace = workspaces.find((w) => w.id === workspaceId);
  if (!workspace) error(404, { message: NOT_FOUND, code: 'workspace_not_found' });
  return workspace;
}

/**
 * "Mostly inaccurate — 2 of 3 votes agree (67%)" for a revealed tally: the votes behind the share,
 * so it is not read as the dashboard's agreement (Krippendorff's α, which needs more claims).
 * "Accurate — 1 vote only"; "No consensus — the 2 votes are split" on a tie.
 */
export function consensusText(tally: Tally): string {
  if (tally.count === 0) return 'No votes';
  const verdict = verdictLabel(tally.consensus);
  if (tally.count === 1) return `${verdict} — 1 vote only`;
  if (tally.consensus === null || tally.agreement === null) return `${verdict} — the ${tally.count} votes are split`;
  const agreeing = Math.round(tally.agreement * tally.count);
  return `${verdict} — ${agreeing} of ${tally.count} votes agree (${Math.round(tally.agreement * 100)}%)`;
}

/** One entry of a claim's history (`GET /api/claims/:id/history`). */
export interface HistoryEvent {
  at: string;
  user: UserRef | null;
  action: string;
  field?: string | null;
  from?: unknown;
  to?: unknown;
  /** Why, when one was given (a reopening, a revision, a sign-off's rationale, "text changed in v2"). */
  reason?: string | null;
}

const titleOf = (value: unknown): string => {
  if (value && typeof value === 'object') {
    const v = value as { title?: unknown; kind?: unknown };
    if (typeof v.title === 'string' && v.title) return `“${v.title}”`;
    if (typeof v.kind === 'string') return `a ${v.kind === 'url' ? 'link' : v.kind}`;
  }
  return 'an item';
};

const verdictOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { verdict?: unknown }).verdict === 'string') return (value as { verdict: string }).verdict;
  return null;
};

const statusOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { status?: unknown }).status === 'string') return (value as { status: string }).status;
  return null;
};

/** " — reason" when the entry carries one. */
const because = (event: HistoryEvent): string => (event.reason ? ` — “${event.reason}”` : '');

/** A claim-matching entry (server/matching): the decision and the other claim's words. */
function matchWords(action: string, from: unknown, to: unknown): string {
  const other = (action === 'match_undone' ? from : to) as { exact?: unknown; decision?: unknown } | null;
  const quote = typeof other?.exact === 'string' ? ` “${other.exact.length > 80 ? `${other.exact.slice(0, 79)}…` : other.exact}”` : ' a claim of another document';
  if (action === 'match_confirmed') return `confirmed it is the same claim as${quote}`;
  if (action === 'match_rejected') return `rejected a match with${quote}`;
  return `undid the ${other?.decision === 'rejected' ? 'rejected' : 'confirmed'} match with${quote}`;
}

/**
 * A history entry in words, without who or when: "confidence 60 → 80", "voted", "status In review → Verified (override)".
 * A hidden vote's verdict never shows (the server sends `to: null` for it anyway).
 */
export function describeEvent(event: HistoryEvent): string {
  const { action, from, to } = event;
  switch (action) {
    case 'created':
      return 'created the claim';
    case 'confidence_changed': {
      const f = typeof from === 'number' ? `${from}` : 'not rated';
      const t = typeof to === 'number' ? `${to}` : 'not rated';
      return `confidence ${f} → ${t}`;
    }
    case 'note_edited':
      return 'edited the note';
    case 'tags_changed':
      return 'changed the tags';
    case 'evidence_added':
      return `added evidence ${titleOf(to)}`;
    case 'evidence_removed':
      return `removed evidence ${titleOf(from)}`;
    case 'voted': {
      const v = verdictOf(to);
      const late = to && typeof to === 'object' && (to as { afterReveal?: unknown }).afterReveal === true ? ' after reveal (not counted)' : '';
      return `${v ? `voted ${verdictLabel(v)}` : 'voted'}${late}`;
    }
    case 'vote_changed': {
      const f = verdictOf(from);
      const t = verdictOf(to);
      return f && t ? `changed their vote ${verdictLabel(f)} → ${verdictLabel(t)}` : t ? `changed their vote to ${verdictLabel(t)}` : 'changed their vote';
    }
    case 'vote_revised': {
      const f = verdictOf(from);
      const t = verdictOf(to);
      return `revised their verdict after reveal${f && t ? ` ${verdictLabel(f)} → ${verdictLabel(t)}` : ''}${because(event)}`;
    }
    case 'round_started':
      return `started a new voting round: the quoted words changed${because(event)}`;
    case 'revealed':
      return 'revealed the votes';
    case 'status_changed': {
      const f = statusOf(from);
      const t = statusOf(to);
      const override = to && typeof to === 'object' && (to as { override?: unknown }).override;
      const overridden = Array.isArray(override) ? override.length > 0 : Boolean(override);
      return `status ${f ? statusLabel(f) : '?'} → ${t ? statusLabel(t) : '?'}${overridden ? ' (override)' : ''}${because(event)}`;
    }
    case 'commented':
      return 'commented';
    case 'reanchored':
      return 'moved to the new version of the text';
    case 'needs_review':
      return 'needs review after a new version';
    case 'deleted':
      return 'deleted the claim';
    case 'match_confirmed':
    case 'match_rejected':
    case 'match_undone':
      return matchWords(action, from, to);
    case 'forged_write_undone':
      return `a forged write${event.field ? ` to ${event.field}` : ''} was undone`;
    case 'invalid_value_undone':
      return `an invalid value${event.field ? ` of ${event.field}` : ''} was undone`;
    default:
      return action.replaceAll('_', ' ');
  }
}
