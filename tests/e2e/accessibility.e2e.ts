/**
 * axe-core on every surface, in the light and the dark colour scheme: the popup with details shown,
 * the side panel with details, the settings, and an open hover card on a Wing-like page. Any serious or
 * critical violation (contrast included) fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../utils/i18n/en';
import { seriousViolations } from './support/axe';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { answerableInquiry, type GatewaySim } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, expectDetailsShown, lookUp, saveKeys } from './support/ui';
import { ITEM_NAMES, PAGES, card, idElement, restOnId, startWingSim } from './wing-support/wing';

const ID = '1015668177';
/** On the list page too; the simulator serves it answerable for the answer form's checks. */
const ANSWER_ID = '1015668178';

describe.each(['light', 'dark'] as const)('%s colour scheme', (colorScheme) => {
  let sim: GatewaySim;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    sim = await startWingSim();
    browser = await launchExtension(sim, { colorScheme });
    await (await saveKeys(browser.ctx, TEST_KEYS)).close();
  });

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  /** A computed `rgb(…)` colour is dark in the dark scheme and light in the light one. */
  const expectSchemeBackground = (background: string) => {
    const [r = 0, g = 0, b = 0] = background.match(/\d+/g)!.map(Number);
    const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    if (colorScheme === 'dark') expect(luminance, background).toBeLessThan(0.25);
    else expect(luminance, background).toBeGreaterThan(0.9);
  };

  it('the page follows the scheme', async () => {
    const page = await openExtensionPage(browser.ctx, 'popup.html');
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    expectSchemeBackground(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    await page.close();
  });

  it('popup with details shown', async () => {
    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    await lookUp(popup, ID);
    await expectDetailsShown(popup, ID);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('side panel with details shown', async () => {
    const panel = await openExtensionPage(browser.ctx, 'sidepanel.html');
    await lookUp(panel, ID);
    await expectDetailsShown(panel, ID);
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.close();
  });

  it('settings', async () => {
    const options = await openExtensionPage(browser.ctx, 'options.html');
    await options.getByRole('button').first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  it('an open hover card', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(PAGES.list);
    await page.waitForSelector('body[data-loaded-page="1"]');
    await idElement(page, ID).waitFor({ timeout: UI_TIMEOUT_MS });
    await restOnId(page, ID);
    await card(page, ID).getByText(ITEM_NAMES[ID]!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    expectSchemeBackground(await card(page, ID).evaluate((el) => getComputedStyle(el).backgroundColor));
    expect(await seriousViolations(page, 'cs-lens-card')).toEqual([]);
    await page.close();
  });

  it('the answer form and its review step, in a card and in the popup', async () => {
    sim.setInquiry(ANSWER_ID, answerableInquiry(ANSWER_ID, sim.now()));
    const page = await browser.ctx.newPage();
    await page.goto(PAGES.list);
    await page.waitForSelector('body[data-loaded-page="1"]');
    await idElement(page, ANSWER_ID).waitFor({ timeout: UI_TIMEOUT_MS });
    await restOnId(page, ANSWER_ID);
    const scope = card(page, ANSWER_ID);
    await scope.getByRole('button', { name: en['answer.open'], exact: true }).click({ timeout: UI_TIMEOUT_MS });
    await scope.getByRole('textbox', { name: en['answer.textLabel'] }).fill('교환해 드리겠습니다.');
    // First time: the form asks for the Wing user ID (then remembered for the popup below).
    await scope.getByRole('textbox', { name: en['answer.wingUser'], exact: true }).fill('wing-seller01');
    expect(await seriousViolations(page, 'cs-lens-card')).toEqual([]);
    await scope.getByRole('button', { name: en['answer.review'], exact: true }).click();
    await scope.getByRole('button', { name: en['answer.send'], exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await seriousViolations(page, 'cs-lens-card')).toEqual([]);
    await page.close();

    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    await lookUp(popup, ANSWER_ID);
    await popup.getByRole('button', { name: en['answer.open'], exact: true }).click({ timeout: UI_TIMEOUT_MS });
    await popup.getByRole('textbox', { name: en['answer.textLabel'] }).fill('교환해 드리겠습니다.');
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: en['answer.review'], exact: true }).click();
    await popup.getByRole('button', { name: en['answer.send'], exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  }, 90_000);
});

describe.each(['light', 'dark'] as const)('%s colour scheme, before any key is saved', (colorScheme) => {
  let sim: GatewaySim;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    sim = await startWingSim();
    browser = await launchExtension(sim, { colorScheme });
  });

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('the popup with its setup line, then in sample mode with a sample shown', async () => {
    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    await popup.getByRole('button', { name: en['firstRun.setUp'], exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: en['firstRun.trySamples'], exact: true }).click();
    await popup.getByRole('note').filter({ hasText: en['sample.banner'] }).waitFor({ timeout: UI_TIMEOUT_MS });
    await popup.getByRole('navigation', { name: en['sample.list'] }).getByRole('button').first().click();
    await popup.getByRole('region').first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('the settings with their setup steps', async () => {
    const options = await openExtensionPage(browser.ctx, 'options.html');
    await options.getByRole('region', { name: en['setup.title'] }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });
});
