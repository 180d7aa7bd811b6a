import type { AnswerService } from '@/components/answer-panel';
import type { HoverCardState } from '@/components/hover-card';
import type { AnswerPrefs } from '../answer-view/answer-prefs';
import type { ask as askBackground } from '../extension-api';
import { createHoverIntent, type CloseReason } from '../hover/hover-intent';
import type { Locale, Translate } from '../i18n/translate';
import { followScrollAndResize } from './card-placement';
import { createCardLookup, type Lookup } from './card-lookup';
import type { CardDraw } from './card-view';
import type { CardViewSource } from './card-view-source';
import { createIdTargets, type IdTarget, type IdTargetsOptions, type PointerHit } from './id-targets';
import type { KeyboardNavigation } from './keyboard-navigation';
import { browserTrust, guardTrusted, type TrustCheck } from './trusted';
import { DECORATED_ATTRIBUTE } from '../detect/detection';
import { createVendorCheck } from './vendor-check';

/** Also the options of id-targets.ts: the document, the decorator, the caret API and its hit test. */
export interface CardControllerOptions extends IdTargetsOptions {
  /** The element inside the card's shadow root that the card renders into. */
  container: HTMLElement;
  /**
   * The card's view (Preact and the card's components): on Wing loaded when the seller first points at or
   * tabs to a number, so a page view that opens no card never loads it (docs/performance.md#start-up-size).
   */
  view: CardViewSource;
  /** The shadow host: pointer and focus on it count as being on the card. */
  host: HTMLElement;
  t: Translate;
  locale: Locale;
  /** lookupInquiry from utils/extension-api.ts, or a stand-in: the card asks for inquiries only through it. */
  lookup: Lookup;
  /** The other messages (status, side panel, options). */
  ask: typeof askBackground;
  /** Tells the seller's Tab from a page script's `el.focus()`. */
  keyboard: KeyboardNavigation;
  openDelayMs: number;
  /** LOADING_GRACE_MS unless a test of something else sets 0 (a new card then shows itself loading at once). */
  loadingGraceMs?: number;
  setTimer: (callback: () => void, ms: number) => number;
  clearTimer: (handle: number) => void;
  /** The vendor code printed on the page (업체코드), read when a card opens. */
  pageVendor: () => string | undefined;
  onDisableCards: () => void;
  /** The current time (epoch ms); the open card's deadline counts down from it. */
  now: () => number;
  /** Paints the ID under the pointer when it lies within a longer text (id-highlight.ts). */
  hoverPaint: (range: Range | undefined) => void;
  /** Whether an event is the seller's own input: `event.isTrusted`, unless a test stands in for the browser. */
  trusted?: TrustCheck;
  /** Whether the seller's pointer is on the element now (`:hover`, which only the real pointer sets); tests stand in. */
  hovered?: (element: Element) => boolean;
  /** Answering from the card (docs/answering.md#the-hover-card); absent: the card offers no Answer. */
  answers?: CardAnswers;
}

export interface CardAnswers {
  service: AnswerService;
  /** The Wing user ID and saved answers as last read from storage. */
  prefs: () => AnswerPrefs;
  draftDelayMs?: number;
}

/** Key and text events that must not leave the answer form for Wing's own handlers. */
export const FORM_KEY_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend'] as const;

/** `drawn`: the card is on screen (a new card waits LOADING_GRACE_MS for its inquiry before it shows a spinner). */
type Open = { target: IdTarget; id: string; state: HoverCardState; drawn: boolean };

/**
 * How long a new card waits for its inquiry before it shows itself loading. Most answers (a cached or primed
 * inquiry, a quick gateway) come sooner: the card is then drawn once, with its inquiry, which spares the page a
 * render, a layout and a repaint of a spinner seen for a moment (docs/performance.md#what-the-trace-found).
 */
export const LOADING_GRACE_MS = 150;

/** An open card redraws this often, so its deadline counts down. */
export const CARD_TICK_MS = 15_000;

/**
 * One card for the whole page, wired to the hover intent: opens on pointer dwell or keyboard focus over
 * a decorated ID, asks for the inquiry only when it opens (and aborts when it closes first), and closes
 * on leave, Escape or Close. Fetching, the vendor check and placement live in their own files.
 */
export function createCardController(options: CardControllerOptions) {
  const { document, container, host, t, locale, keyboard } = options;
  let open: Open | undefined;
  let pinned = false;
  let stopFollowing: (() => void) | undefined;
  let tick: number | undefined;
  /** The wait before a new card shows itself loading (LOADING_GRACE_MS). */
  let grace: number | undefined;
  /** Closing because the page changed, not because the seller dismissed: focus stays where it is. */
  let quietClose = false;
  const lookup = createCardLookup(options.lookup);
  const vendor = createVendorCheck({ ask: options.ask, pageVendor: options.pageVendor });
  const trusted = options.trusted ?? browserTrust;
  // The root is open, so page scripts can click() or dispatch into the card: none of that acts (docs/wing-content-script.md#trust).
  const unguard = guardTrusted(container, trusted);
  /** The answer form is open in the card: the card is pinned and Escape is the form's. */
  let answering = false;
  /** Where focus was when Answer was pressed, outside the card: it goes back there when the card closes. */
  let returnFocus: HTMLElement | undefined;
  // Keys typed in the answer form stop at the card's shadow boundary: Wing's keyboard handlers never see
  // them (docs/wing-content-script.md#answering). Our own document listener runs first, in the capture phase.
  const keyIsolation = new AbortController();
  const fromForm = (event: Event) => event.composedPath().some((node) => node instanceof Element && node.classList.contains('answer-form'));
  for (const type of FORM_KEY_EVENTS) {
    container.addEventListener(type, (event) => fromForm(event) && event.stopPropagation(), { signal: keyIsolation.signal });
  }

  const targets = createIdTargets(options);
  /** The target under the pointer, and the marked-within element it is in (moves inside it may switch IDs). */
  let pointerTarget: IdTarget | undefined;
  let pointerWithin: HTMLElement | undefined;
  /** The target keyboard focus rests on (arrow keys move it between the IDs of one element). */
  let focusTarget: IdTarget | undefined;
  /** A pointer event of the seller's reached the page since the cards started: from then on events tell where it is. */
  let pointerSeen = false;
  const hovered = options.hovered ?? ((element: Element) => element.matches(':hover'));

  const intent = createHoverIntent<IdTarget, number>({
    openDelayMs: options.openDelayMs,
    setTimer: options.setTimer,
    clearTimer: options.clearTimer,
    onOpen: (target) => show(target, false),
    onClose: (target, reason) => close(target, reason),
  });

  /** Reads the open inquiry again without blanking the card (after an answer went out): the answer view stays. */
  function reread(id: string): void {
    if (!open || open.id !== id) return;
    const { target } = open;
    lookup.ask(id, false, (result) => {
      if (open?.target !== target || open.id !== id || !result.ok) return;
      open = { ...open, state: { phase: 'shown', value: result.value } };
      draw();
    });
  }

  function answerOpened(isOpen: boolean): void {
    if (isOpen === answering) return;
    answering = isOpen;
    if (!isOpen) return;
    const active = document.activeElement;
    returnFocus = active instanceof HTMLElement && active !== host && active !== document.body ? active : open?.target.element;
    // Answer pins the card: it stays open whatever the pointer does until the seller closes it.
    if (!pinned) togglePin();
  }

  function show(target: IdTarget, refresh: boolean, retry = false): void {
    // Re-read now: the page may have put another inquiry in this element since it was decorated.
    const id = targets.currentId(target);
    if (!id) {
      quietClose = true;
      intent.escape();
      quietClose = false;
      return;
    }
    // A card already on screen (Refresh, Retry, a pause ending) shows that it is loading at once.
    const onScreen = open?.target === target && open.drawn;
    open = { target, id, state: { phase: 'loading' }, drawn: onScreen };
    if (grace !== undefined) options.clearTimer(grace);
    grace = undefined;
    const graceMs = options.loadingGraceMs ?? LOADING_GRACE_MS;
    if (onScreen || graceMs <= 0) {
      open = { ...open, drawn: true };
      draw();
    } else {
      grace = options.setTimer(() => {
        grace = undefined;
        if (open?.target !== target || open.id !== id || open.drawn) return;
        open = { ...open, drawn: true };
        draw();
      }, graceMs);
    }
    vendor.run(draw);
    stopFollowing ??= followScrollAndResize(document, draw);
    scheduleTick();
    lookup.ask(id, refresh, (result) => {
      if (open?.target !== target || open.id !== id) return;
      open = { ...open, state: result.ok ? { phase: 'shown', value: result.value } : { phase: 'failed', error: result.error }, drawn: true };
      draw();
    }, retry);
  }

  function scheduleTick(): void {
    if (tick !== undefined) options.clearTimer(tick);
    tick = options.setTimer(() => {
      tick = undefined;
      if (!open) return;
      draw();
      scheduleTick();
    }, CARD_TICK_MS);
  }

  function close(target: IdTarget, reason: CloseReason): void {
    lookup.cancel();
    open = undefined;
    pinned = false;
    stopFollowing?.();
    stopFollowing = undefined;
    if (tick !== undefined) options.clearTimer(tick);
    tick = undefined;
    if (grace !== undefined) options.clearTimer(grace);
    grace = undefined;
    options.view.current()?.clear(container);
    const back = returnFocus?.isConnected ? returnFocus : target.element;
    const wasAnswering = returnFocus !== undefined;
    answering = false;
    returnFocus = undefined;
    if (!quietClose && (wasAnswering || reason === 'escape' || reason === 'pinned-escape')) back.focus();
  }

  /** A draw is waiting for the view to load: one is enough, whatever happens meanwhile it draws what is open then. */
  let drawWhenLoaded = false;

  function draw(): void {
    if (!open?.drawn) return;
    const view = options.view.current();
    if (!view) {
      if (drawWhenLoaded) return;
      drawWhenLoaded = true;
      void options.view.load().then(() => {
        drawWhenLoaded = false;
        if (options.view.current()) draw();
      });
      return;
    }
    const { target, id, state } = open;
    const card: CardDraw = {
      id,
      state,
      t,
      locale,
      clock: options.now,
      pinned,
      vendorMismatch: vendor.mismatch,
      // A sample (the demo page) is shown there from the bundle too, never looked up with the seller's keys.
      onOpenSidePanel: () => void options.ask({ type: 'open-side-panel', id, ...(state.phase === 'shown' && state.value.sample ? { sample: true } : {}) }),
      // Retry on a held failure is the seller's go-ahead to try these keys again, as in the popup.
      onRefresh: () => show(target, true, state.phase === 'failed' && state.error.held === true),
      onTogglePin: togglePin,
      onDisableCards: options.onDisableCards,
      onClose: () => intent.escape(),
      onOpenOptions: () => void options.ask({ type: 'open-options' }),
      // The pause is over: ask once more, through the budget like any lookup (docs/request-economy.md).
      onResume: () => show(target, false),
      answer: options.answers && {
        service: options.answers.service,
        prefs: options.answers.prefs(),
        trusted,
        draftDelayMs: options.answers.draftDelayMs,
        onOpenChange: answerOpened,
        onSent: (sent) => {
          if (!open || open.id !== id) return;
          // The inquiry as read back after the write (cache replaced); else read it once more.
          if (sent.after) {
            open = { ...open, state: { phase: 'shown', value: sent.after } };
            draw();
          } else if (!sent.sample) reread(id);
        },
      },
    };
    view.draw(container, targets.anchorOf(target, id), card);
  }

  function togglePin(): void {
    pinned = !pinned;
    if (pinned) intent.pin();
    else intent.unpin();
    draw();
  }

  /** The pointer is now on `target` (or on no ID): leaves the previous one for the intent, enters this. */
  function pointAt({ target, range, within }: PointerHit): void {
    pointerWithin = within;
    if (target === pointerTarget) return;
    if (pointerTarget) intent.pointerLeaveTarget(pointerTarget);
    pointerTarget = target;
    options.hoverPaint(range);
    if (!target) return;
    prepareView();
    intent.pointerEnterTarget(target);
  }

  /** A card may be wanted soon: the view loads during the intent's delay, not after it (docs/performance.md). */
  function prepareView(): void {
    void options.view.load();
  }

  /**
   * Escape from the card or its number closes the card and puts focus on the number. Escape elsewhere is the
   * page's (closing Wing's own autocomplete, say): an unpinned card closes with focus left where it is, and a
   * pinned card stays while the seller is in one of the page's text fields.
   */
  function escapeKey(): void {
    const active = document.activeElement;
    if (active === host || (open && active === open.target.element)) return intent.escape();
    if (intent.isPinned && isTextField(active)) return;
    quietClose = true;
    intent.escape();
    quietClose = false;
  }

  /** ArrowRight / ArrowLeft on a focused element holding several IDs: the card of the next or previous one. */
  function cycleFocus(step: 1 | -1): void {
    const current = focusTarget;
    if (!current || document.activeElement !== current.element) return;
    const next = targets.sibling(current, step);
    if (next === current) return;
    intent.blurTarget(current);
    focusTarget = next;
    intent.focusTarget(next);
  }

  return {
    /**
     * The scanner has just marked these elements. A pointer that was resting there before the cards started
     * (a tab opened and pointed at while its script was loading, cards turned on) sends no pointerover, so
     * the card would never open: look once whether it rests on one of them. Only until the seller's first
     * pointer event, so a page swapping numbers under a still pointer gets at most this one card.
     */
    marked(elements: readonly Element[]): void {
      if (pointerSeen) return;
      const resting = elements.find(hovered);
      if (!resting) return;
      pointerSeen = true;
      // Within a longer text the pointer may be on the label, not the digits: its next move tells (pointerMove).
      if (resting.hasAttribute(DECORATED_ATTRIBUTE)) pointAt({ target: targets.ofFocus(resting) });
      else if (resting instanceof HTMLElement) pointAt({ within: resting });
    },
    pointerOver(event: PointerEvent): void {
      pointerSeen = true;
      if (event.target === host) return intent.pointerEnterCard();
      pointAt(targets.underPointer(event.target, event.clientX, event.clientY));
    },
    /** Cheap unless the pointer is inside a marked-within element: only there can it move from one ID to another. */
    pointerMove(event: PointerEvent): void {
      if (pointerWithin) pointAt(targets.underPointer(event.target, event.clientX, event.clientY));
    },
    pointerOut(event: PointerEvent): void {
      if (event.target === host) {
        if (event.relatedTarget !== host) intent.pointerLeaveCard();
        return;
      }
      const related = event.relatedTarget instanceof Node ? event.relatedTarget : null;
      if (pointerWithin && !(related && pointerWithin.contains(related))) pointerWithin = undefined;
      if (pointerTarget && !(related && pointerTarget.element.contains(related))) pointAt({ within: pointerWithin });
    },
    focusIn(event: FocusEvent): void {
      if (event.target === host) return intent.focusEnterCard();
      const target = targets.ofFocus(event.target);
      // Only the seller's keyboard navigation counts; a click's focus waits for the pointer's dwell, a page's el.focus() for nothing.
      if (!target || !keyboard.take()) return;
      focusTarget = target;
      prepareView();
      intent.focusTarget(target);
    },
    focusOut(event: FocusEvent): void {
      if (event.target === host) {
        if (event.relatedTarget !== host) intent.focusLeaveCard();
        return;
      }
      const target = focusTarget?.element === event.target ? focusTarget : targets.ofFocus(event.target);
      if (target && event.relatedTarget !== host) {
        intent.blurTarget(target);
        if (target === focusTarget) focusTarget = undefined;
      }
    },
    keyDown(event: KeyboardEvent): void {
      if (!trusted(event)) return;
      keyboard.keyDown(event);
      // In the answer form Escape is the form's: review goes back to editing, editing closes the form.
      if (event.key === 'Escape' && answering && event.composedPath().includes(host)) return;
      if (event.key === 'Escape' && intent.isOpen) escapeKey();
      else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') cycleFocus(event.key === 'ArrowRight' ? 1 : -1);
    },
    keyUp(event: KeyboardEvent): void {
      if (!trusted(event)) return;
      keyboard.keyUp(event);
    },
    /** Whether the seller is using the cards right now: a card open, or the pointer or focus on a number. */
    get inUse(): boolean {
      return intent.isOpen || pointerTarget !== undefined || focusTarget !== undefined;
    },

    /** The background says this inquiry changed through the extension (INQUIRY_CHANGED): an open card reads it again. */
    inquiryChanged(id: string): void {
      reread(id);
    },
    /** In-app navigation: an unpinned card's ID may be gone, and the next view may belong to another store. */
    navigated(): void {
      vendor.reset();
      if (!intent.isOpen || intent.isPinned) return;
      quietClose = true;
      intent.escape();
      quietClose = false;
    },
    dispose(): void {
      pointerTarget = focusTarget = undefined;
      pointerWithin = undefined;
      options.hoverPaint(undefined);
      lookup.cancel();
      intent.dispose();
      stopFollowing?.();
      stopFollowing = undefined;
      if (tick !== undefined) options.clearTimer(tick);
      if (grace !== undefined) options.clearTimer(grace);
      open = undefined;
      options.view.current()?.clear(container);
      unguard();
      keyIsolation.abort();
    },
  };
}

/** Where the seller types: the page's inputs, text areas, selects and editable regions. */
function isTextField(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  return element.matches('textarea, select, [contenteditable]:not([contenteditable="false"]), input:not([type="button"], [type="checkbox"], [type="radio"], [type="submit"], [type="reset"], [type="image"], [type="file"], [type="range"], [type="color"])');
}
