import { MAX_RETRY_AFTER_MS } from './retry-after';

/**
 * One store's circuit breaker (docs/request-economy.md#breaker). Pure: every function takes the state
 * and the time and returns the next state, so it can be persisted as it is (it holds no secret).
 *
 * closed ──429 / HTML 403 / 302──▶ open ──pause over──▶ half-open (one probe in flight)
 *   ▲                                                       │ any answer that is not a trip
 *   └───────────────────────────────────────────────────────┘ a trip: open again, pause doubled
 */
export type TripReason = 'rate-limited' | 'blocked';

export interface BreakerState {
  phase: 'closed' | 'open' | 'half-open';
  reason?: TripReason;
  /** While open: when the pause ends (epoch ms). */
  resumesAt?: number;
  /** While open: when the pause began, so a clock set back can be bounded by the pause promised then. */
  pausedAt?: number;
  /** While half-open: when the probe went out (a probe lost with its worker is replaced after PROBE_STALE_MS). */
  probeAt?: number;
  /** Consecutive trips per reason since the last answer that was not a trip. */
  trips: Record<TripReason, number>;
}

export const RATE_LIMIT_PAUSE_MS = 60_000;
export const RATE_LIMIT_MAX_PAUSE_MS = 15 * 60_000;
export const BLOCK_PAUSE_MS = 5 * 60_000;
export const BLOCK_MAX_PAUSE_MS = 30 * 60_000;
export const PROBE_STALE_MS = 30_000;

export const CLOSED: BreakerState = { phase: 'closed', trips: { 'rate-limited': 0, blocked: 0 } };

export type Gate =
  | { verdict: 'send' }
  /** The pause is over: this request is the one probe. */
  | { verdict: 'probe' }
  /** A probe is out: wait for its answer. */
  | { verdict: 'wait' }
  | { verdict: 'paused'; reason: TripReason; resumesAt: number };

/**
 * The state as `now` should see it when the wall clock was set back (docs/request-economy.md#clock): a pause
 * that began in the future keeps its promised length from `now` instead of lasting the whole jump; a pause
 * from before `pausedAt` was kept is capped at the longest pause there is; a probe stamped in the future is
 * taken as sent now. Unchanged (the same object) when no stored time is in the future.
 */
export function clampToClock(state: BreakerState, now: number): BreakerState {
  let next = state;
  if (state.phase === 'open' && state.resumesAt !== undefined) {
    if (state.pausedAt !== undefined && state.pausedAt > now) {
      next = { ...next, pausedAt: now, resumesAt: now + Math.max(0, state.resumesAt - state.pausedAt) };
    } else if (state.pausedAt === undefined) {
      const longest = state.reason === 'blocked' ? BLOCK_MAX_PAUSE_MS : MAX_RETRY_AFTER_MS;
      if (state.resumesAt > now + longest) next = { ...next, resumesAt: now + longest };
    }
  }
  if (state.phase === 'half-open' && state.probeAt !== undefined && state.probeAt > now) next = { ...next, probeAt: now };
  return next;
}

export function gate(state: BreakerState, now: number): Gate {
  if (state.phase === 'closed') return { verdict: 'send' };
  if (state.phase === 'open') {
    const resumesAt = state.resumesAt ?? now;
    return now < resumesAt ? { verdict: 'paused', reason: state.reason ?? 'rate-limited', resumesAt } : { verdict: 'probe' };
  }
  // A probe time in the future means the clock was set back: its age is unknown, so it is waited for at most
  // PROBE_STALE_MS past the later of the two times, never for the whole jump (docs/request-economy.md#clock).
  const age = now - (state.probeAt ?? 0);
  return age < PROBE_STALE_MS && age > -PROBE_STALE_MS ? { verdict: 'wait' } : { verdict: 'probe' };
}

export function probeStarted(state: BreakerState, now: number): BreakerState {
  return { ...state, phase: 'half-open', probeAt: now };
}

/** How long a trip pauses: Retry-After when the gateway sent one, else the doubling default. */
export function pauseFor(reason: TripReason, tripNumber: number, retryAfterMs?: number): number {
  if (reason === 'rate-limited' && retryAfterMs !== undefined) return retryAfterMs;
  const [base, max] = reason === 'rate-limited' ? [RATE_LIMIT_PAUSE_MS, RATE_LIMIT_MAX_PAUSE_MS] : [BLOCK_PAUSE_MS, BLOCK_MAX_PAUSE_MS];
  return Math.min(max, base * 2 ** Math.max(0, tripNumber - 1));
}

export type Outcome =
  | { kind: 'trip'; reason: TripReason; retryAfterMs?: number }
  /** The gateway answered and did not block (a 200, a 404, even a 500): the way is open. */
  | { kind: 'answered' }
  /** No answer (network, timeout, aborted): says nothing about the block. */
  | { kind: 'no-answer' };

/**
 * Applies one request's outcome. `wasProbe`: the request was sent as the probe. A trip answered to a
 * request that left before an earlier trip counts once, not twice (no doubling for one burst).
 */
export function record(state: BreakerState, outcome: Outcome, now: number, wasProbe: boolean): BreakerState {
  switch (outcome.kind) {
    case 'answered':
      return state.phase === 'open' && !wasProbe ? state : CLOSED;
    case 'no-answer':
      return wasProbe && state.phase === 'half-open' ? { ...state, phase: 'open', resumesAt: now, probeAt: undefined } : state;
    case 'trip': {
      if (state.phase === 'open' && !wasProbe) {
        const later = outcome.retryAfterMs === undefined ? state.resumesAt : Math.max(state.resumesAt ?? now, now + outcome.retryAfterMs);
        return { ...state, resumesAt: later };
      }
      const tripNumber = state.trips[outcome.reason] + 1;
      return {
        phase: 'open',
        reason: outcome.reason,
        resumesAt: now + pauseFor(outcome.reason, tripNumber, outcome.retryAfterMs),
        pausedAt: now,
        trips: { ...state.trips, [outcome.reason]: tripNumber },
      };
    }
  }
}
