/**
 * Now on Coupang's clock, for an answer that says how far off this computer's clock is
 * (`LookupValue.clockOffsetMs`, docs/coupang-api.md#deadline). Zod-free: the hover card uses it.
 */
export function coupangNow(value: { clockOffsetMs?: number }, localNow: number): number {
  return localNow + (value.clockOffsetMs ?? 0);
}
