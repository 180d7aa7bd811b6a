/**
 * `npm run demo`: the whole product on one machine, without Coupang and without real keys. The project's
 * gateway simulator (tests/e2e/support/gateway-sim.ts) serves the Wing-like pages and the Open API under
 * their real hostnames; Chromium starts with the production build loaded, the simulator's keys saved,
 * and the Wing-like call-center list open. With a display it stays open until the browser is closed;
 * without one it says so and writes screenshots of every surface to .output/demo-screenshots/.
 *
 *   npm run demo            (builds first)
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionIdOf, launchExtension, openExtensionPage } from '../e2e/support/browser';
import { TEST_KEYS, expectDetailsShown, lookUp, saveKeys } from '../e2e/support/ui';
import { PAGES, card, idElement, restOnId, startWingSim } from '../e2e/wing-support/wing';

const SCREENSHOT_DIR = resolve(process.cwd(), '.output/demo-screenshots');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

async function openList(page: Page): Promise<void> {
  await page.goto(PAGES.list);
  await page.waitForSelector('body[data-loaded-page="1"]', { timeout: 15_000 });
}

async function main(): Promise<void> {
  const sim = await startWingSim();
  const browser = await launchExtension(sim, { headless: !hasDisplay });
  const { ctx } = browser;
  const stop = async () => {
    await browser.close();
    await sim.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));

  await (await saveKeys(ctx, TEST_KEYS)).close();
  const wing = await ctx.newPage();
  await openList(wing);
  const demoUrl = `chrome-extension://${extensionIdOf(ctx)}/demo.html`;

  if (hasDisplay) {
    console.log(`Demo running. The Wing-like list is open (${PAGES.list}): rest the pointer on a 상담번호.`);
    console.log(`Also try the popup (toolbar icon), the side panel, and the demo page: ${demoUrl}`);
    console.log('Close the browser window (or press Ctrl+C) to stop.');
    await new Promise<void>((done) => ctx.on('close', () => done()));
    await sim.close();
    return;
  }

  console.log('No display found (DISPLAY and WAYLAND_DISPLAY are unset): running Chromium headless and');
  console.log(`writing screenshots to ${SCREENSHOT_DIR} instead.`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const shot = async (page: Page, name: string) => {
    const path = resolve(SCREENSHOT_DIR, name);
    await page.screenshot({ path, fullPage: true });
    console.log(`  ${path}`);
  };

  await restOnId(wing, '258799946');
  await card(wing, '258799946').getByText('제주 삼다수, 2L, 6개').first().waitFor({ timeout: 10_000 });
  await shot(wing, '1-wing-list-card.png');

  const popup = await openExtensionPage(ctx, 'popup.html');
  await popup.setViewportSize({ width: 420, height: 700 });
  await lookUp(popup, '258799946');
  await expectDetailsShown(popup, '258799946', 10_000);
  await shot(popup, '2-popup-lookup.png');
  await shot(await openExtensionPage(ctx, 'options.html'), '3-settings.png');

  const demo = await ctx.newPage();
  await demo.goto(demoUrl);
  await idElement(demo, '7000000001').waitFor({ timeout: 10_000 });
  await restOnId(demo, '7000000001');
  await card(demo, '7000000001').waitFor({ timeout: 10_000 });
  await shot(demo, '4-demo-page-card.png');
  await stop();

  // A second, fresh profile: what a seller sees before any key is saved.
  const freshSim = await startWingSim();
  const fresh = await launchExtension(freshSim);
  try {
    const first = await openExtensionPage(fresh.ctx, 'popup.html');
    await first.setViewportSize({ width: 420, height: 500 });
    await first.getByRole('button', { name: 'Try with sample inquiries' }).waitFor({ timeout: 10_000 });
    await shot(first, '5-popup-first-run.png');
    await first.getByRole('button', { name: 'Try with sample inquiries' }).click();
    await first.getByRole('button', { name: /^7000000001/ }).click();
    await expectDetailsShown(first, '7000000001', 10_000);
    await shot(first, '6-popup-sample-mode.png');
    console.log(`Requests that reached the simulated Coupang API in sample mode: ${freshSim.apiRequests().length}`);
  } finally {
    await fresh.close();
    await freshSim.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
