// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Placement } from '@/utils/hover/placement';
import { drawPlaced } from '@/utils/wing/card-placement';

describe('drawPlaced', () => {
  it('measures the card while it is placed too: the card never goes in flow between two draws (issue 19)', () => {
    const container = document.createElement('div');
    const drawn: (Placement | undefined)[] = [];
    const draw = (placement?: Placement) => {
      drawn.push(placement);
      const card = document.createElement('div');
      card.getBoundingClientRect = () => ({ width: 380, height: 200, top: 0, left: 0, right: 380, bottom: 200, x: 0, y: 0, toJSON: () => ({}) });
      container.replaceChildren(card);
    };
    const anchor = { getBoundingClientRect: () => ({ top: 100, left: 40, width: 80, height: 20, right: 120, bottom: 120, x: 40, y: 100, toJSON: () => ({}) }) };
    drawPlaced(draw, container, anchor, document);
    expect(drawn).toHaveLength(2);
    // Every draw is placed (position: fixed); the first has the whole viewport as its room, so it shows the natural size.
    expect(drawn.every((placement) => placement !== undefined)).toBe(true);
    const view = document.documentElement;
    expect(drawn[0]).toMatchObject({ top: 0, left: 0, maxHeight: view.clientHeight, maxWidth: view.clientWidth });
    expect(drawn[1]).toHaveProperty('side');
  });
});
