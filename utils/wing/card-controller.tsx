import { render } from 'preact';
import { HoverCard, type HoverCardState } from '@/components/hover-card';
import { isStaleDecoration, undecorate, type Decorator } from '../detect/decorate';
import { DECORATED_ATTRIBUTE, MARKED_WITHIN_ATTRIBUTE, idsMarkedWithin } from '../detect/detection';
import { isText } from '../detect/dom-text';
import { idAtOffset, runOf } from '../detect/id-at-offset';
import type { ask as askBackground } from '../extension-api';
import { copyText } from '../hover/clipboard-text';
import { createHoverIntent, type CloseReason } from '../hover/hover-intent';
import type { Placement } from '../hover/placement';
import type { Locale, Translate } from '../i18n/translate';
import { plainTextSummary } from '../inquiry/summary';
import type { CaretAt } from './caret';
import { drawPlaced, followScrollAndResize } from './card-placement';
import { createCardLookup, type Lookup } from './card-lookup';
import type { KeyboardNavigation } from './keyboard-navigation';
import { createVendorCheck } from './vendor-check';

export interface CardControllerOptions {
  document: Document;
  /** The element inside the card's shadow root that the card renders into. */
  container: HTMLElement;
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
  setTimer: (callback: () => void, ms: number) => number;
  clearTimer: (handle: number) => void;
  /** The vendor code printed on the page (업체코드), read when a card opens. */
  pageVendor: () => string | undefined;
  onDisableCards: () => void;
  /** The current time (epoch ms); the open card's deadline counts down from it. */
  now: () => number;
  /** Re-reads marks within when a card opens for one of their IDs (the scanner's decorator). */
  decorator: Pick<Decorator, 'currentIdsWithin' | 'refresh'>;
  /** The text position under the pointer (caret.ts); undefined when the browser has no such API. */
  caretAt: CaretAt | undefined;
  /** Whether the pointer is on a range's characters (caret.ts). */
  pointOnRange: (range: Range, x: number, y: number) => boolean;
  /** Paints the ID under the pointer when it lies within a longer text (id-highlight.ts). */
  hoverPaint: (range: Range | undefined) => void;
}

/**
 * What a card opens for: an element marked whole (its ID read from it when the card opens), or one ID of
 * an element marked within. The same pair is always the same object, so the hover intent can compare them.
 */
export interface IdTarget {
  element: HTMLElement;
  id?: string;
}

type Open = { target: IdTarget; id: string; state: HoverCardState };

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
  /** Closing because the page changed, not because the seller dismissed: focus stays where it is. */
  let quietClose = false;
  const lookup = createCardLookup(options.lookup);
  const vendor = createVendorCheck({ ask: options.ask, pageVendor: options.pageVendor });

  const targets = new WeakMap<Element, Map<string, IdTarget>>();
  /** The target under the pointer, and the marked-within element it is in (moves inside it may switch IDs). */
  let pointerTarget: IdTarget | undefined;
  let pointerWithin: Element | undefined;
  /** The target keyboard focus rests on (arrow keys move it between the IDs of one element). */
  let focusTarget: IdTarget | undefined;

  const intent = createHoverIntent<IdTarget, number>({
    openDelayMs: options.openDelayMs,
    setTimer: options.setTimer,
    clearTimer: options.clearTimer,
    onOpen: (target) => show(target, false),
    onClose: (target, reason) => close(target, reason),
  });

  function show(target: IdTarget, refresh: boolean): void {
    // Re-read now: the page may have put another inquiry in this element since it was decorated.
    const id = currentId(target);
    if (!id) {
      quietClose = true;
      intent.escape();
      quietClose = false;
      return;
    }
    open = { target, id, state: { phase: 'loading' } };
    draw();
    vendor.run(draw);
    stopFollowing ??= followScrollAndResize(document, draw);
    scheduleTick();
    lookup.ask(id, refresh, (result) => {
      if (open?.target !== target || open.id !== id) return;
      open = { ...open, state: result.ok ? { phase: 'shown', value: result.value } : { phase: 'failed', error: result.error } };
      draw();
    });
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
    render(null, container);
    if (!quietClose && (reason === 'escape' || reason === 'pinned-escape')) target.element.focus();
  }

  function draw(): void {
    if (!open) return;
    const { target, id, state } = open;
    const now = options.now();
    const card = (placement?: Placement) => (
      <HoverCard
        id={id}
        state={state}
        t={t}
        locale={locale}
        now={now}
        pinned={pinned}
        placement={placement}
        vendorMismatch={vendor.mismatch}
        onCopyId={() => copyText(id, { clipboard: navigator.clipboard, document, container })}
        onCopySummary={() =>
          state.phase === 'shown' &&
          copyText(plainTextSummary(state.value.inquiry, t, locale, options.now()), { clipboard: navigator.clipboard, document, container })
        }
        onOpenSidePanel={() => void options.ask({ type: 'open-side-panel', id })}
        onRefresh={() => show(target, true)}
        onTogglePin={togglePin}
        onDisableCards={options.onDisableCards}
        onClose={() => intent.escape()}
        onOpenOptions={() => void options.ask({ type: 'open-options' })}
      />
    );
    drawPlaced((placement) => render(card(placement), container), container, anchorOf(target, id), document);
  }

  function togglePin(): void {
    pinned = !pinned;
    if (pinned) intent.pin();
    else intent.unpin();
    draw();
  }

  function targetFor(element: HTMLElement, id?: string): IdTarget {
    let byId = targets.get(element);
    if (!byId) targets.set(element, (byId = new Map()));
    let target = byId.get(id ?? '');
    if (!target) byId.set(id ?? '', (target = { element, id }));
    return target;
  }

  /**
   * The ID the target stands for now, or undefined when the page has reused it (then the mark goes or is
   * read again). Within a text, the detector's rules are applied again: the label may have changed.
   */
  function currentId({ element, id }: IdTarget): string | undefined {
    if (id !== undefined) {
      if (!element.isConnected || !idsMarkedWithin(element).includes(id)) return undefined;
      if (options.decorator.currentIdsWithin(element).includes(id)) return id;
      options.decorator.refresh(element);
      return undefined;
    }
    if (!element.isConnected || !element.hasAttribute(DECORATED_ATTRIBUTE)) return undefined;
    if (!isStaleDecoration(element)) return element.getAttribute(DECORATED_ATTRIBUTE) ?? undefined;
    undecorate(element);
    return undefined;
  }

  /** The whole mark under an event, unless the page has since put other content in it. */
  const decoratedFrom = (node: EventTarget | null): HTMLElement | undefined => {
    const element = node instanceof Element ? node.closest<HTMLElement>(`[${DECORATED_ATTRIBUTE}]`) : null;
    return element && currentId(targetFor(element)) ? element : undefined;
  };

  /** The characters of `id` in the element's own text, read now, for range-based placement and paint. */
  function rangeOfId(element: Element, id: string): Range | undefined {
    for (const node of element.childNodes) {
      const run = isText(node) ? runOf(node.data, id) : undefined;
      if (!run) continue;
      const range = document.createRange();
      range.setStart(node, run.start);
      range.setEnd(node, run.end);
      return range;
    }
    return undefined;
  }

  /** What the card is placed beside: the ID's own characters when it lies within a longer text. */
  const anchorOf = (target: IdTarget, id: string): Element | Range =>
    (target.id !== undefined && rangeOfId(target.element, id)) || target.element;

  /**
   * Which ID of a marked-within element is under the pointer: the digit run at the caret, in the text as
   * it reads now, if the detector found it there and the pointer is on its characters. Without a caret
   * API, the element stands for its first ID wherever the pointer is on it.
   */
  function idWithinAt(element: HTMLElement, x: number, y: number): { target: IdTarget; range?: Range } | undefined {
    const ids = idsMarkedWithin(element);
    if (ids.length === 0) return undefined;
    if (!options.caretAt) return { target: targetFor(element, ids[0]) };
    const caret = options.caretAt(x, y);
    if (!caret || !isText(caret.node) || caret.node.parentElement !== element) return undefined;
    const run = idAtOffset(caret.node.data, caret.offset, ids);
    if (!run) return undefined;
    const range = document.createRange();
    range.setStart(caret.node, run.start);
    range.setEnd(caret.node, run.end);
    return options.pointOnRange(range, x, y) ? { target: targetFor(element, run.digits), range } : undefined;
  }

  /** The target under a pointer event: an ID within a text first, else the whole mark around it. */
  function targetUnderPointer(event: PointerEvent): { target?: IdTarget; range?: Range } {
    const element = event.target instanceof Element ? event.target : null;
    const within = element?.closest<HTMLElement>(`[${MARKED_WITHIN_ATTRIBUTE}]`) ?? undefined;
    pointerWithin = within;
    const hit = within && idWithinAt(within, event.clientX, event.clientY);
    if (hit) return hit;
    const whole = decoratedFrom(element);
    return { target: whole && targetFor(whole) };
  }

  /** The pointer is now on `target` (or on no ID): leaves the previous one for the intent, enters this. */
  function pointAt(target: IdTarget | undefined, range?: Range): void {
    if (target === pointerTarget) return;
    if (pointerTarget) intent.pointerLeaveTarget(pointerTarget);
    pointerTarget = target;
    options.hoverPaint(range);
    if (target) intent.pointerEnterTarget(target);
  }

  /** The target keyboard focus on `node` stands for: a whole mark, or the first ID of a mark within. */
  function targetOfFocus(node: EventTarget | null): IdTarget | undefined {
    if (node instanceof HTMLElement && node.hasAttribute(MARKED_WITHIN_ATTRIBUTE)) {
      const [first] = idsMarkedWithin(node);
      return first === undefined ? undefined : targetFor(node, first);
    }
    const whole = decoratedFrom(node);
    return whole && targetFor(whole);
  }

  /** ArrowRight / ArrowLeft on a focused element holding several IDs: the card of the next or previous one. */
  function cycleFocus(step: 1 | -1): void {
    const current = focusTarget;
    if (current?.id === undefined || document.activeElement !== current.element) return;
    const ids = idsMarkedWithin(current.element);
    if (ids.length < 2) return;
    const next = ids[(ids.indexOf(current.id) + step + ids.length) % ids.length];
    intent.blurTarget(current);
    focusTarget = targetFor(current.element, next);
    intent.focusTarget(focusTarget);
  }

  return {
    pointerOver(event: PointerEvent): void {
      if (event.target === host) return intent.pointerEnterCard();
      const { target, range } = targetUnderPointer(event);
      pointAt(target, range);
    },
    /** Cheap unless the pointer is inside a marked-within element: only there can it move from one ID to another. */
    pointerMove(event: PointerEvent): void {
      if (!pointerWithin) return;
      const { target, range } = targetUnderPointer(event);
      pointAt(target, range);
    },
    pointerOut(event: PointerEvent): void {
      if (event.target === host) {
        if (event.relatedTarget !== host) intent.pointerLeaveCard();
        return;
      }
      const related = event.relatedTarget instanceof Node ? event.relatedTarget : null;
      if (pointerWithin && !(related && pointerWithin.contains(related))) pointerWithin = undefined;
      if (pointerTarget && !(related && pointerTarget.element.contains(related))) pointAt(undefined);
    },
    focusIn(event: FocusEvent): void {
      if (event.target === host) return intent.focusEnterCard();
      const target = targetOfFocus(event.target);
      // Only the seller's keyboard navigation counts; a click's focus waits for the pointer's dwell, a page's el.focus() for nothing.
      if (!target || !keyboard.take()) return;
      focusTarget = target;
      intent.focusTarget(target);
    },
    focusOut(event: FocusEvent): void {
      if (event.target === host) {
        if (event.relatedTarget !== host) intent.focusLeaveCard();
        return;
      }
      const target = focusTarget?.element === event.target ? focusTarget : targetOfFocus(event.target);
      if (target && event.relatedTarget !== host) {
        intent.blurTarget(target);
        if (target === focusTarget) focusTarget = undefined;
      }
    },
    keyDown(event: KeyboardEvent): void {
      keyboard.keyDown(event);
      if (event.key === 'Escape' && intent.isOpen) intent.escape();
      else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') cycleFocus(event.key === 'ArrowRight' ? 1 : -1);
    },
    keyUp(event: KeyboardEvent): void {
      keyboard.keyUp(event);
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
      open = undefined;
      render(null, container);
    },
  };
}
