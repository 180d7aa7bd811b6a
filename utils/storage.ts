// zod/mini: the content script reads settings, and classic zod would add ~84 kB to it.
import { z } from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { MAX_EXTRA_LABELS, MAX_LABEL_LENGTH } from './detect/extra-labels';

/**
 * Every storage item of the extension. Nothing here holds the secret key (see credentials-store.ts).
 * local: readable by content scripts, so only preferences (hover cards, sample mode): no inquiry numbers.
 * session: memory-only, cleared with the browser, not exposed to content scripts; survives worker restarts.
 */

export const settingsSchema = z.object({
  hoverCardsEnabled: z._default(z.boolean(), true),
  hoverDelayMs: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(3000)), 300),
  /** The request budget's sustained rate (docs/request-economy.md#budget); the background clamps it to 0.5–8. */
  requestsPerSecond: z._default(z.number().check(z.minimum(0.5), z.maximum(8)), 2),
  /**
   * Column headings and labels that mark inquiry IDs besides the built-in ones (docs/detection.md#seller-labels),
   * as checkExtraLabels (utils/detect/extra-labels.ts) leaves them; the options page checks before saving.
   */
  extraIdLabels: z._default(z.array(z.string().check(z.maxLength(MAX_LABEL_LENGTH))).check(z.maxLength(MAX_EXTRA_LABELS)), []),
  /** Minutes between "Awaiting you" refreshes (docs/inbox.md#schedule): 5–60, or 0 for off. */
  inboxIntervalMinutes: z._default(
    z.number().check(z.int(), z.minimum(0), z.maximum(60), z.refine((minutes) => minutes === 0 || minutes >= 5)),
    10,
  ),
  /** Notifications for new and nearly due inquiries (docs/inbox.md#notifications); needs the optional permission. */
  inboxNotify: z._default(z.boolean(), false),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export const settingsItem = storage.defineItem<unknown>('local:settings');

export async function readSettings(): Promise<Settings> {
  const parsed = settingsSchema.safeParse((await settingsItem.getValue()) ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await readSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

const recentLookupSchema = z.object({ id: z.string(), itemName: z.optional(z.string()), at: z.number() });
export type RecentLookup = z.infer<typeof recentLookupSchema>;
export const RECENT_LOOKUPS_MAX = 10;

/** Numbers and item names of recent lookups: session storage, which only the extension's pages can read. */
export const recentLookupsItem = storage.defineItem<unknown>('session:recentLookups');

export async function readRecentLookups(): Promise<RecentLookup[]> {
  const parsed = z.array(recentLookupSchema).safeParse((await recentLookupsItem.getValue()) ?? []);
  return parsed.success ? parsed.data : [];
}

export async function rememberLookup(entry: RecentLookup): Promise<RecentLookup[]> {
  const next = [entry, ...(await readRecentLookups()).filter((item) => item.id !== entry.id)].slice(0, RECENT_LOOKUPS_MAX);
  await recentLookupsItem.setValue(next);
  return next;
}

/**
 * The inquiry the side panel shows: set by the popup, the context menu and hover cards, restored on
 * reopen. An inquiry number, so session storage, like the recent lookups.
 */
export const sidePanelInquiryItem = storage.defineItem<string>('session:sidePanelInquiryId');

/** Looked-up inquiries (buyer data included), kept only in session storage; validated by the lookup service. */
export const inquiryCacheItem = storage.defineItem<unknown>('session:inquiryCache');

/** The request budget, breakers, holds and usage counts (docs/request-economy.md): no secret, no buyer data. */
export const requestEconomyItem = storage.defineItem<unknown>('local:requestEconomy');

/** How far this computer's clock is off Coupang's (ms), so a restarted worker signs right the first time. */
export const clockOffsetItem = storage.defineItem<number>('session:clockOffsetMs');

/**
 * "Awaiting you" (docs/inbox.md): the listed inquiries (buyer data), when they were fetched and why the last refresh
 * failed, and which inquiry numbers were already notified. Session storage only: never storage.local, never logged.
 */
export const inboxStateItem = storage.defineItem<unknown>('session:inbox');
export const inboxNotifiedItem = storage.defineItem<unknown>('session:inboxNotified');

/** Sample mode: the background answers the bundled sample inquiries and sends nothing to Coupang. */
export const sampleModeItem = storage.defineItem<boolean>('local:sampleMode', { fallback: false });
