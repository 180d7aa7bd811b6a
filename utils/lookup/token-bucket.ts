/**
 * The request budget: a token bucket (sustained rate, burst) plus a hard cap on requests in any rolling
 * second, whatever the bucket holds. Pure: the caller passes the time and keeps the state
 * (docs/request-economy.md#budget).
 */
export const DEFAULT_RATE_PER_SECOND = 2;
export const MIN_RATE_PER_SECOND = 0.5;
export const MAX_RATE_PER_SECOND = 8;
export const BURST = 5;
export const WINDOW_MS = 1_000;
/**
 * The gateway counts arrivals, not departures: a request that waited for a new TLS connection may arrive
 * after one sent later on a warm connection. The rolling second is kept this much longer on our side.
 */
export const ARRIVAL_MARGIN_MS = 250;
const COUNTED_MS = WINDOW_MS + ARRIVAL_MARGIN_MS;

export interface BucketState {
  tokens: number;
  /** When `tokens` was last brought up to date (epoch ms). */
  updatedAt: number;
  /** Send times of the last rolling second, oldest first. */
  sent: number[];
}

export function clampRate(ratePerSecond: number): number {
  if (!Number.isFinite(ratePerSecond)) return DEFAULT_RATE_PER_SECOND;
  return Math.min(MAX_RATE_PER_SECOND, Math.max(MIN_RATE_PER_SECOND, ratePerSecond));
}

/** At most this many requests in any rolling second: the burst, or the rate itself when the seller set it higher. */
export function windowCap(ratePerSecond: number): number {
  return Math.max(BURST, Math.ceil(clampRate(ratePerSecond)));
}

export function fullBucket(now: number): BucketState {
  return { tokens: BURST, updatedAt: now, sent: [] };
}

/**
 * Brings the bucket up to `now`. The wall clock is untrusted (docs/request-economy.md#clock): a time stored
 * in the future means the clock was set back, so it is clamped to `now` rather than waited for; otherwise a
 * clock set back 10 minutes would hold every request for 10 minutes. The bucket keeps its tokens as they were
 * (no refill for the unknown gap) and a future send time still counts for at most one rolling second.
 */
function refilled(state: BucketState, ratePerSecond: number, now: number): BucketState {
  const rate = clampRate(ratePerSecond);
  const updatedAt = Math.min(state.updatedAt, now);
  const elapsed = now - updatedAt;
  return {
    tokens: Math.min(BURST, Math.max(0, state.tokens) + (elapsed * rate) / 1_000),
    updatedAt: now,
    sent: state.sent.map((at) => Math.min(at, now)).filter((at) => at > now - COUNTED_MS),
  };
}

/** The earliest time (≥ now) at which one more request may go out. */
export function nextSendAt(state: BucketState, ratePerSecond: number, now: number): number {
  const rate = clampRate(ratePerSecond);
  const current = refilled(state, rate, now);
  const byTokens = current.tokens >= 1 ? now : now + Math.ceil(((1 - current.tokens) * 1_000) / rate);
  const cap = windowCap(rate);
  const oldestCounted = current.sent[current.sent.length - cap];
  const byWindow = oldestCounted === undefined ? now : Math.max(now, oldestCounted + COUNTED_MS);
  return Math.max(byTokens, byWindow);
}

/** Spends one token for a request sent at `now`; call only when nextSendAt(…) <= now. */
export function take(state: BucketState, ratePerSecond: number, now: number): BucketState {
  const current = refilled(state, ratePerSecond, now);
  return { tokens: Math.max(0, current.tokens - 1), updatedAt: current.updatedAt, sent: [...current.sent, now] };
}
