import { render } from 'preact';
import { HoverCard, type HoverCardState, type VendorMismatch } from '@/components/hover-card';
import { isStaleDecoration, undecorate } from '../detect/decorate';
import { DECORATED_ATTRIBUTE } from '../detect/detection';
import type { ask as askBackground } from '../extension-api';
import { createHoverIntent, type CloseReason } from '../hover/hover-intent';
import { copyText } from '../hover/clipboard-text';
import { placeCard } from '../hover/placement';
import type { Locale, Translate } from '../i18n/translate';
import { plainTextSummary } from '../inquiry/summary';

export interface CardControllerOptions {
  document: Document;
  /** The element inside the card's shadow root that the card renders into. */
  container: HTMLElement;
  /** The shadow host: pointer and focus on it count as being on the card. */
  host: HTMLElement;
  t: Translate;
  locale: Locale;
  ask: typeof askBackground;
  openDelayMs: number;
  setTimer: (callback: () => void, ms: number) => number;
  clearTimer: (handle: number) => void;
  /** The vendor code printed on the page (업체코드), read when a card opens. */
  pageVendor: () => string | undefined;
  onDisableCards: () => void;
}

type Open = { target: HTMLElement; id: string; state: HoverCardState; ticket: number };

/**
 * One card for the whole page: opens on hover intent or keyboard focus over a decorated ID, asks the
 * background for the inquiry only when it opens, and closes on leave, Escape or Close.
 */
export function createCardController(options: CardControllerOptions) {
  const { document, container, host, t, locale } = options;
  let open: Open | undefined;
  let pinned = false;
  let tickets = 0;
  let vendorCheck: Promise<void> | undefined;
  let vendorMismatch: VendorMismatch | undefined;
  /** Closing because the page changed, not because the seller dismissed: focus stays where it is. */
  let quietClose = false;

  const intent = createHoverIntent<HTMLElement, number>({
    openDelayMs: options.openDelayMs,
    setTimer: options.setTimer,
    clearTimer: options.clearTimer,
    onOpen: (target) => void show(target, false),
    onClose: (target, reason) => close(target, reason),
  });

  async function show(target: HTMLElement, refresh: boolean): Promise<void> {
    const id = target.getAttribute(DECORATED_ATTRIBUTE);
    if (!id) return;
    const ticket = ++tickets;
    open = { target, id, state: { phase: 'loading' }, ticket };
    draw();
    checkVendor();
    const result = await options.ask({ type: 'lookup', id, refresh });
    if (open?.ticket !== ticket) return; // closed or replaced meanwhile
    open = { ...open, state: result.ok ? { phase: 'shown', value: result.value } : { phase: 'failed', error: result.error } };
    draw();
  }

  /** Once per page: the saved vendor ID from the background, the 업체코드 from the page. */
  function checkVendor(): void {
    vendorCheck ??= options.ask({ type: 'get-status' }).then((status) => {
      const saved = status.ok ? status.value.vendorId : undefined;
      const onPage = options.pageVendor();
      if (!saved || !onPage || saved.toUpperCase() === onPage.toUpperCase()) return;
      vendorMismatch = { pageVendor: onPage, savedVendor: saved };
      draw();
    });
  }

  function close(target: HTMLElement, reason: CloseReason): void {
    open = undefined;
    pinned = false;
    render(null, container);
    if (!quietClose && (reason === 'escape' || reason === 'pinned-escape')) target.focus();
  }

  function draw(): void {
    if (!open) return;
    const { target, id, state } = open;
    const card = (placement?: ReturnType<typeof placeCard>) => (
      <HoverCard
        id={id}
        state={state}
        t={t}
        locale={locale}
        now={Date.now()}
        pinned={pinned}
        placement={placement}
        vendorMismatch={vendorMismatch}
        onCopyId={() => copyText(id, { clipboard: navigator.clipboard, document, container })}
        onCopySummary={() =>
          state.phase === 'shown' &&
          copyText(plainTextSummary(state.value.inquiry, t, locale, Date.now()), { clipboard: navigator.clipboard, document, container })
        }
        onOpenSidePanel={() => void options.ask({ type: 'open-side-panel', id })}
        onRefresh={() => void show(target, true)}
        onTogglePin={togglePin}
        onDisableCards={options.onDisableCards}
        onClose={() => intent.escape()}
        onOpenOptions={() => void options.ask({ type: 'open-options' })}
      />
    );
    // Measure at natural size, then place: the card flips at viewport edges and never covers the ID.
    render(card(), container);
    const element = container.firstElementChild;
    if (!element) return;
    const size = element.getBoundingClientRect();
    const view = document.documentElement;
    render(card(placeCard(target.getBoundingClientRect(), size, { width: view.clientWidth, height: view.clientHeight })), container);
  }

  function togglePin(): void {
    pinned = !pinned;
    if (pinned) intent.pin();
    else intent.unpin();
    draw();
  }

  /** The decorated ID under an event, unless the page has since put other text in it (then the marker goes). */
  const decoratedFrom = (node: EventTarget | null): HTMLElement | undefined => {
    const element = node instanceof Element ? node.closest<HTMLElement>(`[${DECORATED_ATTRIBUTE}]`) : null;
    if (!element || !isStaleDecoration(element)) return element ?? undefined;
    undecorate(element);
    return undefined;
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
      // Keyboard focus opens at once; a mouse click's focus waits for the hover dwell like any pointer.
      if (target && target.matches(':focus-visible')) intent.focusTarget(target);
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
      if (event.key === 'Escape' && intent.isOpen) intent.escape();
    },
    /** In-app navigation: the card's ID may be gone, and the next page may belong to another store. */
    reset(): void {
      quietClose = true;
      if (intent.isOpen) intent.escape();
      quietClose = false;
      vendorCheck = undefined;
      vendorMismatch = undefined;
    },
    dispose(): void {
      intent.dispose();
      open = undefined;
      render(null, container);
    },
  };
}
