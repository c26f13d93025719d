/**
 * Who sent which edit when, and when each measuring receiver got it. An edit is identified by its
 * Yjs id (sender's client id, clock): every edit is one Y.Map set, one clock step, so a sender's
 * n-th edit has clock n. Its latency is the time until the last of its expected receivers (the
 * measuring clients on its document, except itself) has it.
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

  sent(clientId: number, clock: number, t: number): void {
    const log = this.senders.get(clientId);
    if (!log) return;
    log.sendTimes[clock] = t;
  }

  received(receiverBit: number, clientId: number, clock: number, now: number): void {
    const log = this.senders.get(clientId);
    if (!log || !(log.expected & receiverBit)) return;
    const seen = log.seen[clock] ?? 0;
    if (seen & receiverBit) return;
    log.seen[clock] = seen | receiverBit;
    if (!(log.lastArrival[clock] >= now)) log.lastArrival[clock] = now;
  }

  /** True when every tracked edit sent in [from, to) has reached all its receivers. */
  complete(from: number, to: number): boolean {
    for (const log of this.senders.values()) {
      if (!log.expected) continue;
      for (let clock = log.sendTimes.length - 1; clock >= 0; clock--) {
        const t = log.sendTimes[clock];
        if (t === undefined || t >= to) continue;
        if (t < from) break;
        if (((log.seen[clock] ?? 0) & log.expected) !== log.expected) return false;
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
      for (let clock = 0; clock < log.sendTimes.length; clock++) {
        const t = log.sendTimes[clock];
        if (t === undefined || t < from || t >= to) continue;
        sent++;
        if (!receivers) continue;
        tracked++;
        const got = popcount((log.seen[clock] ?? 0) & log.expected);
        expectedPairs += receivers;
        deliveredPairs += got;
        if (got === receivers) latencies.push(log.lastArrival[clock] - t);
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
