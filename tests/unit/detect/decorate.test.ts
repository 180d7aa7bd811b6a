// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { decorate, decorateAll, isStaleDecoration, undecorate } from '@/utils/detect/decorate';
import { detectInquiryIds } from '@/utils/detect/detect-inquiry-ids';
import type { Detection } from '@/utils/detect/detection';

function detectIn(body: string): { document: Document; detections: Detection[] } {
  const document = new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
  return { document, detections: detectInquiryIds(document) };
}

function only(detections: Detection[]): Detection {
  expect(detections).toHaveLength(1);
  return detections[0] as Detection;
}

const BUTTON_ATTRIBUTES = { class: 'cs-lens-id', 'data-cs-lens-id': '1015668177', tabindex: '0', role: 'button', 'aria-haspopup': 'dialog' };

/** What the page and assistive technology see; the decorator's own bookkeeping (for undecorate) left out. */
const BOOKKEEPING = new Set(['data-cs-lens-wrap', 'data-cs-lens-added']);

function attributesOf(element: Element): Record<string, string> {
  return Object.fromEntries([...element.attributes].filter((a) => !BOOKKEEPING.has(a.name)).map((a) => [a.name, a.value]));
}

describe('decorate', () => {
  it('wraps exactly the ID when the element holds more text', () => {
    const { document, detections } = detectIn('<p>상담번호 : 1015668177 건입니다.</p>');
    const decorated = decorate(only(detections));
    expect(decorated?.tagName).toBe('SPAN');
    expect(decorated?.textContent).toBe('1015668177');
    expect(attributesOf(decorated as Element)).toEqual(BUTTON_ATTRIBUTES);
    expect(document.querySelector('p')?.textContent).toBe('상담번호 : 1015668177 건입니다.');
  });

  it('marks a cell that holds only the ID with attributes alone: no node added (no relayout), the cell keeps its role', () => {
    const { document, detections } = detectIn('<table><thead><tr><th>상담번호</th></tr></thead><tbody><tr><td> 1015668177 </td></tr></tbody></table>');
    const detection = only(detections);
    const cell = document.querySelector('td') as Element;
    const textBefore = cell.firstChild;
    const decorated = decorate(detection);
    expect(decorated).toBe(cell);
    expect(cell.childNodes).toHaveLength(1);
    expect(cell.firstChild).toBe(textBefore);
    expect(attributesOf(cell)).toEqual({ class: 'cs-lens-id', 'data-cs-lens-id': '1015668177', tabindex: '0' });
  });

  it('turns a plain span that is exactly the ID into the button itself', () => {
    const { document, detections } = detectIn('<div><span>상담번호</span><span class="v">1015668177</span></div>');
    expect(decorate(only(detections))).toBe(document.querySelector('.v'));
    expect(attributesOf(document.querySelector('.v') as Element)).toEqual({ ...BUTTON_ATTRIBUTES, class: 'v cs-lens-id' });
  });

  it('marks a link that is exactly the ID without changing its role or focus order', () => {
    const { document, detections } = detectIn('<a href="?inquiryId=1015668177">1015668177</a>');
    decorate(only(detections));
    expect(attributesOf(document.querySelector('a') as Element)).toEqual({
      href: '?inquiryId=1015668177',
      class: 'cs-lens-id',
      'data-cs-lens-id': '1015668177',
      'aria-haspopup': 'dialog',
    });
  });

  it('inside a link with other text, wraps the ID in a plain marker so the link stays the one control', () => {
    const { detections } = detectIn('<a href="?inquiryId=1015668177">문의 1015668177 보기</a>');
    expect(attributesOf(decorate(only(detections)) as Element)).toEqual({ class: 'cs-lens-id', 'data-cs-lens-id': '1015668177' });
  });

  it('never gives a grid cell a button role', () => {
    const { document, detections } = detectIn(
      '<div role="grid"><div role="row"><span role="columnheader">상담번호</span></div><div role="row"><span role="gridcell">1015668177</span></div></div>',
    );
    const decorated = decorate(only(detections));
    expect(decorated).toBe(document.querySelector('[role=gridcell]'));
    expect(decorated?.getAttribute('role')).toBe('gridcell');
    expect(decorated?.getAttribute('tabindex')).toBe('0');
    expect(document.querySelectorAll('[role=button]')).toHaveLength(0);
  });

  it('marks an element that names the ID without printing it; a button keeps its own role', () => {
    const { document, detections } = detectIn('<button data-inquiry-id="1015668177">답변</button><span data-inquiry-id="1015668178">열기</span>');
    decorateAll(detections);
    expect(attributesOf(document.querySelector('button') as Element)).toMatchObject({ 'data-cs-lens-id': '1015668177', 'aria-haspopup': 'dialog' });
    expect(document.querySelector('button')?.hasAttribute('role')).toBe(false);
    expect(attributesOf(document.querySelector('span') as Element)).toMatchObject({ 'data-cs-lens-id': '1015668178', role: 'button', tabindex: '0' });
  });

  it('is idempotent: a second call returns the same element and adds nothing', () => {
    const { document, detections } = detectIn('<p>상담번호 : 1015668177 건입니다.</p>');
    const detection = only(detections);
    const first = decorate(detection);
    expect(decorate(detection)).toBe(first);
    expect(document.querySelectorAll('.cs-lens-id')).toHaveLength(1);
  });

  it('decorates several IDs of one text node, whatever order they come in', () => {
    const { document, detections } = detectIn('<p>상담번호 1015668177, 문의번호 1015668178 처리</p>');
    expect(decorateAll([...detections].reverse())).toHaveLength(2);
    expect([...document.querySelectorAll('.cs-lens-id')].map((e) => e.textContent)).toEqual(['1015668177', '1015668178']);
    expect(document.querySelector('p')?.textContent).toBe('상담번호 1015668177, 문의번호 1015668178 처리');
  });

  it('returns undefined when the page changed the text since detection', () => {
    const { detections } = detectIn('<p>상담번호 : 1015668177 건입니다.</p>');
    const detection = only(detections);
    if (detection.textNode) detection.textNode.data = '처리 완료';
    expect(decorate(detection)).toBeUndefined();
  });

  it('moves the marker when the page reuses a decorated element for another ID', () => {
    const { document } = detectIn('<table><thead><tr><th>상담번호</th></tr></thead><tbody><tr><td>1015668177</td></tr></tbody></table>');
    decorateAll(detectInquiryIds(document));
    const span = document.querySelector('.cs-lens-id') as Element;
    (span.firstChild as Text).data = '1015668178';
    decorateAll(detectInquiryIds(document));
    expect(span.getAttribute('data-cs-lens-id')).toBe('1015668178');
    expect(document.querySelectorAll('.cs-lens-id')).toHaveLength(1);
  });

  it('leaves non-HTML elements alone', () => {
    const { document } = detectIn('<svg><text data-inquiry-id="1015668177"></text></svg>');
    const element = document.querySelector('text') as Element;
    expect(decorate({ id: '1015668177', element, source: 'attribute' })).toBeUndefined();
  });
});

describe('decorate inside a link, when the page reuses the marker for another ID', () => {
  it('keeps the marker plain', () => {
    const { document } = detectIn('<a href="?inquiryId=1015668177">문의 1015668177 보기</a>');
    decorateAll(detectInquiryIds(document));
    const marker = document.querySelector('.cs-lens-id') as Element;
    (marker.firstChild as Text).data = '1015668178';
    document.querySelector('a')?.setAttribute('href', '?inquiryId=1015668178');
    decorateAll(detectInquiryIds(document));
    expect(attributesOf(marker)).toEqual({ class: 'cs-lens-id', 'data-cs-lens-id': '1015668178' });
  });
});

describe('decorate after decorateAll split a text node holding two IDs', () => {
  it('still returns each ID’s span', () => {
    const { detections } = detectIn('<p>상담번호 1015668177, 문의번호 1015668178 처리</p>');
    const spans = decorateAll(detections);
    expect(detections.map(decorate)).toEqual([...spans].reverse());
  });

  it.each([
    '<p>상담번호 : 1015668177 건입니다.</p>',
    '<table><thead><tr><th>상담번호</th></tr></thead><tbody><tr><td> 1015668177 </td></tr></tbody></table>',
    '<dl><dt>상담번호</dt><dd><span class="v" title="x">1015668177</span></dd></dl>',
    '<a href="/cs?inquiryId=1015668177">1015668177</a>',
    '<a href="/cs?inquiryId=1015668177">문의 1015668177 보기</a>',
    '<span role="button" tabindex="-1" data-inquiry-id="1015668177">1015668177</span>',
  ])('undecorate gives the page back exactly what it had: %s', (html) => {
    const { document, detections } = detectIn(html);
    const before = document.body.innerHTML;
    const decorated = decorateAll(detections);
    expect(decorated.length).toBeGreaterThan(0);
    expect(document.body.innerHTML).not.toBe(before);
    for (const element of decorated) undecorate(element);
    expect(document.body.innerHTML).toBe(before);
  });

  it('tells a marker whose text the page has since replaced (stale) from a current one', () => {
    const { document, detections } = detectIn('<table><thead><tr><th>상담번호</th></tr></thead><tbody><tr><td>1015668177</td></tr></tbody></table>');
    const [marker] = decorateAll(detections);
    expect(isStaleDecoration(marker as Element)).toBe(false);
    (marker?.firstChild as Text).data = '-';
    expect(isStaleDecoration(marker as Element)).toBe(true);
    undecorate(marker as Element);
    expect(document.querySelector('td')?.innerHTML).toBe('-');
  });
});
