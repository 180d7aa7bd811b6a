// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_CHILDREN_IN_BAND, childrenInBand, viewBand } from '@/utils/wing/view-band';

/** A list of `n` children laid out one below the other, `height` px each, the first at `offset`; counts layout reads. */
function list(n: number, height = 20, offset = 0) {
  const element = document.createElement('ul');
  let reads = 0;
  for (let i = 0; i < n; i++) {
    const child = document.createElement('li');
    child.textContent = String(i);
    const top = offset + i * height;
    child.getBoundingClientRect = () => {
      reads++;
      return { top, bottom: top + height, left: 0, right: 100, width: 100, height, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
    };
    element.append(child);
  }
  return { element, reads: () => reads };
}

const texts = (elements: Element[]) => elements.map((e) => e.textContent);

describe('childrenInBand', () => {
  it('gives exactly the children whose boxes meet the band', () => {
    const { element } = list(100, 20, -500);
    // Child i spans [-500 + 20i, -480 + 20i]: i = 24 ends at -0, i = 25 starts at 0 … i = 30 starts at 100.
    expect(texts(childrenInBand(element, { top: 0, bottom: 100 }))).toEqual(['24', '25', '26', '27', '28', '29', '30']);
  });

  it('reads a few boxes, not every row, however long the list', () => {
    const small = list(1_000, 20, -10_000);
    childrenInBand(small.element, { top: 0, bottom: 100 });
    const large = list(20_000, 20, -200_000);
    expect(texts(childrenInBand(large.element, { top: 0, bottom: 100 }))).toEqual(['9999', '10000', '10001', '10002', '10003', '10004', '10005']);
    expect(large.reads()).toBeLessThan(30);
    expect(large.reads()).toBeLessThan(small.reads() * 2);
  });

  it('is empty when the list is wholly above or below the band, and bounded for a list drawn sideways', () => {
    expect(childrenInBand(list(50, 20, -5_000).element, { top: 0, bottom: 100 })).toEqual([]);
    expect(childrenInBand(list(50, 20, 5_000).element, { top: 0, bottom: 100 })).toEqual([]);
    expect(childrenInBand(list(5_000, 0, 10).element, { top: 0, bottom: 100 })).toHaveLength(MAX_CHILDREN_IN_BAND);
  });

  it('the band is the viewport with one screen of margin each way', () => {
    expect(viewBand(800)).toEqual({ top: -800, bottom: 1_600 });
  });
});
