/**
 * The UI contract the e2e tests drive (English UI): accessible names and roles only, no CSS classes.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { en } from '../../../utils/i18n/en';
import type { ErrorKind } from '../../../utils/coupang/error-kinds';
import { extensionIdOf, openExtensionPage } from './browser';
import { TEST_ACCESS_KEY, TEST_SECRET_KEY, TEST_VENDOR_ID } from './gateway-sim';

export { en };

/** How long a UI state may take to appear (the lookups themselves take milliseconds here). */
export const UI_TIMEOUT_MS = 5_000;

export interface Keys {
  accessKey: string;
  secretKey: string;
  vendorId: string;
}

export const TEST_KEYS: Keys = { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY, vendorId: TEST_VENDOR_ID };

export const errorMessage = (kind: ErrorKind): string => en[`error.${kind}`];
export const regionName = (id: string): string => en['details.region'].replace('{id}', id);
export const loadingText = (id: string): string => en['search.loading'].replace('{id}', id);

export const optionsField = {
  accessKey: (page: Page) => page.getByLabel(en['options.accessKey'], { exact: true }),
  secretKey: (page: Page) => page.getByLabel(en['options.secretKey'], { exact: true }),
  vendorId: (page: Page) => page.getByLabel(en['options.vendorId'], { exact: true }),
};

/**
 * Saves keys through the options page. The page is (re)loaded first, so a "Saved" left over from an
 * earlier save cannot be mistaken for this one. Returns the options page, left open.
 */
export async function saveKeys(ctx: BrowserContext, keys: Keys, page?: Page): Promise<Page> {
  const options = page ?? (await openExtensionPage(ctx, 'options.html'));
  if (page) await options.goto(`chrome-extension://${extensionIdOf(ctx)}/options.html`);
  await optionsField.accessKey(options).fill(keys.accessKey);
  await optionsField.secretKey(options).fill(keys.secretKey);
  await optionsField.vendorId(options).fill(keys.vendorId);
  await options.getByRole('button', { name: en['options.save'], exact: true }).click();
  await options.getByText(en['options.saved'], { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
  return options;
}

/** The lookup box of the popup or side panel: a searchbox or textbox whose name contains "Inquiry". */
export function searchBox(page: Page): Locator {
  return page.getByRole('searchbox', { name: /Inquiry/ }).or(page.getByRole('textbox', { name: /Inquiry/ })).first();
}

/** Types (or pastes) text into the lookup box and presses Enter. */
export async function lookUp(page: Page, text: string): Promise<void> {
  const box = searchBox(page);
  await box.fill(text);
  await box.press('Enter');
}

/** The details of one inquiry: a region named `Inquiry {id}`. */
export function detailsRegion(page: Page, id: string): Locator {
  return page.getByRole('region', { name: regionName(id), exact: true });
}

/** An alert holding the given text. */
export function alertWith(page: Page, text: string): Locator {
  return page.getByRole('alert').filter({ hasText: text });
}

/** Waits for the alert of one error kind and returns its full text (for exact-substring checks). */
export async function expectErrorShown(page: Page, kind: ErrorKind, timeoutMs = UI_TIMEOUT_MS): Promise<string> {
  const alert = alertWith(page, errorMessage(kind));
  try {
    await alert.first().waitFor({ timeout: timeoutMs });
  } catch (error) {
    const alerts = await page.getByRole('alert').allTextContents();
    throw new Error(`expected the ${kind} message in role=alert; alerts now: ${JSON.stringify(alerts)}\n${String(error)}`);
  }
  const text = (await alert.first().textContent()) ?? '';
  if (!text.includes(errorMessage(kind))) throw new Error(`alert text differs from en['error.${kind}']: ${text}`);
  return text;
}

/** Waits for the details region of an inquiry and returns it. */
export async function expectDetailsShown(page: Page, id: string, timeoutMs = UI_TIMEOUT_MS): Promise<Locator> {
  const region = detailsRegion(page, id);
  try {
    await region.waitFor({ timeout: timeoutMs });
  } catch (error) {
    const alerts = await page.getByRole('alert').allTextContents();
    const regions = await page.getByRole('region').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.id));
    throw new Error(`expected region "${regionName(id)}"; regions: ${JSON.stringify(regions)}; alerts: ${JSON.stringify(alerts)}\n${String(error)}`);
  }
  return region;
}

/** The "Recent lookups" list (navigation, region or list named so). */
export function recentLookups(page: Page): Locator {
  const name = en['search.recent'];
  return page
    .getByRole('navigation', { name, exact: true })
    .or(page.getByRole('region', { name, exact: true }))
    .or(page.getByRole('list', { name, exact: true }))
    .first();
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Everything but the "Awaiting you" list (a section labelled by its heading): the list shows the same pause or
 * hold for its own refresh as a failed lookup does (docs/inbox.md#the-list), so a lookup's message is looked for
 * outside it.
 */
export function outsideAwaitingList(page: Page): Locator {
  return page.locator(':not(section[aria-labelledby="csl-inbox-title"] *)');
}

/** The "Awaiting you" list: a region named by its heading. */
export function awaitingList(page: Page): Locator {
  return page.getByRole('region', { name: new RegExp(`^${en['inbox.title']}`) });
}
