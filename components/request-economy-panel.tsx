import { useState } from 'preact/hooks';
import type { ErrorKind } from '../utils/coupang/error-kinds';
import type { Locale, Translate } from '../utils/i18n/translate';
import type { UsageReport } from '../utils/lookup/request-economy';
import { MAX_RATE_PER_SECOND, MIN_RATE_PER_SECOND } from '../utils/lookup/token-bucket';

export interface RequestEconomyPanelProps {
  t: Translate;
  locale: Locale;
  /** The seller's sustained rate (settings). */
  rate: number;
  /** Undefined until the background answered. */
  usage?: UsageReport;
  onRateChange: (rate: number) => void;
}

function clockTime(at: number, locale: Locale): string {
  return new Date(at).toLocaleTimeString(locale === 'ko' ? 'ko-KR' : 'en-US', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** The options page's "Requests to Coupang": the rate setting and what the budget and breaker did (docs/request-economy.md#usage). */
export function RequestEconomyPanel({ t, locale, rate, usage, onRateChange }: RequestEconomyPanelProps) {
  const [invalid, setInvalid] = useState(false);
  const breaker = usage?.breaker;
  return (
    <fieldset class="csl-economy">
      <legend>{t('options.economy')}</legend>
      <p class="csl-muted">{t('options.economyHelp')}</p>
      <div class="csl-field">
        <label for="requestsPerSecond">{t('options.rate')}</label>
        <input
          id="requestsPerSecond"
          type="number"
          min={MIN_RATE_PER_SECOND}
          max={MAX_RATE_PER_SECOND}
          step={0.5}
          value={rate}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={invalid ? 'requestsPerSecond-problem' : undefined}
          onChange={(event) => {
            const value = Number(event.currentTarget.value);
            const ok = event.currentTarget.value.trim() !== '' && value >= MIN_RATE_PER_SECOND && value <= MAX_RATE_PER_SECOND;
            setInvalid(!ok);
            if (ok) onRateChange(value);
          }}
        />
        {invalid && (
          <p id="requestsPerSecond-problem" class="csl-input-problem">
            {t('options.rateInvalid')}
          </p>
        )}
      </div>
      {usage && breaker && (
        <dl class="csl-facts">
          <dt>{t('options.usageHour')}</dt>
          <dd>{usage.requestsLastHour}</dd>
          <dt>{t('options.usageDay')}</dt>
          <dd>{usage.requestsLastDay}</dd>
          <dt>{t('options.usageCacheHits')}</dt>
          <dd>{usage.cacheHitsLastDay}</dd>
          <dt>{t('options.usageRate')}</dt>
          <dd>{t(usage.slowedDown ? 'options.usageRateSlowed' : 'options.usageRateValue', { rate: usage.ratePerSecond })}</dd>
          <dt>{t('options.breaker')}</dt>
          <dd>
            {breaker.phase === 'open' && breaker.resumesAt !== undefined
              ? t('options.breaker.open', { time: clockTime(breaker.resumesAt, locale) })
              : t(`options.breaker.${breaker.phase === 'open' ? 'closed' : breaker.phase}`)}
            {usage.held && <> · {t('options.held', { kind: t(`error.${usage.held as ErrorKind}`) })}</>}
          </dd>
          <dt>{t('options.trips')}</dt>
          <dd>
            {usage.recentTrips.length === 0 ? (
              t('options.tripsNone')
            ) : (
              <ul>
                {[...usage.recentTrips].reverse().map((trip) => (
                  <li key={trip.at}>
                    {t('options.trip', {
                      time: clockTime(trip.at, locale),
                      reason: t(`options.trip.${trip.reason}`),
                      minutes: Math.round((trip.pauseMs / 60_000) * 10) / 10,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      )}
    </fieldset>
  );
}
