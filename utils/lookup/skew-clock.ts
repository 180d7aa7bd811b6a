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

type WithServerDate = { serverDate?: number };

/**
 * Learns the clock offset from a signed call's answer. When the gateway says the signature expired and the
 * clock is no longer what the call was signed with (this answer corrected it, or one that came back while
 * it was out), the failure is marked `clockCorrected`: the caller signs again — once, and through the
 * request budget like any other request (docs/request-economy.md#clock), never here.
 */
export function observeSkew<T extends WithServerDate>(
  clock: SkewClock,
  result: Result<T, LookupError>,
  signedWithOffsetMs: number,
): Result<T, LookupError> {
  clock.observe(result.ok ? result.value.serverDate : result.error.serverDate);
  if (!result.ok && result.error.kind === 'signature-expired' && clock.offsetMs !== signedWithOffsetMs) {
    return { ok: false, error: { ...result.error, clockCorrected: true } };
  }
  return result;
}
