/** Coupang's date texts, read as UTC instants; a text without offset is Korea time (UTC+9). */

const KOREA_OFFSET_MINUTES = 9 * 60;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?$/i;

/**
 * `2025-01-15T14:17:13.973885-08:00`, `…Z` or `2018-01-08 16:56:16` → epoch ms.
 * Anything else (including impossible dates) → undefined: v5 formats are not pinned down, so be lenient.
 */
export function parseCoupangDate(text: string): number | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', frac = '', zulu, sign, oh = '0', om = '0'] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3)); // microseconds are cut to ms
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  // Date.UTC rolls impossible dates over (Feb 30 → Mar 2): a round trip rejects them.
  if (new Date(wall).toISOString().slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`) return undefined;
  let offsetMinutes = KOREA_OFFSET_MINUTES; // no offset written: Korea time
  if (zulu) offsetMinutes = 0;
  else if (sign) offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return wall - offsetMinutes * 60_000;
}

/** The calendar day in Korea, `yyyy-MM-dd`, as Coupang's list filters expect. */
export function koreaDay(epochMs: number): string {
  return new Date(epochMs + KOREA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
