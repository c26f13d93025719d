/** The clock and timer a throttle uses; tests pass fake ones. */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Runs the pending call now, if there is one (the final value of a drag, say). */
  flush(): void;
  /** Drops the pending call. */
  cancel(): void;
}

/**
 * Calls `fn` at most once per `intervalMs`: the first call runs at once, later ones within the
 * interval are folded into one trailing call with the latest arguments, so the last value is
 * always delivered (a slider drag sends ≤ 1000/intervalMs updates a second, and its end value).
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, intervalMs: number, timers: Timers = realTimers): Throttled<A> {
  let lastRun = -Infinity;
  let pending: A | null = null;
  let timer: unknown = null;

  const run = (args: A) => {
    lastRun = timers.now();
    pending = null;
    fn(...args);
  };
  const fire = () => {
    timer = null;
    if (pending) run(pending);
  };

  const throttled = ((...args: A) => {
    const wait = lastRun + intervalMs - timers.now();
    if (wait <= 0 && timer === null) {
      run(args);
    } else {
      pending = args;
      timer ??= timers.setTimeout(fire, Math.max(0, wait));
    }
  }) as Throttled<A>;

  throttled.flush = () => {
    if (timer !== null) timers.clearTimeout(timer);
    fire();
  };
  throttled.cancel = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return throttled;
}
