// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountLookupPage } from '@/utils/pages/lookup-page';
import { sampleModeItem } from '@/utils/storage';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the popup and side panel read the key status again when shown', () => {
  let statusAsks: number;
  let hasSecret: boolean;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    statusAsks = 0;
    hasSecret = false;
    // The background's answer (fakeBrowser's own sendMessage answers nothing).
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      if ((message as { type?: string }).type !== 'get-status') return undefined;
      statusAsks += 1;
      return { ok: true, value: { hasSecret, accessKey: hasSecret ? 'ak' : '', vendorId: hasSecret ? 'A00012345' : '' } };
    });
    document.body.innerHTML = '<main id="root"></main>';
  });
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('coming back to the panel (focus and visibility together) asks once, and shows what changed meanwhile', async () => {
    await mountLookupPage(document.getElementById('root') as HTMLElement, 'sidepanel');
    await settle();
    expect(statusAsks).toBe(1);
    expect(document.body.textContent).toContain('Lookups need your Coupang Open API keys.');

    hasSecret = true; // saved in Settings while the panel stayed open
    window.dispatchEvent(new Event('focus'));
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(statusAsks).toBe(2);
    expect(document.body.textContent).not.toContain('Lookups need your Coupang Open API keys.');
  });

  it('sample mode turned on elsewhere shows at once, from the storage watch, without asking the background', async () => {
    await mountLookupPage(document.getElementById('root') as HTMLElement, 'popup');
    await settle();
    await sampleModeItem.setValue(true);
    await settle();
    expect(document.body.textContent).toContain('Sample data — nothing is sent to Coupang.');
    expect(statusAsks).toBe(1);
  });
});
