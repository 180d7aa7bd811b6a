/**
 * Where the hover card goes, in viewport coordinates (for `position: fixed`). Pure: the caller
 * measures the anchor (`getBoundingClientRect()`), the card and the viewport.
 *
 * Preference: below the anchor, left edges aligned; above when it does not fit below; beside the
 * anchor (right, then left) when it fits there entirely; otherwise the roomier of below and above,
 * with `maxHeight` shrunk to that room so the card scrolls inside instead of covering the anchor.
 * The card is kept `VIEWPORT_MARGIN` px inside the viewport and never covers the anchor itself,
 * unless the anchor leaves no room on any side at all.
 */

export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Side = 'below' | 'above' | 'right' | 'left';

export interface Placement {
  top: number;
  left: number;
  side: Side;
  /** The card's height must not exceed this (it scrolls inside); equals the card's height when it fits. */
  maxHeight: number;
  /** Likewise for the width, for viewports narrower than the card. */
  maxWidth: number;
}

export const VIEWPORT_MARGIN = 8;
export const DEFAULT_GAP = 6;

/** The free band on one side of the anchor: where the card may go along each axis. */
interface Band {
  side: Side;
  /** Vertical extent the card may occupy. */
  top: number;
  bottom: number;
  /** Horizontal extent the card may occupy. */
  left: number;
  right: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function bands(anchor: Rect, viewport: Size, gap: number): Band[] {
  const m = VIEWPORT_MARGIN;
  const anchorBottom = anchor.top + anchor.height;
  const anchorRight = anchor.left + anchor.width;
  const innerBottom = viewport.height - m;
  const innerRight = viewport.width - m;
  return [
    { side: 'below', top: Math.max(anchorBottom + gap, m), bottom: innerBottom, left: m, right: innerRight },
    { side: 'above', top: m, bottom: Math.min(anchor.top - gap, innerBottom), left: m, right: innerRight },
    { side: 'right', top: m, bottom: innerBottom, left: Math.max(anchorRight + gap, m), right: innerRight },
    { side: 'left', top: m, bottom: innerBottom, left: m, right: Math.min(anchor.left - gap, innerRight) },
  ];
}

const roomHeight = (band: Band) => band.bottom - band.top;
const roomWidth = (band: Band) => band.right - band.left;
const hasRoom = (band: Band) => roomHeight(band) > 0 && roomWidth(band) > 0;
const fits = (band: Band, card: Size) => card.height <= roomHeight(band) && card.width <= roomWidth(band);

/** Inside its band: next to the anchor on the band's axis, aligned with the anchor on the other. */
function placeIn(band: Band, anchor: Rect, card: Size): Placement {
  const maxHeight = Math.max(0, Math.min(card.height, roomHeight(band)));
  const maxWidth = Math.max(0, Math.min(card.width, roomWidth(band)));
  const alignedLeft = clamp(anchor.left, band.left, band.right - maxWidth);
  const alignedTop = clamp(anchor.top, band.top, band.bottom - maxHeight);
  switch (band.side) {
    case 'below':
      return { side: 'below', top: band.top, left: alignedLeft, maxHeight, maxWidth };
    case 'above':
      return { side: 'above', top: band.bottom - maxHeight, left: alignedLeft, maxHeight, maxWidth };
    case 'right':
      return { side: 'right', top: alignedTop, left: band.left, maxHeight, maxWidth };
    case 'left':
      return { side: 'left', top: alignedTop, left: band.right - maxWidth, maxHeight, maxWidth };
  }
}

/** The band with more room along its own axis; the first on a tie. */
function roomier(a: Band, b: Band, room: (band: Band) => number): Band {
  return room(b) > room(a) ? b : a;
}

export function placeCard(anchor: Rect, card: Size, viewport: Size, gap = DEFAULT_GAP): Placement {
  const [below, above, right, left] = bands(anchor, viewport, gap) as [Band, Band, Band, Band];

  const fitting = [below, above, right, left].find((band) => fits(band, card));
  if (fitting) return placeIn(fitting, anchor, card);

  const vertical = roomier(below, above, roomHeight);
  if (hasRoom(vertical)) return placeIn(vertical, anchor, card);
  const horizontal = roomier(right, left, roomWidth);
  if (hasRoom(horizontal)) return placeIn(horizontal, anchor, card);

  // The anchor fills the viewport: covering it cannot be avoided, so at least stay on screen.
  const m = VIEWPORT_MARGIN;
  const maxWidth = Math.max(0, Math.min(card.width, viewport.width - 2 * m));
  const maxHeight = Math.max(0, Math.min(card.height, viewport.height - 2 * m));
  return {
    side: 'below',
    top: clamp(anchor.top + anchor.height + gap, m, viewport.height - m - maxHeight),
    left: clamp(anchor.left, m, viewport.width - m - maxWidth),
    maxHeight,
    maxWidth,
  };
}
