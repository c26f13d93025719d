import * as Y from 'yjs';

/**
 * Sets of Yjs struct ids (client id → clock ranges): the changes of a document the database
 * refused and that were quarantined. A client that reconnects and sends them again is refused at
 * once, instead of poisoning the room's next commit.
 */
export class IdRanges {
  private readonly byClient = new Map<number, Array<{ from: number; to: number }>>();

  /** Adds every struct of an update. */
  addUpdate(update: Uint8Array): void {
    for (const struct of Y.decodeUpdate(update).structs) {
      if (struct instanceof Y.Skip) continue;
      const list = this.byClient.get(struct.id.client) ?? [];
      list.push({ from: struct.id.clock, to: struct.id.clock + struct.length });
      this.byClient.set(struct.id.client, list);
    }
  }

  /** True when any clock in [clock, clock + length) of `client` is in the set. */
  overlaps(client: number, clock: number, length: number): boolean {
    const list = this.byClient.get(client);
    return !!list && list.some((r) => r.from < clock + length && clock < r.to);
  }

  get empty(): boolean {
    return this.byClient.size === 0;
  }
}
