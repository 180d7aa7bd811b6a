import { formatDateTime, formatRelative } from '../utils/inquiry/format-time';
import type { Locale } from '../utils/i18n/translate';

interface RelativeTimeProps {
  at: number;
  now: number;
  locale: Locale;
  timeZone?: string;
}

/** `Jan 16, 2025, 07:17 · 3 hours ago`, machine-readable through `dateTime`. */
export function RelativeTime({ at, now, locale, timeZone }: RelativeTimeProps) {
  return (
    <time class="csl-time" dateTime={new Date(at).toISOString()}>
      {formatDateTime(at, locale, timeZone)}
      <span class="csl-muted"> · {formatRelative(at, now, locale)}</span>
    </time>
  );
}
