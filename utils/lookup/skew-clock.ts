import type { LookupError, Result } from '../coupang/error-kinds';

/** The Date header has 1-second resolution; only a clearly wrong clock is corrected. */
export const SKEW_TOLERANCE_MS = 30_000;

/**
 * This computer's clock, corrected by the offset the gateway's `Date` header shows. Coupang rejects a
 * signed-date minutes away from its own clock, and sellers' PCs drift; the header lets us fix it ourselves.
 */
export function createSkewClock(localNow: () => number, initialOffsetMs = 0) {
  let offsetMs = Number.isFinite(initialOffsetMs) ? initialOffsetMs : 0;
  return {
    now: (): number => localNow() + offsetMs,
    /** Learns from a response's Date header; true when the correction changed. */
    observe(serverDate: number | undefined): boolean {
      if (serverDate === undefined || !Number.isFinite(serverDate)) return false;
      const measured = serverDate - localNow();
      if (Math.abs(measured - offsetMs) <= SKEW_TOLERANCE_MS) return false;
      offsetMs = Math.abs(measured) <= SKEW_TOLERANCE_MS ? 0 : measured;
      return true;
    },
    get offsetMs(): number {
      return offsetMs;
    },
    /** An offset learned by an earlier worker (read back from storage.session). */
    restore(savedOffsetMs: number): void {
      if (Number.isFinite(savedOffsetMs)) offsetMs = savedOffsetMs;
    },
  };
}

export type SkewClock = ReturnType<typeof createSkewClock>;

type WithServerDate = { serverDate?: number; cagWarning?: boolean };

/**
 * Runs a signed call; when the gateway says the signature expired and its Date header shows our clock
 * is off, corrects the clock and signs again — once.
 */
export async function withSkewCorrection<T extends WithServerDate>(
  clock: SkewClock,
  call: () => Promise<Result<T, LookupError>>,
): Promise<Result<T, LookupError>> {
  const first = await call();
  const corrected = clock.observe(first.ok ? first.value.serverDate : first.error.serverDate);
  if (!first.ok && first.error.kind === 'signature-expired' && corrected) {
    const second = await call();
    // The first answer's X-CAG-Warnings still asks us to slow down (docs/request-economy.md#warnings).
    if (!first.error.cagWarning) return second;
    return second.ok ? { ok: true, value: { ...second.value, cagWarning: true } } : { ok: false, error: { ...second.error, cagWarning: true } };
  }
  return first;
}
