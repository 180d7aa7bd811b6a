/**
 * Whether a focus change comes from the seller's keyboard. A page script's `el.focus()` fires trusted
 * focus events too, and after any keyboard use `:focus-visible` matches them; only a navigation key
 * pressed just now tells the seller's Tab from the page's code. The key's default action moves focus
 * during its keydown, before its keyup: so a navigation keydown counts for one focus change, until that
 * key's keyup, or until its task is over, whichever comes first.
 */

/** Keys with which a keyboard user moves focus: Tab, and arrows, Home/End, Page Up/Down in grids and menus. */
const NAVIGATION_KEYS = new Set(['Tab', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

type Key = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>;

export interface KeyboardNavigation {
  /** Feed every trusted keydown (capture phase, before the page can move focus). */
  keyDown(event: Key): void;
  /** Feed every trusted keyup: the key's focus change is over by then. */
  keyUp(event: Pick<KeyboardEvent, 'key'>): void;
  /** True, once, for the focus change a navigation key is causing right now. */
  take(): boolean;
}

/** `setTimer(callback, 0)` must run the callback in a later task (setTimeout does). */
export function createKeyboardNavigation(setTimer: (callback: () => void, ms: number) => unknown): KeyboardNavigation {
  let pressed: { key: string; press: number } | undefined;
  let presses = 0;
  return {
    keyDown(event) {
      if (!NAVIGATION_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) {
        pressed = undefined;
        return;
      }
      const press = ++presses;
      pressed = { key: event.key, press };
      setTimer(() => {
        if (pressed?.press === press) pressed = undefined;
      }, 0);
    },
    keyUp(event) {
      if (pressed?.key === event.key) pressed = undefined;
    },
    take() {
      const navigating = pressed !== undefined;
      pressed = undefined;
      return navigating;
    },
  };
}
