/**
 * When a hover card opens and closes, as a pure state machine: the caller feeds it pointer, focus and
 * key events and injects the timers, so every rule is testable without a DOM or a real clock.
 *
 * - The pointer must rest on a target for `openDelayMs` before the card opens; passing over opens
 *   nothing (and, since the lookup starts in `onOpen`, sends no request).
 * - Keyboard focus must rest on a target for the same delay (a Tab sweep opens only where focus stops).
 * - The delay is never below `MIN_OPEN_DELAY_MS`, whatever the settings say: no card for a passing pointer.
 * - The card stays open while the pointer is on the target or on the card, or focus is on either; it
 *   closes `closeDelayMs` after the last of them has left (so the pointer can cross the gap to the card).
 * - Escape closes at once, pinned or not. A pinned card ignores leave and blur and is not replaced.
 * - One card at a time: opening another target replaces the current card.
 */

export type OpenVia = 'pointer' | 'focus';
export type CloseReason = 'leave' | 'escape' | 'blur' | 'replaced' | 'pinned-escape';

export interface HoverIntentOptions<T, H = unknown> {
  openDelayMs?: number;
  closeDelayMs?: number;
  setTimer: (callback: () => void, ms: number) => H;
  clearTimer: (handle: H) => void;
  onOpen: (target: T, via: OpenVia) => void;
  onClose: (target: T, reason: CloseReason) => void;
}

export interface HoverIntent<T> {
  pointerEnterTarget(target: T): void;
  pointerLeaveTarget(target: T): void;
  pointerEnterCard(): void;
  pointerLeaveCard(): void;
  focusTarget(target: T): void;
  blurTarget(target: T): void;
  /** Focus moved into the card (e.g. Tab onto its buttons): it holds the card open like the pointer does. */
  focusEnterCard(): void;
  /** Focus left the card for somewhere that is not its target. */
  focusLeaveCard(): void;
  escape(): void;
  pin(): void;
  /** Back to the normal rules: closes after the delay unless the pointer or focus still holds the card. */
  unpin(): void;
  readonly isOpen: boolean;
  readonly isPinned: boolean;
  readonly current: T | undefined;
  /** Cancels every timer and ignores later events; calls no callback. */
  dispose(): void;
}

export const DEFAULT_OPEN_DELAY_MS = 300;
/** Shorter than this, a pointer crossing a table opens cards (and spends lookups) on the way. */
export const MIN_OPEN_DELAY_MS = 150;
export const DEFAULT_CLOSE_DELAY_MS = 300;

export function createHoverIntent<T, H = unknown>(options: HoverIntentOptions<T, H>): HoverIntent<T> {
  const openDelayMs = Math.max(MIN_OPEN_DELAY_MS, options.openDelayMs ?? DEFAULT_OPEN_DELAY_MS);
  const closeDelayMs = options.closeDelayMs ?? DEFAULT_CLOSE_DELAY_MS;
  const { setTimer, clearTimer, onOpen, onClose } = options;

  let current: T | undefined;
  let pinned = false;
  let disposed = false;

  let pointerTarget: T | undefined;
  let pointerOnCard = false;
  let focusedTarget: T | undefined;
  let focusInCard = false;
  // After Escape the returning focus (and a pointer still resting there) must not reopen the same card
  // until the pointer or focus has left that target (WCAG 1.4.13: dismissed means dismissed).
  let dismissed: T | undefined;

  let pendingOpen: { target: T; handle: H; via: OpenVia } | undefined;
  let pendingClose: { handle: H; reason: CloseReason } | undefined;

  function cancelOpen(): void {
    if (pendingOpen) clearTimer(pendingOpen.handle);
    pendingOpen = undefined;
  }

  function cancelClose(): void {
    if (pendingClose) clearTimer(pendingClose.handle);
    pendingClose = undefined;
  }

  function isHeld(): boolean {
    if (current === undefined) return false;
    return pinned || pointerOnCard || focusInCard || pointerTarget === current || focusedTarget === current;
  }

  function close(reason: CloseReason): void {
    cancelClose();
    if (current === undefined) return;
    const closed = current;
    current = undefined;
    pinned = false;
    pointerOnCard = false;
    focusInCard = false;
    onClose(closed, reason);
  }

  function open(target: T, via: OpenVia): void {
    cancelOpen();
    cancelClose();
    if (current === target) return;
    if (current !== undefined) close('replaced');
    dismissed = undefined;
    current = target;
    onOpen(target, via);
  }

  /** After something stopped holding the card: close later, unless something else still holds it. */
  function scheduleCloseIfFree(reason: CloseReason): void {
    if (current === undefined || isHeld() || pendingClose) return;
    const handle = setTimer(() => {
      if (pendingClose?.handle !== handle) return;
      pendingClose = undefined;
      if (!isHeld()) close(reason);
    }, closeDelayMs);
    pendingClose = { handle, reason };
  }

  /** Waits for the pointer or focus to rest on `target` for the open delay; either still on it then opens. */
  function scheduleOpen(target: T, via: OpenVia): void {
    cancelOpen();
    const handle = setTimer(() => {
      if (pendingOpen?.handle !== handle) return;
      pendingOpen = undefined;
      if ((pointerTarget === target || focusedTarget === target) && mayOpen(target)) open(target, via);
    }, openDelayMs);
    pendingOpen = { target, handle, via };
  }

  /** A pinned card is not replaced; neither is the open card by its own target. */
  function mayOpen(target: T): boolean {
    return !disposed && !pinned && dismissed !== target;
  }

  return {
    pointerEnterTarget(target) {
      if (disposed) return;
      pointerTarget = target;
      if (target === current) {
        cancelOpen();
        cancelClose();
        return;
      }
      if (!mayOpen(target) || pendingOpen?.target === target) return;
      scheduleOpen(target, 'pointer');
    },

    pointerLeaveTarget(target) {
      if (disposed) return;
      if (pointerTarget === target) pointerTarget = undefined;
      if (pendingOpen?.target === target && focusedTarget !== target) cancelOpen();
      if (dismissed === target) dismissed = undefined;
      if (target === current) scheduleCloseIfFree('leave');
    },

    pointerEnterCard() {
      if (disposed || current === undefined) return;
      pointerOnCard = true;
      cancelClose();
    },

    pointerLeaveCard() {
      if (disposed || current === undefined) return;
      pointerOnCard = false;
      scheduleCloseIfFree('leave');
    },

    focusTarget(target) {
      if (disposed) return;
      focusedTarget = target;
      if (target === current) {
        cancelClose();
        return;
      }
      if (!mayOpen(target) || pendingOpen?.target === target) return;
      scheduleOpen(target, 'focus');
    },

    blurTarget(target) {
      if (disposed) return;
      if (focusedTarget === target) focusedTarget = undefined;
      if (pendingOpen?.target === target && pointerTarget !== target) cancelOpen();
      if (dismissed === target) dismissed = undefined;
      if (target === current) scheduleCloseIfFree('blur');
    },

    focusEnterCard() {
      if (disposed || current === undefined) return;
      focusInCard = true;
      cancelClose();
    },

    focusLeaveCard() {
      if (disposed || current === undefined) return;
      focusInCard = false;
      scheduleCloseIfFree('blur');
    },

    escape() {
      if (disposed) return;
      cancelOpen();
      if (current === undefined) return;
      dismissed = current;
      close(pinned ? 'pinned-escape' : 'escape');
    },

    pin() {
      if (disposed || current === undefined) return;
      pinned = true;
      cancelClose();
    },

    unpin() {
      if (disposed || !pinned) return;
      pinned = false;
      scheduleCloseIfFree('leave');
    },

    get isOpen() {
      return current !== undefined;
    },

    get isPinned() {
      return pinned;
    },

    get current() {
      return current;
    },

    dispose() {
      cancelOpen();
      cancelClose();
      disposed = true;
      current = undefined;
      pinned = false;
    },
  };
}
