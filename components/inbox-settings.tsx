import { useState } from 'preact/hooks';
import type { Translate } from '../utils/i18n/translate';

/** What turning notifications on came to: the browser's permission prompt decides (docs/inbox.md#settings). */
export type NotifyOutcome = 'on' | 'off' | 'refused' | 'failed';

export interface InboxSettingsProps {
  t: Translate;
  /** Minutes between periodic refreshes, 0 = off (settings.inboxIntervalMinutes). */
  intervalMinutes: number;
  notify: boolean;
  onIntervalChange: (minutes: number) => void;
  /**
   * Called within the click, so the page can ask for the `notifications` permission while the seller's
   * gesture lasts; notifications are on only when the answer is 'on'.
   */
  onNotifyChange: (on: boolean) => Promise<NotifyOutcome>;
}

/** The choices offered; a stored value between them (5–60) is offered too, never silently changed. */
const INTERVALS = [0, 5, 10, 15, 20, 30, 45, 60];

/** Settings → "Awaiting you": how often the list refreshes, and whether it notifies. */
export function InboxSettings({ t, intervalMinutes, notify: initialNotify, onIntervalChange, onNotifyChange }: InboxSettingsProps) {
  const [minutes, setMinutes] = useState(intervalMinutes);
  const [notify, setNotify] = useState(initialNotify);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<'refused' | 'failed' | undefined>(undefined);
  const choices = INTERVALS.includes(minutes) ? INTERVALS : [...INTERVALS, minutes].sort((a, b) => a - b);

  function changeNotify(on: boolean) {
    setAsking(true);
    setProblem(undefined);
    void onNotifyChange(on).then((outcome) => {
      setNotify(outcome === 'on');
      setProblem(outcome === 'refused' || outcome === 'failed' ? outcome : undefined);
      setAsking(false);
    });
  }

  return (
    // .csl-options: the same fieldset look as the settings above it.
    <div class="csl-options csl-inbox-settings">
      <fieldset>
        <legend>{t('options.inbox')}</legend>
        <p class="csl-muted">{t('options.inboxHelp')}</p>
        <div class="csl-field">
          <label for="inboxIntervalMinutes">{t('options.inboxInterval')}</label>
          <select
            id="inboxIntervalMinutes"
            value={String(minutes)}
            onChange={(event) => {
              const chosen = Number(event.currentTarget.value);
              setMinutes(chosen);
              onIntervalChange(chosen);
            }}
          >
            {choices.map((choice) => (
              <option key={choice} value={String(choice)}>
                {choice === 0 ? t('options.inboxInterval.off') : t('options.inboxInterval.minutes', { minutes: choice })}
              </option>
            ))}
          </select>
        </div>
        <div class="csl-field csl-field-inline">
          <input
            id="inboxNotify"
            type="checkbox"
            checked={notify}
            disabled={asking}
            aria-describedby={problem ? 'inboxNotify-problem' : undefined}
            onChange={(event) => changeNotify(event.currentTarget.checked)}
          />
          <label for="inboxNotify">{t('options.inboxNotify')}</label>
        </div>
        {problem && (
          <p id="inboxNotify-problem" class="csl-input-problem" role="alert">
            {t(problem === 'refused' ? 'options.inboxNotifyRefused' : 'options.inboxNotifyFailed')}
          </p>
        )}
      </fieldset>
    </div>
  );
}
