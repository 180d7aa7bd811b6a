/**
 * "Awaiting you" in the background (docs/inbox.md), in real Chromium against the simulator: the list refresh and
 * its request count, the toolbar badge read from the service worker, a listed inquiry's hover card with no lookup,
 * an inquiry answered elsewhere dropping out, a pause that sends nothing, a cold worker, and where the list is kept.
 * One browser for the whole file, in order: the pause comes last but one, the keys are cleared last.
 * Request counts are logged (`[inbox] …`) for the closing notes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxView } from '../../utils/messaging';
import { currentServiceWorker, launchExtension, readAllStorage, stopServiceWorker, type ExtensionBrowser } from './support/browser';
import { awaitingScenario, type ListedInquiry } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, pause, saveKeys } from './support/ui';
import { LIST_PAGE_1, PAGES, card, expectDecoratedExactly, pointerAway, restOnId, startWingSim } from './wing-support/wing';
import type { GatewaySim } from './support/gateway-sim';

/** The pieces of the chrome API these tests call inside the browser (run there, typed here). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<any> };
  action: { getBadgeText(details: object): Promise<string>; getBadgeBackgroundColor(details: object): Promise<number[]>; getTitle(details: object): Promise<string> };
  alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> };
};

/** On the Wing list page, and listed as awaiting an answer with an item name only the list sends. */
const ON_WING: ListedInquiry = { id: '1015668178', status: 'NO_ANSWER', transferredMinutesAgo: 5 * 60, itemName: '[목록] 제주 삼다수 (from the list)' };
const DUE_SOON = '9100000001';
const RED = [197, 34, 31, 255];
const NEUTRAL = [95, 99, 104, 255];

let sim: GatewaySim;
let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  sim = await startWingSim();
  browser = await launchExtension(sim);
  options = await saveKeys(browser.ctx, TEST_KEYS);
  sim.reset();
  sim.inbox = [...awaitingScenario(40), ON_WING]; // 33 replies (two pages), 8 confirms
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

/** Asks the background as an extension page does. */
function getInbox(refresh?: 'opened' | 'button'): Promise<{ ok: true; value: InboxView } | { ok: false; error: { kind: string } }> {
  return options.evaluate((message) => chrome.runtime.sendMessage(message), refresh ? { type: 'get-inbox', refresh } : { type: 'get-inbox' });
}

async function badge(): Promise<{ text: string; colour: number[]; title: string }> {
  const worker = await currentServiceWorker(browser.ctx);
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    colour: await chrome.action.getBadgeBackgroundColor({}),
    title: await chrome.action.getTitle({}),
  }));
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + UI_TIMEOUT_MS * 2;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}; ${sim.describeRequests()}`);
    await pause(100);
  }
}

/** Presses Refresh and waits for the view the refresh ends with. */
async function refreshed(): Promise<InboxView> {
  const started = await getInbox('button');
  if (!started.ok) throw new Error(started.error.kind);
  return waitFor(
    async () => {
      const view = await getInbox();
      return view.ok ? view.value : undefined;
    },
    (view) => view !== undefined && !view.refreshing && (view.updatedAt ?? 0) >= (started.value.updatedAt ?? 0) && (view.updatedAt !== started.value.updatedAt || view.problem !== undefined),
    'the refresh',
  ) as Promise<InboxView>;
}

describe('inbox in the background', () => {
  it('keeps a periodic refresh alarm at the default 10 minutes', async () => {
    const worker = await currentServiceWorker(browser.ctx);
    const alarm = await worker.evaluate(() => chrome.alarms.get('cs-lens:inbox-refresh'));
    expect(alarm?.periodInMinutes).toBe(10);
  });

  it('a refresh walks both lists (41 awaiting: 3 requests), soonest first; the badge counts them and is red', async () => {
    const view = await refreshed();
    const lists = sim.listRequests();
    console.log(`[inbox] one refresh of 41 awaiting (33 replies, 8 confirms): ${lists.length} list requests`);
    expect(lists.map((r) => new URLSearchParams(r.query).get('partnerCounselingStatus') + ':' + new URLSearchParams(r.query).get('pageNum'))).toEqual([
      'NO_ANSWER:1',
      'NO_ANSWER:2',
      'TRANSFER:1',
    ]);
    expect(lists.every((r) => r.authOk && r.status === 200)).toBe(true);
    expect(view.items).toHaveLength(41);
    expect(view.items[0]?.inquiry.inquiryId).toBe(DUE_SOON);
    const dues = view.items.map((item) => item.dueAt ?? Infinity);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(view.items.filter((item) => item.need === 'confirm')).toHaveLength(8);

    const shown = await waitFor(badge, (b) => b.text === '41', 'the badge');
    expect(shown.colour).toEqual(RED);
    expect(shown.title).toMatch(/^41 awaiting — next due in 1 h 5\d min$/);
  });

  it('a burst of 10 openings within the minute sends nothing more', async () => {
    const before = sim.listRequests().length;
    await Promise.all(Array.from({ length: 10 }, () => getInbox('opened')));
    await pause(500);
    expect(sim.listRequests()).toHaveLength(before);
  });

  it('a listed inquiry opens its hover card on Wing with no lookup request', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(PAGES.list);
    await page.waitForSelector('body[data-loaded-page="1"]');
    await expectDecoratedExactly(page, LIST_PAGE_1);
    await restOnId(page, ON_WING.id);
    await card(page, ON_WING.id).getByText(ON_WING.itemName!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(sim.lookupsOf(ON_WING.id)).toEqual([]);
    await pointerAway(page);
    await page.close();
  });

  it('an inquiry answered elsewhere drops out after a refresh, and the badge follows (40, neutral)', async () => {
    sim.markAnswered(DUE_SOON);
    const view = await refreshed();
    expect(view.items.map((item) => item.inquiry.inquiryId)).not.toContain(DUE_SOON);
    expect(view.items).toHaveLength(40);
    const shown = await waitFor(badge, (b) => b.text === '40', 'the badge');
    expect(shown.colour).toEqual(NEUTRAL);
  });

  it('survives a stopped worker: the list comes back from storage.session with no request', async () => {
    const before = sim.listRequests().length;
    await stopServiceWorker(browser.ctx);
    const view = await getInbox();
    expect(view.ok && view.value.items).toHaveLength(40);
    expect(sim.listRequests()).toHaveLength(before);
  });

  it('keeps list data out of storage.local: session storage only', async () => {
    const stored = await readAllStorage(browser.ctx);
    const local = JSON.stringify(stored.local);
    expect(local).not.toContain('9100000002');
    expect(local).not.toContain('[목록]');
    expect(JSON.stringify(stored.session)).toContain('9100000002');
    expect(JSON.stringify(stored.indexedDB)).not.toContain('9100000002');
  });

  it('while Coupang pauses the store (429), Refresh sends nothing and says why; the last list stays', async () => {
    sim.throttle = { kind: 'rate-limited', retryAfter: '600' };
    const tripped = await refreshed(); // the first page meets the 429: the breaker opens
    expect(tripped.problem).toMatchObject({ kind: 'rate-limited', resumesAt: expect.any(Number) });
    const sent = sim.listRequests().length;
    const view = await refreshed();
    await pause(1_000);
    console.log(`[inbox] Refresh while paused: ${sim.listRequests().length - sent} list requests`);
    expect(sim.listRequests()).toHaveLength(sent);
    expect(view.problem).toMatchObject({ kind: 'rate-limited', resumesAt: expect.any(Number) });
    expect(view.items).toHaveLength(40);
  });

  it('clearing the keys clears the list and the badge', async () => {
    const cleared = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'clear-secret' }));
    expect(cleared).toMatchObject({ ok: true });
    const view = await getInbox();
    expect(view).toMatchObject({ ok: true, value: { items: [], problem: { kind: 'no-credentials' } } });
    await waitFor(badge, (b) => b.text === '', 'the badge');
    const stored = await readAllStorage(browser.ctx);
    expect(JSON.stringify(stored.session)).not.toContain('9100000002');
  });
});
