/**
 * Wraps a card action so that it runs only on the seller's own input. The card's shadow root stays open
 * (tests and assistive tools read it), so a page script can reach its buttons and call click() or dispatch
 * events; the browser marks those events untrusted, and they get nothing done (docs/wing-content-script.md).
 */
export function onlyTrusted<E extends Event>(action: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) action(event);
  };
}
