// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decorateAll } from '@/utils/detect/decorate';
import { detectInquiryIds } from '@/utils/detect/detect-inquiry-ids';
import type { Result } from '@/utils/coupang/error-kinds';
import { createTranslator } from '@/utils/i18n/translate';
import type { LookupValue } from '@/utils/messaging';
import { failure, success } from '@/utils/response-envelope';
import { CARD_TICK_MS, createCardController } from '@/utils/wing/card-controller';
import type { LookupOptions } from '@/utils/extension-api';
import { createKeyboardNavigation } from '@/utils/wing/keyboard-navigation';
import { createFakeTimers, type FakeTimers } from '../hover/fake-timers';
import { HOUR, NOW, unansweredInquiry } from '../components/inquiries';

const ID = '1015668177';
const LINK_ID = '1015668178';

interface Asked {
  id: string;
  options: LookupOptions | undefined;
  answer: (result: Result<LookupValue>) => void;
}

let timers: FakeTimers;
let asked: Asked[];
let now: number;
let container: HTMLElement;
let cards: ReturnType<typeof createCardController>;

beforeEach(() => {
  document.body.innerHTML = `
    <table><thead><tr><th>상담번호</th></tr></thead><tbody><tr><td>${ID}</td></tr></tbody></table>
    <p>상세 <a id="link" href="/tenants/cs/detail?inquiryId=${LINK_ID}">보기</a></p>
    <div id="host"><div id="container"></div></div>`;
  decorateAll(detectInquiryIds(document.body));
  timers = createFakeTimers();
  asked = [];
  now = NOW;
  container = document.getElementById('container') as HTMLElement;
  cards = createCardController({
    document,
    container,
    host: document.getElementById('host') as HTMLElement,
    t: createTranslator('en'),
    locale: 'en',
    lookup: (id, options) => new Promise((answer) => asked.push({ id, options, answer })),
    ask: (async () => failure('extension-error')) as never,
    keyboard: createKeyboardNavigation(timers.setTimer),
    openDelayMs: 300,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    pageVendor: () => undefined,
    onDisableCards: () => undefined,
    now: () => now,
  });
  for (const type of ['pointerover', 'pointerout', 'focusin', 'focusout'] as const) {
    document.addEventListener(type, (event) => {
      if (type === 'pointerover') cards.pointerOver(event);
      if (type === 'pointerout') cards.pointerOut(event as PointerEvent);
      if (type === 'focusin') cards.focusIn(event as FocusEvent);
      if (type === 'focusout') cards.focusOut(event as FocusEvent);
    });
  }
});

afterEach(() => cards.dispose());

const idSpan = () => document.querySelector(`[data-cs-lens-id="${ID}"]`) as HTMLElement;
const dialog = () => container.querySelector('[role=dialog]');
const focusIn = (element: Element) => element.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
const rest = (element: Element) => {
  element.dispatchEvent(new Event('pointerover', { bubbles: true }));
  timers.advance(300);
};
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keyboard focus', () => {
  it("a page script's focus (no navigation key) opens nothing and asks nothing", () => {
    focusIn(idSpan());
    timers.advance(5_000);
    expect(dialog()).toBeNull();
    expect(asked).toEqual([]);
  });

  it('Tab onto an ID opens its card once focus has rested for the delay, not before', () => {
    cards.keyDown(new KeyboardEvent('keydown', { key: 'Tab' }));
    focusIn(idSpan());
    timers.advance(299);
    expect(asked).toEqual([]);
    timers.advance(1);
    expect(asked.map((a) => a.id)).toEqual([ID]);
    expect(dialog()?.getAttribute('aria-label')).toContain(ID);
  });

  it('a key that does not move focus (Enter) does not make a later focus count', () => {
    cards.keyDown(new KeyboardEvent('keydown', { key: 'Enter' }));
    focusIn(idSpan());
    timers.advance(1_000);
    expect(asked).toEqual([]);
  });
});

describe('asking through the injected lookup', () => {
  it('passes a signal, and aborts it when the card closes before the answer; the late answer draws nothing', async () => {
    rest(idSpan());
    const [question] = asked;
    expect(question?.options?.signal?.aborted).toBe(false);
    idSpan().dispatchEvent(new Event('pointerout', { bubbles: true }));
    timers.advance(300);
    expect(dialog()).toBeNull();
    expect(question?.options?.signal?.aborted).toBe(true);
    question?.answer(success({ inquiry: unansweredInquiry(), fetchedAt: NOW, fromCache: false }));
    await flush();
    expect(dialog()).toBeNull();
  });

  it('moving on to another ID aborts the first question', () => {
    rest(idSpan());
    rest(document.getElementById('link') as HTMLElement);
    expect(asked.map((a) => [a.id, a.options?.signal?.aborted])).toEqual([
      [ID, true],
      [LINK_ID, false],
    ]);
  });
});

describe('recycled elements', () => {
  it("a link the page pointed at another inquiry opens no card for the old one (the marker goes)", () => {
    const link = document.getElementById('link') as HTMLElement;
    expect(link.getAttribute('data-cs-lens-id')).toBe(LINK_ID);
    link.setAttribute('href', '/tenants/cs/detail?inquiryId=1015668180');
    rest(link);
    expect(asked).toEqual([]);
    expect(link.hasAttribute('data-cs-lens-id')).toBe(false);
  });

  it('the ID is read again when the card opens, after the delay, not when the pointer arrived', () => {
    const link = document.getElementById('link') as HTMLElement;
    link.dispatchEvent(new Event('pointerover', { bubbles: true }));
    timers.advance(200);
    link.setAttribute('href', '/tenants/cs/detail?productInquiryId=1');
    timers.advance(100);
    expect(asked).toEqual([]);
    expect(dialog()).toBeNull();
  });
});

describe('an open card', () => {
  it('counts down: it is drawn again as time passes', async () => {
    rest(idSpan());
    asked[0]?.answer(success({ inquiry: unansweredInquiry(), fetchedAt: NOW, fromCache: false }));
    await flush();
    const before = dialog()?.textContent;
    now = NOW + 2 * HOUR;
    timers.advance(CARD_TICK_MS);
    expect(dialog()?.textContent).not.toBe(before);
  });

  it("counts down on Coupang's clock when this computer's clock is off (docs/coupang-api.md#deadline)", async () => {
    // This PC runs an hour slow: the background learned the offset from the gateway's Date header.
    now = NOW - HOUR;
    rest(idSpan());
    asked[0]?.answer(success({ inquiry: unansweredInquiry(), fetchedAt: NOW - HOUR, fromCache: false, clockOffsetMs: HOUR }));
    await flush();
    // 24 h from the counsellor's transfer at NOW - 18 h 48 min, on Coupang's clock.
    expect(dialog()?.textContent).toContain('5 h 12 min left to answer');
    expect(dialog()?.textContent).toContain('Fetched just now');
  });

  it('a pinned card stays open across in-app navigation; an unpinned one closes', () => {
    rest(idSpan());
    (container.querySelector('button[aria-pressed]') as HTMLButtonElement).click();
    cards.navigated();
    expect(dialog()).not.toBeNull();
    (container.querySelector('button[aria-pressed]') as HTMLButtonElement).click();
    cards.navigated();
    expect(dialog()).toBeNull();
  });

  it('a pinned card follows its ID when the page scrolls', async () => {
    for (const [name, value] of [['clientWidth', 1200], ['clientHeight', 800]] as const) {
      Object.defineProperty(document.documentElement, name, { value, configurable: true });
    }
    const span = idSpan();
    let top = 100;
    span.getBoundingClientRect = () => ({ top, left: 10, width: 80, height: 16, bottom: top + 16, right: 90, x: 10, y: top }) as DOMRect;
    rest(span);
    (container.querySelector('button[aria-pressed]') as HTMLButtonElement).click();
    const placedAt = () => (dialog() as HTMLElement).style.top;
    const first = placedAt();
    top = 40;
    document.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(placedAt()).not.toBe(first);
  });
});
