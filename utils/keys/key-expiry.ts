/**
 * How long an Open API key has left. Coupang keys last 180 days and Wing offers the reissue button
 * from 14 days before expiry (docs/coupang-api.md#keys); the reminder opens with that window.
 */
export const KEY_LIFETIME_DAYS = 180;
export const REMINDER_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Wing's page where keys are issued and reissued (seller information → Open API). */
export const WING_KEY_PAGE_URL = 'https://wing.coupang.com/tenants/seller-mypage/openapi';

export type KeyExpiryPhase = 'valid' | 'soon' | 'expired';

export interface KeyExpiry {
  /** Issue date + 180 days (epoch ms). */
  expiresAt: number;
  /** Whole days until expiresAt, rounded up; 0 or less once past. */
  daysLeft: number;
  phase: KeyExpiryPhase;
}

export function keyExpiry(issuedAt: number, now: number): KeyExpiry {
  const expiresAt = issuedAt + KEY_LIFETIME_DAYS * DAY_MS;
  const msLeft = expiresAt - now;
  const daysLeft = Math.ceil(msLeft / DAY_MS);
  const phase: KeyExpiryPhase = msLeft <= 0 ? 'expired' : msLeft <= REMINDER_DAYS * DAY_MS ? 'soon' : 'valid';
  return { expiresAt, daysLeft, phase };
}

/** The reminder shows from 14 days before the expiry date, and after it. */
export function needsReminder(issuedAt: number | undefined, now: number): boolean {
  return issuedAt !== undefined && keyExpiry(issuedAt, now).phase !== 'valid';
}

/** `yyyy-mm-dd` of an `<input type="date">` → that day's local midnight (epoch ms); anything else → undefined. */
export function parseIssueDate(text: string, now: number): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = new Date(y, mo, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo || date.getDate() !== d) return undefined;
  // A key cannot be issued in the future, nor be older than a lifetime ago plus a lifetime (typo guard).
  if (date.getTime() > now || date.getTime() < now - 2 * KEY_LIFETIME_DAYS * DAY_MS) return undefined;
  return date.getTime();
}

/** Epoch ms → the `yyyy-mm-dd` an `<input type="date">` shows, in local time. */
export function issueDateText(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
