/**
 * Several Wing tabs at once in real Chromium (issue 16, "Also seen"): the pointer resting on a different
 * marked number in each tab at the same moment. Every tab gets its card, each number costs one request,
 * and every answer is cached (storage.session, and the next hover of each is served without a request),
 * also when the pointers were already resting there before the tabs' scripts marked the numbers (tabs
 * opened and pointed at while loading: no pointer event ever comes), and on a stopped worker.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentServiceWorker, launchExtension, stopServiceWorker, type ExtensionBrowser } from './support/browser';
import { type GatewaySim } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, saveKeys } from './support/ui';
import { ITEM_NAMES, LIST_PAGE_1, PAGES, anyCard, apiCount, card, expectDecoratedExactly, idBox, pointerAway, restOnId, startWingSim } from './wing-support/wing';

let sim: GatewaySim;
let browser: ExtensionBrowser;
let tabs: Page[];

const IDS = ['258799946', '1015668177', '1015668178'];

beforeAll(async () => {
  sim = await startWingSim();
  browser = await launchExtension(sim);
  await (await saveKeys(browser.ctx, TEST_KEYS)).close();
  tabs = [];
  for (let i = 0; i < IDS.length; i += 1) {
    const tab = await browser.ctx.newPage();
    await tab.goto(PAGES.list);
    await tab.waitForSelector('body[data-loaded-page="1"]');
    await expectDecoratedExactly(tab, LIST_PAGE_1);
    tabs.push(tab);
  }
  sim.reset();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

/** Runs a script in the extension's service worker (source text: it travels as a string). */
async function inWorker<T>(source: string): Promise<T> {
  return (await (await currentServiceWorker(browser.ctx)).evaluate(source)) as T;
}

/** The IDs the background's inquiry cache (storage.session) holds an answer for. */
const cachedIds = async (): Promise<string[]> =>
  Object.keys((await inWorker<{ inquiryCache?: Record<string, unknown> }>(`chrome.storage.session.get('inquiryCache')`)).inquiryCache ?? {}).sort();

/** Waits until each tab shows the card of its ID with the inquiry in it. */
async function expectCards(ids: readonly string[]): Promise<void> {
  for (const [i, tab] of tabs.entries()) {
    const id = ids[i]!;
    await card(tab, id).getByText(ITEM_NAMES[id]!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  }
}

async function allAway(): Promise<void> {
  await Promise.all(tabs.map((tab) => pointerAway(tab)));
  await Promise.all(tabs.map((tab) => anyCard(tab).waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS })));
}

describe('three Wing tabs, a different number rested on in each at the same moment', () => {
  it('every tab gets its card, each number costs one request, and every answer is cached', async () => {
    await Promise.all(tabs.map((tab, i) => restOnId(tab, IDS[i]!)));
    await expectCards(IDS);
    for (const id of IDS) expect(sim.lookupsOf(id), sim.describeRequests()).toHaveLength(1);
    expect(apiCount(sim)).toBe(IDS.length);
    await expect.poll(cachedIds, { timeout: UI_TIMEOUT_MS }).toEqual([...IDS].sort());
  });

  it('three more runs at once, each tab on the number the next had: served from the cache, no request', async () => {
    for (let run = 1; run <= 3; run += 1) {
      await allAway();
      const ids = IDS.map((_, i) => IDS[(i + run) % IDS.length]!);
      await Promise.all(tabs.map((tab, i) => restOnId(tab, ids[i]!)));
      await expectCards(ids);
    }
    expect(apiCount(sim), sim.describeRequests()).toBe(IDS.length);
  });

  it('pointers already resting on the numbers when the tabs start marking them (cards turned on): every tab opens its card', async () => {
    await allAway();
    // One number not yet looked up, so a request shows; the other two come from the cache.
    const shown = ['258799946', '9007199254740993', '1015668177'];
    const boxes = await Promise.all(tabs.map((tab, i) => idBox(tab, shown[i]!)));
    await inWorker(`chrome.storage.local.set({ settings: { hoverCardsEnabled: false } })`);
    await Promise.all(tabs.map((tab) => expectDecoratedExactly(tab, [])));
    // The seller's pointer comes to rest on each number while no script is marking (as in a tab still loading).
    await Promise.all(tabs.map((tab, i) => tab.mouse.move(boxes[i]!.x + boxes[i]!.width / 2, boxes[i]!.y + boxes[i]!.height / 2)));
    await inWorker(`chrome.storage.local.set({ settings: { hoverCardsEnabled: true } })`);
    await expectCards(shown);
    expect(apiCount(sim), 'two of the three are cached already').toBe(IDS.length + 1);
    expect(sim.lookupsOf('9007199254740993')).toHaveLength(1);
    await expect.poll(cachedIds, { timeout: UI_TIMEOUT_MS }).toEqual([...IDS, '9007199254740993'].sort());
  });

  it('with the worker stopped (a cold start woken by three tabs at once): every tab gets its card, every answer is cached', async () => {
    await allAway();
    await stopServiceWorker(browser.ctx);
    sim.reset();
    const ids = ['1015668178', '258799946', '1015668177'];
    await Promise.all(tabs.map((tab, i) => restOnId(tab, ids[i]!)));
    await expectCards(ids);
    expect(apiCount(sim), sim.describeRequests()).toBe(0);
    expect(await cachedIds()).toEqual([...IDS, '9007199254740993'].sort());
  });
});
