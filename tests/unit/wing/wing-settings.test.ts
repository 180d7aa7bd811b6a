import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, readSettings, settingsSchema, updateSettings } from '@/utils/storage';
import { loadWingSettings, readWingSettings, turnOffCards, watchWingSettings, type WingSettings } from '@/utils/wing/wing-settings';

describe('readWingSettings (the content script, without zod)', () => {
  it('reads what the options page saves, with the same defaults as its schema', () => {
    expect(readWingSettings(undefined)).toEqual({
      hoverCardsEnabled: DEFAULT_SETTINGS.hoverCardsEnabled,
      hoverDelayMs: DEFAULT_SETTINGS.hoverDelayMs,
      extraIdLabels: DEFAULT_SETTINGS.extraIdLabels,
    });
    const saved = settingsSchema.parse({ hoverCardsEnabled: false, hoverDelayMs: 800, extraIdLabels: ['접수번호', 'Ticket No.'] });
    expect(readWingSettings(saved)).toEqual({ hoverCardsEnabled: false, hoverDelayMs: 800, extraIdLabels: ['접수번호', 'Ticket No.'] });
  });

  it('a value out of bounds or of the wrong type falls back to its default', () => {
    for (const hoverDelayMs of [-1, 3_001, 12.5, '300', null]) expect(readWingSettings({ hoverDelayMs }).hoverDelayMs).toBe(300);
    expect(readWingSettings({ hoverCardsEnabled: 'no' }).hoverCardsEnabled).toBe(true);
    expect(readWingSettings('garbage')).toEqual({ hoverCardsEnabled: true, hoverDelayMs: 300, extraIdLabels: [] });
    // Labels the options page would refuse are left out; the rest stay.
    expect(readWingSettings({ extraIdLabels: ['12345', '접수번호', { label: 'x' }] }).extraIdLabels).toEqual(['접수번호']);
    expect(readWingSettings({ extraIdLabels: '접수번호' }).extraIdLabels).toEqual([]);
  });
});

describe('wing settings in storage (the options page writes, the content script reads)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what updateSettings saved, and hears each later change', async () => {
    await updateSettings({ hoverDelayMs: 700 });
    expect(await loadWingSettings()).toEqual({ hoverCardsEnabled: true, hoverDelayMs: 700, extraIdLabels: [] });
    const heard: WingSettings[] = [];
    const unwatch = watchWingSettings((settings) => heard.push(settings));
    await updateSettings({ hoverCardsEnabled: false });
    await updateSettings({ extraIdLabels: ['접수번호'] });
    unwatch();
    await updateSettings({ hoverCardsEnabled: true });
    expect(heard).toEqual([
      { hoverCardsEnabled: false, hoverDelayMs: 700, extraIdLabels: [] },
      { hoverCardsEnabled: false, hoverDelayMs: 700, extraIdLabels: ['접수번호'] },
    ]);
  });

  it('"Turn off cards" changes only that flag and keeps every other setting, also ones it does not know', async () => {
    await fakeBrowser.storage.local.set({ settings: { hoverCardsEnabled: true, hoverDelayMs: 500, requestsPerSecond: 2 } });
    await turnOffCards();
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ hoverCardsEnabled: false, hoverDelayMs: 500, requestsPerSecond: 2 });
    expect((await readSettings()).hoverCardsEnabled).toBe(false);
  });
});
