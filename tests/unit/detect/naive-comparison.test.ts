// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectInquiryIds } from '@/utils/detect/detect-inquiry-ids';
import { naiveDetect } from './naive-detector';
import { FIXTURE_NAMES, loadFixture } from './wing-fixtures';

const isExpected = (element: Element, id: string) => (element.getAttribute('data-expect-id') ?? '').split(/\s+/).includes(id);

/** False positives: places decorated although the fixture does not mark them as that inquiry ID. */
function falsePositives(name: string): { naive: number; anchored: number } {
  const page = loadFixture(name);
  return {
    naive: naiveDetect(page).filter(({ digits, element }) => !isExpected(element, digits)).length,
    anchored: detectInquiryIds(page).filter(({ id, element }) => !isExpected(element, id)).length,
  };
}

describe('anchored detection against a bare /\\d{6,20}/ over every text node', () => {
  it.each(FIXTURE_NAMES)('%s.html: the naive detector decorates other numbers, ours none', (name) => {
    const { naive, anchored } = falsePositives(name);
    expect(anchored).toBe(0);
    expect(naive).toBeGreaterThan(0);
  });
});
