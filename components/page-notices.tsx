import type { Locale, Translate } from '../utils/i18n/translate';
import { SAMPLE_INQUIRIES } from '../utils/samples/sample-inquiries';
import { KeyReminder } from './key-reminder';

export type PageMode = 'needs-keys' | 'sample' | 'ready';

export interface PageNoticesProps {
  t: Translate;
  locale: Locale;
  mode: PageMode;
  now: number;
  /** Set once the key expires within 14 days (or has expired). */
  keyExpiresAt?: number;
  onSetUpKeys: () => void;
  onTrySamples: () => void;
  onLeaveSamples: () => void;
  onOpenDemo: () => void;
  onShowSample: (id: string) => void;
}

/**
 * What the popup and the side panel say above the search box: that keys are needed (and how to try
 * the extension without them), the sample-mode banner with the sample numbers, or the key reminder.
 */
export function PageNotices(props: PageNoticesProps) {
  const { t, locale, mode } = props;
  return (
    <>
      {mode === 'needs-keys' && (
        <div class="csl-first-run">
          <p>{t('firstRun.needKeys')}</p>
          <div class="csl-actions">
            <button type="button" class="csl-button" onClick={props.onSetUpKeys}>
              {t('firstRun.setUp')}
            </button>
            <button type="button" class="csl-button" onClick={props.onTrySamples}>
              {t('firstRun.trySamples')}
            </button>
          </div>
        </div>
      )}
      {mode === 'sample' && (
        <>
          <div class="csl-sample-banner" role="note">
            <strong>{t('sample.banner')}</strong>
            <button type="button" class="csl-button" onClick={props.onLeaveSamples}>
              {t('sample.leave')}
            </button>
          </div>
          <nav class="csl-samples" aria-label={t('sample.list')}>
            <h2>{t('sample.list')}</h2>
            <ul>
              {SAMPLE_INQUIRIES.map((sample) => (
                <li key={sample.id}>
                  <button type="button" class="csl-link" onClick={() => props.onShowSample(sample.id)}>
                    <span class="csl-mono">{sample.id}</span>
                    <span class="csl-muted"> · {t(sample.label)}</span>
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" class="csl-link" onClick={props.onOpenDemo}>
              {t('sample.openDemo')}
            </button>
          </nav>
        </>
      )}
      {mode === 'ready' && props.keyExpiresAt !== undefined && (
        <KeyReminder t={t} locale={locale} expiresAt={props.keyExpiresAt} now={props.now} />
      )}
    </>
  );
}
