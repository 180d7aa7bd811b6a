/** A manual clock for injected timers: nothing runs until the test advances time. */
export interface FakeTimers {
  setTimer: (callback: () => void, ms: number) => number;
  clearTimer: (handle: number) => void;
  advance: (ms: number) => void;
  readonly now: number;
  readonly pending: number;
}

export function createFakeTimers(): FakeTimers {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();

  return {
    setTimer(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimer(handle) {
      timers.delete(handle);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        // Earliest due first; equal times in the order they were set.
        let next: [number, { at: number; callback: () => void }] | undefined;
        for (const entry of timers) {
          if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
        }
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].callback();
      }
      now = end;
    },
    get now() {
      return now;
    },
    get pending() {
      return timers.size;
    },
  };
}
