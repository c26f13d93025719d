import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Bus, BusHandlers, BusSubscription } from './bus';

const streamKey = (documentId: string) => `corroborate:doc:${documentId}:updates`;
const awarenessChannel = (documentId: string) => `corroborate:doc:${documentId}:awareness`;
/** A process that has just loaded a document asks the others, here, to announce their clients' presence again. */
const presenceQueryChannel = (documentId: string) => `corroborate:doc:${documentId}:awareness-query`;
/** Entries kept per document stream; a process that falls further behind than this resyncs on its next load. */
const STREAM_MAX_LEN = 10_000;

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

/** One client's presence as last announced: y-protocols' awareness entry (clock and JSON state). */
interface PresenceEntry {
  clock: number;
  state: string;
}

/** Folds an awareness update into `into` (client id → latest entry); a null state removes the client. */
function foldAwareness(into: Map<number, PresenceEntry>, update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if ((into.get(clientId)?.clock ?? -1) > clock) continue;
    if (state === 'null') into.delete(clientId);
    else into.set(clientId, { clock, state });
  }
}

/** The awareness update announcing every entry of `presence`. */
function encodePresence(presence: Map<number, PresenceEntry>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, presence.size);
  for (const [clientId, { clock, state }] of presence) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

interface StreamReader {
  handlers: BusHandlers;
  lastId: string;
  started: boolean;
}

/**
 * Several processes behind a load balancer: committed updates go to a per-document Redis Stream
 * (read by one blocking XREAD loop over every loaded document), awareness over pub/sub. Redis may
 * lose everything without losing data: Postgres stays the source of truth.
 */
export class RedisBus implements Bus {
  readonly kind = 'redis' as const;
  private readonly processId = randomUUID();
  private readonly commands: Redis;
  private readonly subscriber: Redis;
  private readonly reader: Redis;
  private readerClientId: number | null = null;
  private readonly streams = new Map<string, StreamReader>();
  private readonly awarenessHandlers = new Map<string, BusHandlers>();
  /**
   * Per loaded document, the presence of this process's own clients as last published. Awareness
   * travels as changes only, so a process that loads a document later would not learn of a client
   * here until that client's next change (y-protocols renews idle presence only every 15 s): it
   * asks on the presence query channel, and this is what is announced again in answer.
   */
  private readonly localPresence = new Map<string, Map<number, PresenceEntry>>();
  private readonly reconnectHandlers: Array<() => void> = [];
  private closed = false;
  private loop: Promise<void> | null = null;

  constructor(
    url: string,
    private readonly log: FastifyBaseLogger,
  ) {
    const options = { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false };
    this.commands = new Redis(url, options);
    this.subscriber = new Redis(url, options);
    this.reader = new Redis(url, options);
    for (const client of [this.commands, this.subscriber, this.reader]) {
      // ioredis reconnects by itself; an unhandled 'error' event would crash the process.
      client.on('error', (err) => this.log.warn({ err: err.message }, 'redis connection error'));
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onAwareness(channel.toString(), message));
    this.reader.on('ready', () => {
      this.reader.client('ID').then((id) => (this.readerClientId = Number(id)), () => {});
    });
    let lost = false;
    this.commands.on('close', () => (lost = true));
    this.commands.on('ready', () => {
      if (!lost) return;
      lost = false;
      this.log.info('redis: reconnected; resyncing loaded documents from Postgres');
      this.reconnectHandlers.forEach((h) => h());
      // Presence changes published meanwhile were lost too: ask for it again.
      for (const documentId of this.awarenessHandlers.keys()) this.queryPresence(documentId);
    });
  }

  async subscribe(documentId: string, handlers: BusHandlers): Promise<BusSubscription> {
    this.awarenessHandlers.set(documentId, handlers);
    this.localPresence.set(documentId, new Map());
    const subscribed = await withTimeout(this.subscriber.subscribe(awarenessChannel(documentId), presenceQueryChannel(documentId)), 1000).then(
      () => true,
      () => false, // Redis is down: ioredis re-subscribes when it returns.
    );
    // Now that the answers will be heard: ask the other processes for their clients' presence.
    if (subscribed) this.queryPresence(documentId);
    // Mark the stream's current end before the caller loads from Postgres. Without Redis, read the
    // whole (bounded) stream once it is back: repeated updates are harmless, missed ones are not.
    const last = await withTimeout(this.commands.xrevrange(streamKey(documentId), '+', '-', 'COUNT', 1), 1000).catch(() => null);
    const reader: StreamReader = { handlers, lastId: last?.[0]?.[0] ?? '0-0', started: false };
    return {
      start: () => {
        reader.started = true;
        this.streams.set(documentId, reader);
        this.wakeReader();
      },
      close: async () => {
        this.streams.delete(documentId);
        this.awarenessHandlers.delete(documentId);
        this.localPresence.delete(documentId);
        await this.subscriber.unsubscribe(awarenessChannel(documentId), presenceQueryChannel(documentId)).catch(() => {});
      },
    };
  }

  publishUpdate(documentId: string, update: Uint8Array): void {
    this.commands
      .xadd(streamKey(documentId), 'MAXLEN', '~', STREAM_MAX_LEN, '*', 'p', this.processId, 'u', Buffer.from(update))
      .catch((err) => this.log.warn({ err: err.message, documentId }, 'redis: update not shared (other processes catch up on load)'));
  }

  publishAwareness(documentId: string, update: Uint8Array): void {
    const presence = this.localPresence.get(documentId);
    if (presence) {
      try {
        foldAwareness(presence, update);
      } catch (err) {
        this.log.warn({ err: (err as Error).message, documentId }, 'redis: could not read an awareness update');
      }
    }
    this.sendAwareness(documentId, update);
  }

  private sendAwareness(documentId: string, update: Uint8Array): void {
    const message = Buffer.concat([Buffer.from(this.processId), Buffer.from(update)]);
    this.commands.publish(awarenessChannel(documentId), message).catch(() => {
      // Presence is ephemeral: a lost awareness message is replaced by the next one.
    });
  }

  private queryPresence(documentId: string): void {
    this.commands.publish(presenceQueryChannel(documentId), this.processId).catch(() => {
      // Best effort: without an answer, presence arrives with each client's next change or renewal.
    });
  }

  private onAwareness(channel: string, message: Buffer): void {
    const documentId = channel.split(':')[2];
    const handlers = this.awarenessHandlers.get(documentId);
    if (!handlers || message.subarray(0, 36).toString() === this.processId) return;
    if (channel === presenceQueryChannel(documentId)) {
      // Another process loaded the document: announce our clients' presence again (stale clocks are ignored there).
      const presence = this.localPresence.get(documentId);
      if (presence?.size) this.sendAwareness(documentId, encodePresence(presence));
      return;
    }
    try {
      handlers.awareness(new Uint8Array(message.subarray(36)));
    } catch (err) {
      // A malformed message must not escape into ioredis's event loop and end the process.
      this.log.warn({ err: (err as Error).message, documentId }, 'redis: could not apply shared presence');
    }
  }

  /** Interrupts the blocking XREAD so a newly joined document is included at once. */
  private wakeReader(): void {
    if (!this.loop) {
      this.loop = this.readLoop();
      return;
    }
    if (this.readerClientId !== null) this.commands.client('UNBLOCK', this.readerClientId).catch(() => {});
  }

  private async readLoop(): Promise<void> {
    while (!this.closed) {
      const entries = [...this.streams.entries()];
      if (entries.length === 0) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      try {
        const result = (await this.reader.xreadBuffer(
          'COUNT',
          500,
          'BLOCK',
          5000,
          'STREAMS',
          ...entries.map(([id]) => streamKey(id)),
          ...entries.map(([, r]) => r.lastId),
        )) as Array<[Buffer, Array<[Buffer, Buffer[]]>]> | null;
        for (const [key, items] of result ?? []) {
          const documentId = key.toString().split(':')[2];
          const reader = this.streams.get(documentId);
          if (!reader) continue;
          for (const [id, fields] of items) {
            reader.lastId = id.toString();
            const process = fields[1]?.toString();
            if (process === this.processId) continue;
            try {
              reader.handlers.update(new Uint8Array(fields[3]));
            } catch (err) {
              this.log.warn({ err, documentId }, 'redis: could not apply a shared update');
            }
          }
        }
      } catch (err) {
        if (this.closed) return;
        this.log.warn({ err: (err as Error).message }, 'redis: stream read failed; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.reader.disconnect();
    this.subscriber.disconnect();
    await this.commands.quit().catch(() => this.commands.disconnect());
    await this.loop?.catch(() => {});
  }
}
