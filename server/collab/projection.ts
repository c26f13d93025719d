import type * as Y from 'yjs';
import { CLAIM_FIELDS, CLAIM_STATUSES, EVIDENCE_FIELDS, EVIDENCE_KINDS, readClaim, STANCES, VALUE_LIMITS, type ClaimMap } from '../shared/claim-doc';
import { isUuid } from '../shared/ids';
import { anchorVersionOf, documentVersionOf } from '../shared/document-version';
import { storableJson, toStorable } from '../shared/storable-text';
import type { ClaimRow, EvidenceRow } from './repository';

const str = (v: unknown, max: number = VALUE_LIMITS.valueChars): string | null => (typeof v === 'string' ? toStorable(v.slice(0, max)) : null);

/**
 * The relational rows of one claim as it stands in the Y.Doc, or null when the claim is not
 * (yet) well formed. Every value is coerced to its column's type and every string made storable,
 * so nothing a client writes can make the log's transaction fail.
 */
function projectClaim(documentId: string, claimId: string, map: ClaimMap): { claim: ClaimRow; evidence: EvidenceRow[] } | null {
  if (!isUuid(claimId)) return null;
  const c = readClaim(map);
  const a = c.anchor;
  if (!a || !Number.isInteger(a.start) || !Number.isInteger(a.end) || typeof a.exact !== 'string') return null;
  const { min, max } = CLAIM_FIELDS.confidence.limits;
  const confidence = typeof c.confidence === 'number' && Number.isFinite(c.confidence) ? Math.round(Math.min(max, Math.max(min, c.confidence))) : null;
  const claim: ClaimRow = {
    id: claimId,
    documentId,
    start: a.start,
    end: a.end,
    exact: toStorable(a.exact),
    prefix: str(a.prefix) ?? '',
    suffix: str(a.suffix) ?? '',
    status: CLAIM_STATUSES.includes(c.status) ? c.status : 'open',
    confidence,
    note: toStorable(c.note.slice(0, CLAIM_FIELDS.note.limits.maxChars)),
    tags: c.tags.slice(0, CLAIM_FIELDS.tags.limits.maxEntries).map((t) => toStorable(t.slice(0, CLAIM_FIELDS.tags.limits.maxChars))),
    review: storableJson(c.review),
    // The version the anchor counts in; a claim without one was made on the document's current version.
    anchorVersion: anchorVersionOf(a, (map.doc && documentVersionOf(map.doc)?.version) || 1),
    createdBy: isUuid(c.createdBy?.id) ? c.createdBy.id : null,
    createdAt: c.createdAt && !Number.isNaN(Date.parse(c.createdAt)) ? new Date(c.createdAt) : new Date(),
  };
  const evidence: EvidenceRow[] = [];
  for (const e of c.evidence) {
    if (!isUuid(e.id) || !EVIDENCE_KINDS.includes(e.kind) || !STANCES.includes(e.stance)) continue;
    evidence.push({
      id: e.id,
      claimId,
      position: evidence.length,
      kind: e.kind,
      stance: e.stance,
      url: str(e.url, EVIDENCE_FIELDS.url.maxChars),
      title: str(e.title, EVIDENCE_FIELDS.title.maxChars),
      excerpt: str(e.excerpt),
      sourceDocumentId: isUuid(e.documentId) ? e.documentId : null,
      anchor: e.anchor && Number.isInteger(e.anchor.start) && Number.isInteger(e.anchor.end) ? storableJson(e.anchor) : null,
      addedBy: isUuid(e.addedBy?.id) ? e.addedBy.id : null,
      addedAt: e.addedAt && !Number.isNaN(Date.parse(e.addedAt)) ? new Date(e.addedAt) : new Date(),
    });
  }
  return { claim, evidence };
}

/** Projects the given claims of a Y.Doc; ids no longer in the doc are returned as deleted. */
export function projectClaims(documentId: string, claimsMap: Y.Map<ClaimMap>, ids: Iterable<string>) {
  const claims: ClaimRow[] = [];
  const evidence: EvidenceRow[] = [];
  const deleted: string[] = [];
  for (const id of ids) {
    const map = claimsMap.get(id);
    const rows = map ? projectClaim(documentId, id, map) : null;
    if (rows) {
      claims.push(rows.claim);
      evidence.push(...rows.evidence);
    } else if (isUuid(id)) {
      deleted.push(id);
    }
  }
  return { claims, evidence, deleted };
}
