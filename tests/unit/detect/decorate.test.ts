// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createDecorator, isStaleDecoration, undecorate, type IdPaint } from '@/utils/detect/decorate';
import { detectInquiryIds } from '@/utils/detect/detect-inquiry-ids';
import type { Detection } from '@/utils/detect/detection';
import { inquiryIdLabels } from '@/utils/detect/labels';

/** The test's own document: happy-dom's ranges misbehave in documents made by DOMParser. */
function detectIn(body: string): { document: Document; detections: Detection[] } {
  document.body.innerHTML = body;
  return { document, detections: detectInquiryIds(document) };
}

function only(detections: Detection[]): Detection {
  expect(detections).toHaveLength(1);
  return detections[0] as Detection;
}

/**
 * Records the ranges the decorator paints, as the CSS highlight would hold them. happy-dom has no
 * StaticRange, so the decorator hands it live Ranges for whole marks too.
 */
function fakePaint(): IdPaint & { ranges: Set<Range>; texts: () => string[] } {
  const ranges = new Set<Range>();
  return {
    ranges,
    add: (range) => void ranges.add(range as Range),
    delete: (range) => void ranges.delete(range as Range),
    texts: () => [...ranges].map((range) => range.toString()),
  };
}

const BUTTON_ATTRIBUTES = { class: 'cs-lens-id', 'data-cs-lens-id': '1015668177', tabindex: '0', role: 'button', 'aria-haspopup': 'dialog' };

/** What the page and assistive technology see; the decorator's own bookkeeping (for undecorate) left out. */
const BOOKKEEPING = new Set(['data-cs-lens-added']);

function attributesOf(element: Element): Record<string, string> {
  return Object.fromEntries([...element.attributes].filter((a) => !BOOKKEEPING.has(a.name)).map((a) => [a.name, a.value]));
}

describe('whole marks are painted too', () => {
  it("a cell that is exactly the ID gets its underline from a range over its text, not from a style on the cell", () => {
    const { document, detections } = detectIn('<table><thead><tr><th>상담번호</th></tr></thead><tbody><tr><td>1015668177</td></tr></tbody></table>');
    const td = document.querySelector('td') as HTMLElement;
    const paint = fakePaint();
    const decorator = createDecorator(document, paint);
    expect(decorator.decorateAll(detections)).toEqual([td]);
    expect(paint.texts()).toEqual(['1015668177']);
    decorator.decorateAll(detections); // idempotent: one range per mark
    expect(paint.ranges.size).toBe(1);
    undecorate(td); // the mark no longer holds (the card found it stale)
    td.remove();
    decorator.decorateAll([]);
    expect(paint.ranges.size).toBe(0);
    decorator.decorateAll(detectInquiryIds(document));
    decorator.forgetAll();
    expect(paint.ranges.size).toBe(0);
  });
});

describe('marks within a longer text', () => {
  it('mark the element around the ID with attributes and paint exactly the ID: the page’s text node stays its own', () => {
    const { document, detections } = detectIn('<p>상담번호 : 1015668177 건입니다.</p>');
    const p = document.querySelector('p') as HTMLElement;
    const text = p.firstChild as Text;
    const paint = fakePaint();
    expect(createDecorator(document, paint).decorateAll(detections)).toEqual([p]);
    expect(p.childNodes).toHaveLength(1);
    expect(p.firstChild).toBe(text);
    expect(text.parentNode).toBe(p);
    expect(text.data).toBe('상담번호 : 1015668177 건입니다.');
    expect(attributesOf(p)).toEqual({ 'data-cs-lens-ids': '1015668177', tabindex: '0' });
    expect(paint.texts()).toEqual(['1015668177']);
  });

  it('a page script rewriting the text node in place shows exactly its new text, and the mark follows it', () => {
    const { document, detections } = detectIn('<p>상담번호: 1015668177 안내</p>');
    const p = document.querySelector('p') as HTMLElement;
    const text = p.firstChild as Text;
    const paint = fakePaint();
    const decorator = createDecorator(document, paint);
    decorator.decorateAll(detections);
    text.data = '상담번호: 1015668180 안내'; // the framework updating `상담번호: {id}` through the node it kept
    expect(p.textContent).toBe('상담번호: 1015668180 안내');
    expect(paint.texts().join('')).not.toContain('1015668177');
    decorator.refresh(p);
    expect(p.textContent).toBe('상담번호: 1015668180 안내');
    expect(p.firstChild).toBe(text);
    expect(p.getAttribute('data-cs-lens-ids')).toBe('1015668180');
    expect(paint.texts()).toEqual(['1015668180']);
    expect(decorator.currentIdsWithin(p)).toEqual(['1015668180']);
  });

  it("a seller's own label keeps its mark when the element is read again (the card re-reads before it opens)", () => {
    const labels = inquiryIdLabels(['접수번호']);
    document.body.innerHTML = '<p>접수번호: 1015668177 안내</p>';
    const detections = detectInquiryIds(document, labels);
    expect(detections.map((d) => d.id)).toEqual(['1015668177']);
    const p = document.querySelector('p') as HTMLElement;
    const decorator = createDecorator(document, fakePaint(), labels);
    decorator.decorateAll(detections);
    expect(decorator.currentIdsWithin(p)).toEqual(['1015668177']);
    decorator.refresh(p);
    expect(p.getAttribute('data-cs-lens-ids')).toBe('1015668177');
  });

  it('a text that no longer labels the number loses the mark, and the element is byte-identical to before', () => {
    const { document, detections } = detectIn('<p class="x">상담번호: 1015668177 안내</p>');
    const p = document.querySelector('p') as HTMLElement;
    const paint = fakePaint();
    const decorator = createDecorator(document, paint);
    decorator.decorateAll(detections);
    (p.firstChild as Text).data = '주문번호: 1015668177 안내';
    expect(decorator.currentIdsWithin(p)).toEqual([]);
    decorator.refresh(p);
    expect(p.outerHTML).toBe('<p class="x">주문번호: 1015668177 안내</p>');
    expect(paint.ranges.size).toBe(0);
  });

  it('two IDs in one text node: one mark listing both, each painted, the node untouched', () => {
    const { document, detections } = detectIn('<p>상담번호 1015668177, 문의번호 1015668178 처리</p>');
    const paint = fakePaint();
    const p = document.querySelector('p') as HTMLElement;
    createDecorator(document, paint).decorateAll([...detections].reverse());
    expect(p.getAttribute('data-cs-lens-ids')).toBe('1015668177 1015668178');
    expect(paint.texts().sort()).toEqual(['1015668177', '1015668178']);
    expect(p.childNodes).toHaveLength(1);
    expect(p.textContent).toBe('상담번호 1015668177, 문의번호 1015668178 처리');
  });

  it('inside a link with other text, the link is marked and stays the one control (no tabindex, no role)', () => {
    const { document, detections } = detectIn('<a href="?inquiryId=1015668177">문의 1015668177 보기</a>');
    createDecorator(document).decorateAll(detections);
    expect(attributesOf(document.querySelector('a') as Element)).toEqual({ href: '?inquiryId=1015668177', 'data-cs-lens-ids': '1015668177' });
  });

  it('an element the page already made focusable (or took out of the Tab order) keeps its tabindex', () => {
    const { document, detections } = detectIn('<div tabindex="-1">상담번호 : 1015668177 건입니다.</div>');
    createDecorator(document).decorateAll(detections);
    expect(attributesOf(document.querySelector('div') as Element)).toEqual({ tabindex: '-1', 'data-cs-lens-ids': '1015668177' });
  });

  it('is idempotent: decorating again adds nothing, and an element gaining a second ID keeps the first', () => {
    const { document, detections } = detectIn('<p>상담번호 : 1015668177 건입니다.</p>');
    const paint = fakePaint();
    const decorator = createDecorator(document, paint);
    decorator.decorateAll(detections);
    const once = document.body.innerHTML;
    decorator.decorateAll(detections);
    expect(document.body.innerHTML).toBe(once);
    expect(paint.ranges.size).toBe(1);
    const p = document.querySelector('p') as HTMLElement;
    p.append(' 상담번호 1015668178');
    decorator.decorateAll(detectInquiryIds(document));
    expect(p.getAttribute('data-cs-lens-ids')).toBe('1015668177 1015668178');
    expect(paint.texts().sort()).toEqual(['1015668177', '1015668178']);
  });

  it('an element the page removed is forgotten: its ranges are no longer painted', () => {
    const { document, detections } = detectIn('<div><p>상담번호 : 1015668177 건입니다.</p></div><p>상담번호 : 1015668178 건</p>');
    const paint = fakePaint();
    const decorator = createDecorator(document, paint);
    decorator.decorateAll(detections);
    document.querySelector('div')?.remove();
    decorator.decorateAll([]);
    expect(paint.texts()).toEqual(['1015668178']);
  });

  it('forgetAll stops painting every ID', () => {
    const { document, detections } = detectIn('<p>상담번호 1015668177, 문의번호 1015668178 처리</p>');
    const paint = fakePaint();
    const decorator = createDecorator(document, paint);
    decorator.decorateAll(detections);
    decorator.forgetAll();
    expect(paint.ranges.size).toBe(0);
  });
});

describe('whole marks', () => {
  it('mark a cell that holds only the ID with attributes alone: no node added (no relayout), the cell keeps its role', () => {
    const { document, detections } = detectIn('<table><thead><tr><th>상담번호</th></tr></thead><tbody><tr><td> 1015668177 </td></tr></tbody></table>');
    const cell = document.querySelector('td') as Element;
    const textBefore = cell.firstChild;
    expect(createDecorator(document).decorateAll([only(detections)])).toEqual([cell]);
    expect(cell.childNodes).toHaveLength(1);
    expect(cell.firstChild).toBe(textBefore);
    expect(attributesOf(cell)).toEqual({ class: 'cs-lens-id', 'data-cs-lens-id': '1015668177', tabindex: '0' });
  });

  it('turn a plain span that is exactly the ID into the button itself', () => {
    const { document, detections } = detectIn('<div><span>상담번호</span><span class="v">1015668177</span></div>');
    expect(createDecorator(document).decorateAll(detections)).toEqual([document.querySelector('.v')]);
    expect(attributesOf(document.querySelector('.v') as Element)).toEqual({ ...BUTTON_ATTRIBUTES, class: 'v cs-lens-id' });
  });

  it('mark a link that is exactly the ID without changing its role or focus order', () => {
    const { document, detections } = detectIn('<a href="?inquiryId=1015668177">1015668177</a>');
    createDecorator(document).decorateAll(detections);
    expect(attributesOf(document.querySelector('a') as Element)).toEqual({
      href: '?inquiryId=1015668177',
      class: 'cs-lens-id',
      'data-cs-lens-id': '1015668177',
      'aria-haspopup': 'dialog',
    });
  });

  it('never give a grid cell a button role', () => {
    const { document, detections } = detectIn(
      '<div role="grid"><div role="row"><span role="columnheader">상담번호</span></div><div role="row"><span role="gridcell">1015668177</span></div></div>',
    );
    const [decorated] = createDecorator(document).decorateAll(detections);
    expect(decorated).toBe(document.querySelector('[role=gridcell]'));
    expect(decorated?.getAttribute('role')).toBe('gridcell');
    expect(decorated?.getAttribute('tabindex')).toBe('0');
    expect(document.querySelectorAll('[role=button]')).toHaveLength(0);
  });

  it('mark an element that names the ID without printing it; a button keeps its own role', () => {
    const { document, detections } = detectIn('<button data-inquiry-id="1015668177">답변</button><span data-inquiry-id="1015668178">열기</span>');
    createDecorator(document).decorateAll(detections);
    expect(attributesOf(document.querySelector('button') as Element)).toMatchObject({ 'data-cs-lens-id': '1015668177', 'aria-haspopup': 'dialog' });
    expect(document.querySelector('button')?.hasAttribute('role')).toBe(false);
    expect(attributesOf(document.querySelector('span') as Element)).toMatchObject({ 'data-cs-lens-id': '1015668178', role: 'button', tabindex: '0' });
  });

  it('mark nothing when the page changed the text since detection', () => {
    const { document, detections } = detectIn('<p>상담번호 : 1015668177 건입니다.</p>');
    const detection = only(detections);
    if (detection.textNode) detection.textNode.data = '처리 완료';
    expect(createDecorator(document).decorateAll([detection])).toEqual([]);
  });

  it('move the marker when the page reuses a decorated element for another ID', () => {
    const { document } = detectIn('<table><thead><tr><th>상담번호</th></tr></thead><tbody><tr><td>1015668177</td></tr></tbody></table>');
    const decorator = createDecorator(document);
    decorator.decorateAll(detectInquiryIds(document));
    const cell = document.querySelector('.cs-lens-id') as Element;
    (cell.firstChild as Text).data = '1015668178';
    decorator.decorateAll(detectInquiryIds(document));
    expect(cell.getAttribute('data-cs-lens-id')).toBe('1015668178');
    expect(document.querySelectorAll('.cs-lens-id')).toHaveLength(1);
  });

  it('leave non-HTML elements alone', () => {
    const { document } = detectIn('<svg><text data-inquiry-id="1015668177"></text></svg>');
    const element = document.querySelector('text') as Element;
    expect(createDecorator(document).decorateAll([{ id: '1015668177', element, source: 'attribute' }])).toEqual([]);
  });

  it('tell a marker whose text the page has since replaced (stale) from a current one', () => {
    const { document, detections } = detectIn('<table><thead><tr><th>상담번호</th></tr></thead><tbody><tr><td>1015668177</td></tr></tbody></table>');
    const [marker] = createDecorator(document).decorateAll(detections);
    expect(isStaleDecoration(marker as Element)).toBe(false);
    (marker?.firstChild as Text).data = '-';
    expect(isStaleDecoration(marker as Element)).toBe(true);
    undecorate(marker as Element);
    expect(document.querySelector('td')?.outerHTML).toBe('<td>-</td>');
  });
});

describe('undecorate', () => {
  it.each([
    '<p>상담번호 : 1015668177 건입니다.</p>',
    '<p class="a" tabindex="2">상담번호 1015668177, 문의번호 1015668178 처리</p>',
    '<table><thead><tr><th>상담번호</th></tr></thead><tbody><tr><td> 1015668177 </td></tr></tbody></table>',
    '<dl><dt>상담번호</dt><dd><span class="v" title="x">1015668177</span></dd></dl>',
    '<dl><dt>상담번호</dt><dd>1015668177</dd></dl>',
    '<a href="/cs?inquiryId=1015668177">1015668177</a>',
    '<a href="/cs?inquiryId=1015668177">문의 1015668177 보기</a>',
    '<span role="button" tabindex="-1" data-inquiry-id="1015668177">1015668177</span>',
  ])('gives the page back byte-identical markup: %s', (html) => {
    const { document, detections } = detectIn(html);
    const before = document.body.outerHTML;
    const paint = fakePaint();
    const decorator = createDecorator(document, paint);
    const decorated = decorator.decorateAll(detections);
    expect(decorated.length).toBeGreaterThan(0);
    expect(document.body.outerHTML).not.toBe(before);
    for (const element of decorated) undecorate(element);
    decorator.forgetAll();
    expect(document.body.outerHTML).toBe(before);
    expect(paint.ranges.size).toBe(0);
  });
});
