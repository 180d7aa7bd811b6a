import { placeCard, type Placement } from '../hover/placement';

/**
 * Draws the card at its natural size, measures it, then draws it placed beside its target: it flips at
 * the viewport's edges and never covers the ID. The measuring draw is placed too (at the viewport's
 * origin, with the whole viewport as its room), so the card's box is the same kind in both draws (in flow,
 * moved by a transform: components/hover-card.tsx). When the card went in flow for the measurement and
 * out of flow (fixed) again, the change reached past the host's relayout boundary to a layout of the whole
 * document (traced, issue 19).
 */
export function drawPlaced(draw: (placement: Placement) => void, container: HTMLElement, target: Pick<Element, 'getBoundingClientRect'>, document: Document): void {
  const view = document.documentElement;
  const viewport = { width: view.clientWidth, height: view.clientHeight };
  draw({ side: 'below', top: 0, left: 0, maxHeight: viewport.height, maxWidth: viewport.width });
  const element = container.firstElementChild;
  if (!element) return;
  const size = element.getBoundingClientRect();
  draw(placeCard(target.getBoundingClientRect(), size, viewport));
}

/**
 * While a card is open: `onMove` once per frame at most after the page (or any scroller in it) scrolled
 * or the window was resized, so a pinned card stays beside its ID. Returns the function that stops it.
 */
export function followScrollAndResize(document: Document, onMove: () => void): () => void {
  const view = document.defaultView;
  if (!view) return () => {};
  const listeners = new AbortController();
  let frame: number | undefined;
  const moved = () => {
    frame ??= view.requestAnimationFrame(() => {
      frame = undefined;
      onMove();
    });
  };
  const options = { capture: true, passive: true, signal: listeners.signal };
  document.addEventListener('scroll', moved, options);
  view.addEventListener('resize', moved, options);
  return () => {
    listeners.abort();
    if (frame !== undefined) view.cancelAnimationFrame(frame);
    frame = undefined;
  };
}
