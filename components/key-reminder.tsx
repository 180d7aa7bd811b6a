import type { Locale, Translate } from '../utils/i18n/translate';
import { WING_KEY_PAGE_URL } from '../utils/keys/key-expiry';

export interface KeyReminderProps {
  t: Translate;
  locale: Locale;
  /** When the key expires (epoch ms). */
  expiresAt: number;
  now: number;
  /** Tests pin it; the UI uses the user's time zone. */
  timeZone?: string;
}

/** A quiet line from 14 days before the key expires: when, and where to reissue it. */
export function KeyReminder({ t, locale, expiresAt, now, timeZone }: KeyReminderProps) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(expiresAt);
  return (
    <p class="csl-key-reminder" role="note">
      {t(now >= expiresAt ? 'keys.reminderExpired' : 'keys.reminder', { date })}{' '}
      <a href={WING_KEY_PAGE_URL} target="_blank" rel="noreferrer">
        {t('keys.openWing')}
      </a>
    </p>
  );
}
