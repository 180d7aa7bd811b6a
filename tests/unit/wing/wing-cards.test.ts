// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://wing.coupang.com/tenants/cs/csinquiry/list" }
/**
 * startWingCards as a whole, in one document: turning cards off and on, new seller labels, in-app
 * navigation out of scope and back, and the extension going away. Each leaves the page's markup exactly as
 * the page made it whenever cards are not running (docs/wing-content-script.md#teardown).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cardCatalog } from '@/utils/i18n/card-catalog';
import { en } from '@/utils/i18n/en';
import { updateSettings } from '@/utils/storage';
import { cardView } from '@/utils/wing/card-view';
import { startWingCards } from '@/utils/wing/wing-cards';

const PAGE = `
  <table><thead><tr><th>상담번호</th><th>주문번호</th></tr></thead>
  <tbody><tr><td>1015668177</td><td>31000012345678</td></tr></tbody></table>
  <p id="note">접수번호: 1015668178 안내</p>`;

/** The parts of WXT's context the Wing cards use, with a switch for "the extension went away". */
function fakeContext() {
  const invalidated: (() => void)[] = [];
  const controller = new AbortController();
  /** The extension was reloaded or updated and nothing has told this context yet (runtime.id is gone). */
  let runtimeGone = false;
  const ctx = {
    isValid: true,
    signal: controller.signal,
    addEventListener: (target: EventTarget, type: string, handler: EventListener) =>
      target.addEventListener(type, handler, { signal: controller.signal }),
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    requestIdleCallback: (run: () => void) => setTimeout(run, 0),
    onInvalidated: (run: () => void) => void invalidated.push(run),
  };
  const invalidate = () => {
    if (controller.signal.aborted) return;
    ctx.isValid = false;
    controller.abort();
    for (const run of invalidated) run();
  };
  // As WXT's: reading isValid once runtime.id is gone notifies the invalidation; abort-only wrappers
  // (requestIdleCallback) keep running until someone reads it.
  Object.defineProperty(ctx, 'isValid', {
    get: () => {
      if (runtimeGone) invalidate();
      return !controller.signal.aborted;
    },
    set: () => undefined,
  });
  return {
    ctx: ctx as unknown as ContentScriptContext,
    invalidate,
    runtimeGone() {
      runtimeGone = true;
    },
    isGone: () => runtimeGone,
  };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
};
const marked = () =>
  [...document.querySelectorAll('[data-cs-lens-id], [data-cs-lens-ids]')].map((e) => e.getAttribute('data-cs-lens-id') ?? e.getAttribute('data-cs-lens-ids'));
const pageMarkup = () => document.body.innerHTML.replace(/<cs-lens-card[^>]*><\/cs-lens-card>/, '');

let pristine: string;
let teardown: (() => void) | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  // The card's catalog, as the build serves it to the content script (the view is bundled here: `view`).
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => new Response(String(url).endsWith('.json') ? JSON.stringify(cardCatalog(en, en)) : '.csl-hc{}')),
  );
  document.head.innerHTML = '';
  document.body.innerHTML = PAGE;
  pristine = document.body.innerHTML;
});

afterEach(() => {
  teardown?.();
  teardown = undefined;
  vi.unstubAllGlobals();
});

async function start() {
  const fake = fakeContext();
  const { ctx, invalidate } = fake;
  teardown = invalidate;
  await startWingCards(ctx, 'en-US', { extensionGone: fake.isGone, view: cardView });
  await settle();
  return { invalidate, runtimeGone: fake.runtimeGone };
}

describe('Wing cards from start to teardown', () => {
  it('marks the call-center numbers; turning cards off gives the page back byte for byte, and on marks again', async () => {
    await start();
    expect(marked()).toEqual(['1015668177']);
    await updateSettings({ hoverCardsEnabled: false });
    await settle();
    expect(marked()).toEqual([]);
    expect(pageMarkup()).toBe(pristine);
    expect(document.getElementById('cs-lens-page-style')).toBeNull();
    await updateSettings({ hoverCardsEnabled: true });
    await settle();
    expect(marked()).toEqual(['1015668177']);
  });

  it("a seller's new label is picked up at once: the running scanner starts again with it", async () => {
    await start();
    expect(marked()).toEqual(['1015668177']);
    await updateSettings({ extraIdLabels: ['접수번호'] });
    await settle();
    expect(marked().sort()).toEqual(['1015668177', '1015668178']);
    await updateSettings({ extraIdLabels: [] });
    await settle();
    expect(marked()).toEqual(['1015668177']);
    expect(document.getElementById('note')?.outerHTML).toBe('<p id="note">접수번호: 1015668178 안내</p>');
  });

  it('in-app navigation into product Q&A stops the cards; back on a call-center page they return', async () => {
    await start();
    const navigate = (path: string) =>
      window.dispatchEvent(Object.assign(new Event('wxt:locationchange'), { newUrl: new URL(`https://wing.coupang.com${path}`) }));
    navigate('/tenants/cs/product/inquiries');
    await settle();
    expect(marked()).toEqual([]);
    expect(pageMarkup()).toBe(pristine);
    navigate('/tenants/cs/csinquiry/list');
    await settle();
    expect(marked()).toEqual(['1015668177']);
  });

  it('the extension going away (reloaded or updated) removes everything, and later page changes are not scanned', async () => {
    const { invalidate } = await start();
    invalidate();
    teardown = undefined;
    expect(document.body.innerHTML).toBe(pristine);
    expect(document.querySelector('cs-lens-card')).toBeNull();
    document.querySelector('tbody')?.insertAdjacentHTML('beforeend', '<tr><td>1015668180</td><td>-</td></tr>');
    await updateSettings({ hoverDelayMs: 500 });
    await settle();
    expect(marked()).toEqual([]);
  });

  it('an orphaned content script (extension reloaded, nothing told yet) cleans up at its next scan instead of scanning on', async () => {
    const { runtimeGone } = await start();
    expect(marked()).toContain('1015668177');
    const row = '<tr><td>1015668180</td><td>-</td></tr>';
    const expected = document.createElement('body');
    expected.innerHTML = pristine;
    expected.querySelector('tbody')?.insertAdjacentHTML('beforeend', row);
    runtimeGone();
    document.querySelector('tbody')?.insertAdjacentHTML('beforeend', row);
    await settle();
    expect(marked()).toEqual([]);
    expect(document.querySelector('cs-lens-card')).toBeNull();
    expect(pageMarkup()).toBe(expected.innerHTML);
  });
});

/** The seller's own event (happy-dom's are all untrusted; the browser sets isTrusted on real input). */
const sellers = <E extends Event>(event: E): E => Object.defineProperty(event, 'isTrusted', { value: true });
const notice = () => document.querySelector('cs-lens-notice')?.shadowRoot?.querySelector('[role=status]');
const ORPHANED = 'CS Lens was updated — reload this tab to see inquiry cards again';

describe('an orphaned script tells the seller to reload the tab (issue 16 item 14)', () => {
  it("the seller's pointer reaching a number is what finds it orphaned: the marks go and one notice says to reload", async () => {
    const { runtimeGone } = await start();
    runtimeGone();
    document.querySelector('td')?.dispatchEvent(sellers(new MouseEvent('pointerover', { bubbles: true })));
    expect(marked()).toEqual([]);
    expect(document.querySelector('cs-lens-card')).toBeNull();
    expect(notice()?.textContent).toContain(ORPHANED);
  });

  it('found orphaned by a scan while nobody uses the cards: no notice until the seller reaches a number that was marked; a page script\'s event shows nothing', async () => {
    const { runtimeGone } = await start();
    runtimeGone();
    document.querySelector('tbody')?.insertAdjacentHTML('beforeend', '<tr><td>1015668180</td><td>-</td></tr>');
    await settle();
    expect(marked()).toEqual([]);
    expect(notice()).toBeUndefined();
    document.querySelector('#note')?.dispatchEvent(sellers(new MouseEvent('pointerover', { bubbles: true })));
    expect(notice(), 'not a number').toBeUndefined();
    document.querySelector('td')?.dispatchEvent(new MouseEvent('pointerover', { bubbles: true }));
    expect(notice(), "a page script's event").toBeUndefined();
    document.querySelector('td')?.dispatchEvent(sellers(new MouseEvent('pointerover', { bubbles: true })));
    expect(notice()?.textContent).toContain(ORPHANED);
    document.querySelector('td')?.dispatchEvent(sellers(new MouseEvent('pointerover', { bubbles: true })));
    expect(document.querySelectorAll('cs-lens-notice')).toHaveLength(1);
  });

  it("its close button: a page script's click leaves it, the seller's click removes it", async () => {
    const { runtimeGone } = await start();
    runtimeGone();
    document.querySelector('td')?.dispatchEvent(sellers(new MouseEvent('pointerover', { bubbles: true })));
    const close = notice()?.querySelector('button') as HTMLButtonElement;
    expect(close.getAttribute('aria-label')).toBe('Close');
    close.click();
    expect(notice()).not.toBeUndefined();
    close.dispatchEvent(sellers(new MouseEvent('click', { bubbles: true })));
    expect(document.querySelector('cs-lens-notice')).toBeNull();
  });

  it('replaced by a newer script of ours (the extension still there): no notice', async () => {
    const { invalidate } = await start();
    document.querySelector('td')?.dispatchEvent(sellers(new MouseEvent('pointerover', { bubbles: true })));
    invalidate();
    teardown = undefined;
    expect(document.querySelector('cs-lens-notice')).toBeNull();
  });
});

describe("an orphan's extension APIs are gone, as in Chromium after a reload", () => {
  it('teardown still gives the page back and the notice still shows (browser.storage undefined)', async () => {
    const { runtimeGone } = await start();
    const storage = Object.getOwnPropertyDescriptor(fakeBrowser, 'storage')!;
    Object.defineProperty(fakeBrowser, 'storage', { value: undefined, configurable: true });
    try {
      runtimeGone();
      document.querySelector('td')?.dispatchEvent(sellers(new MouseEvent('pointerover', { bubbles: true })));
      expect(marked()).toEqual([]);
      expect(notice()?.textContent).toContain(ORPHANED);
    } finally {
      Object.defineProperty(fakeBrowser, 'storage', storage);
    }
  });
});
