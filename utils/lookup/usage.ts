/** Request and cache-hit counts per minute for the last day, for the options page (no IDs, no personal data). */
export type UsageByMinute = Record<string, { requests: number; cacheHits: number }>;

const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
export const HOUR_MS = 60 * MINUTE_MS;

export function count(usage: UsageByMinute, what: 'requests' | 'cacheHits', now: number): UsageByMinute {
  const minute = String(Math.floor(now / MINUTE_MS) * MINUTE_MS);
  const kept = Object.fromEntries(Object.entries(usage).filter(([at]) => Number(at) > now - DAY_MS));
  const slot = kept[minute] ?? { requests: 0, cacheHits: 0 };
  return { ...kept, [minute]: { ...slot, [what]: slot[what] + 1 } };
}

export function totalSince(usage: UsageByMinute, what: 'requests' | 'cacheHits', since: number): number {
  return Object.entries(usage).reduce((sum, [at, slot]) => (Number(at) + MINUTE_MS > since ? sum + slot[what] : sum), 0);
}
