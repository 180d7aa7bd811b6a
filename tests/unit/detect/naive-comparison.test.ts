// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectInquiryIds } from '@/utils/detect/detect-inquiry-ids';
import { naiveDetect } from './naive-detector';
import { FIXTURE_NAMES, loadFixture } from './wing-fixtures';

const isExpected = (element: Element, id: string) => (element.getAttribute('data-expect-id') ?? '').split(/\s+/).includes(id);

/** What our detector found, per element: the IDs it decorates there. */
function foundIn(page: ParentNode): Map<Element, Set<string>> {
  const found = new Map<Element, Set<string>>();
  for (const { element, id } of detectInquiryIds(page)) found.set(element, (found.get(element) ?? new Set()).add(id));
  return found;
}

/**
 * The bare /\d{6,20}/ regex is only the source of candidates here: every long number on each fixture page.
 * The product must decorate exactly those the fixture marks as inquiry IDs and leave every other alone.
 */
describe('every long number on the fixture pages, as a bare /\\d{6,20}/ finds them', () => {
  it.each(FIXTURE_NAMES)('%s.html: ours decorates exactly the marked inquiry IDs among them', (name) => {
    const page = loadFixture(name);
    const found = foundIn(page);
    const candidates = naiveDetect(page);
    expect(candidates.length, 'the page has long numbers to tell apart').toBeGreaterThan(0);
    for (const { digits, element } of candidates) {
      const decorated = found.get(element)?.has(digits) ?? false;
      expect(decorated, `${digits} in <${element.tagName.toLowerCase()} class="${element.className}">`).toBe(isExpected(element, digits));
    }
  });
});
