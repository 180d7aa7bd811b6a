import { z } from 'zod/mini';
import type { ErrorKind, LookupError } from '../coupang/error-kinds';
import { clampToClock, CLOSED, gate, probeStarted, record, type BreakerState, type Outcome, type TripReason } from './circuit-breaker';
import { parseRetryAfter } from './retry-after';
import { clampRate, DEFAULT_RATE_PER_SECOND, fullBucket, nextSendAt, take, type BucketState } from './token-bucket';
import { count, DAY_MS, HOUR_MS, totalSince, type UsageByMinute } from './usage';

/**
 * Everything that decides whether a request may go out now: the shared budget, one circuit breaker per
 * store, holds on credentials that failed, and the slow-down after an X-CAG-Warnings header
 * (docs/request-economy.md). Its state holds no secret and no buyer data, so it lives in storage.local
 * and survives worker and browser restarts.
 */

/** Failures that would repeat with the same credentials: no automatic lookups until they change or Retry. */
export const HOLD_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['invalid-signature', 'malformed-auth', 'not-authorized', 'ip-not-allowed']);

/** How long the rate stays halved after an X-CAG-Warnings header. */
export const SLOW_DOWN_MS = 5 * 60_000;
const RECENT_TRIPS_MAX = 10;

export interface Trip {
  at: number;
  reason: TripReason;
  pauseMs: number;
}

const usageSlot = z.object({ requests: z.number(), cacheHits: z.number() });
const tripReason = z.enum(['rate-limited', 'blocked']);
const stateSchema = z.object({
  breakers: z.record(
    z.string(),
    z.object({
      phase: z.enum(['closed', 'open', 'half-open']),
      reason: z.optional(tripReason),
      resumesAt: z.optional(z.number()),
      pausedAt: z.optional(z.number()),
      probeAt: z.optional(z.number()),
      trips: z.object({ 'rate-limited': z.number(), blocked: z.number() }),
    }),
  ),
  holds: z.record(z.string(), z.string()),
  slowUntil: z.number(),
  bucket: z.object({ tokens: z.number(), updatedAt: z.number(), sent: z.array(z.number()) }),
  usage: z.record(z.string(), usageSlot),
  trips: z.array(z.object({ at: z.number(), reason: tripReason, pauseMs: z.number() })),
});

export interface EconomyState {
  breakers: Record<string, BreakerState>;
  /** Credentials that failed for good, by their fingerprint (see InquirySource.holdKey), with the kind. */
  holds: Record<string, string>;
  slowUntil: number;
  bucket: BucketState;
  usage: UsageByMinute;
  trips: Trip[];
}

export interface EconomyStore {
  get(): Promise<unknown>;
  set(state: EconomyState): Promise<void>;
}

export interface EconomyOptions {
  store: EconomyStore;
  now: () => number;
  ratePerSecond?: number;
}

export type Slot =
  | { verdict: 'send' | 'probe'; at: number }
  | { verdict: 'wait' }
  | { verdict: 'paused'; error: LookupError };

export interface UsageReport {
  requestsLastHour: number;
  requestsLastDay: number;
  cacheHitsLastDay: number;
  /** The rate in force now (halved while Coupang warns). */
  ratePerSecond: number;
  slowedDown: boolean;
  breaker: { phase: BreakerState['phase']; reason?: TripReason; resumesAt?: number };
  held?: string;
  recentTrips: Trip[];
}

function emptyState(now: number): EconomyState {
  return { breakers: {}, holds: {}, slowUntil: 0, bucket: fullBucket(now), usage: {}, trips: [] };
}

/** What one finished request tells the breaker. */
export function outcomeOf(error: LookupError | undefined, now: number): Outcome {
  if (!error) return { kind: 'answered' };
  if (error.kind === 'rate-limited') return { kind: 'trip', reason: 'rate-limited', retryAfterMs: parseRetryAfter(error.retryAfter, error.serverDate ?? now) };
  if (error.kind === 'blocked') return { kind: 'trip', reason: 'blocked' };
  return error.status === undefined ? { kind: 'no-answer' } : { kind: 'answered' };
}

export function createRequestEconomy(options: EconomyOptions) {
  let state = emptyState(options.now());
  let rate = clampRate(options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND);
  let writes: Promise<void> = Promise.resolve();
  const ready = options.store.get().then(
    (raw) => {
      const parsed = stateSchema.safeParse(raw);
      if (parsed.success) state = parsed.data;
    },
    () => undefined,
  );

  function save(next: EconomyState): void {
    state = next;
    const snapshot = next;
    writes = writes.then(() => options.store.set(snapshot)).catch(() => undefined);
  }

  /** The store's breaker, its stored times clamped to `now` (and saved) when the clock was set back. */
  function breakerOf(vendorId: string, now: number): BreakerState {
    const stored = state.breakers[vendorId] ?? CLOSED;
    const clamped = clampToClock(stored, now);
    if (clamped !== stored) save({ ...state, breakers: { ...state.breakers, [vendorId]: clamped } });
    return clamped;
  }
  /** Half rate while slowed down; a slow-down stamped further ahead than it ever lasts (clock set back) is over. */
  const slowedDown = (now: number) => now < state.slowUntil && state.slowUntil - now <= SLOW_DOWN_MS;
  const effectiveRate = (now: number) => (slowedDown(now) ? rate / 2 : rate);

  function pausedError(vendorId: string, now: number): LookupError | undefined {
    const verdict = gate(breakerOf(vendorId, now), now);
    return verdict.verdict === 'paused' ? { kind: verdict.reason, resumesAt: verdict.resumesAt } : undefined;
  }

  return {
    ready,
    /** Resolves once every state change so far is written (tests; a clean shutdown). */
    flushed: () => writes,
    setRate(ratePerSecond: number): void {
      rate = clampRate(ratePerSecond);
    },

    /** Refuses at once, without queueing: held credentials, or the store's breaker open. */
    refuse(vendorId: string, holdKey: string, now: number): LookupError | undefined {
      const held = state.holds[holdKey];
      if (held) return { kind: held as ErrorKind, held: true };
      return pausedError(vendorId, now);
    },

    /** The store's pause as an error (kind, resumesAt), while its breaker is open. */
    paused(vendorId: string, now: number): LookupError | undefined {
      return pausedError(vendorId, now);
    },

    /** When the next request for this store may go, or why not. */
    slot(vendorId: string, now: number): Slot {
      const verdict = gate(breakerOf(vendorId, now), now);
      if (verdict.verdict === 'paused') return { verdict: 'paused', error: { kind: verdict.reason, resumesAt: verdict.resumesAt } };
      if (verdict.verdict === 'wait') return verdict;
      return { verdict: verdict.verdict, at: nextSendAt(state.bucket, effectiveRate(now), now) };
    },

    /** A request goes out now (after slot(…) allowed it). */
    spend(vendorId: string, now: number, asProbe: boolean): void {
      const breakers = asProbe ? { ...state.breakers, [vendorId]: probeStarted(breakerOf(vendorId, now), now) } : state.breakers;
      save({ ...state, breakers, bucket: take(state.bucket, effectiveRate(now), now), usage: count(state.usage, 'requests', now) });
    },

    /** A request came back (or failed): the breaker, holds and slow-down learn from it. Returns the error to show. */
    settle(vendorId: string, holdKey: string, error: LookupError | undefined, cagWarning: boolean, wasProbe: boolean, now: number): LookupError | undefined {
      const before = breakerOf(vendorId, now);
      const after = record(before, outcomeOf(error, now), now, wasProbe);
      const tripped = after.phase === 'open' && (before.phase !== 'open' || wasProbe) && after.resumesAt !== undefined;
      const trips = tripped ? [...state.trips, { at: now, reason: after.reason!, pauseMs: after.resumesAt! - now }].slice(-RECENT_TRIPS_MAX) : state.trips;
      const holds = error && HOLD_KINDS.has(error.kind) ? { ...state.holds, [holdKey]: error.kind } : state.holds;
      const slowUntil = cagWarning ? now + SLOW_DOWN_MS : state.slowUntil;
      save({ ...state, breakers: { ...state.breakers, [vendorId]: after }, holds, slowUntil, trips });
      if (!error) return undefined;
      const { retryAfter: _dropped, ...shown } = error;
      if (error.kind === 'rate-limited' || error.kind === 'blocked') return { ...shown, ...pausedError(vendorId, now), kind: error.kind };
      return HOLD_KINDS.has(error.kind) ? { ...shown, held: true } : shown;
    },

    cacheHit(now: number): void {
      save({ ...state, usage: count(state.usage, 'cacheHits', now) });
    },

    /** The seller pressed Retry on a held failure: one more try with these credentials. */
    releaseHold(holdKey: string): void {
      if (!(holdKey in state.holds)) return;
      const { [holdKey]: _released, ...holds } = state.holds;
      save({ ...state, holds });
    },

    /** New keys: nothing held against the old ones matters any more. */
    releaseAllHolds(): void {
      save({ ...state, holds: {} });
    },

    report(vendorId: string, holdKey: string | undefined, now: number): UsageReport {
      const breaker = breakerOf(vendorId, now);
      return {
        requestsLastHour: totalSince(state.usage, 'requests', now - HOUR_MS),
        requestsLastDay: totalSince(state.usage, 'requests', now - DAY_MS),
        cacheHitsLastDay: totalSince(state.usage, 'cacheHits', now - DAY_MS),
        ratePerSecond: effectiveRate(now),
        slowedDown: slowedDown(now),
        breaker: { phase: breaker.phase, reason: breaker.reason, resumesAt: breaker.resumesAt },
        held: holdKey === undefined ? undefined : state.holds[holdKey],
        recentTrips: state.trips,
      };
    },
  };
}

export type RequestEconomy = ReturnType<typeof createRequestEconomy>;
