/**
 * Turning hover cards off and on again, in real Chromium with the production build: "Turn off cards on
 * Wing" in a card removes every decoration at once (and hovering then looks nothing up); the options
 * page's "Show inquiry cards on Wing" brings them back on the open Wing tab, without a reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import type { GatewaySim } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, en, saveKeys } from './support/ui';
import { DWELL_MS, ITEM_NAMES, LIST_PAGE_1, PAGES, anyCard, apiCount, card, expectDecoratedExactly, pointerAway, restOn, restOnId, startWingSim } from './wing-support/wing';

let sim: GatewaySim;
let browser: ExtensionBrowser;
let page: Page;
let options: Page;

beforeAll(async () => {
  sim = await startWingSim();
  browser = await launchExtension(sim);
  options = await saveKeys(browser.ctx, TEST_KEYS);
  page = await browser.ctx.newPage();
  await page.goto(PAGES.list);
  await page.waitForSelector('body[data-loaded-page="1"]');
  await expectDecoratedExactly(page, LIST_PAGE_1);
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

beforeEach(() => sim.reset());

/** Every cell of the list table, as `x,y,w,h` rounded to 0.1 px. */
const cellBoxes = (p: Page) =>
  p.$$eval('table._t8Kq0 td, table._t8Kq0 th', (cells) =>
    cells.map((c) => {
      const r = c.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10).join(',');
    }),
  );

const showCards = (p: Page) => p.getByRole('checkbox', { name: en['options.hoverEnabled'], exact: true });

describe('turning cards off and on', () => {
  it('"Turn off cards on Wing" in the card closes it and removes every decoration, restoring the text', async () => {
    const textBefore = await page.locator('table._t8Kq0 tbody').innerText();
    const boxesDecorated = await cellBoxes(page);
    const id = '1015668177';
    await page.bringToFront();
    await restOnId(page, id);
    const dialog = card(page, id);
    await dialog.getByText(ITEM_NAMES[id]!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByRole('button', { name: en['card.disable'], exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await expectDecoratedExactly(page, []);
    expect(await page.locator('.cs-lens-id, [data-cs-lens-ids], [data-cs-lens-added], [aria-haspopup="dialog"]').count()).toBe(0);
    expect(await page.locator('table._t8Kq0 tbody').innerText()).toBe(textBefore);
    // Decorations are paint-only: not one cell of the table moved or changed size when they went away.
    expect(await cellBoxes(page)).toEqual(boxesDecorated);
  });

  it('with cards off, resting on an ID opens nothing and sends nothing', async () => {
    await restOn(page, page.locator('tr[data-row="0"] td._c1'));
    await page.waitForTimeout(DWELL_MS + 400);
    await restOn(page, page.locator('tr[data-row="2"] td._c1'));
    await page.waitForTimeout(DWELL_MS + 400);
    expect(await anyCard(page).count()).toBe(0);
    expect(apiCount(sim), sim.describeRequests()).toBe(0);
    await pointerAway(page);
  });

  it('with cards off, in-app navigation (pushState paging) decorates nothing either', async () => {
    await page.locator('._pG3r button[data-page="2"]').click();
    await page.waitForSelector('body[data-loaded-page="2"]');
    await page.waitForTimeout(1_500); // past WXT's location check and an idle-time scan
    await expectDecoratedExactly(page, []);
    await page.goBack();
    await page.waitForSelector('body[data-loaded-page="1"]');
    // A URL change that keeps the rows (a filter tab): nothing may be rescanned and decorated.
    await page.evaluate(() => history.pushState(null, '', `${location.pathname}?filter=all`));
    await page.waitForTimeout(1_500);
    await expectDecoratedExactly(page, []);
  });

  it('the options page shows cards as off; ticking "Show inquiry cards on Wing" decorates the open tab again', async () => {
    await options.bringToFront();
    await options.reload();
    const box = showCards(options);
    await box.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await expectDecoratedExactly(page, LIST_PAGE_1);

    // And the cards work again.
    await page.bringToFront();
    const id = '258799946';
    await restOnId(page, id);
    await card(page, id).getByText(ITEM_NAMES[id]!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(sim.lookupsOf(id)).toHaveLength(1);
  });

  it('unticking it on the options page removes the decorations from the open tab', async () => {
    await pointerAway(page);
    await options.bringToFront();
    await showCards(options).uncheck();
    await expectDecoratedExactly(page, []);
    // A freshly loaded Wing page stays undecorated too.
    await page.reload();
    await page.waitForSelector('body[data-loaded-page="1"]');
    await page.waitForTimeout(500);
    expect(await page.locator('[data-cs-lens-id]').count()).toBe(0);
    await showCards(options).check();
    await expectDecoratedExactly(page, LIST_PAGE_1);
  });
});
