import type { Locale } from '../i18n/translate';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', ko: 'ko-KR', 'zh-TW': 'zh-TW' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * `Jan 16, 2025, 07:17` / `2025. 1. 16. 07:17` / `2025/1/16 07:17`, 24-hour clock, in the user's time zone (the runtime's
 * default) unless one is given, as tests do.
 */
export function formatDateTime(epochMs: number, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    year: 'numeric',
    month: locale === 'en' ? 'short' : 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(epochMs);
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

/** `3 hours ago`, `in 5 hours`, `yesterday`, `now` (and the Korean forms); whole units, rounded toward zero. */
export function formatRelative(epochMs: number, now: number, locale: Locale): string {
  const format = new Intl.RelativeTimeFormat(INTL_LOCALE[locale], { numeric: 'auto' });
  const diff = epochMs - now;
  for (const [unit, size] of RELATIVE_UNITS) {
    const count = Math.trunc(diff / size);
    if (count !== 0) return format.format(count, unit);
  }
  return format.format(0, 'second');
}

const DURATION_UNITS: Record<Locale, { day: string; hour: string; minute: string; lessThanMinute: string }> = {
  en: { day: ' d', hour: ' h', minute: ' min', lessThanMinute: '< 1 min' },
  ko: { day: '일', hour: '시간', minute: '분', lessThanMinute: '1분 미만' },
  'zh-TW': { day: ' 天', hour: ' 小時', minute: ' 分鐘', lessThanMinute: '不到 1 分鐘' },
};

/** `5 h 12 min` / `5시간 12분` / `5 小時 12 分鐘`: the two largest units, whole minutes, sign ignored (the caller says left or overdue). */
export function formatDuration(ms: number, locale: Locale): string {
  const units = DURATION_UNITS[locale];
  const totalMinutes = Math.floor(Math.abs(ms) / MINUTE);
  if (totalMinutes === 0) return units.lessThanMinute;
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor(totalMinutes / 60) % 24;
  const minutes = totalMinutes % 60;
  const parts: [number, string][] =
    days > 0
      ? [[days, units.day], [hours, units.hour]]
      : [[hours, units.hour], [minutes, units.minute]];
  return parts
    .filter(([count]) => count > 0)
    .map(([count, unit]) => `${count}${unit}`)
    .join(' ');
}
