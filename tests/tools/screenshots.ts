/**
 * Regenerates the README's pictures, docs/*.png, from the e2e setup: the production build in real
 * Chromium against the gateway simulator, with Wing-like fixture pages. Korean and Chinese text needs
 * Debian's fonts-noto-cjk (`apt-get install -y fonts-noto-cjk`).
 *
 *   npm run screenshots          (builds first)
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from '../e2e/support/browser';
import { TEST_KEYS, expectDetailsShown, lookUp, saveKeys } from '../e2e/support/ui';
import { answerableInquiry } from '../e2e/support/gateway-sim';
import { en } from '../../utils/i18n/en';
import { ITEM_NAMES, PAGES, WING, card, restOnId, startWingSim } from '../e2e/wing-support/wing';

const DOCS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../docs');
const ID = '1015668177';

const fonts = execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' });
if (!/Noto Sans CJK/.test(fonts)) throw new Error('screenshots: fonts-noto-cjk is missing (apt-get install -y fonts-noto-cjk); Korean would render as boxes.');

async function save(page: Page, name: string, width: number, height: number): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const tall = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({ path: `${DOCS}/${name}`, clip: { x: 0, y: 0, width, height: Math.min(height, tall) } });
  console.log(`wrote docs/${name}`);
}

/** The popup as Chrome shows it: as wide as its body and margins (the viewport is wider). */
async function savePopup(page: Page, name: string): Promise<void> {
  const width = await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().right + parseFloat(getComputedStyle(document.body).marginRight)));
  await save(page, name, width, 600);
}

async function popupWithDetails(browser: ExtensionBrowser): Promise<Page> {
  const popup = await openExtensionPage(browser.ctx, 'popup.html');
  await popup.setViewportSize({ width: 480, height: 600 });
  await lookUp(popup, ID);
  await expectDetailsShown(popup, ID);
  return popup;
}

const sim = await startWingSim();
const browser = await launchExtension(sim);
try {
  const options = await saveKeys(browser.ctx, TEST_KEYS);
  await options.setViewportSize({ width: 760, height: 640 });
  await options.reload();
  await options.getByRole('button').first().waitFor();
  await save(options, 'settings.png', 760, 640);

  const wing = await browser.ctx.newPage();
  await wing.setViewportSize({ width: 1100, height: 640 });
  await wing.goto(PAGES.list);
  await wing.waitForSelector('body[data-loaded-page="1"]');
  await restOnId(wing, ID);
  await card(wing, ID).getByText(ITEM_NAMES[ID]!, { exact: false }).first().waitFor();
  await save(wing, 'hover-card.png', 1100, 640);

  // The answer form in a card, then its review step (docs/answering.md).
  const ANSWER_ID = '1015670001';
  sim.setInquiry(ANSWER_ID, answerableInquiry(ANSWER_ID, sim.now()));
  await wing.goto(`${WING}/tenants/cs/answer.html`);
  await restOnId(wing, ANSWER_ID);
  const answerCard = card(wing, ANSWER_ID);
  await answerCard.getByRole('button', { name: en['answer.open'], exact: true }).click();
  await answerCard.getByRole('button', { name: en['answer.useForm'], exact: true }).click();
  await answerCard.getByRole('textbox', { name: en['answer.wingUser'], exact: true }).fill('wing-seller01');
  const box = answerCard.getByRole('textbox', { name: en['answer.textLabel'] });
  await box.fill(`${await box.inputValue()}`.replace(/가능여부: ?/, '가능여부: 가능합니다. 내일 교환품을 발송합니다.').replace(/사유: ?$/, '사유: 해당 없음'));
  await wing.mouse.move(2, 2);
  await save(wing, 'answer-form.png', 1100, 640);
  await answerCard.getByRole('button', { name: en['answer.review'], exact: true }).click();
  await answerCard.getByRole('button', { name: en['answer.send'], exact: true }).waitFor();
  await save(wing, 'answer-review.png', 1100, 640);

  await savePopup(await popupWithDetails(browser), 'popup.png');

  const panel = await openExtensionPage(browser.ctx, 'sidepanel.html');
  await panel.setViewportSize({ width: 360, height: 720 });
  await lookUp(panel, '258799946');
  await expectDetailsShown(panel, '258799946');
  await save(panel, 'sidepanel.png', 360, 720);
} finally {
  await browser.close();
}

const dark = await launchExtension(sim, { colorScheme: 'dark' });
try {
  await (await saveKeys(dark.ctx, TEST_KEYS)).close();
  await savePopup(await popupWithDetails(dark), 'popup-dark.png');
} finally {
  await dark.close();
  await sim.close();
}
