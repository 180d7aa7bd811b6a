// @vitest-environment happy-dom
/**
 * The answer view in the hover card (docs/answering.md#the-hover-card): Answer pins the card, focus goes
 * into the text box and back, Escape in the form is the form's, keys typed there reach none of the page's
 * listeners, a page script's clicks do nothing, and INQUIRY_CHANGED / a sent answer re-read the card.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerService } from '@/components/answer-panel';
import { createDecorator } from '@/utils/detect/decorate';
import { detectInquiryIds } from '@/utils/detect/detect-inquiry-ids';
import type { Result } from '@/utils/coupang/error-kinds';
import { en } from '@/utils/i18n/en';
import { createTranslator } from '@/utils/i18n/translate';
import type { LookupValue } from '@/utils/messaging';
import { failure, success } from '@/utils/response-envelope';
import { createCardController } from '@/utils/wing/card-controller';
import { createKeyboardNavigation } from '@/utils/wing/keyboard-navigation';
import { cardView } from '@/utils/wing/card-view';
import { loadedView } from '@/utils/wing/card-view-source';
import { createFakeTimers, type FakeTimers } from '../hover/fake-timers';
import { NOW, completeInquiry, unansweredInquiry } from '../components/inquiries';

const ID = '1015668177';

let timers: FakeTimers;
let asked: { id: string; answer: (result: Result<LookupValue>) => void }[];
let container: HTMLElement;
let host: HTMLElement;
let cards: ReturnType<typeof createCardController>;
let sellerEvents: WeakSet<Event>;
let service: { [K in keyof AnswerService]: ReturnType<typeof vi.fn> };
/** What the page's own listeners heard. */
let pageHeard: string[];
let listeners: AbortController;

const inquiry = (overrides = {}) => unansweredInquiry({ inquiryId: ID, ...overrides });
const shown = (value = inquiry()): Result<LookupValue> => success({ inquiry: value, fetchedAt: NOW, fromCache: false });

beforeEach(() => {
  document.body.innerHTML = `
    <input id="search" />
    <table><thead><tr><th>상담번호</th></tr></thead><tbody><tr><td>${ID}</td></tr></tbody></table>
    <div id="host"><div id="container"></div></div>`;
  const decorator = createDecorator(document.body);
  decorator.decorateAll(detectInquiryIds(document.body));
  timers = createFakeTimers();
  sellerEvents = new WeakSet();
  asked = [];
  pageHeard = [];
  container = document.getElementById('container') as HTMLElement;
  host = document.getElementById('host') as HTMLElement;
  service = {
    getDraft: vi.fn(async () => 'Kept draft'),
    saveDraft: vi.fn(),
    discardDraft: vi.fn(),
    answer: vi.fn(async () => success({ after: { inquiry: completeInquiry({ inquiryId: ID }), fetchedAt: NOW, fromCache: false } })),
    confirm: vi.fn(),
    setWingUserId: vi.fn(),
  };
  cards = createCardController({
    document,
    container,
    view: loadedView(cardView),
    host,
    t: createTranslator('en'),
    locale: 'en',
    lookup: (id) => new Promise((answer) => asked.push({ id, answer })),
    ask: (async () => failure('extension-error')) as never,
    keyboard: createKeyboardNavigation(timers.setTimer),
    openDelayMs: 300,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    pageVendor: () => undefined,
    onDisableCards: () => undefined,
    now: () => NOW,
    decorator,
    caretAt: () => undefined,
    pointOnRange: () => true,
    hoverPaint: () => undefined,
    trusted: (event) => sellerEvents.has(event),
    answers: { service: service as unknown as AnswerService, prefs: () => ({ wingUserId: 'seller01', savedAnswers: [] }), draftDelayMs: 50 },
  });
  listeners = new AbortController();
  const { signal } = listeners;
  // The content script's own listeners: document, capture phase (utils/wing/wing-cards.ts).
  document.addEventListener('keydown', (event) => cards.keyDown(event), { capture: true, signal });
  for (const type of ['pointerover', 'pointerout', 'focusin', 'focusout'] as const) {
    document.addEventListener(type, (event) => {
      if (type === 'pointerover') cards.pointerOver(event as PointerEvent);
      if (type === 'pointerout') cards.pointerOut(event as PointerEvent);
      if (type === 'focusin') cards.focusIn(event as FocusEvent);
      if (type === 'focusout') cards.focusOut(event as FocusEvent);
    }, { signal });
  }
  // Wing's own keyboard handlers: on the document and the window, where pages put their shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput'] as const) {
    document.addEventListener(type, () => pageHeard.push(`document ${type}`), { signal });
    window.addEventListener(type, () => pageHeard.push(`window ${type}`), { signal });
  }
});

afterEach(() => {
  listeners.abort();
  cards.dispose();
});

const seller = <E extends Event>(event: E): E => {
  sellerEvents.add(event);
  return event;
};
const idCell = () => document.querySelector(`td[data-cs-lens-id="${ID}"]`) as HTMLElement;
const dialog = () => container.querySelector('[role=dialog]');
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name);
/** The seller clicks (the browser's trusted click); Preact renders the result on its next tick. */
const press = async (name: string) => {
  const target = button(name);
  if (!target) throw new Error(`no button ${name}`);
  target.dispatchEvent(seller(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
  await flush();
};
const box = () => container.querySelector('textarea') as HTMLTextAreaElement | null;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Preact 11 runs effects, and an unmounted component's cleanups, after the next paint. */
const paint = () => new Promise((resolve) => setTimeout(resolve, 60));
const keyIn = async (element: Element, name: string, type: 'keydown' | 'keyup' = 'keydown') => {
  element.dispatchEvent(seller(new KeyboardEvent(type, { key: name, bubbles: true, composed: true, cancelable: true })));
  await flush();
};

async function openCard(value = inquiry()) {
  idCell().dispatchEvent(new Event('pointerover', { bubbles: true }));
  timers.advance(300);
  asked.at(-1)?.answer(shown(value));
  await flush();
}

async function openForm() {
  await openCard();
  await press(en['answer.open']);
  await flush();
  await paint();
}

describe('Answer in the hover card', () => {
  it('pins the card and puts focus in the text box with the kept draft; the pointer leaving closes nothing', async () => {
    await openCard();
    expect(dialog()?.classList.contains('csl-hover-card--pinned')).toBe(false);
    await press(en['answer.open']);
    await flush();
    await paint();
    expect(service.getDraft).toHaveBeenCalledWith(ID);
    expect(box()?.value).toBe('Kept draft');
    expect(document.activeElement === box() || host.contains(document.activeElement)).toBe(true);
    expect(dialog()?.classList.contains('csl-hover-card--pinned')).toBe(true);
    idCell().dispatchEvent(new Event('pointerout', { bubbles: true }));
    host.dispatchEvent(new Event('pointerout', { bubbles: true }));
    timers.advance(10_000);
    expect(box()).not.toBeNull();
  });

  it('puts focus back where it was when the card closes', async () => {
    const search = document.getElementById('search') as HTMLInputElement;
    search.focus();
    await openForm();
    search.focus(); // happy-dom does not move focus on a dispatched click: focus is still the page's
    await press(en['card.close']);
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(search);
  });

  it('Escape in the review step goes back to editing, not closing; Escape in editing closes the form, then the card', async () => {
    await openForm();
    await press(en['answer.review']);
    expect(button(en['answer.send'])).toBeTruthy();
    await keyIn(button(en['answer.send'])!, 'Escape');
    expect(dialog()).not.toBeNull();
    expect(box()?.value).toBe('Kept draft');
    await keyIn(box()!, 'Escape');
    await flush();
    expect(box()).toBeNull();
    expect(button(en['answer.open'])).toBeTruthy();
    expect(dialog()).not.toBeNull();
    expect(service.answer).not.toHaveBeenCalled();
  });

  it('keys typed in the form reach none of the page’s listeners; keys elsewhere still do', async () => {
    await openForm();
    for (const type of ['keydown', 'keyup'] as const) await keyIn(box()!, 'a', type);
    box()!.dispatchEvent(seller(new KeyboardEvent('keypress', { key: 'a', bubbles: true, composed: true })));
    box()!.dispatchEvent(seller(new InputEvent('beforeinput', { bubbles: true, composed: true })));
    box()!.dispatchEvent(seller(new InputEvent('input', { bubbles: true, composed: true })));
    expect(pageHeard).toEqual([]);
    await keyIn(document.getElementById('search')!, 'a');
    expect(pageHeard).toEqual(['document keydown', 'window keydown']);
  });

  it('a page script’s clicks and keys do nothing: no form, no review, no send', async () => {
    await openCard();
    button(en['answer.open'])!.click();
    await flush();
    expect(box()).toBeNull();
    expect(service.getDraft).not.toHaveBeenCalled();
    await press(en['answer.open']);
    await flush();
    await paint();
    button(en['answer.review'])!.click();
    expect(button(en['answer.send'])).toBeUndefined();
    await press(en['answer.review']);
    button(en['answer.send'])!.click();
    button(en['answer.send'])!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await flush();
    expect(service.answer).not.toHaveBeenCalled();
    await press(en['answer.send']);
    await flush();
    expect(service.answer).toHaveBeenCalledTimes(1);
    expect(service.answer).toHaveBeenCalledWith(ID, 'Kept draft', 'seller01', '21128942421017');
  });

  it('after Send the card shows the inquiry answered: status answered, the deadline gone', async () => {
    await openForm();
    expect(container.textContent).toContain('left to answer');
    await press(en['answer.review']);
    await press(en['answer.send']);
    await flush();
    await flush();
    expect(container.textContent).toContain(en['answer.sent']);
    expect(container.textContent).not.toContain('Reply by');
    expect(container.textContent).not.toContain('left to answer');
    // The form's Close (the card's × is also named Close).
    container.querySelector('.answer-form .answer-actions button')!.dispatchEvent(seller(new MouseEvent('click', { bubbles: true, composed: true })));
    await flush();
    await flush();
    expect(container.textContent).toContain(en['answer.why.answered']);
    expect(button(en['answer.open'])).toBeUndefined();
    expect(asked).toHaveLength(1);
  });

  it('INQUIRY_CHANGED for the open card reads it again without blanking it; another ID is ignored', async () => {
    await openCard();
    cards.inquiryChanged('999');
    expect(asked).toHaveLength(1);
    cards.inquiryChanged(ID);
    expect(asked).toHaveLength(2);
    expect(button(en['answer.open'])).toBeTruthy(); // still shown while reading
    asked[1]!.answer(shown(completeInquiry({ inquiryId: ID })));
    await flush();
    expect(container.textContent).toContain(en['answer.why.answered']);
  });

  it('keeps the draft when the card closes with unsaved typing, and saves as the seller types', async () => {
    await openForm();
    box()!.value = 'Half a sent';
    box()!.dispatchEvent(seller(new InputEvent('input', { bubbles: true, composed: true })));
    await press(en['card.close']);
    await paint();
    expect(service.saveDraft).toHaveBeenCalledWith(ID, 'Half a sent');
    expect(service.discardDraft).not.toHaveBeenCalled();
  });

  it('an answered inquiry offers no Answer', async () => {
    await openCard(completeInquiry({ inquiryId: ID }));
    expect(button(en['answer.open'])).toBeUndefined();
    expect(container.textContent).toContain(en['answer.why.answered']);
  });
});
