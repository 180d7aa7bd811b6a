import { describe, expect, it } from 'vitest';
import { placeCard, VIEWPORT_MARGIN, type Placement, type Rect, type Size } from '@/utils/hover/placement';

const M = VIEWPORT_MARGIN;
const GAP = 6;
const desktop: Size = { width: 1280, height: 800 };
const card: Size = { width: 380, height: 300 };
const id = (left: number, top: number, width = 90, height = 18): Rect => ({ left, top, width, height });

/** The rectangle the card occupies once the caller applies maxWidth / maxHeight. */
function cardRect(placement: Placement, size: Size): Rect {
  return {
    left: placement.left,
    top: placement.top,
    width: Math.min(size.width, placement.maxWidth),
    height: Math.min(size.height, placement.maxHeight),
  };
}

/** Distance between two rectangles along the axis that separates them; negative when they overlap. */
function separation(a: Rect, b: Rect): number {
  return Math.max(
    b.left - (a.left + a.width),
    a.left - (b.left + b.width),
    b.top - (a.top + a.height),
    a.top - (b.top + b.height),
  );
}

describe('placeCard: the usual cases', () => {
  it('goes below the ID, left edges aligned, one gap away', () => {
    expect(placeCard(id(200, 100), card, desktop)).toEqual({
      side: 'below',
      top: 100 + 18 + GAP,
      left: 200,
      maxHeight: 300,
      maxWidth: 380,
    });
  });

  it('flips above when it does not fit below', () => {
    const placement = placeCard(id(200, 700), card, desktop);
    expect(placement.side).toBe('above');
    expect(placement.top + 300).toBe(700 - GAP);
    expect(placement.left).toBe(200);
  });

  it('takes the gap it is given', () => {
    expect(placeCard(id(200, 100), card, desktop, 10).top).toBe(100 + 18 + 10);
  });

  it('clamps the left edge so the card stays inside the right margin', () => {
    const placement = placeCard(id(1230, 100, 40), card, desktop);
    expect(placement.side).toBe('below');
    expect(placement.left).toBe(1280 - M - 380);
  });

  it('clamps the left edge at the left margin for an ID scrolled partly out to the left', () => {
    expect(placeCard(id(-40, 100), card, desktop).left).toBe(M);
  });

  it('goes beside the ID when it fits neither below nor above but fits there entirely', () => {
    const tall: Size = { width: 380, height: 500 };
    const right = placeCard(id(100, 390), tall, desktop);
    expect(right.side).toBe('right');
    expect(right.left).toBe(100 + 90 + GAP);
    expect(right.maxHeight).toBe(500);
    expect(right.top + 500).toBeLessThanOrEqual(800 - M);

    const left = placeCard(id(1100, 390), tall, desktop);
    expect(left.side).toBe('left');
    expect(left.left + 380).toBe(1100 - GAP);
  });

  it('a card taller than both sides takes the roomier one and shrinks to it instead of covering the ID', () => {
    const huge: Size = { width: 380, height: 2000 };
    const nearTop = placeCard(id(600, 300), huge, { width: 900, height: 800 });
    expect(nearTop.side).toBe('below');
    expect(nearTop.top).toBe(300 + 18 + GAP);
    expect(nearTop.maxHeight).toBe(800 - M - nearTop.top);

    const nearBottom = placeCard(id(600, 500), huge, { width: 900, height: 800 });
    expect(nearBottom.side).toBe('above');
    expect(nearBottom.top).toBe(M);
    expect(nearBottom.maxHeight).toBe(500 - GAP - M);
  });

  it('on a tie between below and above, stays below', () => {
    const huge: Size = { width: 380, height: 2000 };
    expect(placeCard(id(600, 391), huge, { width: 900, height: 800 }).side).toBe('below');
  });

  it('narrows a card wider than the viewport to the viewport, within the margins', () => {
    const placement = placeCard(id(20, 100), card, { width: 320, height: 800 });
    expect(placement.left).toBe(M);
    expect(placement.maxWidth).toBe(320 - 2 * M);
  });

  it('stays on screen when the anchor leaves no room on any side', () => {
    const placement = placeCard({ left: -10, top: -10, width: 2000, height: 2000 }, card, desktop);
    expect(placement.top).toBeGreaterThanOrEqual(M);
    expect(placement.top + placement.maxHeight).toBeLessThanOrEqual(800 - M);
    expect(placement.left).toBeGreaterThanOrEqual(M);
  });
});

describe('placeCard: invariants over a grid of anchors, cards and viewports', () => {
  const viewports: Size[] = [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
    { width: 800, height: 600 },
    { width: 400, height: 900 },
    { width: 360, height: 240 },
  ];
  const cards: Size[] = [
    { width: 380, height: 120 },
    { width: 380, height: 400 },
    { width: 380, height: 1500 }, // taller than the room on both sides
    { width: 700, height: 200 }, // wider than narrow viewports
  ];
  const anchorSizes: Size[] = [
    { width: 90, height: 18 },
    { width: 240, height: 40 },
    { width: 30, height: 200 },
  ];

  function* cases() {
    for (const viewport of viewports) {
      for (const size of anchorSizes) {
        // Every edge and a little past it, the middle, and a coarse sweep in between.
        const edgeLefts = [-size.width + 5, -5, 0, 3, M, viewport.width - size.width - 3, viewport.width - size.width, viewport.width - 5];
        const edgeTops = [-size.height + 5, -5, 0, 3, M, viewport.height - size.height - 3, viewport.height - size.height, viewport.height - 5];
        const sweep = (extent: number) => Array.from({ length: 9 }, (_, i) => Math.round((extent * i) / 8));
        const lefts = [...edgeLefts, ...sweep(viewport.width - size.width)];
        const tops = [...edgeTops, ...sweep(viewport.height - size.height)];
        for (const left of lefts) {
          for (const top of tops) {
            for (const cardSize of cards) {
              yield { anchor: { left, top, ...size }, cardSize, viewport };
            }
          }
        }
      }
    }
  }

  const all = [...cases()];

  it(`checks many combinations (${all.length})`, () => {
    expect(all.length).toBeGreaterThan(10_000);
  });

  it('never covers the anchor, keeps at least the gap, and stays inside the viewport margins', () => {
    const failures: string[] = [];
    for (const { anchor, cardSize, viewport } of all) {
      const placement = placeCard(anchor, cardSize, viewport);
      const rect = cardRect(placement, cardSize);
      const problems = [
        separation(rect, anchor) < GAP && 'covers the anchor',
        rect.left < M && 'past the left margin',
        rect.top < M && 'past the top margin',
        rect.left + rect.width > viewport.width - M && 'past the right margin',
        rect.top + rect.height > viewport.height - M && 'past the bottom margin',
        (rect.width <= 0 || rect.height <= 0) && 'empty',
      ].filter(Boolean);
      if (problems.length > 0) {
        failures.push(`${JSON.stringify({ anchor, cardSize, viewport, placement })}: ${problems.join(', ')}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('prefers below, then above, whenever the card fits there', () => {
    for (const { anchor, cardSize, viewport } of all) {
      const roomBelow = viewport.height - M - Math.max(anchor.top + anchor.height + GAP, M);
      const roomAbove = Math.min(anchor.top - GAP, viewport.height - M) - M;
      const fitsWidth = cardSize.width <= viewport.width - 2 * M;
      const { side } = placeCard(anchor, cardSize, viewport);
      if (fitsWidth && cardSize.height <= roomBelow) expect(side).toBe('below');
      else if (fitsWidth && cardSize.height <= roomAbove) expect(side).toBe('above');
    }
  });

  it('shows the whole card whenever it fits somewhere', () => {
    for (const { anchor, cardSize, viewport } of all) {
      const placement = placeCard(anchor, cardSize, viewport);
      const roomBelow = viewport.height - M - Math.max(anchor.top + anchor.height + GAP, M);
      const roomAbove = Math.min(anchor.top - GAP, viewport.height - M) - M;
      const fitsWidth = cardSize.width <= viewport.width - 2 * M;
      if (fitsWidth && Math.max(roomBelow, roomAbove) >= cardSize.height) {
        expect(placement.maxHeight).toBe(cardSize.height);
        expect(placement.maxWidth).toBe(cardSize.width);
      }
    }
  });
});
