import { describe, expect, it } from 'vitest';
import { CLOSED, gate, probeStarted, record, type BreakerState } from '@/utils/lookup/circuit-breaker';
import { parseRetryAfter } from '@/utils/lookup/retry-after';

const MIN = 60_000;
const rateLimited = { kind: 'trip', reason: 'rate-limited' } as const;
const blocked = { kind: 'trip', reason: 'blocked' } as const;

/** Trips, waits out the pause, probes and trips again, `times` times; returns each pause length. */
function pausesOf(outcome: typeof rateLimited | typeof blocked, times: number): number[] {
  let state: BreakerState = CLOSED;
  let now = 0;
  const pauses: number[] = [];
  for (let i = 0; i < times; i++) {
    const probing = state.phase === 'open';
    if (probing) {
      expect(gate(state, now)).toEqual({ verdict: 'probe' });
      state = probeStarted(state, now);
    }
    state = record(state, outcome, now, probing);
    pauses.push(state.resumesAt! - now);
    now = state.resumesAt!;
  }
  return pauses;
}

describe('circuit breaker', () => {
  it('429 without Retry-After: 60 s, doubling on each repeated trip, up to 15 min', () => {
    expect(pausesOf(rateLimited, 6).map((ms) => ms / 1_000)).toEqual([60, 120, 240, 480, 900, 900]);
  });

  it('HTML 403 or 302: 5 min, doubling up to 30 min', () => {
    expect(pausesOf(blocked, 5).map((ms) => ms / MIN)).toEqual([5, 10, 20, 30, 30]);
  });

  it('while open nothing may go; after the pause exactly one probe; others wait for it; success closes and resets', () => {
    let state = record(CLOSED, rateLimited, 0, false);
    expect(gate(state, 59_999)).toEqual({ verdict: 'paused', reason: 'rate-limited', resumesAt: 60_000 });
    expect(gate(state, 60_000)).toEqual({ verdict: 'probe' });
    state = probeStarted(state, 60_000);
    expect(gate(state, 60_001)).toEqual({ verdict: 'wait' });
    state = record(state, { kind: 'answered' }, 60_100, true);
    expect(state).toEqual(CLOSED);
    expect(gate(state, 60_100)).toEqual({ verdict: 'send' });
    // The doubling starts over after a success.
    expect(record(state, rateLimited, 70_000, false).resumesAt).toBe(130_000);
  });

  it('a probe that got no answer (network) lets the next request probe again, without doubling', () => {
    let state = probeStarted(record(CLOSED, blocked, 0, false), 5 * MIN);
    state = record(state, { kind: 'no-answer' }, 5 * MIN + 10, true);
    expect(gate(state, 5 * MIN + 10)).toEqual({ verdict: 'probe' });
    expect(state.trips.blocked).toBe(1);
  });

  it('a probe lost with its worker is replaced after 30 s', () => {
    const state = probeStarted(record(CLOSED, rateLimited, 0, false), 60_000);
    expect(gate(state, 89_999)).toEqual({ verdict: 'wait' });
    expect(gate(state, 90_000)).toEqual({ verdict: 'probe' });
  });

  it('429s answered to requests that left before the trip count once, not as repeated trips', () => {
    let state = record(CLOSED, rateLimited, 0, false);
    state = record(state, rateLimited, 5, false);
    state = record(state, rateLimited, 9, false);
    expect(state.trips['rate-limited']).toBe(1);
    expect(state.resumesAt).toBe(60_000);
  });

  it('honours Retry-After, in seconds or as an HTTP date', () => {
    const date = Date.UTC(2026, 11, 2, 9, 0, 0);
    expect(parseRetryAfter('4', date)).toBe(4_000);
    expect(parseRetryAfter(' 120 ', date)).toBe(120_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 09:00:42 GMT', date)).toBe(42_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 08:59:00 GMT', date)).toBe(0);
    expect(parseRetryAfter('soon', date)).toBeUndefined();
    expect(parseRetryAfter(undefined, date)).toBeUndefined();
    expect(parseRetryAfter('999999', date)).toBe(60 * MIN);
    const state = record(CLOSED, { ...rateLimited, retryAfterMs: 4_000 }, 1_000, false);
    expect(state.resumesAt).toBe(5_000);
  });
});

describe('a clock set back during a probe (issue 16, item 1)', () => {
  it('a probe stamped 10 minutes in the future is not waited for 10 minutes', () => {
    const probing = probeStarted({ ...CLOSED, phase: 'open', reason: 'rate-limited', resumesAt: 10 * MIN }, 10 * MIN);
    expect(gate(probing, 10 * MIN).verdict).toBe('wait');
    expect(gate(probing, 0).verdict).toBe('probe');
  });

  it('a small step back still waits for the probe out (one probe at a time)', () => {
    const probing = probeStarted({ ...CLOSED, phase: 'open', reason: 'rate-limited', resumesAt: MIN }, MIN);
    expect(gate(probing, MIN - 1_000).verdict).toBe('wait');
  });
});
