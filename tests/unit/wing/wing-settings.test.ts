import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, readSettings, settingsSchema, updateSettings } from '@/utils/storage';
import { loadWingSettings, readWingSettings, turnOffCards, watchWingSettings, type WingSettings } from '@/utils/wing/wing-settings';

describe('readWingSettings (the content script, without zod)', () => {
  it('reads what the options page saves, with the same defaults as its schema', () => {
    expect(readWingSettings(undefined)).toEqual({ hoverCardsEnabled: DEFAULT_SETTINGS.hoverCardsEnabled, hoverDelayMs: DEFAULT_SETTINGS.hoverDelayMs });
    const saved = settingsSchema.parse({ hoverCardsEnabled: false, hoverDelayMs: 800 });
    expect(readWingSettings(saved)).toEqual({ hoverCardsEnabled: false, hoverDelayMs: 800 });
  });

  it('a value out of bounds or of the wrong type falls back to its default', () => {
    for (const hoverDelayMs of [-1, 3_001, 12.5, '300', null]) expect(readWingSettings({ hoverDelayMs }).hoverDelayMs).toBe(300);
    expect(readWingSettings({ hoverCardsEnabled: 'no' }).hoverCardsEnabled).toBe(true);
    expect(readWingSettings('garbage')).toEqual({ hoverCardsEnabled: true, hoverDelayMs: 300 });
  });
});

describe('wing settings in storage (the options page writes, the content script reads)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what updateSettings saved, and hears each later change', async () => {
    await updateSettings({ hoverDelayMs: 700 });
    expect(await loadWingSettings()).toEqual({ hoverCardsEnabled: true, hoverDelayMs: 700 });
    const heard: WingSettings[] = [];
    const unwatch = watchWingSettings((settings) => heard.push(settings));
    await updateSettings({ hoverCardsEnabled: false });
    unwatch();
    await updateSettings({ hoverCardsEnabled: true });
    expect(heard).toEqual([{ hoverCardsEnabled: false, hoverDelayMs: 700 }]);
  });

  it('"Turn off cards" changes only that flag and keeps every other setting, also ones it does not know', async () => {
    await fakeBrowser.storage.local.set({ settings: { hoverCardsEnabled: true, hoverDelayMs: 500, requestsPerSecond: 2 } });
    await turnOffCards();
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ hoverCardsEnabled: false, hoverDelayMs: 500, requestsPerSecond: 2 });
    expect((await readSettings()).hoverCardsEnabled).toBe(false);
  });
});
