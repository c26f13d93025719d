import { describe, expect, test } from 'vitest';
import { FramePacer, type Pausable } from '../../server/collab/frame-pacer';

/** A socket that records whether it is being read. */
class Socket implements Pausable {
  paused = false;
  pauses = 0;
  pause() {
    this.paused = true;
    this.pauses++;
  }
  resume() {
    this.paused = false;
  }
}

/** Holds the event loop for `ms`, as handling a heavy frame does. */
function busy(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Waits until the pacer has handed out every queued frame. */
async function drained(pacer: FramePacer) {
  for (let i = 0; i < 1000 && pacer.queuedFrames > 0; i++) await nextTurn();
  expect(pacer.queuedFrames).toBe(0);
}

const frame = (socket: number, n: number) => new Uint8Array([socket, n]);

describe('FramePacer: a turn spends at most its budget on frames, then slows the senders', () => {
  test('within the budget a frame is handled at once and nobody is paused', () => {
    const pacer = new FramePacer(50);
    const socket = new Socket();
    const handled: number[] = [];
    pacer.deliver(socket, frame(1, 1), (d) => handled.push(d[1]));
    expect(handled).toEqual([1]);
    expect(socket.pauses).toBe(0);
    expect(pacer.queuedFrames).toBe(0);
  });

  test('past the budget frames wait, their socket stops being read, and every frame is handled once, in its order, and read again after', async () => {
    const pacer = new FramePacer(4);
    const socket = new Socket();
    const handled: number[] = [];
    const handle = (d: Uint8Array) => {
      busy(3);
      handled.push(d[1]);
    };
    for (let n = 0; n < 20; n++) pacer.deliver(socket, frame(1, n), handle);
    // The budget allows two 3 ms frames in this turn at most; the rest wait for later turns.
    expect(handled.length).toBeLessThanOrEqual(2);
    expect(socket.paused).toBe(true);
    expect(pacer.queuedFrames).toBe(20 - handled.length);
    await drained(pacer);
    expect(handled).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(socket.paused).toBe(false);
  });

  test('queued frames are served one socket at a time, so a fast sender cannot starve a slow one', async () => {
    const pacer = new FramePacer(1);
    const fast = new Socket();
    const slow = new Socket();
    const order: string[] = [];
    const handle = (name: string) => (d: Uint8Array) => {
      busy(2);
      order.push(`${name}${d[1]}`);
    };
    pacer.deliver(fast, frame(1, 0), handle('f')); // spends the turn's budget
    for (let n = 1; n <= 10; n++) pacer.deliver(fast, frame(1, n), handle('f'));
    pacer.deliver(slow, frame(2, 1), handle('s'));
    pacer.deliver(slow, frame(2, 2), handle('s'));
    await drained(pacer);
    // The slow socket's two frames are among the first handed out, not after all ten of the fast one's.
    expect(order.indexOf('s2')).toBeLessThan(order.indexOf('f5'));
    expect(order.filter((o) => o.startsWith('f'))).toEqual(Array.from({ length: 11 }, (_, n) => `f${n}`));
    expect(fast.paused || slow.paused).toBe(false);
  });

  test('the frames of a socket that closed are dropped (never acknowledged), the others still handled', async () => {
    const pacer = new FramePacer(1);
    const closed = new Socket();
    const open = new Socket();
    const handled: string[] = [];
    const handle = (name: string) => (d: Uint8Array) => {
      busy(2);
      handled.push(`${name}${d[1]}`);
    };
    pacer.deliver(open, frame(1, 0), handle('o'));
    pacer.deliver(closed, frame(2, 1), handle('c'));
    pacer.deliver(open, frame(1, 1), handle('o'));
    pacer.forget(closed);
    await drained(pacer);
    expect(handled).toEqual(['o0', 'o1']);
  });

  test('a queued frame whose handler throws is reported and the queue goes on', async () => {
    const errors: unknown[] = [];
    const pacer = new FramePacer(1, (err) => errors.push(err));
    const socket = new Socket();
    const handled: number[] = [];
    const handle = (d: Uint8Array) => {
      busy(2);
      if (d[1] === 2) throw new Error('bad frame');
      handled.push(d[1]);
    };
    pacer.deliver(socket, frame(1, 0), handle);
    for (let n = 1; n < 5; n++) pacer.deliver(socket, frame(1, n), handle);
    await drained(pacer);
    expect(handled).toEqual([0, 1, 3, 4]);
    expect(errors).toHaveLength(1);
    expect(socket.paused).toBe(false);
  });
});
