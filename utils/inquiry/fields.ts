import type { Translate } from '../i18n/translate';

/** `배송>배송>배송` → `배송 › 배송 › 배송`; undefined when empty. */
export function categoryPath(receiptCategory: string | undefined): string | undefined {
  const parts = (receiptCategory ?? '')
    .split('>')
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length > 0 ? parts.join(' › ') : undefined;
}

/** Coupang writes "no end" as `2099-12-29` (docs/coupang-api.md#fields); any date from 2099 on means the same. */
export function isNoEndDate(date: string): boolean {
  const year = /^\s*(\d{4})/.exec(date)?.[1];
  return year !== undefined && Number(year) >= 2099;
}

/** `2023-07-24 – no end`; a missing side is `—`; undefined when both are missing. */
export function salePeriod(start: string | undefined, end: string | undefined, t: Translate): string | undefined {
  const from = start?.trim();
  const to = end?.trim();
  if (!from && !to) return undefined;
  const endText = to ? (isNoEndDate(to) ? t('details.saleNoEnd') : to) : t('details.none');
  return `${from || t('details.none')} – ${endText}`;
}

/** API text keeps `\r\n` line breaks; the UI and the clipboard want `\n` only. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
