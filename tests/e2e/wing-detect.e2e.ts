/**
 * Wing pages in real Chromium with the production build: which numbers get decorated as inquiry IDs.
 * Rows arrive by XHR/fetch after load, paging goes through history.pushState, header tables are split
 * from their bodies, grids are ARIA-only; decoys (주문번호, 옵션ID, phones, prices, 상품문의번호) sit in
 * other columns and paragraphs. Decorated sets are asserted exactly. Nothing is looked up on page load.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './support/browser';
import type { GatewaySim } from './support/gateway-sim';
import { TEST_KEYS, saveKeys } from './support/ui';
import { LIST_PAGE_1, LIST_PAGE_2, PAGES, apiCount, expectDecoratedExactly, startWingSim } from './wing-support/wing';

let sim: GatewaySim;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  sim = await startWingSim();
  browser = await launchExtension(sim);
  await (await saveKeys(browser.ctx, TEST_KEYS)).close();
  page = await browser.ctx.newPage();
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

beforeEach(() => sim.reset());

describe('rows loaded by XHR after load', () => {
  it('decorates exactly the 상담번호 column once the rows arrive, never the decoys, and looks nothing up', async () => {
    await page.goto(PAGES.list);
    // The tbody is empty (a loading row) until the XHR answers ~150 ms after load.
    expect(await page.locator('[data-cs-lens-id]').count()).toBe(0);
    await page.waitForSelector('body[data-loaded-page="1"]');
    await expectDecoratedExactly(page, LIST_PAGE_1);

    // Decoys stayed plain text: order numbers, option IDs, phones, prices, 상품문의번호, the paragraph.
    const decoyTexts = await page.locator('td._c2, td._c3, td._c5, td._c6, p._n0tE, header').allTextContents();
    expect(decoyTexts.join(' ')).toContain('31000012345678');
    const decoyCells = ['td._c2', 'td._c3', 'td._c5', 'td._c6', 'p'];
    const marks = ['[data-cs-lens-id]', '[data-cs-lens-ids]'];
    expect(await page.locator(decoyCells.flatMap((c) => marks.flatMap((m) => [`${c} ${m}`, `${c}${m}`])).join(', ')).count()).toBe(0);

    expect(apiCount(sim), sim.describeRequests()).toBe(0);
  });

  it('makes every decorated ID keyboard-focusable, holding exactly its text: a bare cell is marked itself (keeping its role), a <span> becomes a button', async () => {
    const seen = await page.$$eval('[data-cs-lens-id]', (els) =>
      els.map((e) => ({ id: e.getAttribute('data-cs-lens-id'), text: e.textContent?.trim(), tag: e.tagName, tabindex: e.getAttribute('tabindex'), role: e.getAttribute('role'), cls: e.classList.contains('cs-lens-id'), children: e.childNodes.length })),
    );
    expect(seen).toHaveLength(LIST_PAGE_1.length);
    for (const s of seen) {
      expect(s, JSON.stringify(s)).toMatchObject({ id: s.text, tabindex: '0', cls: true });
      if (s.tag === 'TD') expect(s, JSON.stringify(s)).toMatchObject({ role: null, children: 1 });
      else expect(s, JSON.stringify(s)).toMatchObject({ tag: 'SPAN', role: 'button' });
    }
    expect(new Set(seen.map((s) => s.tag)), 'the fixture has both kinds').toEqual(new Set(['TD', 'SPAN']));
  });

  it('pushState paging: the next page’s rows are decorated, the old ones are gone', async () => {
    await page.locator('._pG3r button[data-page="2"]').click();
    await page.waitForSelector('body[data-loaded-page="2"]');
    expect(new URL(page.url()).search).toBe('?page=2');
    await expectDecoratedExactly(page, LIST_PAGE_2);
    // And back (popstate): page 1 again, decorated again.
    await page.goBack();
    await page.waitForSelector('body[data-loaded-page="1"]');
    await expectDecoratedExactly(page, LIST_PAGE_1);
    expect(apiCount(sim), sim.describeRequests()).toBe(0);
  });
});

describe('split header table and ARIA grid', () => {
  it('decorates the 상담 번호 column under a separate sticky header table and the 문의번호 column of a div grid', async () => {
    await page.goto(PAGES.grids);
    await page.waitForSelector('body[data-loaded="true"]');
    // transferred (split header): 1015668177, 1015668180; recent (ARIA grid): 258799946, 1015668178.
    await expectDecoratedExactly(page, ['1015668177', '1015668180', '258799946', '1015668178']);
    const either = (cell: string) => ['[data-cs-lens-id]', '[data-cs-lens-ids]'].map((m) => `${cell} ${m}, ${cell}${m}`).join(', ');
    expect(await page.locator(either('[data-grid=transferred] tbody td:nth-child(3)')).count()).toBe(2);
    expect(await page.locator(either('[data-grid=recent] [role=gridcell][aria-colindex="2"]')).count()).toBe(2);
    // The grid's price cell holds 1015668178 as bare digits too: only the 문의번호 cell is decorated.
    expect(await page.locator(either('[data-grid=recent] [role=gridcell][aria-colindex="5"]')).count()).toBe(0);
    expect(apiCount(sim), sim.describeRequests()).toBe(0);
  });
});

describe('label forms and links', () => {
  it('decorates `상담번호 : n`, <dt>상담번호</dt><dd> filled by XHR, an inquiryId= link and a label in a fixed bar', async () => {
    await page.goto(PAGES.detail);
    await page.waitForSelector('body[data-loaded="true"]');
    await expectDecoratedExactly(page, ['1015668177', '1015668178', '1015668180', '258799946']);
    // A <dd> holding the ID is marked with attributes; the text node the page's script set stays its only child.
    expect(await page.locator('dd.dV1[data-cs-lens-ids="1015668178"]').evaluate((dd) => [dd.childNodes.length, dd.firstChild?.nodeType])).toEqual([1, 3]);
    // `상담번호 : 1015668177 (…) · 주문번호 : …` is one text node of the page's, still one, with the paragraph marked.
    expect(await page.locator('p.lF0m').evaluate((p) => [p.childNodes.length, p.getAttribute('data-cs-lens-ids')])).toEqual([1, '1015668177']);
    // The link names the ID without printing it: the link itself stands for it (and stays a link).
    expect(await page.locator('a.lK3').getAttribute('data-cs-lens-id')).toBe('1015668180');
    expect(await page.locator('a.lK3').getAttribute('role')).toBeNull();
    // 상품문의번호 (productInquiryId=) is product Q&A, not a call-center inquiry.
    expect(await page.locator('[data-cs-lens-id="1015668173"]').count()).toBe(0);
    expect(apiCount(sim), sim.describeRequests()).toBe(0);
  });
});

describe('call-center numbers only', () => {
  it('product Q&A (/tenants/cs/product/inquiries) decorates nothing, its 문의번호 column included', async () => {
    await page.goto(`${PAGES.list.replace('/csinquiry/', '/product/inquiries/')}`);
    await page.waitForSelector('body[data-loaded="true"]');
    await page.waitForTimeout(1_500); // past an idle-time scan
    await expectDecoratedExactly(page, []);
  });

  it('in-app navigation into product Q&A takes the cards away; back on a call-center page they return', async () => {
    await page.goto(PAGES.list);
    await page.waitForSelector('body[data-loaded-page="1"]');
    await expectDecoratedExactly(page, LIST_PAGE_1);
    await page.evaluate(() => history.pushState(null, '', '/tenants/cs/product/inquiries/'));
    await expectDecoratedExactly(page, []);
    await page.evaluate(() => history.pushState(null, '', '/tenants/cs/csinquiry/'));
    await expectDecoratedExactly(page, LIST_PAGE_1);
    expect(apiCount(sim), sim.describeRequests()).toBe(0);
  });
});
