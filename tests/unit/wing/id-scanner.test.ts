// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createDecorator } from '@/utils/detect/decorate';
import { LONG_LIST_CHILDREN, createIdScanner } from '@/utils/wing/id-scanner';
import type { ViewBand } from '@/utils/wing/view-band';

const ROW_HEIGHT = 20;

/** A 상담번호 table of `n` rows (IDs 1100000000 + i), row i laid out at i × 20 px. */
function page(n: number): HTMLTableSectionElement {
  document.body.innerHTML = `<p>상담번호: 1015668177</p><table><thead><tr><th>상담번호</th><th>주문번호</th></tr></thead><tbody></tbody></table>`;
  const tbody = document.querySelector('tbody') as HTMLTableSectionElement;
  addRows(tbody, 0, n);
  return tbody;
}

function addRows(tbody: HTMLTableSectionElement, from: number, n: number): void {
  const rows = document.createDocumentFragment();
  for (let i = from; i < from + n; i++) {
    const row = document.createElement('tr');
    for (const text of [String(1100000000 + i), '31000012345678']) row.appendChild(document.createElement('td')).textContent = text;
    rows.appendChild(row);
  }
  tbody.appendChild(rows);
  [...tbody.children].forEach((row, i) => {
    row.getBoundingClientRect = () => ({ top: i * ROW_HEIGHT, bottom: (i + 1) * ROW_HEIGHT }) as DOMRect;
  });
}

let slices: (() => void)[];
let band: ViewBand;
let scanner: ReturnType<typeof createIdScanner>;
/** The ranges painted as IDs within a longer text. */
let ranges: Set<Range>;

function runAll(): void {
  for (let n = 0; slices.length > 0 && n < 10_000; n++) slices.shift()?.();
}

const decorated = () => [
  ...[...document.querySelectorAll('[data-cs-lens-ids]')].flatMap((e) => (e.getAttribute('data-cs-lens-ids') ?? '').split(' ')),
  ...[...document.querySelectorAll('[data-cs-lens-id]')].map((e) => e.getAttribute('data-cs-lens-id')),
];
const flushMutations = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  slices = [];
  band = { top: 0, bottom: 5 * ROW_HEIGHT };
  scanner?.stop();
  ranges = new Set();
  // happy-dom has no StaticRange: every painted range here is a live Range.
  const decorator = createDecorator(document.body, { add: (range) => void ranges.add(range as Range), delete: (range) => void ranges.delete(range as Range) });
  scanner = createIdScanner({ document, schedule: (run) => slices.push(run), now: () => 0, ignore: () => false, band: () => band, decorator });
});

describe('id scanner', () => {
  it('tells which elements each batch marked, once each, so the card can look whether the pointer rests on one', async () => {
    const batches: string[][] = [];
    scanner.stop();
    const decorator = createDecorator(document.body, { add: (range) => void ranges.add(range as Range), delete: (range) => void ranges.delete(range as Range) });
    scanner = createIdScanner({
      document, schedule: (run) => slices.push(run), now: () => 0, ignore: () => false, band: () => band, decorator,
      onMarked: (elements) => batches.push(elements.map((e) => e.getAttribute('data-cs-lens-id') ?? e.getAttribute('data-cs-lens-ids') ?? '?')),
    });
    page(3);
    scanner.start();
    runAll();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.length).toBeGreaterThan(0);
    expect(batches[0]!.sort()).toEqual([...decorated()].sort());
    runAll();
    await flushMutations();
    runAll();
    expect(batches, 'nothing new marked, nothing told').toHaveLength(1);
  });

  it('a short table is scanned whole, as before', () => {
    page(10);
    scanner.start();
    runAll();
    expect(decorated()).toHaveLength(11);
  });

  it('a long table: only the rows in the band are decorated, and the page outside it as usual', () => {
    page(2_000);
    scanner.start();
    runAll();
    expect(decorated()).toEqual(['1015668177', '1100000000', '1100000001', '1100000002', '1100000003', '1100000004', '1100000005']);
  });

  it('scrolling brings the rows that come into the band, and only once', () => {
    page(2_000);
    scanner.start();
    runAll();
    band = { top: 1_000 * ROW_HEIGHT, bottom: 1_002 * ROW_HEIGHT };
    document.dispatchEvent(new Event('scroll'));
    runAll();
    expect(decorated().slice(7)).toEqual(['1100000999', '1100001000', '1100001001', '1100001002']);
    document.dispatchEvent(new Event('scroll'));
    runAll();
    expect(decorated()).toHaveLength(11);
  });

  it('rows appended to a long list are not scanned one by one: those in the band are', async () => {
    const tbody = page(LONG_LIST_CHILDREN + 1);
    scanner.start();
    runAll();
    band = { top: 3_000 * ROW_HEIGHT, bottom: 3_001 * ROW_HEIGHT };
    addRows(tbody, LONG_LIST_CHILDREN + 1, 5_000);
    await flushMutations();
    runAll();
    expect(decorated().slice(7)).toEqual(['1100002999', '1100003000', '1100003001']);
  });

  it('the pointer on a row the view pass has not reached yet decorates that row at once', () => {
    const tbody = page(2_000);
    scanner.start();
    runAll();
    const cell = tbody.children[1_500]!.children[0]!;
    scanner.scanNow(cell.firstChild!);
    expect(cell.getAttribute('data-cs-lens-id')).toBe('1100001500');
    // A decoy cell's row is the same row: nothing more.
    scanner.scanNow(tbody.children[1_500]!.children[1]!);
    expect(decorated()).toHaveLength(8);
  });

  it('a link the page points at another inquiry is decorated again with the new ID (attributes are observed)', async () => {
    document.body.innerHTML = `<p><a href="/detail?inquiryId=1015668178">보기</a></p>`;
    scanner.start();
    runAll();
    const link = document.querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('data-cs-lens-id')).toBe('1015668178');
    link.setAttribute('href', '/detail?inquiryId=1015668180');
    await flushMutations();
    runAll();
    expect(link.getAttribute('data-cs-lens-id')).toBe('1015668180');
    link.setAttribute('href', '/detail?productInquiryId=1015668180');
    await flushMutations();
    runAll();
    expect(link.hasAttribute('data-cs-lens-id')).toBe(false);
  });

  it('a page script rewriting a marked text node in place: the page shows only the new ID, and the mark follows it', async () => {
    document.body.innerHTML = '<p id="p">상담번호: 1015668177 안내</p>';
    const p = document.getElementById('p') as HTMLElement;
    const text = p.firstChild as Text;
    scanner.start();
    runAll();
    expect([p.firstChild, text.parentNode, text.data, p.childNodes.length]).toEqual([text, p, '상담번호: 1015668177 안내', 1]);
    expect(decorated()).toEqual(['1015668177']);
    text.data = '상담번호: 1015668180 안내';
    await flushMutations();
    runAll();
    expect(p.textContent).toBe('상담번호: 1015668180 안내');
    expect(p.firstChild).toBe(text);
    expect(decorated()).toEqual(['1015668180']);
    expect([...ranges].map((range) => range.toString())).toEqual(['1015668180']);
    text.data = '처리 완료';
    await flushMutations();
    runAll();
    expect(decorated()).toEqual([]);
    expect(p.outerHTML).toBe('<p id="p">처리 완료</p>');
    expect(ranges.size).toBe(0);
  });

  it('a framework replacing the text node (textContent) is followed too', async () => {
    document.body.innerHTML = '<p id="p">상담번호: 1015668177 안내</p>';
    const p = document.getElementById('p') as HTMLElement;
    scanner.start();
    runAll();
    p.textContent = '상담번호: 1015668180, 문의번호 1015668181';
    await flushMutations();
    runAll();
    expect(decorated()).toEqual(['1015668180', '1015668181']);
    expect([...ranges].map((range) => range.toString())).toEqual(['1015668180', '1015668181']);
  });

  it('stop: no more scanning on scroll', () => {
    page(2_000);
    scanner.start();
    runAll();
    scanner.stop();
    band = { top: 1_000 * ROW_HEIGHT, bottom: 1_002 * ROW_HEIGHT };
    document.dispatchEvent(new Event('scroll'));
    runAll();
    expect(decorated()).toHaveLength(7);
  });
});
