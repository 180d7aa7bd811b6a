import { render } from 'preact';
import { OptionsForm } from '@/components/options-form';
import { ask } from '../extension-api';
import { readSettings, updateSettings } from '../storage';
import { pageLocale } from './page-locale';

export async function mountOptionsPage(root: HTMLElement): Promise<void> {
  const { t } = pageLocale();
  const [status, settings] = await Promise.all([ask({ type: 'get-status' }), readSettings()]);
  render(
    <OptionsForm
      t={t}
      status={status.ok ? status.value : { hasSecret: false, accessKey: '', vendorId: '' }}
      settings={settings}
      onSave={(input) => ask({ type: 'save-credentials', ...input })}
      onClearSecret={() => ask({ type: 'clear-secret' })}
      onTest={() => ask({ type: 'test-connection' })}
      onSettingsChange={updateSettings}
    />,
    root,
  );
}
