import { useState } from 'preact/hooks';
import type { Locale, Translate } from '../utils/i18n/translate';
import { issueDateText, keyExpiry, parseIssueDate } from '../utils/keys/key-expiry';

export interface KeyAgeFieldProps {
  t: Translate;
  locale: Locale;
  /** Undefined for keys saved before issue dates were recorded: the seller can still enter it. */
  keyIssuedAt: number | undefined;
  now: number;
  onChange: (issuedAt: number) => void;
}

/** When the saved key was issued (correctable) and when it expires. */
export function KeyAgeField({ t, locale, keyIssuedAt, now, onChange }: KeyAgeFieldProps) {
  const [invalid, setInvalid] = useState(false);
  const expiry = keyIssuedAt === undefined ? undefined : keyExpiry(keyIssuedAt, now);
  const date = expiry && new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(expiry.expiresAt);
  return (
    <div class="csl-field">
      <label for="keyIssuedAt">{t('options.keyIssued')}</label>
      <input
        id="keyIssuedAt"
        type="date"
        value={keyIssuedAt === undefined ? '' : issueDateText(keyIssuedAt)}
        max={issueDateText(now)}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby="keyIssuedAt-hint keyIssuedAt-expiry"
        onChange={(event) => {
          const parsed = parseIssueDate(event.currentTarget.value, now);
          setInvalid(parsed === undefined);
          if (parsed !== undefined) onChange(parsed);
        }}
      />
      <p id="keyIssuedAt-hint" class="csl-muted">
        {t('options.keyIssuedHelp')}
      </p>
      {invalid && <p class="csl-input-problem">{t('options.keyIssuedInvalid')}</p>}
      <p id="keyIssuedAt-expiry" class={expiry?.phase === 'valid' ? 'csl-muted' : 'csl-key-reminder'}>
        {expiry && date
          ? t(expiry.phase === 'expired' ? 'options.keyExpired' : 'options.keyExpires', { date })
          : t('options.keyIssuedUnknown')}
      </p>
    </div>
  );
}
