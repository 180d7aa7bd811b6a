import { render } from 'preact';
import { OptionsForm } from '@/components/options-form';
import { ask } from '../extension-api';
import { browser } from 'wxt/browser';
import { readSettings, sampleModeItem, updateSettings } from '../storage';
import { pageLocale } from './page-locale';

export async function mountOptionsPage(root: HTMLElement): Promise<void> {
  const { locale, t } = pageLocale();
  const [status, settings] = await Promise.all([ask({ type: 'get-status' }), readSettings()]);
  render(
    <OptionsForm
      t={t}
      status={status.ok ? status.value : { hasSecret: false, accessKey: '', vendorId: '' }}
      settings={settings}
      locale={locale}
      now={Date.now}
      onSave={async (input) => {
        const saved = await ask({ type: 'save-credentials', ...input });
        // Saving keys leaves sample mode: from now on lookups go to Coupang.
        if (saved.ok) await sampleModeItem.setValue(false);
        return saved;
      }}
      onSetKeyIssued={(issuedAt) => ask({ type: 'set-key-issued', issuedAt })}
      onOpenDemo={() => void browser.tabs.create({ url: browser.runtime.getURL('/demo.html') })}
      onClearSecret={() => ask({ type: 'clear-secret' })}
      onTest={() => ask({ type: 'test-connection' })}
      onSettingsChange={updateSettings}
    />,
    root,
  );
}
