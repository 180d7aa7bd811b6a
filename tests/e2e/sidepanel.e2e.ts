/** The side panel (opened as a tab): its own search box, the shared details, and memory of the last inquiry. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { GatewaySim } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, detailsRegion, en, expectDetailsShown, lookUp, saveKeys, searchBox } from './support/ui';

const SAMDASOO = { id: '258799946', itemName: '제주 삼다수, 2L, 6개' };
const SEED = '1015668177';

let sim: GatewaySim;
let browser: ExtensionBrowser;
let panel: Page;

beforeAll(async () => {
  sim = await GatewaySim.start();
  browser = await launchExtension(sim);
  await (await saveKeys(browser.ctx, TEST_KEYS)).close();
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

beforeEach(() => sim.reset());

describe('side panel', () => {
  it('has its own search box and shows the details of an inquiry', async () => {
    panel = await openExtensionPage(browser.ctx, 'sidepanel.html');
    await searchBox(panel).waitFor({ timeout: UI_TIMEOUT_MS });
    await lookUp(panel, SAMDASOO.id);
    const region = await expectDetailsShown(panel, SAMDASOO.id);
    await region.getByText(SAMDASOO.itemName, { exact: true }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(sim.lookupsOf(SAMDASOO.id)).toMatchObject([{ authOk: true, status: 200 }]);
  });

  it('still shows the last inquiry after the page is reloaded', async () => {
    await lookUp(panel, SEED);
    await expectDetailsShown(panel, SEED);
    await panel.reload();
    await expectDetailsShown(panel, SEED);
    expect(await detailsRegion(panel, SAMDASOO.id).count()).toBe(0);
  });

  it('shows the inquiry the popup sends with "Open in side panel"', async () => {
    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    await lookUp(popup, SAMDASOO.id);
    await expectDetailsShown(popup, SAMDASOO.id);
    await popup.getByRole('button', { name: en['search.openSidePanel'], exact: true }).click();
    const fresh = await openExtensionPage(browser.ctx, 'sidepanel.html');
    await expectDetailsShown(fresh, SAMDASOO.id);
    await expectDetailsShown(panel, SAMDASOO.id); // the panel already open follows too
    await fresh.close();
    if (!popup.isClosed()) await popup.close();
  });
});
