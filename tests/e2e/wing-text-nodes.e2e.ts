/**
 * IDs inside a longer text the page owns, in real Chromium with the production build: the extension
 * marks them with attributes and paints them with the CSS Custom Highlight API, and never creates, moves
 * or splits a node. A page script that kept its text node and rewrites it shows exactly the new text, and
 * the card follows it; two IDs in one text node each open their own card; turning cards off leaves the
 * page's markup byte-identical to what the page made (docs/wing-content-script.md).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './support/browser';
import type { GatewaySim } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, en, saveKeys } from './support/ui';
import { DWELL_MS, ITEM_NAMES, WING, anyCard, card, expectDecoratedExactly, idBox, noCardOpen, pointerAway, restOnId, startWingSim } from './wing-support/wing';

const TEXT_NODES = `${WING}/tenants/cs/text-nodes.html`;
const LABELLED = '1015668177';
const SECOND = '1015668178';
const REWRITTEN = '1015668180';

let sim: GatewaySim;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  sim = await startWingSim();
  browser = await launchExtension(sim);
  await (await saveKeys(browser.ctx, TEST_KEYS)).close();
  page = await browser.ctx.newPage();
  await page.goto(TEXT_NODES);
  await page.waitForSelector('body[data-loaded="true"]');
  await expectDecoratedExactly(page, [LABELLED, LABELLED, SECOND]);
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

beforeEach(async () => {
  sim.reset();
  await noCardOpen(page);
});

/** The ranges of the `cs-lens-id` highlight, as the page's own script sees CSS.highlights. */
const highlighted = (p: Page) =>
  p.evaluate(() => {
    const highlight = CSS.highlights.get('cs-lens-id') as Set<AbstractRange> | undefined;
    return highlight ? [...highlight].map((range) => (range instanceof Range ? range.toString() : '?')).sort() : null;
  });

describe('IDs within a text the page owns', () => {
  it('are marked with attributes and painted as CSS highlights; the page’s text node is where the page left it', async () => {
    expect(
      await page.evaluate(() => {
        const w = window as unknown as { __labelNode: Text };
        const p = document.querySelector('p.aN1') as HTMLElement;
        return [p.firstChild === w.__labelNode, p.childNodes.length, w.__labelNode.data, p.getAttribute('data-cs-lens-ids'), p.getAttribute('tabindex')];
      }),
    ).toEqual([true, 1, `상담번호: ${LABELLED} 안내`, LABELLED, '0']);
    expect(await highlighted(page)).toEqual([LABELLED, LABELLED, SECOND].sort());
  });

  it('two IDs in one text node: resting on each opens its own card', async () => {
    await restOnId(page, LABELLED, 1);
    await card(page, LABELLED).getByText(ITEM_NAMES[LABELLED]!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await restOnId(page, SECOND);
    await card(page, SECOND).getByText(ITEM_NAMES[SECOND]!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await anyCard(page).count()).toBe(1);
    expect(sim.lookupsOf(LABELLED)).toHaveLength(1);
    expect(sim.lookupsOf(SECOND)).toHaveLength(1);
  });

  it('the label beside an ID, or the empty line after the text, opens nothing', async () => {
    const box = await idBox(page, LABELLED);
    await page.mouse.move(box.x - 30, box.y + box.height / 2); // on 상담번호:
    await page.waitForTimeout(DWELL_MS + 300);
    await page.mouse.move(box.x + box.width + 400, box.y + box.height / 2); // past the end of the text, inside the <p>
    await page.waitForTimeout(DWELL_MS + 300);
    expect(await anyCard(page).count()).toBe(0);
    expect(sim.apiRequests()).toHaveLength(0);
  });

  it('a page script rewriting its text node shows exactly the new text, and the card opens for the new ID', async () => {
    await page.evaluate((id) => (window as unknown as { __rewrite: (id: string) => void }).__rewrite(id), REWRITTEN);
    await expectDecoratedExactly(page, [REWRITTEN, LABELLED, SECOND]);
    expect(
      await page.evaluate(() => {
        const p = document.querySelector('p.aN1') as HTMLElement;
        return [p.innerText, p.childNodes.length, p.firstChild === (window as unknown as { __labelNode: Text }).__labelNode];
      }),
    ).toEqual([`상담번호: ${REWRITTEN} 안내`, 1, true]);
    expect(await highlighted(page)).toEqual([REWRITTEN, LABELLED, SECOND].sort());
    await restOnId(page, REWRITTEN);
    await card(page, REWRITTEN).getByText(ITEM_NAMES[REWRITTEN]!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(sim.lookupsOf(LABELLED)).toHaveLength(0);
  });

  it('turning cards off leaves the page’s markup byte-identical to what the page made, and no highlight', async () => {
    await page.evaluate((id) => (window as unknown as { __rewrite: (id: string) => void }).__rewrite(id), LABELLED);
    await expectDecoratedExactly(page, [LABELLED, LABELLED, SECOND]);
    await restOnId(page, SECOND);
    const dialog = card(page, SECOND);
    await dialog.getByText(ITEM_NAMES[SECOND]!, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByRole('button', { name: en['card.disable'], exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await expectDecoratedExactly(page, []);
    const [now, pristine] = await page.evaluate(() => [document.body.outerHTML, (window as unknown as { __pristineBody: string }).__pristineBody]);
    expect(pristine).not.toContain('data-cs-lens');
    expect(now).toBe(pristine);
    expect(await highlighted(page)).toBeNull();
  });
});
