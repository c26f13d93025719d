// Relative imports rather than `$shared`, so the unit tests (which know no Kit aliases) can load it.
import * as Y from 'yjs';
import { readClaim, type Anchor, type ClaimMap, type ClaimState } from '../../../../server/shared/claim-doc';

const byPosition = (a: ClaimState, b: ClaimState) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end || a.id.localeCompare(b.id);

/**
 * The claims of a Y.Doc as plain values in text order, kept up to date from Yjs events: a change
 * re-reads only the claims it touched, and re-sorts only when one was added, removed or moved
 * (typing in one note of 2,000 claims reads one claim, not 2,000).
 */
export class ClaimsMirror {
  readonly #claims: Y.Map<ClaimMap>;
  readonly #byId = new Map<string, ClaimState>();
  #list: ClaimState[] = [];

  constructor(claims: Y.Map<ClaimMap>) {
    this.#claims = claims;
    this.update(null);
  }

  /** Every valid claim, in text order (a new array after each change). */
  get list(): ClaimState[] {
    return this.#list;
  }

  /** Applies the events of one transaction (from `observeDeep`; null: re-read everything); returns the new list. */
  update(events: Array<Y.YEvent<Y.AbstractType<unknown>>> | null): ClaimState[] {
    const touched = new Set<string>();
    if (events === null) this.#claims.forEach((_, id) => touched.add(id));
    for (const event of events ?? []) {
      if (event.path.length > 0) touched.add(String(event.path[0]));
      else for (const key of (event as Y.YMapEvent<unknown>).keysChanged) touched.add(key);
    }
    let reorder = events === null;
    for (const id of touched) {
      const before = this.#byId.get(id);
      const after = this.#read(id);
      if (after) this.#byId.set(id, after);
      else this.#byId.delete(id);
      reorder ||= !before || !after || before.anchor.start !== after.anchor.start || before.anchor.end !== after.anchor.end;
    }
    this.#list = reorder ? [...this.#byId.values()].sort(byPosition) : this.#list.map((c) => this.#byId.get(c.id) ?? c);
    return this.#list;
  }

  /** A claim as plain values, or null when it is gone or malformed (the server removes those shortly). */
  #read(id: string): ClaimState | null {
    const map = this.#claims.get(id);
    if (!(map instanceof Y.Map) || map.get('id') !== id) return null;
    const anchor = map.get('anchor') as Anchor | undefined;
    if (!anchor || !Number.isInteger(anchor.start) || !Number.isInteger(anchor.end) || typeof anchor.exact !== 'string') return null;
    return readClaim(map);
  }
}
