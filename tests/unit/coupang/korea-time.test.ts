import { describe, expect, it } from 'vitest';
import { koreaDay, parseCoupangDate } from '@/utils/coupang/korea-time';

describe('parseCoupangDate', () => {
  it.each([
    ['2025-01-15T14:17:13.973885-08:00', Date.UTC(2025, 0, 15, 22, 17, 13, 973)], // microseconds cut to ms
    ['2025-10-15T15:20:31.204518+08:00', Date.UTC(2025, 9, 15, 7, 20, 31, 204)],
    ['2026-01-31T14:59:57Z', Date.UTC(2026, 0, 31, 14, 59, 57)],
    ['2026-01-30T21:04:11.25+09:00', Date.UTC(2026, 0, 30, 12, 4, 11, 250)],
    ['2025-10-15T08:30:00+0900', Date.UTC(2025, 9, 14, 23, 30)],
    ['2018-01-08 16:56:16', Date.UTC(2018, 0, 8, 7, 56, 16)], // no offset: Korea time
    ['2018-01-01 08:59:59', Date.UTC(2017, 11, 31, 23, 59, 59)],
    ['2025-10-15T16:05:09', Date.UTC(2025, 9, 15, 7, 5, 9)],
  ])('%s', (text, expected) => {
    expect(parseCoupangDate(text)).toBe(expected);
  });

  it.each(['', '2023-07-24', '2025-02-30 10:00:00', '2025-13-01T00:00:00Z', '15/01/2025 14:17', 'yesterday', '2025-01-15T25:00:00Z'])(
    'leaves %j unread',
    (text) => {
      expect(parseCoupangDate(text)).toBeUndefined();
    },
  );
});

describe('koreaDay', () => {
  it('is the calendar day in Korea, which starts at 15:00 UTC', () => {
    expect(koreaDay(Date.UTC(2025, 9, 15, 14, 59, 59))).toBe('2025-10-15');
    expect(koreaDay(Date.UTC(2025, 9, 15, 15, 0, 0))).toBe('2025-10-16');
    expect(koreaDay(Date.UTC(2025, 11, 31, 16, 0, 0))).toBe('2026-01-01');
  });
});
