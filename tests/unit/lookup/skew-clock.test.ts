import { describe, expect, it } from 'vitest';
import type { LookupError, Result } from '@/utils/coupang/error-kinds';
import { createSkewClock, observeSkew, SKEW_TOLERANCE_MS } from '@/utils/lookup/skew-clock';

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

describe('observeSkew', () => {
  type Answer = Result<{ serverDate?: number }, LookupError>;

  it('marks an expired signature that corrected the clock, and sends nothing itself: the queue signs again, budgeted (issue 16, item 4)', () => {
    const clock = createSkewClock(() => LOCAL);
    const answer: Answer = { ok: false, error: { kind: 'signature-expired', status: 401, serverDate: LOCAL + HOUR, cagWarning: true } };
    expect(observeSkew(clock, answer, 0)).toEqual({ ok: false, error: { ...answer.error, clockCorrected: true } });
    expect(clock.now()).toBe(LOCAL + HOUR);
    // Another request signed with the old clock, answered after the correction: it too may sign again.
    expect(observeSkew(clock, answer, 0)).toEqual({ ok: false, error: { ...answer.error, clockCorrected: true } });
    // Signed with the corrected clock and still expired: nothing more to correct, so it is not signed a third time.
    expect(observeSkew(clock, answer, HOUR)).toBe(answer);
  });

  it('leaves an expired signature alone when the Date header gives nothing to correct', () => {
    const clock = createSkewClock(() => LOCAL);
    const expired: Answer = { ok: false, error: { kind: 'signature-expired', status: 401 } };
    expect(observeSkew(clock, expired, 0)).toBe(expired);
  });

  it('does not mark other failures, but still learns the offset from them', () => {
    const clock = createSkewClock(() => LOCAL);
    const notFound: Answer = { ok: false, error: { kind: 'not-found', status: 404, serverDate: LOCAL - HOUR } };
    expect(observeSkew(clock, notFound, 0)).toBe(notFound);
    expect(clock.offsetMs).toBe(-HOUR);
  });
});
