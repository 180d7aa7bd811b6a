/**
 * "Awaiting you" in the popup (docs/inbox.md#the-list), in real Chromium against the simulator's list: 40 awaiting
 * over two pages of replies and one of confirms, plus answered ones that must not show; selecting one by keyboard
 * shows its details with no lookup; axe on the long list in light and dark; answered elsewhere drops out after
 * Refresh; while paused, Refresh sends nothing and says why. One browser for the flow, in order.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { SINGLE_LOOKUP_PREFIX, awaitingScenario, type GatewaySim, type ListedInquiry } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, awaitingList, en, expectDetailsShown, pause, saveKeys } from './support/ui';
import { startWingSim } from './wing-support/wing';

const AWAITING = awaitingScenario(40); // 32 replies (two pages at 30) and 8 confirms
const ANSWERED: ListedInquiry[] = [
  { id: '9200000001', status: 'ANSWER', transferredMinutesAgo: 23 * 60, itemName: '[목록] 답변 완료 1' },
  { id: '9200000002', status: 'ANSWER', transferredMinutesAgo: 2 * 60, itemName: '[목록] 답변 완료 2' },
];
/** Soonest deadline first: the longest since the transfer first (no two share a minute). */
const IN_DEADLINE_ORDER = [...AWAITING].sort((a, b) => b.transferredMinutesAgo - a.transferredMinutesAgo).map((inquiry) => inquiry.id);
const pausedText = new RegExp(en['economy.paused.rate-limited'].replace('{time}', '\\d+:\\d{2}'));

const rows = (page: Page) => awaitingList(page).getByRole('listitem');
const listedIds = async (page: Page) => (await rows(page).allTextContents()).map((text) => /\b9\d{9}\b/.exec(text)?.[0]);
const row = (page: Page, id: string) => awaitingList(page).getByRole('button', { name: new RegExp(`\\b${id}\\b`) });

async function expectRowCount(page: Page, count: number): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS * 2;
  while ((await rows(page).count()) !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} rows, saw ${await rows(page).count()}: ${(await awaitingList(page).textContent())?.slice(0, 300)}`);
    await pause(100);
  }
}

async function popupWithList(browser: ExtensionBrowser): Promise<Page> {
  const popup = await openExtensionPage(browser.ctx, 'popup.html');
  await expectRowCount(popup, AWAITING.length);
  await awaitingList(popup).getByText(/^Updated /).waitFor({ timeout: UI_TIMEOUT_MS });
  return popup;
}

describe('"Awaiting you" in the popup', () => {
  let sim: GatewaySim;
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    sim = await startWingSim();
    browser = await launchExtension(sim);
    await (await saveKeys(browser.ctx, TEST_KEYS)).close();
    sim.reset();
    sim.inbox = [...AWAITING, ...ANSWERED].map((inquiry) => ({ ...inquiry })); // markAnswered changes its own copies
  });

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('lists every awaiting inquiry from both pages, soonest deadline first, and none that is answered', async () => {
    popup = await popupWithList(browser);
    const lists = sim.listRequests().map((r) => `${new URLSearchParams(r.query).get('partnerCounselingStatus')}:${new URLSearchParams(r.query).get('pageNum')}`);
    console.log(`[inbox-ui] opening the popup with 40 awaiting: list requests ${lists.join(', ')}`);
    expect(lists).toEqual(['NO_ANSWER:1', 'NO_ANSWER:2', 'TRANSFER:1']);
    expect(await listedIds(popup)).toEqual(IN_DEADLINE_ORDER);
    for (const answered of ANSWERED) expect(await row(popup, answered.id).count()).toBe(0);
    // The first: transferred 22 h ago, so about 2 hours left, and urgent; a confirm says so.
    expect(await rows(popup).first().textContent()).toMatch(/^(2 h|1 h 5\d min) left Answer 9100000001 \[목록\] 상품 1$/);
    expect(await row(popup, '9100000005').textContent()).toContain(' Confirm ');
    expect(await awaitingList(popup).getByRole('heading').textContent()).toBe(`${en['inbox.title']}40`);
  });

  it('selecting one by keyboard shows its details from the list, with no lookup request', async () => {
    const before = sim.apiRequests().length;
    const [first, second] = IN_DEADLINE_ORDER;
    await row(popup, first!).focus();
    await popup.keyboard.press('ArrowDown');
    expect(await row(popup, second!).evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.press('Enter');
    const details = await expectDetailsShown(popup, second!);
    const listed = AWAITING.find((inquiry) => inquiry.id === second)!;
    expect(await details.textContent()).toContain(listed.itemName!);
    expect(await row(popup, second!).getAttribute('aria-current')).toBe('true');
    await pause(300);
    expect(sim.apiRequests(SINGLE_LOOKUP_PREFIX), sim.describeRequests()).toHaveLength(0);
    expect(sim.apiRequests().length - before).toBe(0);
  });

  it('the long list is axe clean (light)', async () => {
    expect(await seriousViolations(popup)).toEqual([]);
  });

  it('an inquiry answered elsewhere drops out after Refresh', async () => {
    const gone = IN_DEADLINE_ORDER[0]!;
    sim.markAnswered(gone);
    const before = sim.listRequests().length;
    await awaitingList(popup).getByRole('button', { name: en['inbox.refresh'], exact: true }).click();
    await expectRowCount(popup, AWAITING.length - 1);
    expect(await row(popup, gone).count()).toBe(0);
    expect(await listedIds(popup)).toEqual(IN_DEADLINE_ORDER.slice(1));
    console.log(`[inbox-ui] Refresh with 39 awaiting: ${sim.listRequests().length - before} list requests`);
    expect(sim.listRequests().length - before).toBe(3);
  });

  it('while Coupang pauses the store, Refresh sends nothing, says why and keeps the last list', async () => {
    sim.throttle = { kind: 'rate-limited' };
    const refresh = awaitingList(popup).getByRole('button', { name: en['inbox.refresh'], exact: true });
    await refresh.click(); // this refresh meets the 429 and pauses the store
    await awaitingList(popup).getByRole('timer').filter({ hasText: pausedText }).waitFor({ timeout: UI_TIMEOUT_MS });
    const sent = sim.apiRequests().length;
    expect(sim.listRequests().at(-1)?.status).toBe(429);

    for (let press = 0; press < 3; press++) await refresh.click();
    await pause(500);
    console.log(`[inbox-ui] 3 Refresh presses while paused: ${sim.apiRequests().length - sent} requests`);
    expect(sim.apiRequests().length - sent, sim.describeRequests()).toBe(0);
    const alert = awaitingList(popup).getByRole('alert');
    expect(await alert.textContent()).toContain(en['inbox.showingOld']);
    expect(await alert.textContent()).toContain(en['error.rate-limited']);
    expect(await awaitingList(popup).textContent()).toMatch(/Updated (just now|\d+ minutes? ago)/);
    await expectRowCount(popup, AWAITING.length - 1);
  });
});

describe('"Awaiting you" in the dark', () => {
  let sim: GatewaySim;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    sim = await startWingSim();
    browser = await launchExtension(sim, { colorScheme: 'dark' });
    await (await saveKeys(browser.ctx, TEST_KEYS)).close();
    sim.reset();
    sim.inbox = AWAITING.map((inquiry) => ({ ...inquiry }));
  });

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('the side panel lists the same inquiries, axe clean in the dark scheme', async () => {
    const panel = await openExtensionPage(browser.ctx, 'sidepanel.html');
    await expectRowCount(panel, AWAITING.length);
    expect(await listedIds(panel)).toEqual(IN_DEADLINE_ORDER);
    await row(panel, IN_DEADLINE_ORDER[0]!).click();
    await expectDetailsShown(panel, IN_DEADLINE_ORDER[0]!);
    expect(await seriousViolations(panel)).toEqual([]);
  });
});
