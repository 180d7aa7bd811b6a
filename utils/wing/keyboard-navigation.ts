/**
 * Whether a focus change comes from the seller's keyboard. A page script's `el.focus()` fires trusted
 * focus events too, and after any keyboard use `:focus-visible` matches them; only a navigation key
 * pressed in the same task (its default action moves focus) tells the seller's Tab from the page's code.
 */

/** Keys with which a keyboard user moves focus: Tab, and arrows, Home/End, Page Up/Down in grids and menus. */
const NAVIGATION_KEYS = new Set(['Tab', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

export interface KeyboardNavigation {
  /** Feed every trusted keydown (capture phase, before the page can move focus). */
  keyDown(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>): void;
  /** True from a navigation key's keydown until its task is over: focus it moves is the seller's. */
  readonly isNavigating: boolean;
}

/** `setTimer(callback, 0)` must run the callback in a later task (setTimeout does). */
export function createKeyboardNavigation(setTimer: (callback: () => void, ms: number) => unknown): KeyboardNavigation {
  let pending = 0;
  return {
    keyDown(event) {
      if (!NAVIGATION_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
      pending++;
      setTimer(() => {
        pending--;
      }, 0);
    },
    get isNavigating() {
      return pending > 0;
    },
  };
}
