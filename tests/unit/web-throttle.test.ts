import { describe, expect, test } from 'vitest';
import { throttle, type Timers } from '../../web/src/lib/collab/throttle';

/** A clock and timers the test moves by hand. */
function fakeTimers() {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  const api: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.fn();
    }
    now = until;
  };
  return { api, advance };
}

describe('throttle', () => {
  test('sends the first value at once and at most one value per interval after it', () => {
    const { api, advance } = fakeTimers();
    const sent: Array<[at: number, value: number]> = [];
    const send = throttle((v: number) => sent.push([api.now(), v]), 100, api);
    // A drag: a new value every 5 ms for a second.
    for (let v = 0; v < 200; v++) {
      send(v);
      advance(5);
    }
    advance(1000);
    expect(sent[0]).toEqual([0, 0]);
    expect(sent.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < sent.length; i++) expect(sent[i][0] - sent[i - 1][0]).toBeGreaterThanOrEqual(100);
    expect(sent[sent.length - 1][1]).toBe(199);
  });

  test('always delivers the last value of a burst', () => {
    const { api, advance } = fakeTimers();
    const sent: number[] = [];
    const send = throttle((v: number) => sent.push(v), 100, api);
    send(1);
    send(2);
    send(3);
    expect(sent).toEqual([1]);
    advance(100);
    expect(sent).toEqual([1, 3]);
    advance(1000);
    expect(sent).toEqual([1, 3]);
  });

  test('flush sends a pending value now, and cancel drops it', () => {
    const { api, advance } = fakeTimers();
    const sent: number[] = [];
    const send = throttle((v: number) => sent.push(v), 100, api);
    send(1);
    send(2);
    send.flush();
    expect(sent).toEqual([1, 2]);
    advance(500);
    expect(sent).toEqual([1, 2]);
    send(3);
    send(4);
    send.cancel();
    advance(500);
    expect(sent).toEqual([1, 2, 3]);
    send.flush();
    expect(sent).toEqual([1, 2, 3]);
  });
});
