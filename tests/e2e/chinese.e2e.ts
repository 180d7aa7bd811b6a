/**
 * With Chromium in Traditional Chinese (Taiwan) and in Taipei's time zone, the options page, the popup,
 * its messages, the details and a hover card on Wing are in zh-TW with Coupang's Korean terms beside them, and times are
 * Taipei's (one hour behind the Korean times the API sends).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhTW } from '../../utils/i18n/zh-TW';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { type GatewaySim, TEST_ACCESS_KEY, TEST_SECRET_KEY, TEST_VENDOR_ID } from './support/gateway-sim';
import { UI_TIMEOUT_MS } from './support/ui';
import { ITEM_NAMES, PAGES, idElement, restOnId, startWingSim } from './wing-support/wing';

let sim: GatewaySim;
let browser: ExtensionBrowser;

beforeAll(async () => {
  sim = await startWingSim();
  browser = await launchExtension(sim, { lang: 'zh-TW', timezoneId: 'Asia/Taipei' });
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

describe('Traditional Chinese browser in Taipei', () => {
  it('saves keys on a zh-TW options page, then the popup looks up and words everything in zh-TW, in Taipei time', async () => {
    const options = await openExtensionPage(browser.ctx, 'options.html');
    await options.getByLabel(zhTW['options.accessKey'], { exact: true }).fill(TEST_ACCESS_KEY);
    await options.getByLabel(zhTW['options.secretKey'], { exact: true }).fill(TEST_SECRET_KEY);
    await options.getByLabel(zhTW['options.vendorId'], { exact: true }).fill(TEST_VENDOR_ID);
    await options.getByRole('button', { name: zhTW['options.save'], exact: true }).click();
    await options.getByRole('status').filter({ hasText: zhTW['options.saved'] }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('zh-TW');

    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    const box = popup.getByRole('searchbox', { name: zhTW['search.label'] });
    await box.fill('abc');
    await box.press('Enter');
    await popup.getByRole('alert').filter({ hasText: zhTW['input.noId'] }).waitFor({ timeout: UI_TIMEOUT_MS });

    await box.fill('1015668177');
    await box.press('Enter');
    const region = popup.getByRole('region', { name: zhTW['details.region'].replace('{id}', '1015668177') });
    await region.waitFor({ timeout: UI_TIMEOUT_MS });
    await expect(region.getByText(zhTW['details.status.complete'], { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(region.getByText(zhTW['details.reason.DISPUTE_PROCESS_COMPLETE']).count()).resolves.toBeGreaterThan(0);
    // Answered at 2018-01-08 16:56:16 Korea time (UTC+9) is 15:56 in Taipei (UTC+8).
    const text = (await region.innerText()).replace(/\s/g, ' ');
    expect(text).toContain('2018/1/8 15:56');
    expect(text).not.toContain('16:56');

    await box.fill('1015669999');
    await box.press('Enter');
    await popup.getByRole('alert').filter({ hasText: zhTW['error.not-found'] }).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('words a hover card on Wing in zh-TW, with Taipei times', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(PAGES.list);
    await page.waitForSelector('body[data-loaded-page="1"]');
    await idElement(page, '1015668177').waitFor({ timeout: UI_TIMEOUT_MS });
    await restOnId(page, '1015668177');
    const card = page.getByRole('dialog', { name: zhTW['card.label'].replace('{id}', '1015668177'), exact: true });
    await card.getByText(ITEM_NAMES['1015668177']!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await card.getByRole('button', { name: zhTW['card.copyId'] }).waitFor({ timeout: UI_TIMEOUT_MS });
    // The latest counsellor note, 2018-01-08 10:12 in Korea, is 09:12 in Taipei.
    expect((await card.innerText()).replace(/\s/g, ' ')).toContain('2018/1/8 09:12');
    await page.close();
  });
});
