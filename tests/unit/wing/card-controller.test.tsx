// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDecorator, type Decorator } from '@/utils/detect/decorate';
import { detectInquiryIds } from '@/utils/detect/detect-inquiry-ids';
import type { Result } from '@/utils/coupang/error-kinds';
import { createTranslator } from '@/utils/i18n/translate';
import type { LookupValue } from '@/utils/messaging';
import { failure, success } from '@/utils/response-envelope';
import type { Caret } from '@/utils/wing/caret';
import { CARD_TICK_MS, LOADING_GRACE_MS, createCardController } from '@/utils/wing/card-controller';
import type { LookupOptions } from '@/utils/extension-api';
import { createKeyboardNavigation } from '@/utils/wing/keyboard-navigation';
import { cardView } from '@/utils/wing/card-view';
import { lazyView, loadedView, type CardViewSource } from '@/utils/wing/card-view-source';
import { setFailureSink } from '@/utils/log';
import { createFakeTimers, type FakeTimers } from '../hover/fake-timers';
import { HOUR, NOW, unansweredInquiry } from '../components/inquiries';

const ID = '1015668177';
const LINK_ID = '1015668178';
const TWO = ['1015668179', '1015668180'] as const;
const NEW_ID = '1015668181';

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
let decorator: Decorator;
/** What the caret API answers for the pointer's position (happy-dom has none): set by each test. */
let caret: Caret | undefined;
/** The range painted as the ID under the pointer. */
let hovered: Range | undefined;
/** The seller's own input: the test's stand-in for the browser's isTrusted (happy-dom's events are all untrusted). */
let sellerEvents: WeakSet<Event>;
/** Messages the card sent to the background (side panel, options), and how often it turned cards off. */
let messages: unknown[];
let turnedOff: number;
/** The elements the seller's pointer is on (the browser's :hover, which happy-dom does not track). */
let restingOn: Set<Element>;
/** How long a new card waits for its inquiry before it shows a spinner: 0 unless a test is about that wait. */
let graceMs: number;
/** Where the controller gets the card's view: bundled here, unless a test makes it lazy. */
let viewSource: CardViewSource;

beforeEach(() => {
  document.body.innerHTML = `
    <table><thead><tr><th>상담번호</th></tr></thead><tbody><tr><td>${ID}</td></tr></tbody></table>
    <p>상세 <a id="link" href="/tenants/cs/detail?inquiryId=${LINK_ID}">보기</a></p>
    <p id="label">상담번호: ${ID} 안내</p>
    <p id="two">상담번호 ${TWO[0]}, 문의번호 ${TWO[1]} 처리</p>
    <div id="host"><div id="container"></div></div>`;
  decorator = createDecorator(document.body);
  decorator.decorateAll(detectInquiryIds(document.body));
  caret = undefined;
  hovered = undefined;
  timers = createFakeTimers();
  sellerEvents = new WeakSet();
  messages = [];
  turnedOff = 0;
  restingOn = new Set();
  viewSource = loadedView(cardView);
  graceMs = 0;
  asked = [];
  now = NOW;
  container = document.getElementById('container') as HTMLElement;
  cards = createCardController({
    document,
    container,
    // Through `viewSource`, so that a test can make the view lazy after the cards are made.
    view: { current: () => viewSource.current(), load: () => viewSource.load() },
    host: document.getElementById('host') as HTMLElement,
    t: createTranslator('en'),
    locale: 'en',
    lookup: (id, options) => new Promise((answer) => asked.push({ id, options, answer })),
    ask: (async (message: unknown) => {
      messages.push(message);
      return failure('extension-error');
    }) as never,
    keyboard: createKeyboardNavigation(timers.setTimer),
    openDelayMs: 300,
    // These tests are of other things: a new card shows itself loading at once (the grace has tests of its own).
    get loadingGraceMs() {
      return graceMs;
    },
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    pageVendor: () => undefined,
    onDisableCards: () => {
      turnedOff += 1;
    },
    now: () => now,
    decorator,
    caretAt: () => caret,
    pointOnRange: () => true,
    hoverPaint: (range) => {
      hovered = range;
    },
    trusted: (event) => sellerEvents.has(event),
    hovered: (element) => restingOn.has(element),
  });
  for (const type of ['pointerover', 'pointermove', 'pointerout', 'focusin', 'focusout'] as const) {
    document.addEventListener(type, (event) => {
      if (type === 'pointerover') cards.pointerOver(event as PointerEvent);
      if (type === 'pointermove') cards.pointerMove(event as PointerEvent);
      if (type === 'pointerout') cards.pointerOut(event as PointerEvent);
      if (type === 'focusin') cards.focusIn(event as FocusEvent);
      if (type === 'focusout') cards.focusOut(event as FocusEvent);
    });
  }
});

afterEach(() => cards.dispose());

const idSpan = () => document.querySelector(`td[data-cs-lens-id="${ID}"]`) as HTMLElement;
const byId = (id: string) => document.getElementById(id) as HTMLElement;
/** The pointer on the characters of `digits` in the element's first text node (the caret on its second digit). */
const caretOn = (element: HTMLElement, digits: string): Caret => {
  const node = element.firstChild as Text;
  return { node, offset: node.data.indexOf(digits) + 1 };
};
const pointer = (type: 'pointerover' | 'pointermove', element: Element) =>
  element.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: 10, clientY: 10 }));
const dialog = () => container.querySelector('[role=dialog]');
const focusIn = (element: Element) => element.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
const rest = (element: Element) => {
  element.dispatchEvent(new Event('pointerover', { bubbles: true }));
  timers.advance(300);
};
/** An event as the browser delivers the seller's own input. */
const seller = <E extends Event>(event: E): E => {
  sellerEvents.add(event);
  return event;
};
const key = (name: string, type: 'keydown' | 'keyup' = 'keydown') => seller(new KeyboardEvent(type, { key: name, bubbles: true }));
/** The seller clicks (the browser's trusted click). */
const press = (element: Element | null) => {
  if (!element) throw new Error('nothing to press');
  element.dispatchEvent(seller(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
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
    cards.keyDown(key('Tab'));
    focusIn(idSpan());
    timers.advance(299);
    expect(asked).toEqual([]);
    timers.advance(1);
    expect(asked.map((a) => a.id)).toEqual([ID]);
    expect(dialog()?.getAttribute('aria-label')).toContain(ID);
  });

  it('a key that does not move focus (Enter) does not make a later focus count', () => {
    cards.keyDown(key('Enter'));
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
  it('Retry on a held failure asks with retry, so it can lift the hold (docs/request-economy.md#holds); Retry on another failure only refreshes', async () => {
    rest(idSpan());
    asked[0]?.answer(failure('forbidden', { status: 403, detail: 'Not allowed IP', held: true }));
    await flush();
    const retryButton = () => container.querySelector('.csl-hc-failed button') as HTMLButtonElement;
    press(retryButton());
    expect(asked[1]?.options).toMatchObject({ refresh: true, retry: true });
    asked[1]?.answer(failure('network'));
    await flush();
    press(retryButton());
    expect(asked[2]?.options).toMatchObject({ refresh: true, retry: false });
  });
});

describe('the ID under the pointer', () => {
  it('a whole mark gets no hover tint (its cursor says it is one; a tint repaints the page), and its card still opens (issue 19)', () => {
    pointer('pointerover', idSpan());
    expect(hovered).toBeUndefined();
    timers.advance(300);
    expect(asked.map((a) => a.id)).toEqual([ID]);
  });

  it('an ID within a longer text is tinted while the pointer is on it, and untinted when it leaves', () => {
    const label = byId('label');
    caret = caretOn(label, ID);
    pointer('pointerover', label);
    expect(hovered?.toString()).toBe(ID);
    label.dispatchEvent(new MouseEvent('pointerout', { bubbles: true, relatedTarget: document.body }));
    expect(hovered).toBeUndefined();
  });
});

describe('IDs within a longer text (marked with attributes, the page’s text node untouched)', () => {
  it('resting on the ID’s characters opens its card; on the label beside it, nothing', () => {
    const label = byId('label');
    caret = { node: label.firstChild as Node, offset: 2 };
    pointer('pointerover', label);
    timers.advance(1_000);
    expect(asked).toEqual([]);
    caret = caretOn(label, ID);
    pointer('pointermove', label);
    expect(hovered?.toString()).toBe(ID);
    timers.advance(300);
    expect(asked.map((a) => a.id)).toEqual([ID]);
  });

  it('a page script rewriting the text node to another ID: the page shows only the new one, and its card opens, not the old one’s', () => {
    const label = byId('label');
    const text = label.firstChild as Text;
    text.data = `상담번호: ${NEW_ID} 안내`;
    expect(label.textContent).toBe(`상담번호: ${NEW_ID} 안내`);
    // Before the scanner has read the change again, the new number is not yet a known ID: nothing opens, the old ID least of all.
    caret = caretOn(label, NEW_ID);
    pointer('pointerover', label);
    timers.advance(1_000);
    expect(asked).toEqual([]);
    pointer('pointermove', document.body);
    decorator.refresh(label); // what the scanner does on the characterData mutation
    expect(label.firstChild).toBe(text);
    expect(label.getAttribute('data-cs-lens-ids')).toBe(NEW_ID);
    pointer('pointerover', label);
    timers.advance(300);
    expect(asked.map((a) => a.id)).toEqual([NEW_ID]);
    expect(dialog()?.getAttribute('aria-label')).toContain(NEW_ID);
  });

  it('two IDs in one text node: each opens its own card, and moving from one to the other switches', () => {
    const two = byId('two');
    caret = caretOn(two, TWO[0]);
    pointer('pointerover', two);
    timers.advance(300);
    caret = caretOn(two, TWO[1]);
    pointer('pointermove', two);
    timers.advance(300);
    expect(asked.map((a) => [a.id, a.options?.signal?.aborted])).toEqual([
      [TWO[0], true],
      [TWO[1], false],
    ]);
    expect(dialog()?.getAttribute('aria-label')).toContain(TWO[1]);
  });

  it('a label the page has since changed opens no card when the delay is over, and the mark goes', () => {
    const label = byId('label');
    caret = caretOn(label, ID);
    pointer('pointerover', label);
    timers.advance(200);
    (label.firstChild as Text).data = `주문번호: ${ID} 안내`;
    timers.advance(100);
    expect(asked).toEqual([]);
    expect(label.hasAttribute('data-cs-lens-ids')).toBe(false);
  });

  it('Tab onto an element holding two IDs opens the first; ArrowRight moves to the next', () => {
    const two = byId('two');
    expect(two.getAttribute('tabindex')).toBe('0');
    cards.keyDown(key('Tab'));
    two.focus();
    timers.advance(300);
    expect(asked.map((a) => a.id)).toEqual([TWO[0]]);
    cards.keyDown(key('ArrowRight'));
    timers.advance(300);
    expect(asked.map((a) => a.id)).toEqual([TWO[0], TWO[1]]);
    expect(dialog()?.getAttribute('aria-label')).toContain(TWO[1]);
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
    press(container.querySelector('button[aria-pressed]'));
    cards.navigated();
    expect(dialog()).not.toBeNull();
    press(container.querySelector('button[aria-pressed]'));
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
    press(container.querySelector('button[aria-pressed]'));
    const placedAt = () => (dialog() as HTMLElement).style.transform;
    const first = placedAt();
    top = 40;
    document.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(placedAt()).not.toBe(first);
  });
});

describe("only the seller's own input acts on the card (docs/wing-content-script.md#trust)", () => {
  const PHONE = '010-9876-5432';
  /** Everything a page script can do to a button in the card's open shadow root. */
  const pageScriptPresses = (button: HTMLElement) => {
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
  };

  it('a page script pressing every button of a shown card pins, copies, reveals, asks and turns off nothing', async () => {
    rest(idSpan());
    asked[0]?.answer(success({ inquiry: unansweredInquiry(), fetchedAt: NOW, fromCache: false }));
    await flush();
    const buttons = [...container.querySelectorAll('button')];
    // Pin, Close, Copy ID, Copy summary, Open in side panel, Refresh, Show (phone), Turn off, Settings.
    expect(buttons.length).toBeGreaterThanOrEqual(9);
    const before = container.innerHTML;
    for (const button of buttons) pageScriptPresses(button);
    await flush();
    expect(container.innerHTML).toBe(before);
    expect(dialog()?.textContent).not.toContain(PHONE);
    expect(asked).toHaveLength(1);
    expect(messages).toEqual([]);
    expect(turnedOff).toBe(0);
    // The seller's own presses do act: the gate is not simply shut.
    press(container.querySelector('.csl-toggle'));
    await flush();
    expect(dialog()?.textContent).toContain(PHONE);
    press([...container.querySelectorAll('.csl-hc-link')][0] as Element);
    expect(turnedOff).toBe(1);
  });

  it("a page script pressing a failed card's Retry asks nothing; the seller's press asks again", async () => {
    rest(idSpan());
    asked[0]?.answer(failure('server-error'));
    await flush();
    const retry = [...container.querySelectorAll('button')].find((button) => button.textContent === 'Retry') as HTMLElement;
    for (let i = 0; i < 5; i++) pageScriptPresses(retry);
    expect(asked).toHaveLength(1);
    press(retry);
    expect(asked).toHaveLength(2);
  });

  it("a page script's synthetic Escape, arrow or Tab keys close, move and open nothing", () => {
    rest(idSpan());
    cards.keyDown(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(dialog()).not.toBeNull();
    cards.keyDown(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    focusIn(byId('two'));
    timers.advance(1_000);
    cards.keyDown(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(asked.map((a) => a.id)).toEqual([ID]);
    cards.keyDown(key('Escape'));
    expect(dialog()).toBeNull();
  });
});

describe('Escape (the page has its own Escape: docs/wing-content-script.md#keyboard)', () => {
  let field: HTMLTextAreaElement;
  beforeEach(() => {
    field = document.createElement('textarea');
    document.body.append(field);
  });

  it("Escape in the page's text field closes an unpinned card and leaves focus in the field", () => {
    rest(idSpan());
    field.focus();
    cards.keyDown(key('Escape'));
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(field);
  });

  it("Escape in the page's text field leaves a pinned card open", () => {
    rest(idSpan());
    press(container.querySelector('button[aria-pressed]'));
    field.focus();
    cards.keyDown(key('Escape'));
    expect(dialog()).not.toBeNull();
    expect(document.activeElement).toBe(field);
  });

  it('Escape from the card returns focus to the number', () => {
    rest(idSpan());
    byId('host').tabIndex = -1;
    byId('host').focus();
    cards.keyDown(key('Escape'));
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(idSpan());
  });
});

describe('after a pause (docs/request-economy.md#breaker)', () => {
  afterEach(() => vi.useRealTimers());

  it('a paused card asks again by itself when the pause ends, once', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    rest(idSpan());
    asked[0]?.answer(failure('rate-limited', { resumesAt: Date.now() + 3_000 }));
    await vi.waitFor(() => expect(dialog()?.textContent).toMatch(/0:0[23]/));
    vi.advanceTimersByTime(3_000);
    expect(asked.map((a) => [a.id, a.options?.refresh])).toEqual([
      [ID, false],
      [ID, false],
    ]);
    vi.advanceTimersByTime(60_000);
    expect(asked).toHaveLength(2);
  });
});

describe('a pointer already resting on a number when it is marked (issue 16: tabs pointed at while loading)', () => {
  it('the card opens after the dwell, without any pointer event, and asks once', () => {
    restingOn.add(idSpan());
    cards.marked([byId('link'), idSpan()]);
    timers.advance(299);
    expect(asked).toEqual([]);
    timers.advance(1);
    expect(asked.map((a) => a.id)).toEqual([ID]);
    expect(dialog()?.getAttribute('aria-label')).toContain(ID);
  });

  it('marks the pointer is not on open nothing', () => {
    cards.marked([idSpan(), byId('link')]);
    timers.advance(5_000);
    expect(asked).toEqual([]);
  });

  it("only until the seller's first pointer event: later marks under a still pointer (a page swapping numbers) open nothing", () => {
    pointer('pointerover', byId('two'));
    restingOn.add(idSpan());
    cards.marked([idSpan()]);
    timers.advance(5_000);
    expect(asked).toEqual([]);
  });

  it('at most once per start: a second batch under the same still pointer asks nothing more', () => {
    restingOn.add(idSpan());
    cards.marked([idSpan()]);
    timers.advance(300);
    restingOn.add(byId('link'));
    cards.marked([byId('link')]);
    timers.advance(5_000);
    expect(asked.map((a) => a.id)).toEqual([ID]);
  });

  it('within a longer text the pointer may be on the label: nothing opens until it moves onto the digits', () => {
    const label = byId('label');
    restingOn.add(label);
    cards.marked([label]);
    timers.advance(1_000);
    expect(asked).toEqual([]);
    caret = caretOn(label, ID);
    pointer('pointermove', label);
    timers.advance(300);
    expect(asked.map((a) => a.id)).toEqual([ID]);
  });
});

describe('Open in side panel (issue 16 item 13)', () => {
  const openButton = () =>
    [...container.querySelectorAll('button')].find((button) => button.textContent === 'Open in side panel') as HTMLButtonElement;

  it("a sample's card (the demo page) tells the side panel it is a sample, so it is never looked up with the seller's keys", async () => {
    rest(idSpan());
    asked[0]?.answer(success({ inquiry: unansweredInquiry(), fetchedAt: NOW, fromCache: false, sample: true }));
    await flush();
    press(openButton());
    expect(messages).toEqual([{ type: 'open-side-panel', id: ID, sample: true }]);
  });

  it('a real inquiry goes as a number only', async () => {
    rest(idSpan());
    asked[0]?.answer(success({ inquiry: unansweredInquiry(), fetchedAt: NOW, fromCache: false }));
    await flush();
    press(openButton());
    expect(messages).toEqual([{ type: 'open-side-panel', id: ID }]);
  });
});

describe('the view loaded on demand (issue 19: docs/performance.md#start-up-size)', () => {
  afterEach(() => setFailureSink(console));

  /** A lazy view whose import the test settles. */
  const lazy = () => {
    const imports: { settle: (ok: boolean) => void }[] = [];
    const events: string[] = [];
    viewSource = lazyView(
      () =>
        new Promise((resolve, reject) => {
          events.push('import');
          imports.push({ settle: (ok) => (ok ? resolve({ cardView }) : reject(new TypeError('Failed to fetch dynamically imported module'))) });
        }),
      () => events.push(`styles before a draw: ${dialog() === null}`),
    );
    return { imports, events };
  };

  it('starts loading as the pointer reaches a number, draws once loaded, and loads it once for every later card', async () => {
    const { imports, events } = lazy();
    pointer('pointerover', idSpan());
    // The import runs during the intent's delay, not after it.
    expect(events).toEqual(['import']);
    timers.advance(300);
    expect(asked.map((a) => a.id)).toEqual([ID]);
    expect(dialog()).toBeNull();
    imports[0]!.settle(true);
    await flush();
    expect(events).toEqual(['import', 'styles before a draw: true']);
    expect(dialog()?.textContent).toContain(ID);

    pointer('pointerover', document.body);
    timers.advance(1_000);
    expect(dialog()).toBeNull();
    rest(byId('link'));
    expect(dialog()).not.toBeNull();
    expect(imports).toHaveLength(1);
  });

  it('a view that cannot be loaded draws nothing, is logged once, and is tried again at the next number', async () => {
    const warn = vi.fn();
    setFailureSink({ warn });
    const { imports } = lazy();
    rest(idSpan());
    imports[0]!.settle(false);
    await flush();
    expect(dialog()).toBeNull();
    expect(warn.mock.calls).toEqual([['[CS Lens] card view: load: TypeError']]);

    pointer('pointerover', document.body);
    timers.advance(1_000);
    rest(idSpan());
    expect(imports).toHaveLength(2);
    imports[1]!.settle(true);
    await flush();
    expect(dialog()?.textContent).toContain(ID);
  });

  it('a card closed before the view arrives is not drawn when it does', async () => {
    const { imports } = lazy();
    rest(idSpan());
    pointer('pointerover', document.body);
    timers.advance(1_000);
    imports[0]!.settle(true);
    await flush();
    expect(dialog()).toBeNull();
  });
});

describe('a new card waits a moment for its inquiry before it shows a spinner (issue 19)', () => {
  /** Every state the card was drawn in, in order. */
  const drawnStates = () => {
    const states: string[] = [];
    viewSource = loadedView({ ...cardView, draw: (at, anchor, card) => (states.push(card.state.phase), cardView.draw(at, anchor, card)) });
    graceMs = LOADING_GRACE_MS;
    return states;
  };
  const inquiryOf = (id: string): Result<LookupValue> => success({ inquiry: unansweredInquiry({ inquiryId: id }), fetchedAt: NOW, fromCache: false });

  it('an answer within the grace: the card is drawn with its inquiry, never as a spinner first', async () => {
    const states = drawnStates();
    rest(idSpan());
    expect(asked.map((a) => a.id)).toEqual([ID]);
    timers.advance(LOADING_GRACE_MS - 10);
    expect(dialog()).toBeNull();
    asked[0]!.answer(inquiryOf(ID));
    await flush();
    expect(dialog()?.textContent).toContain(ID);
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((state) => state === 'shown')).toBe(true);
  });

  it('a slow answer: the spinner once the grace is over, then the inquiry', async () => {
    const states = drawnStates();
    rest(idSpan());
    timers.advance(LOADING_GRACE_MS - 1);
    expect(dialog()).toBeNull();
    timers.advance(1);
    expect(dialog()).not.toBeNull();
    expect(states.at(-1)).toBe('loading');
    asked[0]!.answer(inquiryOf(ID));
    await flush();
    expect(states.at(-1)).toBe('shown');
  });

  it('a failure within the grace is drawn at once', async () => {
    drawnStates();
    rest(idSpan());
    asked[0]!.answer(failure('not-found'));
    await flush();
    expect(dialog()).not.toBeNull();
  });

  it('Refresh on a card on screen shows it loading at once', async () => {
    const states = drawnStates();
    rest(idSpan());
    asked[0]!.answer(inquiryOf(ID));
    await flush();
    press([...container.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Refresh') ?? null);
    expect(states.at(-1)).toBe('loading');
    expect(dialog()).not.toBeNull();
  });

  it('a card closed within the grace (Escape) is never drawn', () => {
    const states = drawnStates();
    rest(idSpan());
    cards.keyDown(key('Escape'));
    timers.advance(5_000);
    expect(states).toEqual([]);
    expect(dialog()).toBeNull();
  });
});
