/**
 * Answering from the hover card on a Wing page and from the popup (docs/answering.md), in real Chromium with
 * the production build against the simulator: the seller's own clicks and keys, the simulator counting every
 * POST. Request counts are logged (`[answer-ui] …`) for the closing notes.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { type GatewaySim, SINGLE_LOOKUP_PREFIX, answerableInquiry, koreaIso } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, en, lookUp, saveKeys } from './support/ui';
import { WING, card, noCardOpen, pointerAway, restOnId, startWingSim } from './wing-support/wing';

const PAGE = `${WING}/tenants/cs/answer.html`;
const IDS = ['1015670001', '1015670002', '1015670003', '1015670004', '1015670005', '1015670006', '1015670007'] as const;
const POPUP_ID = '1015670008';
const WING_USER = 'wing-seller01';

let sim: GatewaySim;
let browser: ExtensionBrowser;
let page: Page;

const posts = (id: string) => sim.writesOf(id).length;
const reads = (id: string) => sim.apiRequests(`${SINGLE_LOOKUP_PREFIX}${id}`).length;
const log = (scenario: string, id: string) => console.log(`[answer-ui] ${scenario}: ${posts(id)} POST, ${reads(id)} lookups`);

function answeredInquiry(id: string, now: number): Record<string, unknown> {
  const inquiry = answerableInquiry(id, now);
  const [note] = inquiry.replies as Array<Record<string, unknown>>;
  return {
    ...inquiry,
    inquiryStatus: 'complete',
    csPartnerCounselingStatus: 'answered',
    replies: [
      { ...note, partnerTransferStatus: 'answered', needAnswer: false },
      { answerId: 1126600002, parentAnswerId: 1126600001, receptionistName: WING_USER, replyAt: koreaIso(now - 600_000), content: '교환해 드렸습니다.', answerType: 'vendor', needAnswer: false },
    ],
  };
}

/** Inside the card's (open) shadow root. */
const shadowActive = () => page.evaluate(() => document.querySelector('cs-lens-card')?.shadowRoot?.activeElement?.tagName ?? null);
const button = (scope: Locator, key: keyof typeof en) => scope.getByRole('button', { name: en[key], exact: true });
const answerBox = (scope: Locator) => scope.getByRole('textbox', { name: en['answer.textLabel'] });
const pageHeard = () => page.evaluate(() => (window as unknown as { __pageHeard: string[] }).__pageHeard.splice(0));

/** Rests on the ID until its card shows the inquiry, then presses Answer and waits for focus in the text box. */
async function openAnswer(id: string): Promise<Locator> {
  await restOnId(page, id);
  const scope = card(page, id);

  await button(scope, 'answer.open').click({ timeout: UI_TIMEOUT_MS });
  await answerBox(scope).waitFor({ timeout: UI_TIMEOUT_MS });
  await expect.poll(shadowActive).toBe('TEXTAREA');
  return scope;
}

/**
 * Closes the card with its × (the pointer on the card), then opens the form again. A card dismissed while the
 * pointer was on it opens again once the pointer has left its ID (hover-intent's "dismissed means dismissed").
 */
async function closeAndReopen(scope: Locator, id: string): Promise<Locator> {
  await scope.getByRole('button', { name: en['card.close'] }).first().click();
  await noCardOpen(page);
  await restOnId(page, id);
  await pointerAway(page);
  return openAnswer(id);
}

/** A page script reaches into the open shadow root and clicks the button named `name` (untrusted). */
const scriptClick = (name: string) =>
  page.evaluate((label) => {
    const root = document.querySelector('cs-lens-card')?.shadowRoot;
    const target = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);
    if (!target) throw new Error(`no button ${label}`);
    target.click();
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    target.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
  }, name);

beforeAll(async () => {
  sim = await startWingSim();
  browser = await launchExtension(sim);
  const options = await saveKeys(browser.ctx, TEST_KEYS);
  // The Wing user ID as Settings › Answering keeps it (storage.local, not secret).
  await options.getByRole('textbox', { name: en['answer.wingUser'], exact: true }).fill(WING_USER);
  await options.getByRole('button', { name: en['options.answering.save'], exact: true }).click();
  await options.getByRole('status').filter({ hasText: en['options.saved'] }).last().waitFor({ timeout: UI_TIMEOUT_MS });
  await options.close();
  page = await browser.ctx.newPage();
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

beforeEach(async () => {
  sim.reset();
  for (const id of IDS.slice(0, 6)) sim.setInquiry(id, answerableInquiry(id, sim.now()));
  sim.setInquiry(IDS[6], answeredInquiry(IDS[6], sim.now()));
  sim.setInquiry(POPUP_ID, answerableInquiry(POPUP_ID, sim.now()));
  // A fresh page each time: no card open, the background's cache of an earlier test's state is per ID.
  await page.goto(PAGE);
  await page.locator(`[data-cs-lens-id="${IDS[0]}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
  await pageHeard();
});

describe('answering from the hover card on Wing', () => {
  it('answers from a card: pinned while writing, keys stay in the form, one POST, the card then shows it answered', async () => {
    const id = IDS[0];
    const scope = await openAnswer(id);
    await pointerAway(page); // pinned: the pointer leaving closes nothing
    await page.waitForTimeout(800);
    await expect.poll(() => scope.isVisible()).toBe(true);
    await page.keyboard.type('교환해 드리겠습니다. / 내일');
    await page.keyboard.press('Enter');
    await page.keyboard.type('회수합니다.');
    // Wing's key listeners heard nothing, and its "/" shortcut did not steal the key.
    expect(await pageHeard()).toEqual([]);
    expect(await answerBox(scope).inputValue()).toBe('교환해 드리겠습니다. / 내일\n회수합니다.');
    await button(scope, 'answer.review').click();
    await expect.poll(() => scope.locator('.answer-exact').textContent()).toBe('교환해 드리겠습니다. / 내일\n회수합니다.');
    expect(posts(id)).toBe(0);
    await button(scope, 'answer.send').click();
    await scope.getByText(en['answer.sent']).waitFor({ timeout: UI_TIMEOUT_MS });
    log('answer from a card', id);
    expect(posts(id)).toBe(1);
    expect(JSON.parse(sim.writesOf(id)[0]!.body!)).toMatchObject({ content: '교환해 드리겠습니다. / 내일\n회수합니다.', replyBy: WING_USER, parentAnswerId: 1126600001 });
    await expect.poll(() => scope.textContent()).not.toContain('left to answer');
    await scope.locator('.answer-form').getByRole('button', { name: en['answer.close'], exact: true }).click();
    await scope.getByText(en['answer.why.answered']).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await button(scope, 'answer.open').count()).toBe(0);
  });

  it('Review then Back (and Escape) sends nothing; 1 character is refused unsent', async () => {
    const id = IDS[1];
    const scope = await openAnswer(id);
    await page.keyboard.type('네, 가능합니다.');
    await button(scope, 'answer.review').click();
    await button(scope, 'answer.back').click();
    await button(scope, 'answer.review').click();
    await button(scope, 'answer.send').focus();
    await page.keyboard.press('Escape'); // back to editing, the card stays
    await answerBox(scope).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await scope.isVisible()).toBe(true);
    await answerBox(scope).fill('네');
    await button(scope, 'answer.review').click();
    await scope.getByRole('alert').filter({ hasText: en['answer.problem.tooShort'] }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await button(scope, 'answer.send').count()).toBe(0);
    await page.waitForTimeout(500);
    log('review, back, 1 character', id);
    expect(posts(id)).toBe(0);
  });

  it('a double click on Send to Coupang sends once', async () => {
    const id = IDS[2];
    const scope = await openAnswer(id);
    await page.keyboard.type('오늘 발송하겠습니다.');
    await button(scope, 'answer.review').click();
    sim.apiDelayMs = 300;
    await button(scope, 'answer.send').dblclick();
    await scope.getByText(en['answer.sent']).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    log('double click', id);
    expect(posts(id)).toBe(1);
  });

  it('a 500 is not retried: one POST, "may or may not have arrived", the draft kept', async () => {
    const id = IDS[3];
    const scope = await openAnswer(id);
    await page.keyboard.type('확인 후 연락드리겠습니다.');
    await button(scope, 'answer.review').click();
    sim.failNextWrite({ kind: 'server-error' });
    await button(scope, 'answer.send').click();
    const alert = scope.getByRole('alert').filter({ hasText: en['answer.unknown'] });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain(en['answer.unknownNotFound']);
    await page.waitForTimeout(3_000); // a lookup's retry would have gone out by now
    log('500, not retried', id);
    expect(posts(id)).toBe(1);
    const again = await closeAndReopen(scope, id);
    expect(await answerBox(again).inputValue()).toBe('확인 후 연락드리겠습니다.');
    expect(posts(id)).toBe(1);
  });

  it('the draft survives the card closing (Close, at once after typing)', async () => {
    const id = IDS[4];
    const scope = await openAnswer(id);
    await page.keyboard.type('초안입니다');
    const again = await closeAndReopen(scope, id);
    expect(await answerBox(again).inputValue()).toBe('초안입니다');
    log('draft kept on close', id);
    expect(posts(id)).toBe(0);
  });

  it('a page script clicking the buttons sends nothing', async () => {
    const id = IDS[5];
    await restOnId(page, id);
    const scope = card(page, id);
    await button(scope, 'answer.open').waitFor({ timeout: UI_TIMEOUT_MS });
    await scriptClick(en['answer.open']);
    await page.waitForTimeout(300);
    expect(await answerBox(scope).count()).toBe(0);
    await button(scope, 'answer.open').click();
    await answerBox(scope).waitFor({ timeout: UI_TIMEOUT_MS });
    await answerBox(scope).fill('스크립트가 보내면 안 됩니다.');
    await scriptClick(en['answer.review']);
    await page.waitForTimeout(200);
    expect(await button(scope, 'answer.send').count()).toBe(0);
    await button(scope, 'answer.review').click();
    await scriptClick(en['answer.send']);
    await page.waitForTimeout(1_000);
    log('page script clicks', id);
    expect(posts(id)).toBe(0);
    expect(await button(scope, 'answer.send').isEnabled()).toBe(true);
  });

  it('an answered inquiry offers no Answer, and says why', async () => {
    const id = IDS[6];
    await restOnId(page, id);
    const scope = card(page, id);
    await scope.getByText(en['answer.why.answered']).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await button(scope, 'answer.open').count()).toBe(0);
    log('answered: no Answer', id);
    expect(posts(id)).toBe(0);
  });
});

describe('every surface hears the change', () => {
  it('an answer sent from the popup shows on the open card of the same inquiry (INQUIRY_CHANGED)', async () => {
    const id = IDS[4];
    await restOnId(page, id);
    const scope = card(page, id);
    await button(scope, 'answer.open').waitFor({ timeout: UI_TIMEOUT_MS });
    await scope.getByRole('button', { name: en['card.pin'], exact: true }).click();
    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    await lookUp(popup, id);
    await button(popup.locator('body'), 'answer.open').click({ timeout: UI_TIMEOUT_MS });
    await answerBox(popup.locator('body')).fill('다른 화면에서 보냈습니다.');
    await button(popup.locator('body'), 'answer.review').click();
    await button(popup.locator('body'), 'answer.send').click();
    await popup.getByText(en['answer.sent']).waitFor({ timeout: UI_TIMEOUT_MS });
    await popup.close();
    await scope.getByText(en['answer.why.answered']).waitFor({ timeout: UI_TIMEOUT_MS });
    log('sent from the popup, card re-read', id);
    expect(posts(id)).toBe(1);
  });
});

describe('answering from the popup', () => {
  it('answers from the details view: one POST, then the inquiry shows answered', async () => {
    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    await lookUp(popup, POPUP_ID);
    const scope = popup.locator('body');
    await button(scope, 'answer.open').click({ timeout: UI_TIMEOUT_MS });
    await answerBox(scope).fill('교환 접수했습니다.');
    await button(scope, 'answer.review').click();
    await button(scope, 'answer.send').click();
    await popup.getByText(en['answer.sent']).waitFor({ timeout: UI_TIMEOUT_MS });
    log('answer from the popup', POPUP_ID);
    expect(posts(POPUP_ID)).toBe(1);
    await expect.poll(() => popup.locator('body').textContent()).not.toContain('left to answer');
    await popup.close();
  });
});
