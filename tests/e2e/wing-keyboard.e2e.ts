/**
 * Keyboard focus and recycled elements on Wing pages, in real Chromium with the production build: a
 * fast Tab sweep opens only the card where focus rests (requests counted at the simulator), a page
 * script's el.focus() opens nothing, and a link the page points at another inquiry opens that one.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './support/browser';
import type { GatewaySim } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, saveKeys } from './support/ui';
import { DWELL_MS, ITEM_NAMES, PAGES, WING, anyCard, apiCount, card, expectDecoratedExactly, focusedId, idElement, pointerAway, restOn, startWingSim } from './wing-support/wing';

const SWEEP = `${WING}/tenants/cs/sweep.html`;
const SWEEP_IDS = Array.from({ length: 30 }, (_, i) => (i === 29 ? '1015668177' : String(1015670000 + i)));
const LAST = '1015668177';

let sim: GatewaySim;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  sim = await startWingSim();
  browser = await launchExtension(sim);
  await (await saveKeys(browser.ctx, TEST_KEYS)).close();
  page = await browser.ctx.newPage();
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

beforeEach(async () => {
  await page.goto(SWEEP);
  await page.waitForSelector('body[data-loaded="true"]');
  await expectDecoratedExactly(page, SWEEP_IDS);
  await pointerAway(page);
  sim.reset();
});

describe('keyboard focus', () => {
  it('a fast Tab sweep across 30 numbers sends at most 6 requests, and the card where focus rests shows its inquiry', async () => {
    await page.locator('button._bS0').focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe(LAST);
    await card(page, LAST).getByText(ITEM_NAMES[LAST]!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(apiCount(sim), sim.describeRequests()).toBeLessThanOrEqual(6);
    expect(sim.lookupsOf(LAST)).toHaveLength(1);
    expect(await anyCard(page).count()).toBe(1);
  });

  it("a page script's el.focus() opens nothing and sends nothing, even after keyboard use (:focus-visible matches)", async () => {
    await page.locator('button._bS0').focus();
    await page.keyboard.press('Shift+Tab'); // keyboard use: from now on programmatic focus is :focus-visible too
    await page.evaluate((id) => (document.querySelector(`[data-cs-lens-id="${id}"]`) as HTMLElement).focus(), LAST);
    expect(await focusedId(page)).toBe(LAST);
    expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);
    await page.waitForTimeout(DWELL_MS * 3);
    expect(await anyCard(page).count()).toBe(0);
    expect(apiCount(sim), sim.describeRequests()).toBe(0);
  });
});

describe('recycled elements', () => {
  it('a link the page points at another inquiry opens the card of the new one, not the old', async () => {
    await page.goto(PAGES.detail);
    await page.waitForSelector('body[data-loaded="true"]');
    const link = page.locator('a.lK3');
    await expectDecoratedExactly(page, ['1015668177', '1015668178', '1015668180', '258799946']);
    expect(await link.getAttribute('data-cs-lens-id')).toBe('1015668180');
    await page.evaluate(() => document.querySelector('a.lK3')?.setAttribute('href', '/tenants/cs/csinquiry/detail?inquiryId=1015668178'));
    await expect.poll(() => link.getAttribute('data-cs-lens-id'), { timeout: UI_TIMEOUT_MS }).toBe('1015668178');
    sim.reset();
    await restOn(page, link);
    await card(page, '1015668178').getByText(ITEM_NAMES['1015668178']!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(sim.lookupsOf('1015668180')).toHaveLength(0);
    expect(await idElement(page, '1015668180').count()).toBe(0);
  });
});
