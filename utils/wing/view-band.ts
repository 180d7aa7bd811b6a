/**
 * Which part of a long list is on screen. Children of a list (table rows, grid rows, list items) are laid
 * out one below the other, so the first one in view is found by binary search: a few layout reads, however
 * long the list is.
 */

/** Viewport coordinates (as getBoundingClientRect gives them) between which elements count as on screen. */
export interface ViewBand {
  top: number;
  bottom: number;
}

/** At most this many children per list per pass, whatever the layout (a list drawn sideways, hidden rows). */
export const MAX_CHILDREN_IN_BAND = 400;

/** The window's height with one more screen above and below, so what a short scroll or a Tab reveals is ready. */
export function viewBand(viewportHeight: number): ViewBand {
  return { top: -viewportHeight, bottom: 2 * viewportHeight };
}

/** The children of `list` whose boxes meet `band`, in order. */
export function childrenInBand(list: Element, band: ViewBand): Element[] {
  const children = list.children;
  let low = 0;
  let high = children.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((children[middle] as Element).getBoundingClientRect().bottom < band.top) low = middle + 1;
    else high = middle;
  }
  const inBand: Element[] = [];
  for (let index = low; index < children.length && inBand.length < MAX_CHILDREN_IN_BAND; index++) {
    const child = children[index] as Element;
    if (child.getBoundingClientRect().top > band.bottom) break;
    inBand.push(child);
  }
  return inBand;
}
