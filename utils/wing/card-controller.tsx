import { render } from 'preact';
import { HoverCard, type HoverCardState } from '@/components/hover-card';
import { isStaleDecoration, undecorate } from '../detect/decorate';
import { DECORATED_ATTRIBUTE } from '../detect/detection';
import type { ask as askBackground } from '../extension-api';
import { copyText } from '../hover/clipboard-text';
import { createHoverIntent, type CloseReason } from '../hover/hover-intent';
import { coupangNow } from '../inquiry/coupang-now';
import type { Placement } from '../hover/placement';
import type { Locale, Translate } from '../i18n/translate';
import { plainTextSummary } from '../inquiry/summary';
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
}

type Open = { target: HTMLElement; id: string; state: HoverCardState };

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

  const intent = createHoverIntent<HTMLElement, number>({
    openDelayMs: options.openDelayMs,
    setTimer: options.setTimer,
    clearTimer: options.clearTimer,
    onOpen: (target) => show(target, false),
    onClose: (target, reason) => close(target, reason),
  });

  function show(target: HTMLElement, refresh: boolean): void {
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

  function close(target: HTMLElement, reason: CloseReason): void {
    lookup.cancel();
    open = undefined;
    pinned = false;
    stopFollowing?.();
    stopFollowing = undefined;
    if (tick !== undefined) options.clearTimer(tick);
    tick = undefined;
    render(null, container);
    if (!quietClose && (reason === 'escape' || reason === 'pinned-escape')) target.focus();
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
          copyText(plainTextSummary(state.value.inquiry, t, locale, coupangNow(state.value, options.now())), { clipboard: navigator.clipboard, document, container })
        }
        onOpenSidePanel={() => void options.ask({ type: 'open-side-panel', id })}
        onRefresh={() => show(target, true)}
        onTogglePin={togglePin}
        onDisableCards={options.onDisableCards}
        onClose={() => intent.escape()}
        onOpenOptions={() => void options.ask({ type: 'open-options' })}
      />
    );
    drawPlaced((placement) => render(card(placement), container), container, target, document);
  }

  function togglePin(): void {
    pinned = !pinned;
    if (pinned) intent.pin();
    else intent.unpin();
    draw();
  }

  /** The ID the element stands for now, or undefined when the page has reused it (then the marker goes). */
  function currentId(element: HTMLElement): string | undefined {
    if (!element.isConnected || !element.hasAttribute(DECORATED_ATTRIBUTE)) return undefined;
    if (!isStaleDecoration(element)) return element.getAttribute(DECORATED_ATTRIBUTE) ?? undefined;
    undecorate(element);
    return undefined;
  }

  /** The decorated ID under an event, unless the page has since put other content in it. */
  const decoratedFrom = (node: EventTarget | null): HTMLElement | undefined => {
    const element = node instanceof Element ? node.closest<HTMLElement>(`[${DECORATED_ATTRIBUTE}]`) : null;
    return element && currentId(element) ? element : undefined;
  };

  return {
    pointerOver(event: Event): void {
      if (event.target === host) return intent.pointerEnterCard();
      const target = decoratedFrom(event.target);
      if (target) intent.pointerEnterTarget(target);
    },
    pointerOut(event: PointerEvent): void {
      if (event.target === host) {
        if (event.relatedTarget !== host) intent.pointerLeaveCard();
        return;
      }
      const target = decoratedFrom(event.target);
      if (target && !(event.relatedTarget instanceof Node && target.contains(event.relatedTarget))) intent.pointerLeaveTarget(target);
    },
    focusIn(event: FocusEvent): void {
      if (event.target === host) return intent.focusEnterCard();
      const target = decoratedFrom(event.target);
      // Only the seller's keyboard navigation counts; a click's focus waits for the pointer's dwell, a page's el.focus() for nothing.
      if (target && keyboard.take()) intent.focusTarget(target);
    },
    focusOut(event: FocusEvent): void {
      if (event.target === host) {
        if (event.relatedTarget !== host) intent.focusLeaveCard();
        return;
      }
      const target = decoratedFrom(event.target);
      if (target && event.relatedTarget !== host) intent.blurTarget(target);
    },
    keyDown(event: KeyboardEvent): void {
      keyboard.keyDown(event);
      if (event.key === 'Escape' && intent.isOpen) intent.escape();
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
