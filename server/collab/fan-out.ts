import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Connection } from './connection';
import { awarenessStatesMessage, updateMessage } from './messages';

/**
 * Sends a room's changes to its connections once per event-loop tick: one merged update and one
 * awareness message, encoded once and sent to every connection, however many changes arrived in
 * the tick. The senders get their own changes back inside the merged update: a Yjs client skips
 * what it already holds (no change, no `update` event), which costs a few bytes, while merging a
 * separate "everyone but you" update per sender cost one `Y.mergeUpdates` per sender per tick and
 * was most of a busy room's time.
 */
export class FanOut {
  private outgoing: Uint8Array[] = [];
  private readonly awarenessChanged = new Set<number>();
  private scheduled = false;

  constructor(
    private readonly connections: Set<Connection>,
    private readonly awareness: awarenessProtocol.Awareness,
  ) {}

  /** An update applied to the room's document. */
  update(update: Uint8Array): void {
    this.outgoing.push(update);
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
      const message = updateMessage(outgoing.length === 1 ? outgoing[0] : Y.mergeUpdates(outgoing));
      for (const conn of this.connections) conn.send(message);
    }
    if (this.awarenessChanged.size) {
      const message = awarenessStatesMessage(this.awareness, [...this.awarenessChanged]);
      this.awarenessChanged.clear();
      for (const conn of this.connections) conn.send(message);
    }
  }
}
