/**
 * The request economy in real Chromium against the counting simulator (docs/request-economy.md): the
 * shared budget, dropped askers, remembered failures and the breaker, also across a worker stopped through
 * the DevTools protocol. Each scenario gets a browser of its own: a pause must not leak into the next one.
 * Request counts are logged (`[economy] …`) for the closing notes.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, readAllStorage, stopServiceWorker, type ExtensionBrowser } from './support/browser';
import { GatewaySim, SINGLE_LOOKUP_PREFIX } from './support/gateway-sim';
import { LIST_PAGE_1, PAGES, WING_E2E_DIR, card, pointerAway, restOnId } from './wing-support/wing';
import { TEST_KEYS, UI_TIMEOUT_MS, awaitingList, en, expectDetailsShown, expectErrorShown, lookUp, outsideAwaitingList, pause, saveKeys, searchBox } from './support/ui';

const SEED = '1015668177';
/** The options page reads the usage again this often (utils/pages/options-page.tsx). */
const USAGE_REFRESH_MS = 5_000;
const pausedText = (reason: 'rate-limited' | 'blocked') => new RegExp(en[`economy.paused.${reason}`].replace('{time}', '\\d+:\\d{2}').replace(/[—.]/g, (c) => (c === '.' ? '\\.' : c)));

let sim: GatewaySim;
let browser: ExtensionBrowser;
let popup: Page;

beforeAll(async () => {
  sim = await GatewaySim.start({ wingDir: WING_E2E_DIR });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  sim.reset();
  browser = await launchExtension(sim);
  await (await saveKeys(browser.ctx, TEST_KEYS)).close();
  popup = await openExtensionPage(browser.ctx, 'popup.html');
  // Opening the popup refreshes "Awaiting you" (docs/inbox.md#the-list): each scenario starts once that is over.
  await awaitingList(popup).getByText(/^Updated /).waitFor({ timeout: UI_TIMEOUT_MS });
  sim.reset();
});

afterEach(async () => {
  await browser?.close();
});

const lookups = () => sim.apiRequests(SINGLE_LOOKUP_PREFIX);
const log = (scenario: string) =>
  console.log(`[economy] ${scenario}: ${lookups().length} lookup requests, at most ${sim.maxApiRequestsPerSecond()} in one second`);

/** Submits each text in the popup's box in quick succession, as fast as the page can take them. */
async function quickLookups(page: Page, texts: string[]): Promise<void> {
  await searchBox(page).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.evaluate(async (all) => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"], input')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const turn = () => new Promise((resolve) => setTimeout(resolve, 0));
    for (const text of all) {
      setValue.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await turn();
      await turn();
      input.form!.requestSubmit();
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }, texts);
}

/** storage.local is readable by content scripts: the pause and holds kept there never name the store (issue 16, item 16). */
async function expectLocalStorageNamesNoVendor(): Promise<void> {
  const { local } = await readAllStorage(browser.ctx);
  expect(JSON.stringify(local)).toContain('requestEconomy');
  expect(JSON.stringify(local).toLowerCase()).not.toContain(TEST_KEYS.vendorId.toLowerCase());
}

/** The live countdown, in a page (popup: the lookup's, not the "Awaiting you" list's) or in one hover card. */
async function expectPaused(scope: Page | Locator, reason: 'rate-limited' | 'blocked'): Promise<void> {
  const timer = scope.getByRole('timer').filter({ hasText: pausedText(reason) });
  await ('goto' in scope ? timer.and(outsideAwaitingList(scope)) : timer).waitFor({ timeout: UI_TIMEOUT_MS });
}

describe('request economy', () => {
  it('20 quick popup lookups send at most 6 requests, and the last one is shown', async () => {
    const ids = [...Array.from({ length: 19 }, (_, i) => String(555_000_100 + i)), SEED];
    await quickLookups(popup, ids);
    await expectDetailsShown(popup, SEED, UI_TIMEOUT_MS + 3_000);
    await pause(1_500); // anything still queued would have gone out by now
    log('20 quick popup lookups');
    expect(lookups().length, sim.describeRequests()).toBeLessThanOrEqual(6);
    expect(sim.maxApiRequestsPerSecond()).toBeLessThanOrEqual(5);
    expect(lookups().at(-1)?.path).toBe(`${SINGLE_LOOKUP_PREFIX}${SEED}`);
  });

  it('an unknown number looked up 3 times sends 1 request', async () => {
    for (let i = 0; i < 3; i++) {
      await lookUp(popup, '123456789');
      await expectErrorShown(popup, 'not-found');
    }
    log('unknown number ×3');
    expect(sim.lookupsOf('123456789')).toHaveLength(1);
  });

  it('after a 429, popup lookups send nothing and show the countdown, also after the worker was stopped', async () => {
    await lookUp(popup, '258799946');
    await expectDetailsShown(popup, '258799946');
    sim.reset();
    sim.throttle = { kind: 'rate-limited' };
    await lookUp(popup, '1015668178');
    await expectErrorShown(popup, 'rate-limited');
    await expectPaused(popup, 'rate-limited');
    expect(lookups()).toHaveLength(1);

    for (const id of ['1015668179', '1015668180', SEED]) {
      await lookUp(popup, id);
      await expectPaused(popup, 'rate-limited');
    }
    await stopServiceWorker(browser.ctx);
    await popup.reload();
    for (const id of ['1015668181', '258799946']) {
      await lookUp(popup, id);
      await expectPaused(popup, 'rate-limited');
    }
    // The inquiry fetched before the pause is still shown, with its age, under the countdown.
    await expectDetailsShown(popup, '258799946');
    await pause(500);
    log('after a 429: 5 popup lookups, 2 after a worker stop');
    expect(lookups(), sim.describeRequests()).toHaveLength(1);
    await expectLocalStorageNamesNoVendor();
  });

  it('a 429 with Retry-After: 4 resumes by itself after about 4 s', async () => {
    sim.throttle = { kind: 'rate-limited', retryAfter: '4' };
    await lookUp(popup, SEED);
    await expectPaused(popup, 'rate-limited');
    const trippedAt = lookups()[0]!.at;
    sim.throttle = null;
    await expectDetailsShown(popup, SEED, 15_000);
    const resumedAfter = lookups()[1]!.at - trippedAt;
    console.log(`[economy] Retry-After: 4 → the probe went out after ${resumedAfter} ms; ${lookups().length} requests`);
    expect(resumedAfter).toBeGreaterThanOrEqual(3_500);
    expect(resumedAfter).toBeLessThan(10_000);
    expect(lookups()).toHaveLength(2);
  }, 40_000);

  it('an HTML 403 block sends nothing more', async () => {
    sim.throttle = { kind: 'blocked-html' };
    await lookUp(popup, SEED);
    await expectErrorShown(popup, 'blocked');
    for (const id of ['1015668178', '1015668179', '1015668180']) {
      await lookUp(popup, id);
      await expectPaused(popup, 'blocked');
    }
    await pause(500);
    log('after an HTML 403: 3 more lookups');
    expect(lookups()).toHaveLength(1);
  });

  it('a query replaced while its request is out aborts that request', async () => {
    sim.apiDelayMs = 3_000;
    await lookUp(popup, '1015668178');
    await sim.waitForRequest((r) => r.path === `${SINGLE_LOOKUP_PREFIX}1015668178`);
    await lookUp(popup, SEED);
    await sim.waitForRequest((r) => r.path === `${SINGLE_LOOKUP_PREFIX}1015668178` && r.outcome === 'client-gave-up', 10_000);
    await expectDetailsShown(popup, SEED, 10_000);
    log('query replaced in flight');
  }, 40_000);

  it('after a 429, hover cards on Wing send nothing and show the countdown, also after the worker was stopped', async () => {
    sim.throttle = { kind: 'rate-limited' };
    await lookUp(popup, SEED);
    await expectPaused(popup, 'rate-limited');
    const wing = await browser.ctx.newPage();
    await wing.goto(PAGES.list);
    await wing.waitForSelector('body[data-loaded-page="1"]');
    const hovered = LIST_PAGE_1.slice(0, 4);
    for (const [index, id] of hovered.entries()) {
      if (index === 2) await stopServiceWorker(browser.ctx);
      await restOnId(wing, id);
      await expectPaused(card(wing, id), 'rate-limited');
      await pointerAway(wing);
      await card(wing, id).waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    }
    log('after a 429: 4 cards hovered, 2 after a worker stop');
    expect(lookups(), sim.describeRequests()).toHaveLength(1);
  }, 60_000);

  it('a hover card paused by a 429 (Retry-After: 3) counts down, then shows the inquiry by itself with exactly one more request', async () => {
    const id = '1015668178';
    sim.throttle = { kind: 'rate-limited', retryAfter: '3' };
    const wing = await browser.ctx.newPage();
    await wing.goto(PAGES.list);
    await wing.waitForSelector('body[data-loaded-page="1"]');
    await restOnId(wing, id);
    await expectPaused(card(wing, id), 'rate-limited');
    expect(lookups(), sim.describeRequests()).toHaveLength(1);
    sim.throttle = null;
    // The pointer stays on the number: the card asks again when the countdown ends (onResume), nobody presses anything.
    await card(wing, id).getByText('제주 삼다수, 2L, 6개').first().waitFor({ timeout: 15_000 });
    await pause(500);
    log('hover card after a 429 with Retry-After: 3');
    expect(lookups(), sim.describeRequests()).toHaveLength(2);
  }, 40_000);

  it('the options page shows the requests made, the cache hits and the pause', async () => {
    // "Awaiting you" refreshed through the same budget as the popup opened: the lookups add to what it used.
    const options = await openExtensionPage(browser.ctx, 'options.html');
    const value = (label: string) => options.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
    await value(en['options.usageHour']).waitFor({ timeout: UI_TIMEOUT_MS });
    const before = Number(await value(en['options.usageHour']).textContent());
    await lookUp(popup, SEED);
    await expectDetailsShown(popup, SEED);
    await lookUp(popup, SEED); // from the cache
    sim.throttle = { kind: 'rate-limited' };
    await lookUp(popup, '1015668178');
    await expectPaused(popup, 'rate-limited');
    await value(en['options.usageHour']).filter({ hasText: new RegExp(`^${before + 2}$`) }).waitFor({ timeout: UI_TIMEOUT_MS + USAGE_REFRESH_MS });
    expect(await value(en['options.usageCacheHits']).textContent()).toBe('1');
    expect(await value(en['options.breaker']).textContent()).toMatch(/^Paused until /);
    await options.getByText(/too many requests \(429\), paused 1 min/).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('an unregistered IP holds the keys: nothing more is sent until Retry, which then shows the inquiry', async () => {
    sim.ipAllowed = false;
    await lookUp(popup, '1015668178');
    await expectErrorShown(popup, 'ip-not-allowed');
    for (const id of ['1015668179', SEED]) {
      await lookUp(popup, id);
      await popup.getByText(en['economy.held']).and(outsideAwaitingList(popup)).waitFor({ timeout: UI_TIMEOUT_MS });
    }
    await pause(300);
    log('Not allowed IP, then 2 more lookups');
    expect(lookups()).toHaveLength(1);
    await expectLocalStorageNamesNoVendor();
    sim.ipAllowed = true; // the seller registered this computer's IP
    await popup.getByRole('button', { name: en['economy.retry'], exact: true }).click();
    await expectDetailsShown(popup, SEED);
    expect(lookups()).toHaveLength(2);
  });
});
