// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountLookupPage } from '@/utils/pages/lookup-page';
import { sampleModeItem, sidePanelInquiryItem } from '@/utils/storage';

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

describe("the side panel opened from a demo card's sample (issue 16 item 13)", () => {
  let connects: number;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    connects = 0;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) =>
      (message as { type?: string }).type === 'get-inbox'
        ? { ok: true, value: { items: [], refreshing: false } }
        : { ok: true, value: { hasSecret: true, accessKey: 'ak', vendorId: 'A00012345' } },
    );
    // Every lookup goes over a port: counting connects counts lookups sent to the background (and so to Coupang).
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(() => {
      connects += 1;
      throw new Error('no background in this test');
    });
    document.body.innerHTML = '<main id="root"></main>';
  });
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('shows the sample from the bundle, marked as sample data, and asks the background nothing, though real keys are saved', async () => {
    await sidePanelInquiryItem.setValue({ id: '7000000002', sample: true });
    await mountLookupPage(document.getElementById('root') as HTMLElement, 'sidepanel');
    await settle();
    expect(document.body.textContent).toContain('[샘플] 무선 마우스, 블랙');
    expect(document.body.textContent).toContain('Sample data — nothing is sent to Coupang.');
    expect(connects).toBe(0);
  });

  it('a sample sent while the panel is open is shown the same way', async () => {
    await sidePanelInquiryItem.setValue('258799946');
    await mountLookupPage(document.getElementById('root') as HTMLElement, 'sidepanel');
    await settle();
    expect(connects).toBe(1); // a real number is looked up as ever
    await sidePanelInquiryItem.setValue({ id: '7000000002', sample: true });
    await settle();
    expect(document.body.textContent).toContain('[샘플] 무선 마우스, 블랙');
    expect(connects).toBe(1);
  });
});
