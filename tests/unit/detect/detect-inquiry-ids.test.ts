// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createDecorator } from '@/utils/detect/decorate';
import { detectInElements, detectInquiryIds } from '@/utils/detect/detect-inquiry-ids';
import { describeDetections, expectedIn } from './wing-fixtures';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

const row = (...cells: string[]) => `<tr>${cells.map((cell) => (cell.startsWith('<t') ? cell : `<td>${cell}</td>`)).join('')}</tr>`;
const table = (headers: string[], ...rows: string[]) =>
  `<table><thead><tr>${headers.map((h) => (h.startsWith('<th') ? h : `<th>${h}</th>`)).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
const hit = (id: string) => `<td data-expect-id="${id}">${id}</td>`;

/** Each case marks what must be found with data-expect-id; everything else must not be. */
const cases: [what: string, html: string][] = [
  // Column headers: which captions name the inquiry ID
  ['header 상담번호', table(['주문번호', '상담번호'], row('12345678901234', hit('1015668177')))],
  ['header 문의번호', table(['문의번호', '주문번호'], row(hit('1015668177'), '12345678901234'))],
  ['header Inquiry ID', table(['Inquiry ID'], row(hit('1015668177')))],
  ['header INQUIRY ID in capitals', table(['INQUIRY ID'], row(hit('1015668177')))],
  ['header inquiryId', table(['inquiryId'], row(hit('1015668177')))],
  ['header counselingId', table(['counselingId'], row(hit('1015668177')))],
  ['header with spaces and line breaks', table(['\n  상담\n  번호  '], row(hit('1015668177')))],
  ['header with required-field star', table(['* 상담번호'], row(hit('1015668177')))],
  ['header with sort glyphs', table(['상담번호 ▲▼'], row(hit('1015668177')))],
  ['header with an svg sort icon', table(['상담번호<svg><text>sort</text></svg>'], row(hit('1015668177')))],
  ['header with role=tooltip text', table(['상담번호<div role="tooltip">상담 시 부여된 번호</div>'], row(hit('1015668177')))],
  ['header with aria-hidden text', table(['상담번호<span aria-hidden="true">정렬</span>'], row(hit('1015668177')))],
  ['header with unmarked tooltip text after the caption', table(['<th><span>상담번호</span><span class="t">번호 안내</span></th>'], row(hit('1015668177')))],
  ['header caption nested in divs', table(['<th><div><div><span>상담번호</span></div></div></th>'], row(hit('1015668177')))],
  ['header 상담번호 변경이력 is another column', table(['상담번호 변경이력'], row('1015668177'))],
  ['header 상품문의번호 is product Q&A', table(['상품문의번호'], row('1015668177'))],
  ['header 상담일시 is not the ID', table(['상담일시'], row('1015668177'))],
  ['header 번호 alone is not the ID', table(['번호'], row('1015668177'))],
  ['label header spanning two columns names neither', table(['<th colspan="2">상담번호</th>'], row('1015668177', '1015668178'))],
  // Cells: what in a 상담번호 cell is the ID
  ['ID in a link in the cell', table(['상담번호'], row('<td><a href="#" data-expect-id="1015668177">1015668177</a></td>'))],
  ['ID after a badge', table(['상담번호'], row('<td><b>NEW</b> <span data-expect-id="1015668177">1015668177</span></td>'))],
  ['ID after a date-only line', table(['상담번호'], row('<td><small>2024-05-01</small> <span data-expect-id="1015668177">1015668177</span></td>'))],
  ['ID with text around it', table(['상담번호'], row('<td data-expect-id="1015668177">#1015668177 (이관)</td>'))],
  ['full-width ID in a cell', table(['상담번호'], row('<td data-expect-id="1015668177">１０１５６６８１７７</td>'))],
  ['empty, dash and words in the column', table(['상담번호'], row(''), row('-'), row('미발급'))],
  ['leading zero in the column', table(['상담번호'], row('0101566817'))],
  ['21 digits in the column', table(['상담번호'], row('123456789012345678901'))],
  ['phone number in the column', table(['상담번호'], row('010-1234-5678'))],
  ['row spanning the whole table', table(['상담번호', '주문번호'], row('<td colspan="2">1015668177 건 없음</td>'))],
  // Table shapes
  ['no thead: leading th-only rows are the header', `<table><tr><th>주문번호</th><th>상담번호</th></tr>${row('12345678901234', hit('1015668177'))}</table>`],
  ['no thead and no th row: no header', `<table>${row('상담번호', '주문번호')}${row('1015668177', '12345678901234')}</table>`],
  ['two tbody sections', `<table><thead><tr><th>상담번호</th></tr></thead><tbody>${row(hit('1015668177'))}</tbody><tbody>${row(hit('1015668178'))}</tbody></table>`],
  [
    'colspan before the column',
    table(['<th colspan="2">선택</th>', '주문번호', '상담번호'], row('<td><input type="checkbox"></td>', '1', '12345678901234', hit('1015668177'))),
  ],
  [
    'two header rows with a group cell',
    `<table><thead><tr><th rowspan="2">주문번호</th><th colspan="2">상담</th></tr><tr><th>일시</th><th>상담번호</th></tr></thead><tbody>${row('12345678901234', '2024-05-01', hit('1015668177'))}</tbody></table>`,
  ],
  [
    'rowspan shifting later rows',
    table(
      ['주문번호', '상담번호', '금액'],
      row('<td rowspan="3">12345678901234</td>', hit('1015668177'), '<td rowspan="2">12,000</td>'),
      row(hit('1015668178')),
      row(hit('1015668179'), '3,000'),
      row('12345678905678', hit('1015668180'), '4,000'),
    ),
  ],
  [
    'rowspan=0 covers the rest of the section',
    table(['주문번호', '상담번호'], row('<td rowspan="0">12345678901234</td>', hit('1015668177')), row(hit('1015668178')), row(hit('1015668179'))),
  ],
  [
    'nested table in another column has no header of its own',
    table(['상담번호', '상품'], row(hit('1015668177'), `<td><table>${row('1015668999', '12345678901234')}</table></td>`)),
  ],
  [
    'header cells in tbody rows are row headers, not data',
    table(['구분', '상담번호'], row('<th>1</th>', hit('1015668177'))),
  ],
  // Separate header tables
  [
    'split header, same width',
    `<div><div><table><thead><tr><th>주문번호</th><th>상담번호</th></tr></thead></table></div><div><table><tbody>${row('12345678901234', hit('1015668177'))}</tbody></table></div></div>`,
  ],
  [
    'split header with a scrollbar gutter cell',
    `<div><div><table><thead><tr><th>상담번호</th><th>주문번호</th><th class="gutter"></th></tr></thead></table></div><div><table><tbody>${row(hit('1015668177'), '12345678901234')}</tbody></table></div></div>`,
  ],
  [
    'split header as a sibling table',
    `<table><thead><tr><th>상담번호</th></tr></thead></table><table><tbody>${row(hit('1015668177'))}</tbody></table>`,
  ],
  [
    'split header of another width is another table’s',
    `<div><table><thead><tr><th>상담번호</th><th>주문번호</th></tr></thead></table></div><div><table><tbody>${row('1015668177', '12345678901234', '3')}</tbody></table></div>`,
  ],
  [
    'split header too far up is not looked for',
    `<table><thead><tr><th>상담번호</th></tr></thead></table><div><div><div><div><table><tbody>${row('1015668177')}</tbody></table></div></div></div></div>`,
  ],
  [
    'nearest preceding table without a header is skipped',
    `<table><thead><tr><th>상담번호</th></tr></thead></table><table><tbody>${row('0')}</tbody></table><table><tbody>${row(hit('1015668177'))}</tbody></table>`,
  ],
  // ARIA grids
  [
    'ARIA grid with aria-colindex',
    `<div role="grid"><div role="row"><div role="columnheader" aria-colindex="1">주문번호</div><div role="columnheader" aria-colindex="2">상담번호</div></div><div role="row"><div role="gridcell" aria-colindex="1">12345678901234</div><div role="gridcell" aria-colindex="2" data-expect-id="1015668177">1015668177</div></div></div>`,
  ],
  [
    'ARIA grid, columns by position',
    `<div role="table"><div role="row"><span role="columnheader">상담번호</span><span role="columnheader">주문번호</span></div><div role="row"><span role="cell" data-expect-id="1015668177">1015668177</span><span role="cell">12345678901234</span></div></div>`,
  ],
  [
    'ARIA treegrid with rowheader and aria-colspan',
    `<div role="treegrid"><div role="row"><b role="columnheader">#</b><b role="columnheader" aria-colspan="2">고객</b><b role="columnheader">Inquiry ID</b></div><div role="row"><i role="rowheader">1</i><i role="gridcell" aria-colspan="2">홍*동</i><i role="gridcell" data-expect-id="1015668177">1015668177</i></div></div>`,
  ],
  [
    'ARIA grid: cell spanning the ID column is not it',
    `<div role="grid"><div role="row"><div role="columnheader">상담번호</div><div role="columnheader">주문번호</div></div><div role="row"><div role="gridcell" aria-colspan="2">1015668177</div></div></div>`,
  ],
  [
    'ARIA grid: header grid drawn before the body grid',
    `<div><div role="presentation"><div role="row"><div role="columnheader">상담번호</div></div></div><div role="grid"><div role="row"><div role="gridcell" data-expect-id="1015668177">1015668177</div></div></div></div>`,
  ],
  [
    'ARIA grid: rows nested in a cell answer to their own grid',
    `<div role="grid"><div role="row"><div role="columnheader">상담번호</div><div role="columnheader">이력</div></div><div role="row"><div role="gridcell" data-expect-id="1015668177">1015668177</div><div role="gridcell"><div role="grid"><div role="row"><div role="gridcell">1015668999</div></div></div></div></div></div>`,
  ],
  ['ARIA grid without any ID header', `<div role="grid"><div role="row"><div role="columnheader">주문번호</div></div><div role="row"><div role="gridcell">12345678901234</div></div></div>`],
  // Labels
  ['label in the same text', '<p data-expect-id="1015668177">상담번호 : 1015668177</p>'],
  ['label, # separator', '<p data-expect-id="1015668177">문의번호 #1015668177</p>'],
  ['label, full-width colon and digits', '<p data-expect-id="1015668177">상담번호：１０１５６６８１７７</p>'],
  ['label glued to a longer word', '<p>상품문의번호 : 1015668177</p>'],
  ['label then words', '<p>상담번호 조회 1015668177</p>'],
  ['label then a number glued to letters', '<p>상담번호 1015668177A</p>'],
  ['label then a phone number', '<p>상담번호 : 1577-7011</p>'],
  ['label then an amount', '<p>상담번호 : 12,900</p>'],
  ['dt/dd', '<dl><dt>상담번호</dt><dd data-expect-id="1015668177">1015668177</dd></dl>'],
  ['vertical th/td', '<table><tr><th>Inquiry ID</th><td data-expect-id="1015668177">1015668177</td></tr></table>'],
  ['label span then value span', '<div><span>상담번호</span><span data-expect-id="1015668177">1015668177</span></div>'],
  ['label element then a bare text value', '<div data-expect-id="1015668177"><b>상담번호</b> 1015668177</div>'],
  ['label, line break, value', '<div data-expect-id="1015668177">상담번호:<br>1015668177</div>'],
  ['label in three wrappers', '<div><div><div><span>상담번호</span></div></div></div><div data-expect-id="1015668177">1015668177</div>'],
  ['label in five wrappers is too far', '<div><div><div><div><div><span>상담번호</span></div></div></div></div></div><div>1015668177</div>'],
  ['text that merely ends with the label does not reach past its element', '<p>아래 상담번호</p><p>1015668177</p>'],
  ['horizontal header: the next header cell is no value', '<table><tr><th>상담번호</th><th>1015668177</th></tr></table>'],
  ['value element that starts with words', '<dl><dt>상담번호</dt><dd>미발급 (주문 12345678901234)</dd></dl>'],
  ['label for an input value', '<label>상담번호</label><input value="1015668177">'],
  // Links and attributes
  ['link with inquiryId and the ID as text', '<a href="/cs?inquiryId=1015668177" data-expect-id="1015668177">1015668177</a>'],
  ['link with counselingId and other text', '<a href="/cs?x=1&counselingId=1015668177" data-expect-id="1015668177">보기</a>'],
  ['link naming one ID and printing another number', '<a href="/cs?inquiryId=1015668177" data-expect-id="1015668177">주문 12345678901234</a>'],
  ['link with productInquiryId', '<a href="/p?productInquiryId=1015668177">1015668177</a>'],
  ['link with inquiryIdx', '<a href="/p?inquiryIdx=1015668177">1015668177</a>'],
  ['link with a non-numeric inquiryId', '<a href="/p?inquiryId=1015668177abc">1015668177</a>'],
  ['link with an invalid inquiryId', '<a href="/p?inquiryId=0123">0123</a>'],
  ['button with data-inquiry-id', '<button data-inquiry-id="1015668177" data-expect-id="1015668177">답변</button>'],
  ['row with data-counseling-id printing the ID in a cell', '<table><tr data-counseling-id="1015668177"><td>이관</td><td data-expect-id="1015668177">1015668177</td></tr></table>'],
  ['block with data-inquiry-id and no visible ID', '<div data-inquiry-id="1015668177"><p>배송 문의</p></div>'],
  ['attribute with a leading zero', '<span data-inquiry-id="0101566817">0101566817</span>'],
  // Text that is not page text
  ['textarea', '<textarea>상담번호 : 1015668177</textarea>'],
  ['contenteditable', '<div contenteditable="true"><p>상담번호 : 1015668177</p></div>'],
  ['contenteditable="false" inside an editor is page text', '<div contenteditable="true"><p contenteditable="false" data-expect-id="1015668177">상담번호 : 1015668177</p></div>'],
  ['script and style', '<script>var s = "상담번호 : 1015668177";</script><style>p::after{content:"상담번호 1015668177"}</style>'],
  ['option', '<select><option>상담번호 1015668177</option></select>'],
];

describe('detectInquiryIds', () => {
  it.each(cases)('%s', (_what, html) => {
    const document = page(html);
    expect(describeDetections(detectInquiryIds(document))).toEqual(expectedIn(document));
  });

  it('reports one detection per ID however many rules find it', () => {
    const document = page(table(['상담번호'], '<tr data-inquiry-id="1015668177"><td><a href="?inquiryId=1015668177">1015668177</a></td></tr>'));
    expect(detectInquiryIds(document).map((d) => [d.id, d.source])).toEqual([['1015668177', 'column']]);
  });

  it('finds nothing outside the root it is given, even when a label inside points there', () => {
    const document = page('<dl><dt id="label">상담번호</dt><dd>1015668177</dd></dl>');
    expect(detectInquiryIds(document.getElementById('label') as Element)).toEqual([]);
  });

  it('does not look for a separate header outside the root', () => {
    const document = page(`<table><thead><tr><th>상담번호</th></tr></thead></table><div id="body"><table><tbody>${row('1015668177')}</tbody></table></div>`);
    expect(detectInquiryIds(document.getElementById('body') as Element)).toEqual([]);
    expect(detectInquiryIds(document)).toHaveLength(1);
  });

  it('skips IDs already decorated, but finds one again when the page reuses the element for another ID', () => {
    const document = page(table(['상담번호'], row('1015668177')));
    const [detection] = detectInquiryIds(document);
    if (!detection) throw new Error('not detected');
    const [decorated] = createDecorator(document).decorateAll([detection]);
    expect(detectInquiryIds(document)).toEqual([]);
    if (decorated?.firstChild) decorated.firstChild.nodeValue = '1015668178';
    expect(detectInquiryIds(document).map((d) => d.id)).toEqual(['1015668178']);
  });
});

describe('detectInElements', () => {
  it('finds a cell added to a row of an existing table, using the table’s header', () => {
    const document = page(table(['주문번호', '상담번호'], '<tr id="r"><td>12345678901234</td></tr>'));
    const cell = document.createElement('td');
    cell.textContent = '1015668177';
    document.getElementById('r')?.append(cell);
    expect(detectInElements([cell], { root: document }).map((d) => [d.id, d.source])).toEqual([['1015668177', 'column']]);
  });

  it('finds a value whose label was already on the page', () => {
    const document = page('<div><span>상담번호</span> : <span id="v"></span></div>');
    const value = document.createElement('b');
    value.textContent = '1015668177';
    document.getElementById('v')?.append(value);
    expect(detectInElements([value], { root: document }).map((d) => [d.id, d.source])).toEqual([['1015668177', 'label']]);
  });

  it('finds text added inside an existing link or attribute holder', () => {
    const document = page('<a id="a" href="?inquiryId=1015668177"></a><button id="b" data-inquiry-id="1015668178"></button>');
    const text = document.createElement('span');
    text.textContent = '1015668177';
    document.getElementById('a')?.append(text);
    const other = document.createElement('span');
    other.textContent = '1015668178';
    document.getElementById('b')?.append(other);
    expect(detectInElements([text, other], { root: document }).map((d) => [d.id, d.source, d.element])).toEqual([
      ['1015668177', 'link', text],
      ['1015668178', 'attribute', other],
    ]);
  });

  it('ignores an element that is not (or no longer) inside the root', () => {
    const document = page(table(['상담번호'], row('1015668177')));
    const detached = document.querySelector('tr') as Element;
    detached.remove();
    expect(detectInElements([detached], { root: document })).toEqual([]);
  });

  it('does not decorate a number beside a label that is not an inquiry label', () => {
    const document = page('<dl><dt>주문번호</dt><dd id="v"></dd></dl>');
    const value = document.createElement('span');
    value.textContent = '12345678901234';
    document.getElementById('v')?.append(value);
    expect(detectInElements([value], { root: document })).toEqual([]);
  });
});
