import { describe, expect, it } from 'vitest';
import { clampToClock, CLOSED, gate, probeStarted, record, type BreakerState } from '@/utils/lookup/circuit-breaker';
import { createRequestEconomy, SLOW_DOWN_MS, type EconomyState } from '@/utils/lookup/request-economy';
import { BURST, fullBucket, take } from '@/utils/lookup/token-bucket';

// Issue 16, item 1: a PC 10 minutes fast that Windows then corrects. Everything stored before the
// correction is 10 minutes in the future; no wait may last the jump (docs/request-economy.md#clock).
const NOW = Date.UTC(2026, 11, 5, 9, 0, 0);
const JUMP = 10 * 60_000;
const AHEAD = NOW + JUMP;

function memoryStore(initial: EconomyState) {
  let data: unknown = structuredClone(initial);
  return {
    get: async () => structuredClone(data),
    set: async (value: EconomyState) => {
      data = structuredClone(value);
    },
    peek: () => data as EconomyState,
  };
}

function savedWhileFast(breaker: BreakerState): EconomyState {
  let bucket = fullBucket(AHEAD);
  for (let i = 0; i < BURST; i += 1) bucket = take(bucket, 2, AHEAD);
  return { breakers: { V1: breaker }, holds: {}, slowUntil: AHEAD + SLOW_DOWN_MS, bucket, usage: {}, trips: [] };
}

describe('breaker: clampToClock', () => {
  it('a pause that began in the future lasts what it promised from now, not the jump', () => {
    const tripped = record(CLOSED, { kind: 'trip', reason: 'rate-limited' }, AHEAD, false);
    const clamped = clampToClock(tripped, NOW);
    expect(clamped.resumesAt).toBe(NOW + 60_000);
    expect(gate(clamped, NOW + 60_000).verdict).toBe('probe');
    // Asked again later, the promise does not slide.
    expect(clampToClock(clamped, NOW + 30_000)).toBe(clamped);
  });

  it('a pause stored without its start is capped at the longest pause there is', () => {
    const old: BreakerState = { ...CLOSED, phase: 'open', reason: 'blocked', resumesAt: NOW + 24 * 60 * 60_000, trips: { 'rate-limited': 0, blocked: 1 } };
    expect(clampToClock(old, NOW).resumesAt).toBe(NOW + 30 * 60_000);
  });

  it('leaves a state with no future time alone', () => {
    const tripped = record(CLOSED, { kind: 'trip', reason: 'blocked' }, NOW, false);
    expect(clampToClock(tripped, NOW + 1_000)).toBe(tripped);
    expect(clampToClock(CLOSED, NOW)).toBe(CLOSED);
  });

  it('a probe stamped in the future is taken as sent now', () => {
    const probing = probeStarted({ ...CLOSED, phase: 'open', reason: 'rate-limited', resumesAt: AHEAD }, AHEAD);
    expect(clampToClock(probing, NOW).probeAt).toBe(NOW);
  });
});

describe('request economy after the clock was set back 10 minutes', () => {
  it('the next request may go within the rolling second, not in 10 minutes', async () => {
    const economy = createRequestEconomy({ store: memoryStore(savedWhileFast(CLOSED)), now: () => NOW });
    await economy.ready;
    const slot = economy.slot('V1', NOW);
    expect(slot.verdict).toBe('send');
    expect(slot.verdict === 'send' && slot.at - NOW).toBeLessThanOrEqual(1_250);
    // The slow-down stamped ahead is over, not 15 minutes of half rate.
    expect(economy.report('V1', undefined, NOW).slowedDown).toBe(false);
  });

  it('a persisted one-minute pause ends one minute from now, and stays put when asked again', async () => {
    const tripped = record(CLOSED, { kind: 'trip', reason: 'rate-limited' }, AHEAD, false);
    const store = memoryStore(savedWhileFast(tripped));
    const economy = createRequestEconomy({ store, now: () => NOW });
    await economy.ready;
    expect(economy.paused('V1', NOW)?.resumesAt).toBe(NOW + 60_000);
    expect(economy.paused('V1', NOW + 30_000)?.resumesAt).toBe(NOW + 60_000);
    expect(economy.slot('V1', NOW + 60_000).verdict).toBe('probe');
    await economy.flushed();
    expect(store.peek().breakers.V1!.resumesAt).toBe(NOW + 60_000);
  });
});
