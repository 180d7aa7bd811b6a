import { DECORATED_ATTRIBUTE, MARKED_WITHIN_ATTRIBUTE } from '../detect/detection';
import { browserTrust, type TrustCheck } from './trusted';

/** The element that hosts the notice's shadow root. */
export const ORPHAN_NOTICE_TAG = 'cs-lens-notice';

/** Said when no catalog string is at hand: an orphaned script can no longer fetch one or call browser.i18n. */
export const ORPHAN_NOTICE_FALLBACK = 'CS Lens was updated — reload this tab to see inquiry cards again';

export interface OrphanNoticeText {
  text: string;
  closeLabel: string;
}

/**
 * Everything inline: an orphaned script can fetch nothing of the extension's any more (its CSS included).
 * Fixed and out of the page's layout, like the card's host (card-host.ts); `all: initial` keeps Wing's styles out.
 */
const NOTICE_CSS = `:host{all:initial !important;position:fixed !important;right:16px !important;bottom:16px !important;z-index:2147483647 !important}
div{display:flex;align-items:center;gap:8px;max-width:360px;padding:8px 8px 8px 12px;border-radius:8px;background:#1f2937;color:#fff;font:13px/1.4 system-ui,sans-serif}
button{all:unset;cursor:pointer;padding:2px 8px;font-size:16px;color:#fff}
button:focus-visible{outline:2px solid #fff}`;

/**
 * The one notice an orphaned content script shows (the extension was updated or reloaded under the page:
 * docs/wing-content-script.md#teardown): small, in a corner, in its own open shadow root, with a close
 * button that only the seller's own click works (a page script's click() does nothing). Shown at most once
 * per page; closing removes it.
 */
export function createOrphanNotice(document: Document, { text, closeLabel }: OrphanNoticeText, trusted: TrustCheck = browserTrust) {
  let shown = false;
  return {
    show(): void {
      if (shown || !document.body) return;
      shown = true;
      const host = document.createElement(ORPHAN_NOTICE_TAG);
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = NOTICE_CSS;
      const box = document.createElement('div');
      box.setAttribute('role', 'status');
      const message = document.createElement('span');
      message.textContent = text;
      const close = document.createElement('button');
      close.type = 'button';
      close.textContent = '×';
      close.setAttribute('aria-label', closeLabel);
      close.addEventListener('click', (event) => {
        if (trusted(event)) host.remove();
      });
      box.append(message, close);
      shadow.append(style, box);
      document.body.append(host);
    },
  };
}

const MARKED = `[${DECORATED_ATTRIBUTE}], [${MARKED_WITHIN_ATTRIBUTE}]`;

/** Whether an event's target is a marked inquiry number (or inside one). */
export function isOnMark(target: EventTarget | null | undefined): boolean {
  return target instanceof Element && target.closest(MARKED) !== null;
}

/** The elements marked now: read before teardown takes the marks away. */
export function markedElements(document: Document): WeakSet<Element> {
  return new WeakSet(document.querySelectorAll(MARKED));
}

/**
 * After the orphan's teardown the underlines are gone: when the seller's pointer or keyboard next reaches
 * an element that was marked (they want its card), `onUse` runs, once. Returns the function that stops it.
 */
export function onNextUseOfMarks(document: Document, marked: WeakSet<Element>, onUse: () => void, trusted: TrustCheck = browserTrust): () => void {
  const listeners = new AbortController();
  const look = (event: Event) => {
    if (!trusted(event)) return;
    for (let element = event.target instanceof Element ? event.target : null; element; element = element.parentElement) {
      if (!marked.has(element)) continue;
      listeners.abort();
      onUse();
      return;
    }
  };
  const options = { capture: true, passive: true, signal: listeners.signal };
  document.addEventListener('pointerover', look, options);
  document.addEventListener('focusin', look, options);
  return () => listeners.abort();
}
