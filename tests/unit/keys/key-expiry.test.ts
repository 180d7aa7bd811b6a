import { describe, expect, it } from 'vitest';
import { issueDateText, keyExpiry, needsReminder, parseIssueDate } from '../../../utils/keys/key-expiry';

const DAY = 24 * 60 * 60 * 1000;
const ISSUED = Date.UTC(2026, 0, 1, 3, 0, 0);

describe('keyExpiry', () => {
  it('expires 180 days after the issue date', () => {
    expect(keyExpiry(ISSUED, ISSUED).expiresAt).toBe(ISSUED + 180 * DAY);
    expect(keyExpiry(ISSUED, ISSUED)).toMatchObject({ daysLeft: 180, phase: 'valid' });
  });

  it('opens the reminder window exactly 14 days before expiry', () => {
    const expiresAt = ISSUED + 180 * DAY;
    expect(keyExpiry(ISSUED, expiresAt - 14 * DAY - 1).phase).toBe('valid');
    expect(keyExpiry(ISSUED, expiresAt - 14 * DAY)).toMatchObject({ phase: 'soon', daysLeft: 14 });
    expect(keyExpiry(ISSUED, ISSUED + 170 * DAY)).toMatchObject({ phase: 'soon', daysLeft: 10 });
    expect(keyExpiry(ISSUED, expiresAt - 1)).toMatchObject({ phase: 'soon', daysLeft: 1 });
  });

  it('is expired from the expiry instant on', () => {
    const expiresAt = ISSUED + 180 * DAY;
    expect(keyExpiry(ISSUED, expiresAt)).toMatchObject({ phase: 'expired', daysLeft: 0 });
    expect(keyExpiry(ISSUED, expiresAt + 3 * DAY).daysLeft).toBe(-3);
  });

  it('reminds only inside the window or after it, never without a date', () => {
    expect(needsReminder(undefined, ISSUED)).toBe(false);
    expect(needsReminder(ISSUED, ISSUED + 165 * DAY)).toBe(false);
    expect(needsReminder(ISSUED, ISSUED + 166 * DAY)).toBe(true);
    expect(needsReminder(ISSUED, ISSUED + 400 * DAY)).toBe(true);
  });
});

describe('issue dates typed by the seller', () => {
  const now = new Date(2026, 5, 15, 12, 0).getTime();

  it('reads yyyy-mm-dd as local midnight and writes it back the same', () => {
    const parsed = parseIssueDate('2026-03-01', now);
    expect(parsed).toBe(new Date(2026, 2, 1).getTime());
    expect(issueDateText(parsed!)).toBe('2026-03-01');
  });

  it('refuses impossible, future and absurdly old dates, and other text', () => {
    expect(parseIssueDate('2026-02-30', now)).toBeUndefined();
    expect(parseIssueDate('2026-06-16', now)).toBeUndefined();
    expect(parseIssueDate('2020-01-01', now)).toBeUndefined();
    expect(parseIssueDate('01.03.2026', now)).toBeUndefined();
    expect(parseIssueDate('', now)).toBeUndefined();
  });
});
