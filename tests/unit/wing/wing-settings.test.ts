import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsSchema } from '@/utils/storage';
import { readWingSettings } from '@/utils/wing/wing-settings';

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
