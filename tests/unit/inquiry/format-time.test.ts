import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatRelative } from '../../../utils/inquiry/format-time';

const AT = Date.UTC(2025, 0, 15, 22, 17, 13, 973); // 2025-01-15T14:17:13.973-08:00

describe('formatDateTime', () => {
  it.each([
    ['en', 'Asia/Seoul', 'Jan 16, 2025, 07:17'],
    ['en', 'UTC', 'Jan 15, 2025, 22:17'],
    ['ko', 'Asia/Seoul', '2025. 1. 16. 07:17'],
    ['ko', 'UTC', '2025. 1. 15. 22:17'],
    ['zh-TW', 'Asia/Taipei', '2025/1/16 06:17'],
    ['zh-TW', 'UTC', '2025/1/15 22:17'],
    ['en', 'Asia/Taipei', 'Jan 16, 2025, 06:17'],
  ] as const)('%s in %s', (locale, timeZone, text) => {
    // CLDR puts a thin space (U+2009) in some patterns; compare the words, not the kind of space.
    expect(formatDateTime(AT, locale, timeZone).replace(/\s/g, ' ')).toBe(text);
  });

  it('uses the runtime time zone when none is given', () => {
    const runtimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(formatDateTime(AT, 'en')).toBe(formatDateTime(AT, 'en', runtimeZone));
  });

  it('uses a 24-hour clock at midnight', () => {
    expect(formatDateTime(Date.UTC(2025, 0, 15, 15, 5), 'en', 'Asia/Seoul')).toBe('Jan 16, 2025, 00:05');
  });
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 0, 16, 3, 0);

describe('formatRelative', () => {
  it.each([
    [-3 * HOUR - 40 * MINUTE, 'en', '3 hours ago'],
    [5 * HOUR + 12 * MINUTE, 'en', 'in 5 hours'],
    [-2 * MINUTE, 'en', '2 minutes ago'],
    [-59 * 1000, 'en', 'now'],
    [0, 'en', 'now'],
    [-DAY - HOUR, 'en', 'yesterday'],
    [-3 * DAY, 'en', '3 days ago'],
    [-45 * DAY, 'en', 'last month'],
    [-400 * DAY, 'en', 'last year'],
    [-3 * HOUR, 'ko', '3시간 전'],
    [5 * HOUR, 'ko', '5시간 후'],
    [-2 * MINUTE, 'ko', '2분 전'],
    [-DAY, 'ko', '어제'],
    [-3 * HOUR, 'zh-TW', '3 小時前'],
    [5 * HOUR, 'zh-TW', '5 小時後'],
    [-DAY, 'zh-TW', '昨天'],
  ] as const)('%d ms (%s) → %s', (offset, locale, text) => {
    expect(formatRelative(NOW + offset, NOW, locale)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [5 * HOUR + 12 * MINUTE, 'en', '5 h 12 min'],
    [5 * HOUR + 12 * MINUTE, 'ko', '5시간 12분'],
    [5 * HOUR + 12 * MINUTE + 59_999, 'en', '5 h 12 min'],
    [5 * HOUR, 'en', '5 h'],
    [12 * MINUTE, 'en', '12 min'],
    [12 * MINUTE, 'ko', '12분'],
    [5 * HOUR + 12 * MINUTE, 'zh-TW', '5 小時 12 分鐘'],
    [30_000, 'zh-TW', '不到 1 分鐘'],
    [30_000, 'en', '< 1 min'],
    [30_000, 'ko', '1분 미만'],
    [0, 'en', '< 1 min'],
    [-(2 * HOUR + 5 * MINUTE), 'en', '2 h 5 min'],
    [2 * DAY + 3 * HOUR + 59 * MINUTE, 'en', '2 d 3 h'],
    [2 * DAY + 3 * HOUR, 'ko', '2일 3시간'],
    [DAY, 'en', '1 d'],
  ] as const)('%d ms (%s) → %s', (ms, locale, text) => {
    expect(formatDuration(ms, locale)).toBe(text);
  });
});
