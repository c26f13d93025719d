/**
 * Which version of its text a document is on, as the shared Y.Doc carries it (API.md
 * "Collaboration"): a server-owned root map, so every open reader, on every process, learns of a
 * new version through the normal sync. Clients cannot forge it: the server's intake refuses a
 * client write to any root type other than `claims`.
 */
import type * as Y from 'yjs';
import type { Anchor, UserRef } from './claim-doc';

/** The root map's name: `doc.getMap("document")`. */
export const DOCUMENT_KEY = 'document';

/** The document's current version and who uploaded it when; absent until a first new version is uploaded. */
export interface DocumentVersionInfo {
  version: number;
  uploadedBy: UserRef | null;
  uploadedAt: string;
}

/** The version the shared document announces, or null while it announces none (still version 1, or not yet synced). */
export function documentVersionOf(doc: Y.Doc): DocumentVersionInfo | null {
  const map = doc.getMap<unknown>(DOCUMENT_KEY);
  const version = map.get('version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return null;
  const by = map.get('uploadedBy') as UserRef | null | undefined;
  const at = map.get('uploadedAt');
  return { version, uploadedBy: by && typeof by.id === 'string' ? { id: by.id, name: String(by.name ?? '') } : null, uploadedAt: typeof at === 'string' ? at : '' };
}

/** Writes the version into the shared document; the server's own write, inside `room.change(SERVER_ORIGIN, …)`. */
export function announceVersion(doc: Y.Doc, info: DocumentVersionInfo): void {
  const map = doc.getMap<unknown>(DOCUMENT_KEY);
  map.set('version', info.version);
  map.set('uploadedBy', info.uploadedBy ? { id: info.uploadedBy.id, name: info.uploadedBy.name } : null);
  map.set('uploadedAt', info.uploadedAt);
}

/**
 * The version an anchor was resolved on: its own `version`, else the document's current one (a
 * claim without one was created since the last new version, whose re-anchoring stamped every claim
 * it found).
 */
export const anchorVersionOf = (anchor: Pick<Anchor, 'version'> | null | undefined, current: number): number =>
  anchor && Number.isInteger(anchor.version) && anchor.version! >= 1 ? anchor.version! : current;

/**
 * Whether a claim is drawn on the text of `shown`: its anchor is resolved on that version, that
 * version is the current one, and it is not waiting for review. Anything else is listed under
 * "Orphans / needs review", never painted.
 */
export function isPlacedOn(claim: { anchor: Pick<Anchor, 'version'>; review: unknown }, shown: number, current: number): boolean {
  return shown === current && claim.review == null && anchorVersionOf(claim.anchor, current) === current;
}
