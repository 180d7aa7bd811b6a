/** The options page: labelled key fields, Save → "Saved", and "Test connection" for each outcome. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { GatewaySim, TEST_ACCESS_KEY, TEST_SECRET_KEY, TEST_VENDOR_ID, listPath } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, en, expectErrorShown, optionsField, saveKeys, type Keys } from './support/ui';
import type { ErrorKind } from '../../utils/coupang/error-kinds';

let sim: GatewaySim;
let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  sim = await GatewaySim.start();
  browser = await launchExtension(sim);
  options = await openExtensionPage(browser.ctx, 'options.html');
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

beforeEach(() => sim.reset());

const testConnection = (page: Page) => page.getByRole('button', { name: en['options.test'], exact: true }).click();

async function expectTestFails(keys: Keys, kind: ErrorKind): Promise<void> {
  await saveKeys(browser.ctx, keys, options);
  await testConnection(options);
  await expectErrorShown(options, kind);
  await options.getByText(en['options.testOk']).waitFor({ state: 'detached', timeout: 100 });
  expect(sim.apiRequests().length, sim.describeRequests()).toBeLessThanOrEqual(1);
}

describe('options page', () => {
  it('labels its fields "Access key", "Secret key" (a password field) and "Vendor ID"', async () => {
    expect(await optionsField.accessKey(options).getAttribute('type')).not.toBe('password');
    expect(await optionsField.secretKey(options).getAttribute('type')).toBe('password');
    expect(await optionsField.vendorId(options).getAttribute('type')).not.toBe('password');
    await options.getByRole('button', { name: en['options.save'], exact: true }).waitFor();
    await options.getByRole('button', { name: en['options.test'], exact: true }).waitFor();
  });

  it('saves the keys, says "Saved", and never shows the secret again', async () => {
    await saveKeys(browser.ctx, TEST_KEYS, options);
    expect(await optionsField.secretKey(options).inputValue()).toBe('');
    await options.reload();
    await optionsField.accessKey(options).waitFor();
    expect(await optionsField.accessKey(options).inputValue()).toBe(TEST_ACCESS_KEY);
    expect(await optionsField.vendorId(options).inputValue()).toBe(TEST_VENDOR_ID);
    expect(await optionsField.secretKey(options).inputValue()).toBe('');
    expect(await options.content()).not.toContain(TEST_SECRET_KEY);
    expect(sim.requests, 'saving must not call Coupang').toHaveLength(0);
  });

  it('"Test connection" with the right keys reports success, after one signed one-day, one-row list call', async () => {
    await testConnection(options);
    await options.getByText(en['options.testOk']).waitFor({ timeout: UI_TIMEOUT_MS });
    const calls = sim.apiRequests();
    expect(calls, sim.describeRequests()).toHaveLength(1);
    const call = calls[0]!;
    expect(call).toMatchObject({ method: 'GET', path: listPath(TEST_VENDOR_ID), authOk: true, status: 200 });
    const query = new URLSearchParams(call.query);
    expect(query.get('vendorId')).toBe(TEST_VENDOR_ID);
    expect(query.get('partnerCounselingStatus')).toBeTruthy();
    expect(query.get('inquiryStartAt')).toBe(query.get('inquiryEndAt'));
    expect(query.get('pageSize')).toBe('1');
  });

  it('"Test connection" with a wrong secret shows the invalid-signature message', async () => {
    await expectTestFails({ ...TEST_KEYS, secretKey: 'ffffffffffffffffffffffffffffffffffffffff' }, 'invalid-signature');
    expect(sim.apiRequests()).toMatchObject([{ authOk: false, authFailure: 'invalid-signature' }]);
  });

  it('"Test connection" with an unknown access key shows the not-authorized message', async () => {
    await expectTestFails({ ...TEST_KEYS, accessKey: '00000000-0000-4000-8000-000000000000' }, 'not-authorized');
    expect(sim.apiRequests()).toMatchObject([{ authOk: false, authFailure: 'not-authorized' }]);
  });

  it('"Test connection" with another store\'s vendor ID shows the not-authorized message', async () => {
    await expectTestFails({ ...TEST_KEYS, vendorId: 'A00099999' }, 'not-authorized');
    expect(sim.apiRequests()).toMatchObject([{ authOk: true, status: 401 }]);
  });

  it('"Test connection" from an IP not registered for the key shows the ip-not-allowed message', async () => {
    sim.ipAllowed = false;
    await expectTestFails(TEST_KEYS, 'ip-not-allowed');
    expect(sim.apiRequests()).toMatchObject([{ authOk: true, status: 403 }]);
  });
});
