/**
 * The settings the content script needs, read without zod or WXT's storage wrapper (the content
 * script's size: they would be a third of it). The options page writes them through utils/storage.ts,
 * validated with its schema, to the same `storage.local` key; this keeps to the same defaults and bounds.
 */
import { browser } from 'wxt/browser';
import { extraLabelsFrom } from '../detect/extra-labels';
import { DEFAULT_OPEN_DELAY_MS } from '../hover/hover-intent';

export interface WingSettings {
  hoverCardsEnabled: boolean;
  hoverDelayMs: number;
  /** Column headings and labels the seller added (checked as the options page checks them). */
  extraIdLabels: string[];
}

/** utils/storage.ts's settingsItem ('local:settings'). */
const KEY = 'settings';
const MAX_DELAY_MS = 3_000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** What the content script takes from the stored value; anything missing or out of bounds gets its default. */
export function readWingSettings(value: unknown): WingSettings {
  const stored = isRecord(value) ? value : {};
  const delay = stored.hoverDelayMs;
  return {
    hoverCardsEnabled: typeof stored.hoverCardsEnabled === 'boolean' ? stored.hoverCardsEnabled : true,
    // The hover intent raises a short delay to its minimum.
    hoverDelayMs: typeof delay === 'number' && Number.isInteger(delay) && delay >= 0 && delay <= MAX_DELAY_MS ? delay : DEFAULT_OPEN_DELAY_MS,
    extraIdLabels: extraLabelsFrom(stored.extraIdLabels),
  };
}

export function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((label, index) => label === b[index]);
}

async function stored(): Promise<unknown> {
  return (await browser.storage.local.get(KEY))[KEY];
}

export async function loadWingSettings(): Promise<WingSettings> {
  return readWingSettings(await stored());
}

/** Calls `onChange` whenever the options page (or a card) changes the settings; returns the unwatch. */
export function watchWingSettings(onChange: (settings: WingSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(readWingSettings(changes[KEY]?.newValue));
  };
  const { onChanged } = browser.storage;
  onChanged.addListener(listener);
  // The event object held since the start: an orphaned script's `browser.storage` is gone (Chromium).
  return () => onChanged.removeListener(listener);
}

/** "Turn off cards on Wing": only that flag changes; every other setting (including ones this file does not know) stays. */
export async function turnOffCards(): Promise<void> {
  const value = await stored();
  await browser.storage.local.set({ [KEY]: { ...(isRecord(value) ? value : {}), hoverCardsEnabled: false } });
}
