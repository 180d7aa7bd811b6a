import { describe, expect, it, vi } from 'vitest';
import type { LookupError, Result } from '@/utils/coupang/error-kinds';
import { createSkewClock, SKEW_TOLERANCE_MS, withSkewCorrection } from '@/utils/lookup/skew-clock';

const LOCAL = Date.UTC(2025, 9, 15, 8, 30);
const HOUR = 3_600_000;

describe('skew clock', () => {
  it('ignores the Date header while the clocks agree within the tolerance', () => {
    const clock = createSkewClock(() => LOCAL);
    expect(clock.observe(LOCAL + SKEW_TOLERANCE_MS)).toBe(false);
    expect(clock.observe(LOCAL - 999)).toBe(false);
    expect(clock.now()).toBe(LOCAL);
  });

  it("adopts the gateway's time when this clock is clearly off, and drops the correction once it is fixed", () => {
    let local = LOCAL;
    const clock = createSkewClock(() => local);
    expect(clock.observe(LOCAL + HOUR)).toBe(true);
    expect(clock.now()).toBe(LOCAL + HOUR);
    local = LOCAL + HOUR; // the seller fixed the clock
    expect(clock.observe(LOCAL + HOUR)).toBe(true);
    expect(clock.offsetMs).toBe(0);
  });

  it('ignores a missing or unreadable Date header', () => {
    const clock = createSkewClock(() => LOCAL);
    expect(clock.observe(undefined)).toBe(false);
    expect(clock.observe(Number.NaN)).toBe(false);
  });
});

describe('withSkewCorrection', () => {
  type Answer = Result<{ serverDate?: number }, LookupError>;

  it("keeps the first answer's X-CAG-Warnings when it signs again (issue 16, item 4)", async () => {
    const clock = createSkewClock(() => LOCAL);
    let calls = 0;
    const call = async (): Promise<Result<{ serverDate?: number; cagWarning?: boolean }, LookupError>> =>
      ++calls === 1
        ? { ok: false, error: { kind: 'signature-expired', status: 401, serverDate: LOCAL + HOUR, cagWarning: true } }
        : { ok: true, value: { serverDate: LOCAL + HOUR, cagWarning: false } };
    expect(await withSkewCorrection(clock, call)).toEqual({ ok: true, value: { serverDate: LOCAL + HOUR, cagWarning: true } });
  });

  it('signs again, once, after an expired signature from a skewed clock', async () => {
    const clock = createSkewClock(() => LOCAL);
    const signedAt: number[] = [];
    const call = vi.fn(async (): Promise<Answer> => {
      signedAt.push(clock.now());
      return signedAt.length === 1
        ? { ok: false, error: { kind: 'signature-expired', status: 401, serverDate: LOCAL + HOUR } }
        : { ok: true, value: { serverDate: LOCAL + HOUR } };
    });
    expect(await withSkewCorrection(clock, call)).toEqual({ ok: true, value: { serverDate: LOCAL + HOUR } });
    expect(signedAt).toEqual([LOCAL, LOCAL + HOUR]);
  });

  it('does not retry when the Date header gives nothing to correct', async () => {
    const clock = createSkewClock(() => LOCAL);
    const expired: Answer = { ok: false, error: { kind: 'signature-expired', status: 401 } };
    const call = vi.fn(async () => expired);
    expect(await withSkewCorrection(clock, call)).toBe(expired);
    expect(call).toHaveBeenCalledOnce();
  });

  it('does not retry other failures, but still learns the offset from them', async () => {
    const clock = createSkewClock(() => LOCAL);
    const call = vi.fn(async (): Promise<Answer> => ({ ok: false, error: { kind: 'not-found', status: 404, serverDate: LOCAL - HOUR } }));
    await withSkewCorrection(clock, call);
    expect(call).toHaveBeenCalledOnce();
    expect(clock.offsetMs).toBe(-HOUR);
  });
});
