import { render } from 'preact';
import { AnswerSettings } from '@/components/answer-settings';
import { InboxSettings, type NotifyOutcome } from '@/components/inbox-settings';
import { OptionsForm } from '@/components/options-form';
import { loadAnswerPrefs, updateAnswerPrefs } from '../answer-view/answer-prefs';
import { RequestEconomyPanel } from '@/components/request-economy-panel';
import type { UsageReport } from '../lookup/request-economy';
import { ask } from '../extension-api';
import { browser } from 'wxt/browser';
import { readSettings, sampleModeItem, updateSettings, type Settings } from '../storage';
import { pageLocale } from './page-locale';
import { logFailure } from '../log';

/** How often the usage figures are read again while the page is open. */
const USAGE_REFRESH_MS = 5_000;

export async function mountOptionsPage(root: HTMLElement): Promise<void> {
  const { locale, t } = pageLocale();
  /** A settings write the browser refuses is logged here and rethrown: the form says "Couldn't save". */
  const saveSettings = (patch: Partial<Settings>): Promise<Settings> =>
    updateSettings(patch).catch((error: unknown) => {
      logFailure('options: save settings', error);
      throw error;
    });
  const [status, initialSettings, answerPrefs] = await Promise.all([ask({ type: 'get-status' }), readSettings(), loadAnswerPrefs()]);
  let settings: Settings = initialSettings;
  let usage: UsageReport | undefined;

  const draw = () =>
    render(
      <>
        <OptionsForm
          t={t}
          status={status.ok ? status.value : { hasSecret: false, accessKey: '', vendorId: '' }}
          settings={initialSettings}
          locale={locale}
          now={Date.now}
          onSave={async (input) => {
            const saved = await ask({ type: 'save-credentials', ...input });
            // Saving keys leaves sample mode: from now on lookups go to Coupang.
            if (saved.ok) {
              try {
                await sampleModeItem.setValue(false);
              } catch (error) {
                // Still in sample mode: the seller must know, and saving again retries it.
                logFailure('options: leave sample mode', error);
                return { ok: false, error: { kind: 'storage-failed' } };
              }
            }
            return saved;
          }}
          onSetKeyIssued={(issuedAt) => ask({ type: 'set-key-issued', issuedAt })}
          onOpenDemo={() => void browser.tabs.create({ url: browser.runtime.getURL('/demo.html') })}
          onClearSecret={() => ask({ type: 'clear-secret' })}
          onTest={() => ask({ type: 'test-connection' })}
          onSettingsChange={saveSettings}
        />
        <AnswerSettings t={t} prefs={answerPrefs} onSave={(prefs) => updateAnswerPrefs(prefs)} />
        <InboxSettings
          t={t}
          intervalMinutes={initialSettings.inboxIntervalMinutes}
          notify={initialSettings.inboxNotify}
          onIntervalChange={(minutes) => void updateSettings({ inboxIntervalMinutes: minutes })}
          onNotifyChange={(on) => changeNotify(browser.permissions, on)}
        />
        <RequestEconomyPanel
          t={t}
          locale={locale}
          rate={settings.requestsPerSecond}
          usage={usage}
          onRateChange={(rate) =>
            void saveSettings({ requestsPerSecond: rate }).then(
              (next) => {
                settings = next;
                void refreshUsage();
              },
              () => draw(), // not saved (logged): the slider goes back to the rate in force
            )
          }
        />
      </>,
      root,
    );

  async function refreshUsage(): Promise<void> {
    const answer = await ask({ type: 'get-usage' });
    if (answer.ok) usage = answer.value;
    draw();
  }

  draw();
  await refreshUsage();
  setInterval(() => void refreshUsage(), USAGE_REFRESH_MS);
}

/**
 * Notifications need the optional `notifications` permission: asked for before any await, while the seller's
 * click lasts, and the setting is saved only once it is granted (docs/inbox.md#settings).
 */
export function changeNotify(
  permissions: { request(asked: { permissions: 'notifications'[] }): Promise<boolean> },
  on: boolean,
  save: (patch: Partial<Settings>) => Promise<unknown> = updateSettings,
): Promise<NotifyOutcome> {
  let asked: Promise<boolean>;
  try {
    asked = on ? permissions.request({ permissions: ['notifications'] }) : Promise.resolve(false);
  } catch (error) {
    asked = Promise.reject(error);
  }
  return asked
    .then(async (granted): Promise<NotifyOutcome> => {
      if (on && !granted) return 'refused';
      await save({ inboxNotify: on });
      return on ? 'on' : 'off';
    })
    .catch((error: unknown) => {
      console.warn(`Coupang CS Lens: notifications could not be turned ${on ? 'on' : 'off'}`, error instanceof Error ? error.message : String(error));
      return on ? 'failed' : 'on';
    });
}
