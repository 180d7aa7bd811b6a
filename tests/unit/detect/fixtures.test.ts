// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createDecorator } from '@/utils/detect/decorate';
import { detectInElements, detectInElementsStepwise, detectInquiryIds } from '@/utils/detect/detect-inquiry-ids';
import { DECORATED_ATTRIBUTE, MARKED_WITHIN_ATTRIBUTE, idsMarkedWithin } from '@/utils/detect/detection';
import { findVendorCode } from '@/utils/detect/vendor-code';
import { FIXTURE_NAMES, describeDetections, expectedIn, loadFixture, pointedText, xhrBatches } from './wing-fixtures';

describe.each(FIXTURE_NAMES)('fixture %s.html', (name) => {
  it('detects exactly the elements marked data-expect-id: every positive, no decoy', () => {
    const page = loadFixture(name);
    expect(describeDetections(detectInquiryIds(page))).toEqual(expectedIn(page));
  });

  it('finds the same, in small steps, when the content script scans it under a time budget', () => {
    const page = loadFixture(name);
    const steps = [...detectInElementsStepwise([page.body], { root: page.body }, 7)];
    expect(steps.length).toBeGreaterThan(3);
    expect(describeDetections(steps.flat())).toEqual(expectedIn(page));
  });

  it('points each detection at exactly the ID characters, inside the detected element', () => {
    const page = loadFixture(name);
    for (const detection of detectInquiryIds(page)) {
      if (detection.textNode) {
        expect(pointedText(detection)).toBe(detection.id);
        expect(detection.textNode.parentElement).toBe(detection.element);
      } else {
        expect(detection.element.matches('a[href], button, span')).toBe(true);
      }
    }
  });

  it('reads the vendor code Wing prints in the page header', () => {
    expect(findVendorCode(loadFixture(name))).toBe('A00012345');
  });

  it('marks every detection without creating, moving or splitting a node, and finds nothing new afterwards', () => {
    const page = loadFixture(name);
    const walker = page.createTreeWalker(page.body, 0x4);
    const texts: [Text, Node | null, string][] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push([node as Text, node.parentNode, (node as Text).data]);
    const detections = detectInquiryIds(page);
    createDecorator(page).decorateAll(detections);
    const marked = [
      ...[...page.querySelectorAll(`[${DECORATED_ATTRIBUTE}]`)].map((e) => e.getAttribute(DECORATED_ATTRIBUTE)),
      ...[...page.querySelectorAll(`[${MARKED_WITHIN_ATTRIBUTE}]`)].flatMap(idsMarkedWithin),
    ];
    expect(new Set(marked)).toEqual(new Set(detections.map((d) => d.id)));
    const after: Node[] = [];
    const again = page.createTreeWalker(page.body, 0x4);
    for (let node = again.nextNode(); node; node = again.nextNode()) after.push(node);
    expect(after).toEqual(texts.map(([node]) => node));
    for (const [node, parent, data] of texts) expect([node.parentNode, node.data]).toEqual([parent, data]);
    expect(detectInquiryIds(page)).toEqual([]);
  });

  it('finds rows that XHR adds later, looking only at the added nodes', () => {
    const page = loadFixture(name);
    createDecorator(page).decorateAll(detectInquiryIds(page));
    for (const { target, nodes } of xhrBatches(page)) {
      target.append(...nodes);
      const expected = nodes.flatMap((node) => expectedIn(node)).sort();
      expect(describeDetections(detectInElements(nodes, { root: page }))).toEqual(expected);
      const oneAtATime = nodes.flatMap((node) => detectInElements([node], { root: page }));
      expect(describeDetections(oneAtATime)).toEqual(expected);
    }
  });
});

describe('fixture expectations', () => {
  it('cover every detection source on the positive pages and none on decoys.html', () => {
    const sources = new Set(FIXTURE_NAMES.flatMap((name) => detectInquiryIds(loadFixture(name)).map((d) => d.source)));
    expect([...sources].sort()).toEqual(['attribute', 'column', 'label', 'link']);
    expect(expectedIn(loadFixture('decoys'))).toEqual([]);
  });

  it('include rows added by XHR on the list, split-header, grid and detail pages', () => {
    const batches = ['split-header', 'aria-grid', 'xhr-rows'].flatMap((name) => xhrBatches(loadFixture(name)));
    expect(batches.flatMap(({ nodes }) => nodes.flatMap((node) => expectedIn(node)))).toHaveLength(7);
  });
});
