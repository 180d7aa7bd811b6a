import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARRIVAL_MARGIN_MS, BURST, clampRate, fullBucket, nextSendAt, take, windowCap, type BucketState } from '@/utils/lookup/token-bucket';

/** Sends every arrival as early as the bucket allows, in order (what the lookup queue does). */
function drive(arrivals: number[], rate: number): number[] {
  let state: BucketState = fullBucket(0);
  let free = 0;
  const sent: number[] = [];
  for (const arrival of [...arrivals].sort((a, b) => a - b)) {
    const at = nextSendAt(state, rate, Math.max(arrival, free));
    state = take(state, rate, at);
    sent.push(at);
    free = at;
  }
  return sent;
}

function maxInAnyWindow(sent: number[], windowMs: number): number {
  let best = 0;
  for (const start of sent) best = Math.max(best, sent.filter((at) => at >= start && at < start + windowMs).length);
  return best;
}

describe('token bucket', () => {
  it('no arrival pattern gets more out than the burst, the cap per rolling second, or the sustained rate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 120 }),
        fc.constantFrom(0.5, 1, 2, 3, 5, 8),
        (arrivals, rate) => {
          const sent = drive(arrivals, rate);
          expect(sent).toHaveLength(arrivals.length);
          // Even with each arrival up to the margin late or early, no rolling second of arrivals holds more.
          expect(maxInAnyWindow(sent, 1_000 + ARRIVAL_MARGIN_MS)).toBeLessThanOrEqual(windowCap(rate));
          if (rate <= BURST) expect(maxInAnyWindow(sent, 1_000)).toBeLessThanOrEqual(5);
          // Over any span, at most the burst plus what the rate refills.
          for (const start of sent) {
            for (const span of [2_000, 5_000, 10_000]) {
              const inSpan = sent.filter((at) => at >= start && at < start + span).length;
              expect(inSpan).toBeLessThanOrEqual(BURST + Math.ceil((span * rate) / 1_000));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('default settings: 20 requests at once go out 5 at once, then 2 per second', () => {
    const sent = drive(Array.from({ length: 20 }, () => 0), 2);
    expect(sent.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(sent[5]).toBe(1_250); // the rolling second (plus the arrival margin), not only the tokens, holds the sixth back
    expect(sent[19]).toBeGreaterThanOrEqual(7_000);
  });

  it('clamps the seller rate to 0.5–8 per second', () => {
    expect(clampRate(100)).toBe(8);
    expect(clampRate(0)).toBe(0.5);
    expect(clampRate(Number.NaN)).toBe(2);
    expect(windowCap(2)).toBe(5);
    expect(windowCap(8)).toBe(8);
  });
});

describe('a clock set back (issue 16, item 1)', () => {
  const TEN_MIN = 10 * 60_000;

  it('a bucket saved 10 minutes in the future does not hold the next request for 10 minutes', () => {
    // Saved while the PC was 10 minutes fast: five sends spent the burst, then Windows corrected the clock.
    let state = fullBucket(TEN_MIN);
    for (let i = 0; i < BURST; i += 1) state = take(state, 2, TEN_MIN);
    const at = nextSendAt(state, 2, 0);
    expect(at).toBeLessThanOrEqual(1_000 + ARRIVAL_MARGIN_MS);
  });

  it('after the jump the budget still holds: no more than the burst in a rolling second', () => {
    let state = fullBucket(TEN_MIN);
    state = take(state, 2, TEN_MIN);
    const sent: number[] = [];
    let now = 0;
    for (let i = 0; i < 12; i += 1) {
      now = nextSendAt(state, 2, now);
      state = take(state, 2, now);
      sent.push(now);
    }
    expect(sent[sent.length - 1]).toBeLessThan(10_000);
    for (const start of sent) expect(sent.filter((t) => t >= start && t < start + 1_000).length).toBeLessThanOrEqual(BURST);
    expect(state.updatedAt).toBeLessThanOrEqual(now);
    expect(state.sent.every((t) => t <= now)).toBe(true);
  });
});
