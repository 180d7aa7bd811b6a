/**
 * Helpers for the Wing hover-card e2e tests: the Wing-like pages of tests/fixtures/wing-e2e served as
 * https://wing.coupang.com/..., decorated IDs as the page sees them, the card, and API-request counting.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { API_HOST, GatewaySim } from '../support/gateway-sim';
import { UI_TIMEOUT_MS, en } from '../support/ui';

export const WING_E2E_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../fixtures/wing-e2e');
export const WING = 'https://wing.coupang.com';

export const PAGES = {
  list: `${WING}/tenants/cs/csinquiry/`,
  grids: `${WING}/tenants/cs/grids.html`,
  detail: `${WING}/tenants/cs/detail.html`,
  otherStore: `${WING}/tenants/cs/other-store.html`,
  renamed: `${WING}/tenants/cs/renamed.html`,
} as const;

/** The IDs each page's rows hold once its XHR has answered (see tests/fixtures/wing-e2e). */
export const LIST_PAGE_1 = ['258799946', '1015668177', '1015668178', '1015668181', '9007199254740993', '1015669404'];
export const LIST_PAGE_2 = ['1015668180', '1015668179'];
/** No fixture: the gateway answers 404 not-found. */
export const UNKNOWN_ID = '1015669404';
export const MARKUP_ID = '1015668181';

export const ITEM_NAMES: Record<string, string> = {
  '258799946': '제주 삼다수, 2L, 6개',
  '1015668177': '유기농 현미, 4kg, 1개',
  '1015668178': '제주 삼다수, 2L, 6개',
  '1015668180': '무선 충전 패드, 15W, 화이트',
  '9007199254740993': '스테인리스 텀블러, 500ml, 1개',
};

/** The default dwell (settings.hoverDelayMs) and the close delay of the hover intent. */
export const DWELL_MS = 300;
export const CLOSE_DELAY_MS = 300;

export function startWingSim(): Promise<GatewaySim> {
  return GatewaySim.start({ wingDir: WING_E2E_DIR });
}

/** How many requests have reached the API host so far. */
export function apiCount(sim: GatewaySim): number {
  return sim.requests.filter((r) => r.host === API_HOST).length;
}

export const cardName = (id: string): string => en['card.label'].replace('{id}', id);

/** The hover card of one inquiry (role=dialog, named "Inquiry {id}"); role locators pierce the shadow root. */
export function card(page: Page, id: string): Locator {
  return page.getByRole('dialog', { name: cardName(id), exact: true });
}

/** Any hover card, whatever its ID. */
export function anyCard(page: Page): Locator {
  return page.locator('cs-lens-card').getByRole('dialog');
}

/**
 * The marked element of one ID in the page (there may be several; the first by default): the element
 * that is the ID (`data-cs-lens-id`), or the one whose text holds it among other text (`data-cs-lens-ids`).
 */
export function idElement(page: Page, id: string, nth = 0): Locator {
  return page.locator(`[data-cs-lens-id="${id}"], [data-cs-lens-ids~="${id}"]`).nth(nth);
}

/** The IDs marked in the page's DOM right now, sorted, one entry per marked element and ID. */
export function decoratedIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...[...document.querySelectorAll('[data-cs-lens-id]')].map((e) => e.getAttribute('data-cs-lens-id') ?? ''),
      ...[...document.querySelectorAll('[data-cs-lens-ids]')].flatMap((e) => [...new Set((e.getAttribute('data-cs-lens-ids') ?? '').split(' '))]),
    ].sort(),
  );
}

/** Waits until the decorated IDs are exactly `ids` (as a multiset) and have stayed so for `settleMs`. */
export async function expectDecoratedExactly(page: Page, ids: readonly string[], timeoutMs = 5_000, settleMs = 300): Promise<void> {
  const want = [...ids].sort();
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  for (;;) {
    seen = await decoratedIds(page);
    if (JSON.stringify(seen) === JSON.stringify(want)) {
      await page.waitForTimeout(settleMs);
      seen = await decoratedIds(page);
      if (JSON.stringify(seen) === JSON.stringify(want)) return;
    }
    if (Date.now() > deadline) break;
    await page.waitForTimeout(50);
  }
  throw new Error(`decorated IDs: expected ${JSON.stringify(want)}, got ${JSON.stringify(seen)}`);
}

/** Moves the pointer to a spot of the page that holds no ID and no card (the top-left corner). */
export async function pointerAway(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
}

/** Between tests: no card open and the pointer on an empty spot. */
export async function noCardOpen(page: Page): Promise<void> {
  await pointerAway(page);
  if (await anyCard(page).count()) await page.keyboard.press('Escape');
  await anyCard(page).waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/** Centre of an element in viewport coordinates. */
export async function centreOf(locator: Locator): Promise<{ x: number; y: number; box: { x: number; y: number; width: number; height: number } }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box (not visible)');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/** The pointer rests on the ID (moved there in one step). */
export async function restOn(page: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const { x, y } = await centreOf(target);
  await page.mouse.move(x, y);
}

/**
 * The box of the ID's own characters, in viewport coordinates: the whole element when it is the ID,
 * else the first place its text shows the ID (the pointer must rest on the digits, not beside them).
 */
export async function idBox(page: Page, id: string, nth = 0): Promise<{ x: number; y: number; width: number; height: number }> {
  const element = idElement(page, id, nth);
  await element.scrollIntoViewIfNeeded();
  const box = await element.evaluate((el, digits) => {
    if (el.getAttribute('data-cs-lens-id') === digits) return el.getBoundingClientRect().toJSON();
    for (const node of el.childNodes) {
      const at = node.nodeType === 3 ? (node as Text).data.indexOf(digits) : -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + digits.length);
      return range.getBoundingClientRect().toJSON();
    }
    return null;
  }, id);
  if (!box) throw new Error(`ID ${id} is not shown in its marked element`);
  return box as { x: number; y: number; width: number; height: number };
}

/** The pointer rests on the ID's characters (moved there in one step). */
export async function restOnId(page: Page, id: string, nth = 0): Promise<void> {
  const box = await idBox(page, id, nth);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

/** Records `window.alert` and similar dialogs, so a markup case that executes shows up. */
export function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return seen;
}

/** Which element has focus, as the ID it is decorated with (or its tag). */
export function focusedId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active?.getAttribute('data-cs-lens-id') ?? (active ? `<${active.tagName.toLowerCase()}>` : null);
  });
}
