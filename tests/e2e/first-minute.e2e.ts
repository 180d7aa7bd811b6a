/**
 * The first minute without keys (issue 10) in real Chromium with the production build: the setup line,
 * sample mode that sends nothing, demo.html's cards, the key's expiry in Settings and the reminder on
 * the popup and a Wing card; and recent lookups kept where content scripts cannot read them (issue 8).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionIdOf, launchExtension, openExtensionPage, readAllStorage, type ExtensionBrowser } from './support/browser';
import type { GatewaySim } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, en, expectDetailsShown, expectErrorShown, lookUp, pause, saveKeys } from './support/ui';
import { PAGES, anyCard, card, expectDecoratedExactly, pointerAway, restOn, restOnId, startWingSim, watchDialogs } from './wing-support/wing';

const SAMPLE_IDS = ['7000000001', '7000000002', '7000000003', '7000000004', '7000000005', '7000000006'];
const DAY_MS = 24 * 60 * 60 * 1000;

let sim: GatewaySim;
let browser: ExtensionBrowser;

beforeAll(async () => {
  sim = await startWingSim();
  browser = await launchExtension(sim);
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

const demoUrl = () => `chrome-extension://${extensionIdOf(browser.ctx)}/demo.html`;
const sampleButton = (page: Page, id: string) => page.getByRole('navigation', { name: en['sample.list'] }).getByRole('button', { name: new RegExp(`^${id}`) });

describe('the first minute without keys', () => {
  it('the popup says keys are needed, and "Set up keys" opens the settings', async () => {
    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    await popup.getByText(en['firstRun.needKeys'], { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    const opened = browser.ctx.waitForEvent('page', { predicate: (p) => p.url().endsWith('/options.html'), timeout: UI_TIMEOUT_MS });
    await popup.getByRole('button', { name: en['firstRun.setUp'], exact: true }).click();
    const options = await opened;
    const steps = options.getByRole('region', { name: en['setup.title'] });
    await steps.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await steps.getByRole('listitem').count()).toBe(5);
    expect(await steps.getByText(en['setup.done'], { exact: false }).count()).toBe(0);
    await options.close();
    await popup.close();
  });

  it('sample mode shows sample inquiries on the popup and the side panel, and the simulator sees 0 requests', async () => {
    sim.reset();
    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    const dialogs = watchDialogs(popup);
    await popup.getByRole('button', { name: en['firstRun.trySamples'], exact: true }).click();
    await popup.getByRole('note').filter({ hasText: en['sample.banner'] }).waitFor({ timeout: UI_TIMEOUT_MS });
    await sampleButton(popup, '7000000001').click();
    const region = await expectDetailsShown(popup, '7000000001');
    await region.getByText(/left to answer/).first().waitFor({ timeout: UI_TIMEOUT_MS });

    await sampleButton(popup, '7000000006').click();
    const markup = await expectDetailsShown(popup, '7000000006');
    await markup.getByText('<img src=x onerror="alert(1)">', { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await markup.locator('img, script').count()).toBe(0);

    // A number that is not a sample is refused, not sent.
    await lookUp(popup, '258799946');
    await expectErrorShown(popup, 'not-sample');

    const panel = await openExtensionPage(browser.ctx, 'sidepanel.html');
    await panel.getByRole('note').filter({ hasText: en['sample.banner'] }).waitFor({ timeout: UI_TIMEOUT_MS });
    await sampleButton(panel, '7000000005').click();
    await expectDetailsShown(panel, '7000000005');

    await pause(300); // a request, if any were sent, would have arrived by now
    expect(sim.requests, sim.describeRequests()).toHaveLength(0);
    expect(dialogs).toEqual([]);
    await panel.close();
    await popup.close();
  });

  it('demo.html gives a card on hover over an inquiry number and none on the decoys', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(demoUrl());
    // Six list rows and the detail panel's 상담번호; order numbers, option IDs and phones stay plain.
    await expectDecoratedExactly(page, [...SAMPLE_IDS, '7000000001']);
    await restOnId(page, '7000000002');
    const shown = card(page, '7000000002');
    await shown.waitFor({ timeout: UI_TIMEOUT_MS });
    await shown.getByText(en['sample.banner']).waitFor({ timeout: UI_TIMEOUT_MS });
    await shown.getByText('[샘플] 무선 마우스, 블랙').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('Escape');
    await anyCard(page).waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });

    for (const decoy of ['5000070003', '3000070003']) {
      await pointerAway(page);
      await restOn(page, page.getByRole('cell', { name: decoy, exact: true }));
      await pause(900); // three times the hover delay: a card would be open by now
      expect(await anyCard(page).count(), decoy).toBe(0);
    }
    expect(sim.requests, sim.describeRequests()).toHaveLength(0);
    await page.close();
  });

  it('saving keys leaves sample mode, and the settings show when the key expires', async () => {
    const before = Date.now();
    const options = await saveKeys(browser.ctx, TEST_KEYS);
    const expires = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(before + 180 * DAY_MS);
    await options.getByText(`Expires around ${expires} (keys last 180 days).`).waitFor({ timeout: UI_TIMEOUT_MS });
    const steps = options.getByRole('region', { name: en['setup.title'] });
    expect(await steps.getByText(`✓ ${en['setup.done']}`).count()).toBe(3); // issue, paste, save; IP and test await a test
    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    await popup.getByRole('searchbox').or(popup.getByRole('textbox')).first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await popup.getByText(en['sample.banner']).count()).toBe(0);
    expect(await popup.getByText(en['firstRun.needKeys']).count()).toBe(0);
    expect(await popup.getByRole('note').count()).toBe(0); // no reminder for a new key
    await popup.close();
    await options.close();
  });

  it("with real keys saved, a demo card's Open in side panel shows the sample there and sends nothing (issue 16 item 13)", async () => {
    sim.reset();
    const page = await browser.ctx.newPage();
    await page.goto(demoUrl());
    await expectDecoratedExactly(page, [...SAMPLE_IDS, '7000000001']);
    await restOnId(page, '7000000002');
    const shown = card(page, '7000000002');
    await shown.getByText('[샘플] 무선 마우스, 블랙').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await shown.getByRole('button', { name: en['card.openSidePanel'], exact: true }).click();
    const panel = await openExtensionPage(browser.ctx, 'sidepanel.html');
    await panel.getByText('[샘플] 무선 마우스, 블랙').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await panel.getByText(en['sample.banner']).waitFor({ timeout: UI_TIMEOUT_MS });
    await pause(300); // a request, if any were sent, would have arrived by now
    expect(sim.requests, sim.describeRequests()).toHaveLength(0);
    await panel.close();
    await page.close();
  });

  it('with the key issued 170 days ago, the popup and a card on Wing show the reminder', async () => {
    const options = await openExtensionPage(browser.ctx, 'options.html');
    const issued = new Date(Date.now() - 170 * DAY_MS);
    const pad = (n: number) => String(n).padStart(2, '0');
    await options.getByLabel(en['options.keyIssued']).fill(`${issued.getFullYear()}-${pad(issued.getMonth() + 1)}-${pad(issued.getDate())}`);
    // The new date's expiry, shown once the background has stored it (the old one was 180 days from now).
    const expiresAt = new Date(issued.getFullYear(), issued.getMonth(), issued.getDate()).getTime() + 180 * DAY_MS;
    const expires = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(expiresAt);
    await options.getByText(`Expires around ${expires} (keys last 180 days).`).waitFor({ timeout: UI_TIMEOUT_MS });

    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    const reminder = popup.getByRole('note').filter({ hasText: 'Your Open API key expires around' });
    await reminder.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await reminder.getByRole('link', { name: en['keys.openWing'] }).getAttribute('href')).toMatch(/^https:\/\/wing\.coupang\.com\//);

    const wing = await browser.ctx.newPage();
    await wing.goto(PAGES.list);
    await wing.waitForSelector('body[data-loaded-page="1"]');
    await restOnId(wing, '258799946');
    const shown = card(wing, '258799946');
    await shown.getByText('제주 삼다수, 2L, 6개').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await shown.getByRole('note').filter({ hasText: 'Your Open API key expires around' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await wing.close();
    await popup.close();
    await options.close();
  });

  it('recent lookups and the side panel\'s inquiry are kept in session storage, not in storage.local that content scripts can read', async () => {
    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    await lookUp(popup, '1015668177');
    await expectDetailsShown(popup, '1015668177');
    await popup.getByRole('navigation', { name: en['search.recent'] }).getByText('1015668177').waitFor({ timeout: UI_TIMEOUT_MS });
    await popup.getByRole('button', { name: en['search.openSidePanel'], exact: true }).click();
    const deadline = Date.now() + UI_TIMEOUT_MS;
    let stored = await readAllStorage(browser.ctx);
    while (stored.session.sidePanelInquiryId !== '1015668177' && Date.now() < deadline) stored = await readAllStorage(browser.ctx);
    expect(stored.session.sidePanelInquiryId).toBe('1015668177');
    expect(JSON.stringify(stored.session.recentLookups)).toContain('1015668177');
    expect(stored.local).not.toHaveProperty('recentLookups');
    expect(JSON.stringify(stored.local)).not.toContain('1015668177');
    if (!popup.isClosed()) await popup.close();
  });

  it('after the expiry date, a 401 is explained as "your key has probably expired"', async () => {
    // The simulator no longer knows this access key, as Coupang forgets an expired one: it answers 401.
    const options = await saveKeys(browser.ctx, { ...TEST_KEYS, accessKey: TEST_KEYS.accessKey.replace(/.$/, '9') });
    const issued = new Date(Date.now() - 181 * DAY_MS);
    const pad = (n: number) => String(n).padStart(2, '0');
    await options.getByLabel(en['options.keyIssued']).fill(`${issued.getFullYear()}-${pad(issued.getMonth() + 1)}-${pad(issued.getDate())}`);
    await options.getByText(/^Expired around .*: reissue the key in Wing\.$/).waitFor({ timeout: UI_TIMEOUT_MS });
    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    await popup.getByRole('note').filter({ hasText: 'Your Open API key has probably expired' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await lookUp(popup, '1015668178');
    await expectErrorShown(popup, 'key-expired');
    // The first request with this key (the "Awaiting you" refresh as the popup opened, or this lookup) met the 401;
    // the key is then held, so nothing more was sent with it (docs/request-economy.md#holds).
    const sent = sim.apiRequests().filter((r) => r.accessKey === TEST_KEYS.accessKey.replace(/.$/, '9'));
    expect(sent, sim.describeRequests()).toMatchObject([{ authOk: false, authFailure: 'not-authorized', status: 401 }]);
    await popup.close();
    await options.close();
  });
});
