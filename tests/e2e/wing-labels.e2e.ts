/**
 * Wing renames its column (docs/detection.md#seller-labels), in real Chromium with the production build: a
 * list whose 상담번호 column is now headed 접수번호 gets no cards, and the popup on that tab says what to
 * do; once the seller adds 접수번호 in Settings, the open tab is rescanned without a reload, resting on a
 * number opens its card, and the popup counts the page's inquiry numbers.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './support/browser';
import type { GatewaySim } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, en, saveKeys } from './support/ui';
import { DWELL_MS, ITEM_NAMES, PAGES, anyCard, apiCount, card, expectDecoratedExactly, idElement, pointerAway, restOn, restOnId, startWingSim } from './wing-support/wing';

/** The renamed page's numbers: three in the 접수번호 column, one after a 접수번호 label. */
const RENAMED_IDS = ['1015668177', '258799946', '1015668180', '1015668178'];

let sim: GatewaySim;
let browser: ExtensionBrowser;
let page: Page;
let options: Page;

beforeAll(async () => {
  sim = await startWingSim();
  browser = await launchExtension(sim);
  options = await saveKeys(browser.ctx, TEST_KEYS);
  page = await browser.ctx.newPage();
  await page.goto(PAGES.renamed);
  await page.waitForSelector('body[data-loaded="true"]');
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

beforeEach(() => sim.reset());

/**
 * Opens the real popup (the toolbar button's, not a tab) over `over` and returns its text once it contains
 * `expected` (and `settleMs` later). Playwright does not attach to action popups: another extension page reads it.
 */
async function popupText(expected: string, over: Page = page, settleMs = 0): Promise<string> {
  await over.bringToFront();
  await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
  const read = () =>
    options.evaluate(() => {
      const views = (globalThis as unknown as { chrome: { extension: { getViews(filter: { type: string }): Window[] } } }).chrome.extension.getViews({ type: 'popup' });
      return views[0]?.document.body.innerText ?? '';
    });
  const deadline = Date.now() + UI_TIMEOUT_MS;
  let text = await read();
  while (!text.includes(expected) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    text = await read();
  }
  if (settleMs > 0) {
    await page.waitForTimeout(settleMs);
    text = await read();
  }
  await options.evaluate(() => {
    for (const view of (globalThis as unknown as { chrome: { extension: { getViews(filter: { type: string }): Window[] } } }).chrome.extension.getViews({ type: 'popup' })) view.close();
  });
  return text;
}

describe('a renamed column heading', () => {
  it('before: 접수번호 marks nothing, resting on a number opens no card, and the popup says what to do', async () => {
    await page.waitForTimeout(1_000); // past an idle-time scan
    await expectDecoratedExactly(page, []);
    await restOn(page, page.locator('._t4Rn tbody td').first());
    await page.waitForTimeout(DWELL_MS + 400);
    expect(await anyCard(page).count()).toBe(0);
    await pointerAway(page);

    const text = await popupText(en['popup.wing.none']);
    expect(text).toContain(en['popup.wing.none']);
    // No lookup: opening the popup refreshes only "Awaiting you" (docs/inbox.md).
    expect(apiCount(sim) - sim.listRequests().length, sim.describeRequests()).toBe(0);
  });

  it('a bad line in Settings is refused with its reason and nothing is saved', async () => {
    await options.bringToFront();
    const field = options.getByLabel(en['options.labelsExtra'], { exact: true });
    await field.fill('접수번호\n12345');
    await options.getByRole('button', { name: en['options.labelsSave'], exact: true }).click();
    await options.getByRole('alert').filter({ hasText: '“12345”' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await field.inputValue()).toBe('접수번호\n12345');
    await page.waitForTimeout(500);
    await expectDecoratedExactly(page, []);
  });

  it('after adding 접수번호 in Settings, the open tab marks its numbers (column and label, no decoy) without a reload', async () => {
    const field = options.getByLabel(en['options.labelsExtra'], { exact: true });
    await field.fill('접수번호');
    await options.getByRole('button', { name: en['options.labelsSave'], exact: true }).click();
    await options.getByRole('group', { name: en['options.labels'] }).getByRole('status').filter({ hasText: en['options.saved'] }).waitFor({ timeout: UI_TIMEOUT_MS });
    await expectDecoratedExactly(page, RENAMED_IDS);
    // The 주문번호 column and the price that looks like an ID stay plain text.
    expect(await page.locator('._t4Rn td:not(:first-child) [data-cs-lens-id], ._t4Rn td:not(:first-child)[data-cs-lens-id]').count()).toBe(0);
  });

  it('resting the pointer on a number opens its card', async () => {
    const id = '1015668177';
    await page.bringToFront();
    await restOn(page, idElement(page, id));
    await card(page, id).getByText(ITEM_NAMES[id]!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(sim.lookupsOf(id)).toHaveLength(1);
    await pointerAway(page);
  });

  it("resting on the number in running text (접수번호 1015668178 …) opens its card: re-read with the seller's label", async () => {
    const id = '1015668178';
    await restOnId(page, id);
    await card(page, id).getByText(ITEM_NAMES[id]!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(sim.lookupsOf(id)).toHaveLength(1);
    await pointerAway(page);
  });

  it('the popup on that tab counts its inquiry numbers', async () => {
    const expected = en['popup.wing.count'].replace('{count}', String(RENAMED_IDS.length));
    expect(await popupText(expected)).toContain(expected);
  });

  it('over a tab that is not Wing, or a Wing page out of scope, the popup says nothing, or why there are no cards', async () => {
    // The answer would come within a second of the popup opening: wait that long for a line that must not come.
    const plain = await popupText(en['search.recent'], options, 1_000);
    for (const key of ['popup.wing.none', 'popup.wing.cardsOff', 'popup.wing.outOfScope'] as const) expect(plain).not.toContain(en[key].slice(0, 20));
    expect(plain).not.toContain('on this page');
    const qa = await browser.ctx.newPage();
    await qa.goto(PAGES.list.replace('/csinquiry/', '/product/inquiries/'));
    await qa.waitForSelector('body[data-loaded="true"]');
    expect(await popupText(en['popup.wing.outOfScope'], qa)).toContain(en['popup.wing.outOfScope']);
    await qa.close();
  });

  it('the setting stays after a reload, and removing the heading takes the marks away again', async () => {
    await page.reload();
    await page.waitForSelector('body[data-loaded="true"]');
    await expectDecoratedExactly(page, RENAMED_IDS);
    await options.reload();
    const field = options.getByLabel(en['options.labelsExtra'], { exact: true });
    expect(await field.inputValue()).toBe('접수번호');
    await field.fill('');
    await options.getByRole('button', { name: en['options.labelsSave'], exact: true }).click();
    await expectDecoratedExactly(page, []);
  });
});
