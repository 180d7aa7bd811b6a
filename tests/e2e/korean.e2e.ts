/**
 * The UI follows the browser's language: with Chromium in Korean, the options page, the popup, its
 * messages and the details are in Korean (ko.ts), with nothing left in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ko } from '../../utils/i18n/ko';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { GatewaySim, TEST_ACCESS_KEY, TEST_SECRET_KEY, TEST_VENDOR_ID } from './support/gateway-sim';
import { UI_TIMEOUT_MS } from './support/ui';

let sim: GatewaySim;
let browser: ExtensionBrowser;

beforeAll(async () => {
  sim = await GatewaySim.start();
  browser = await launchExtension(sim, { lang: 'ko' });
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

describe('Korean browser', () => {
  it('saves keys on a Korean options page, then the popup looks up and words everything in Korean', async () => {
    const options = await openExtensionPage(browser.ctx, 'options.html');
    await options.getByLabel(ko['options.accessKey'], { exact: true }).fill(TEST_ACCESS_KEY);
    await options.getByLabel(ko['options.secretKey'], { exact: true }).fill(TEST_SECRET_KEY);
    await options.getByLabel(ko['options.vendorId'], { exact: true }).fill(TEST_VENDOR_ID);
    await options.getByRole('button', { name: ko['options.save'], exact: true }).click();
    await options.getByRole('status').filter({ hasText: ko['options.saved'] }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('ko');

    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    const box = popup.getByRole('searchbox', { name: ko['search.label'] });
    await box.fill('abc');
    await box.press('Enter');
    await popup.getByRole('alert').filter({ hasText: ko['input.noId'] }).waitFor({ timeout: UI_TIMEOUT_MS });

    await box.fill('1015668177');
    await box.press('Enter');
    const region = popup.getByRole('region', { name: ko['details.region'].replace('{id}', '1015668177') });
    await region.waitFor({ timeout: UI_TIMEOUT_MS });
    await expect(region.getByText(ko['details.status.complete'], { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(region.getByText(ko['details.answer.answered'], { exact: true }).count()).resolves.toBeGreaterThan(0);

    await box.fill('1015669999');
    await box.press('Enter');
    await popup.getByRole('alert').filter({ hasText: ko['error.not-found'] }).waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
