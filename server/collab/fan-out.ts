import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Connection } from './connection';
import { awarenessStatesMessage, updateMessage } from './messages';

/**
 * Sends a room's changes to its connections once per event-loop tick: one merged update and one
 * awareness message per connection, however many changes arrived in the tick. The sender of an
 * update gets only the others' updates back.
 */
export class FanOut {
  private outgoing: Array<{ update: Uint8Array; from: Connection | null }> = [];
  private readonly awarenessChanged = new Set<number>();
  private scheduled = false;

  constructor(
    private readonly connections: Set<Connection>,
    private readonly awareness: awarenessProtocol.Awareness,
  ) {}

  /** An update applied to the room's document; `from` is the connection that sent it, if any. */
  update(update: Uint8Array, from: Connection | null): void {
    this.outgoing.push({ update, from });
    this.schedule();
  }

  /** Presence entries that were added, updated or removed. */
  presence(clients: number[]): void {
    clients.forEach((c) => this.awarenessChanged.add(c));
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const outgoing = this.outgoing;
    this.outgoing = [];
    if (outgoing.length) {
      const merge = (items: typeof outgoing) => (items.length === 1 ? items[0].update : Y.mergeUpdates(items.map((i) => i.update)));
      const senders = new Set(outgoing.map((o) => o.from));
      let all: Uint8Array | null = null;
      for (const conn of this.connections) {
        if (!senders.has(conn)) {
          all ??= updateMessage(merge(outgoing));
          conn.send(all);
        } else {
          const others = outgoing.filter((o) => o.from !== conn);
          if (others.length) conn.send(updateMessage(merge(others)));
        }
      }
    }
    if (this.awarenessChanged.size) {
      const message = awarenessStatesMessage(this.awareness, [...this.awarenessChanged]);
      this.awarenessChanged.clear();
      for (const conn of this.connections) conn.send(message);
    }
  }
}
