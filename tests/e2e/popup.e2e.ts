/** The popup (opened as a tab): search box, loading state, details, input refusal, recent lookups. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { API_HOST, GatewaySim, singleLookupPath } from './support/gateway-sim';
import {
  TEST_KEYS,
  UI_TIMEOUT_MS,
  alertWith,
  detailsRegion,
  en,
  expectDetailsShown,
  expectErrorShown,
  loadingText,
  lookUp,
  pause,
  recentLookups,
  saveKeys,
  searchBox,
} from './support/ui';

const SAMDASOO = { id: '258799946', itemName: '제주 삼다수, 2L, 6개' };
const SEED = '1015668177';

let sim: GatewaySim;
let browser: ExtensionBrowser;
let popup: Page;

beforeAll(async () => {
  sim = await GatewaySim.start();
  browser = await launchExtension(sim);
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

beforeEach(() => sim.reset());

describe('popup', () => {
  it('before keys are saved, a lookup says so and sends nothing', async () => {
    popup = await openExtensionPage(browser.ctx, 'popup.html');
    await lookUp(popup, SAMDASOO.id);
    await expectErrorShown(popup, 'no-credentials');
    expect(sim.apiRequests(), sim.describeRequests()).toHaveLength(0);
  });

  it('has a search box named "Inquiry…", shows a loading status at once, then the details region', async () => {
    const options = await saveKeys(browser.ctx, TEST_KEYS);
    await options.close();
    await popup.reload();

    sim.apiDelayMs = 1_500; // long enough to see the loading state
    const box = searchBox(popup);
    expect(await box.getAttribute('type')).not.toBe('password');
    await lookUp(popup, SAMDASOO.id);
    const loading = popup.getByRole('status').filter({ hasText: loadingText(SAMDASOO.id) });
    await loading.waitFor({ timeout: 1_200 });
    const region = await expectDetailsShown(popup, SAMDASOO.id, UI_TIMEOUT_MS + 1_500);
    await region.getByText(SAMDASOO.itemName, { exact: true }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await loading.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    expect(sim.lookupsOf(SAMDASOO.id)).toMatchObject([{ authOk: true, status: 200 }]);
  });

  it('refuses "abc" inline and sends no request', async () => {
    await lookUp(popup, 'abc');
    await alertWith(popup, en['input.noId']).waitFor({ timeout: UI_TIMEOUT_MS });
    await pause(300); // a request, if any were sent, would have arrived by now
    expect(sim.requests, sim.describeRequests()).toHaveLength(0);
  });

  it('accepts a pasted Wing URL with inquiryId= and looks that ID up', async () => {
    await lookUp(popup, `https://wing.coupang.com/tenants/cs/callcenter-inquiries?vendorId=A00012345&inquiryId=${SEED}&page=1`);
    await expectDetailsShown(popup, SEED);
    expect(sim.apiRequests().map((r) => r.path)).toEqual([singleLookupPath(SEED)]);
    expect(sim.apiRequests()[0]).toMatchObject({ host: API_HOST, query: '', authOk: true });
  });

  it('offers "Open in side panel" for the inquiry shown', async () => {
    await popup.getByRole('button', { name: en['search.openSidePanel'], exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('lists earlier lookups under "Recent lookups"; one click shows that inquiry again', async () => {
    const recent = recentLookups(popup);
    await recent.waitFor({ timeout: UI_TIMEOUT_MS });
    const earlier = recent.getByRole('button', { name: new RegExp(SAMDASOO.id) }).or(recent.getByRole('link', { name: new RegExp(SAMDASOO.id) })).first();
    await earlier.waitFor({ timeout: UI_TIMEOUT_MS });
    await earlier.click();
    const region = await expectDetailsShown(popup, SAMDASOO.id);
    await region.getByText(SAMDASOO.itemName, { exact: true }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await detailsRegion(popup, SEED).count()).toBe(0);
  });
});
