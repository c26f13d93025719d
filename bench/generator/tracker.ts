/**
 * Who sent which edit when, and when each measuring receiver got it. An edit is identified by
 * (sender's Yjs client id, sequence number): the receivers read the sequence number out of the
 * token the edit wrote into the sender's claim note (protocol.ts `forEachEdit`), the sender's id
 * out of the Yjs id of the inserted text. Its latency is the time until the last of its expected
 * receivers (the measuring clients on its document, except itself) has it.
 */
import { quantile } from '../stats';

interface SenderLog {
  /** Bit mask of the receivers expected to get this sender's edits. */
  expected: number;
  sendTimes: number[];
  seen: number[];
  lastArrival: number[];
}

export interface WindowResult {
  /** Edits sent during the window, by all senders. */
  sent: number;
  /** Of those, edits that measuring receivers were expected to get. */
  tracked: number;
  /** Receiver deliveries that arrived / that were expected. */
  delivered: number | null;
  latencies: number[];
}

export class Tracker {
  private readonly senders = new Map<number, SenderLog>();

  register(clientId: number, expectedReceivers: number): void {
    this.senders.set(clientId, { expected: expectedReceivers, sendTimes: [], seen: [], lastArrival: [] });
  }

  sent(clientId: number, seq: number, t: number): void {
    const log = this.senders.get(clientId);
    if (!log) return;
    log.sendTimes[seq] = t;
  }

  received(receiverBit: number, clientId: number, seq: number, now: number): void {
    const log = this.senders.get(clientId);
    if (!log || !(log.expected & receiverBit)) return;
    const seen = log.seen[seq] ?? 0;
    if (seen & receiverBit) return;
    log.seen[seq] = seen | receiverBit;
    if (!(log.lastArrival[seq] >= now)) log.lastArrival[seq] = now;
  }

  /** True when every tracked edit sent in [from, to) has reached all its receivers. */
  complete(from: number, to: number): boolean {
    for (const log of this.senders.values()) {
      if (!log.expected) continue;
      for (let seq = log.sendTimes.length - 1; seq >= 0; seq--) {
        const t = log.sendTimes[seq];
        if (t === undefined || t >= to) continue;
        if (t < from) break;
        if (((log.seen[seq] ?? 0) & log.expected) !== log.expected) return false;
      }
    }
    return true;
  }

  result(from: number, to: number): WindowResult {
    let sent = 0;
    let tracked = 0;
    let expectedPairs = 0;
    let deliveredPairs = 0;
    const latencies: number[] = [];
    for (const log of this.senders.values()) {
      const receivers = popcount(log.expected);
      for (let seq = 0; seq < log.sendTimes.length; seq++) {
        const t = log.sendTimes[seq];
        if (t === undefined || t < from || t >= to) continue;
        sent++;
        if (!receivers) continue;
        tracked++;
        const got = popcount((log.seen[seq] ?? 0) & log.expected);
        expectedPairs += receivers;
        deliveredPairs += got;
        if (got === receivers) latencies.push(log.lastArrival[seq] - t);
      }
    }
    return { sent, tracked, delivered: expectedPairs ? deliveredPairs / expectedPairs : null, latencies };
  }
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n >>> 0; x; x &= x - 1) c++;
  return c;
}

export function latencySummary(latencies: number[]): { p50: number | null; p99: number | null; max: number | null } {
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: latencies.length ? latencies.reduce((a, b) => (b > a ? b : a)) : null };
}
