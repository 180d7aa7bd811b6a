/**
 * Tells the seller's own input from a page script's. The browser sets `isTrusted`; tests inject a stand-in
 * (happy-dom's events are all untrusted) through options that live in the content script's isolated world,
 * out of any page script's reach.
 */
export type TrustCheck = (event: Event) => boolean;

export const browserTrust: TrustCheck = (event) => event.isTrusted;

/**
 * Wraps a card action so that it runs only on the seller's own input. The card's shadow root stays open
 * (tests and assistive tools read it), so a page script can reach its buttons and call click() or dispatch
 * events; the browser marks those events untrusted, and they get nothing done (docs/wing-content-script.md).
 */
export function onlyTrusted<E extends Event>(action: (event: E) => void, trusted: TrustCheck = browserTrust): (event: E) => void {
  return (event) => {
    if (trusted(event)) action(event);
  };
}

/** The input events through which anything in the card can be pressed, typed into or submitted. */
export const CARD_INPUT_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
] as const;

/**
 * One gate at the card's root for every action inside it, today's buttons and tomorrow's: an untrusted input
 * event is stopped in the capture phase, before any of the card's own listeners sees it, and its default
 * action (a button's activation, a form's submit) is cancelled. Returns the function that removes the gate.
 */
export function guardTrusted(root: EventTarget, trusted: TrustCheck = browserTrust): () => void {
  const controller = new AbortController();
  const stop = (event: Event) => {
    if (trusted(event)) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of CARD_INPUT_EVENTS) root.addEventListener(type, stop, { capture: true, signal: controller.signal });
  return () => controller.abort();
}
