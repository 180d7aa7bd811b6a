/**
 * The extension reloaded under an open Wing tab (issue 16 item 14), in real Chromium with the production
 * build: chrome.runtime.reload() from the service worker leaves the tab's content script orphaned (Chrome
 * does not inject the new one into open tabs). The seller's next hover over a number finds it out: the
 * underlines are gone, no card opens, and one notice asks to reload the tab; its close button removes it.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { SINGLE_LOOKUP_PREFIX, type GatewaySim } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, en, pause, saveKeys } from './support/ui';
import { DWELL_MS, ITEM_NAMES, LIST_PAGE_1, PAGES, anyCard, card, decoratedIds, expectDecoratedExactly, idBox, pointerAway, restOnId, startWingSim } from './wing-support/wing';

let sim: GatewaySim;
let browser: ExtensionBrowser;
let wing: Page;
/** The service worker of the reloaded extension. */
let reloaded: Worker;

beforeAll(async () => {
  sim = await startWingSim();
  browser = await launchExtension(sim);
  await (await saveKeys(browser.ctx, TEST_KEYS)).close();
  wing = await browser.ctx.newPage();
  await wing.goto(PAGES.list);
  await wing.waitForSelector('body[data-loaded-page="1"]');
  await expectDecoratedExactly(wing, LIST_PAGE_1);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

/**
 * Reloads the extension from its service worker and returns the new worker. Chromium disables an unpacked
 * extension that reloads while developer mode is off ("unsupportedDeveloperExtension"), so it is turned on
 * first, on chrome://extensions, as for anyone who loads an unpacked build.
 */
async function reloadExtension(): Promise<Worker> {
  const extensions = await browser.ctx.newPage();
  await extensions.goto('chrome://extensions');
  await extensions.evaluate(`new Promise((done) => chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, done))`);
  await extensions.close();
  const old = browser.serviceWorker;
  const next = browser.ctx.waitForEvent('serviceworker', { predicate: (w) => w !== old && w.url().startsWith(`chrome-extension://${browser.extensionId}/`), timeout: 15_000 });
  await old.evaluate('chrome.runtime.reload()').catch(() => undefined); // the worker goes away while answering
  return next;
}

const notice = (page: Page) => page.locator('cs-lens-notice').getByRole('status');

describe('an orphaned content script after the extension is reloaded', () => {
  it('the next hover over a number: the underlines are gone, no card, and one notice asks to reload the tab', async () => {
    const id = '258799946';
    await restOnId(wing, id);
    await card(wing, id).getByText(ITEM_NAMES[id]!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await pointerAway(wing);
    await anyCard(wing).waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    const other = '1015668177';
    const box = await idBox(wing, other);
    reloaded = await reloadExtension();
    sim.reset();

    const errors: string[] = [];
    wing.on('pageerror', (error) => errors.push(error.message));
    await wing.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await notice(wing).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await notice(wing).textContent()).toContain(en['card.orphaned']);
    expect(await decoratedIds(wing)).toEqual([]);
    await pause(DWELL_MS + 400);
    expect(await anyCard(wing).count()).toBe(0);
    // The reloaded extension's background refreshes "Awaiting you" on its own (docs/inbox.md); the orphan looks nothing up.
    expect(sim.apiRequests(SINGLE_LOOKUP_PREFIX)).toHaveLength(0);
    expect(await wing.locator('cs-lens-notice').count()).toBe(1);
    expect(errors, 'the teardown ran to its end (an orphan has no chrome.storage)').toEqual([]);

    // A page script's click does nothing; the seller's click closes it.
    await wing.evaluate(() => document.querySelector('cs-lens-notice')?.shadowRoot?.querySelector('button')?.click());
    expect(await wing.locator('cs-lens-notice').count()).toBe(1);
    await notice(wing).getByRole('button', { name: en['card.close'], exact: true }).click();
    await wing.locator('cs-lens-notice').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  });

  it('the popup opened over that tab says to reload it', async () => {
    const reader = await openExtensionPage(browser.ctx, 'options.html');
    await wing.bringToFront();
    await reloaded.evaluate('chrome.action.openPopup()');
    // Playwright does not attach to action popups: another extension page reads it (as in wing-labels.e2e.ts).
    const popupText = () => reader.evaluate(`chrome.extension.getViews({ type: 'popup' })[0]?.document.body.innerText ?? ''`) as Promise<string>;
    await expect.poll(popupText, { timeout: UI_TIMEOUT_MS }).toContain(en['popup.wing.reloadTab']);
    await reader.evaluate(`chrome.extension.getViews({ type: 'popup' }).forEach((view) => view.close())`);
    await reader.close();
  });

  it('reloading the tab brings the cards back from the new extension', async () => {
    await wing.reload();
    await wing.waitForSelector('body[data-loaded-page="1"]');
    await expectDecoratedExactly(wing, LIST_PAGE_1);
    const id = '1015668177';
    await restOnId(wing, id);
    await card(wing, id).getByText(ITEM_NAMES[id]!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
