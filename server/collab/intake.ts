import * as Y from 'yjs';
import { claimsOf } from '../shared/claim-doc';
import { CloseCode } from '../shared/collab-protocol';
import type { IdRanges } from './id-ranges';
import { checkClaimShapes, inspectIntegrated, RefusedUpdate, stateOf } from './inspect';

export interface IntakeLimits {
  /** Largest encoded size of the whole shared document a client update may grow it to. */
  maxDocumentBytes: number;
  /** Changes of this document that the database refused (quarantined): refused again if sent again. */
  refused: IdRanges;
}

/**
 * Where a client's update is tried before it reaches the room's document: on a shadow copy, so
 * that nothing of a refused update is applied, broadcast or stored. Yjs can decode an update and
 * still throw half-way through integrating it; the shadow takes that too. An update is admitted
 * when the shadow took it whole, everything it integrated passes `inspectIntegrated` and
 * `checkClaimShapes`, and the document stays under its size limit. A refused or failed update
 * poisons only the shadow, which is rebuilt from the room's document on the next write.
 */
export class UpdateIntake {
  private shadow: Y.Doc | null = null;
  /** The document's encoded size when last measured, plus every update accepted since (an upper bound). */
  private approxBytes = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: IntakeLimits,
  ) {}

  /** Starts over from the room's document as it is now (after a load). */
  reset(): void {
    this.discard();
    this.approxBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
  }

  /** Keeps the shadow in step with a change that did not come through `admit` (REST, server fixes, other processes). */
  follow(update: Uint8Array): void {
    this.approxBytes += update.byteLength;
    // Applying what the shadow already has is a no-op.
    if (this.shadow) Y.applyUpdate(this.shadow, update);
  }

  /** Throws a RefusedUpdate (or Yjs's own error) unless `update` may be applied to the room's document. */
  admit(update: Uint8Array): void {
    if (!this.shadow) {
      this.shadow = new Y.Doc({ gc: true });
      Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc));
    }
    const shadow = this.shadow;
    const before = stateOf(shadow);
    try {
      Y.applyUpdate(shadow, update);
      checkClaimShapes(claimsOf(shadow), inspectIntegrated(shadow, before, this.limits.refused));
      this.checkSize(shadow, update.byteLength);
    } catch (err) {
      this.discard();
      throw err;
    }
  }

  private checkSize(shadow: Y.Doc, added: number): void {
    this.approxBytes += added;
    if (this.approxBytes <= this.limits.maxDocumentBytes) return;
    // The estimate only grows; measure before refusing.
    const exact = Y.encodeStateAsUpdate(shadow).byteLength;
    if (exact > this.limits.maxDocumentBytes) {
      throw new RefusedUpdate(CloseCode.tooLarge, `the document would grow past ${this.limits.maxDocumentBytes} bytes`);
    }
    this.approxBytes = exact;
  }

  /** Drops the shadow (after a refusal, or when the document dropped held updates). */
  discard(): void {
    this.shadow?.destroy();
    this.shadow = null;
  }

  destroy(): void {
    this.discard();
  }
}
