import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, readSettings, settingsSchema, updateSettings } from '@/utils/storage';

describe('inbox settings (docs/inbox.md#schedule)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('refreshes every 10 minutes and notifies nothing by default', () => {
    expect(DEFAULT_SETTINGS.inboxIntervalMinutes).toBe(10);
    expect(DEFAULT_SETTINGS.inboxNotify).toBe(false);
  });

  it('takes 5–60 minutes or 0 (off), and refuses the rest', () => {
    for (const minutes of [0, 5, 10, 60]) expect(settingsSchema.safeParse({ inboxIntervalMinutes: minutes }).success).toBe(true);
    for (const minutes of [1, 4, 61, 7.5, -5, '10']) expect(settingsSchema.safeParse({ inboxIntervalMinutes: minutes }).success).toBe(false);
  });

  it('saves and reads back', async () => {
    await updateSettings({ inboxIntervalMinutes: 0, inboxNotify: true });
    expect(await readSettings()).toMatchObject({ inboxIntervalMinutes: 0, inboxNotify: true });
  });
});
