/**
 * How processes share collaboration traffic. Joining a document is subscribe → load → replay:
 * `subscribe` marks the position in the document's stream before the caller loads from Postgres,
 * and `start` then delivers every entry after that mark, so nothing committed meanwhile is missed.
 */
export interface BusHandlers {
  update(update: Uint8Array): void;
  awareness(update: Uint8Array): void;
}

export interface BusSubscription {
  /** Begins delivering updates published after the subscription was made. */
  start(): void;
  close(): Promise<void>;
}

export interface Bus {
  readonly kind: 'local' | 'redis';
  subscribe(documentId: string, handlers: BusHandlers): Promise<BusSubscription>;
  /** Shares an update this process has committed to Postgres. */
  publishUpdate(documentId: string, update: Uint8Array): void;
  publishAwareness(documentId: string, update: Uint8Array): void;
  /** Called after the bus lost its connection and got it back: updates may have been missed. */
  onReconnect(handler: () => void): void;
  close(): Promise<void>;
}

/** A single process: every connection to a document is in its one room, so there is nothing to share. */
export class LocalBus implements Bus {
  readonly kind = 'local' as const;
  async subscribe(): Promise<BusSubscription> {
    return { start() {}, async close() {} };
  }
  publishUpdate(): void {}
  publishAwareness(): void {}
  onReconnect(): void {}
  async close(): Promise<void> {}
}
