// @vitest-environment happy-dom
/** Seller-added headings and labels (docs/detection.md#seller-labels): the check, and that they detect like the built-in ones. */
import { describe, expect, it } from 'vitest';
import { detectInquiryIds } from '@/utils/detect/detect-inquiry-ids';
import { MAX_EXTRA_LABELS, MAX_LABEL_LENGTH, checkExtraLabels, extraLabelsFrom } from '@/utils/detect/extra-labels';
import { BUILT_IN_LABELS, inquiryIdLabels, isInquiryIdLabel } from '@/utils/detect/labels';

function body(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html').body;
}
const found = (html: string, extra?: string[]) =>
  detectInquiryIds(body(html), extra && inquiryIdLabels(extra)).map((d) => `${d.source}:${d.id}`);

const renamedTable = (heading: string) =>
  `<table><thead><tr><th>주문번호</th><th>${heading}</th></tr></thead><tbody>` +
  `<tr><td>31000012345678</td><td>1015668177</td></tr><tr><td>31000012345679</td><td><span>258799946</span></td></tr></tbody></table>`;

describe('checkExtraLabels', () => {
  it('trims, keeps the seller’s order and spelling, and drops empty lines', () => {
    expect(checkExtraLabels(['  접수번호 ', '', '   ', 'Ticket No.'])).toEqual({ labels: ['접수번호', 'Ticket No.'], problems: [], skipped: [] });
  });

  it('leaves out built-in labels and repeats, compared as headings are (spaces, case, punctuation ignored)', () => {
    const checked = checkExtraLabels(['상담 번호', 'INQUIRY-ID', '접수번호', '접수 번호', '*접수번호']);
    expect(checked.labels).toEqual(['접수번호']);
    expect(checked.skipped).toEqual(['상담 번호', 'INQUIRY-ID', '접수 번호', '*접수번호']);
    expect(checked.problems).toEqual([]);
  });

  it('refuses digits or punctuation alone, a single letter, and a label too long, naming each entry', () => {
    const long = '가'.repeat(MAX_LABEL_LENGTH + 1);
    expect(checkExtraLabels(['12345', '#:', '-- 10 --', 'N', long, '접수번호']).problems).toEqual([
      { entry: '12345', problem: 'no-letters' },
      { entry: '#:', problem: 'no-letters' },
      { entry: '-- 10 --', problem: 'no-letters' },
      { entry: 'N', problem: 'too-short' },
      { entry: long, problem: 'too-long' },
    ]);
    expect(checkExtraLabels(['가'.repeat(MAX_LABEL_LENGTH)]).problems).toEqual([]);
  });

  it(`keeps at most ${MAX_EXTRA_LABELS} labels; the ones past it are problems`, () => {
    const entries = Array.from({ length: MAX_EXTRA_LABELS + 2 }, (_, i) => `번호${String.fromCharCode(0xac00 + i)}`);
    const checked = checkExtraLabels(entries);
    expect(checked.labels).toEqual(entries.slice(0, MAX_EXTRA_LABELS));
    expect(checked.problems).toEqual(entries.slice(MAX_EXTRA_LABELS).map((entry) => ({ entry, problem: 'too-many' })));
  });

  it('the content script’s read keeps only what the check accepts, whatever is stored', () => {
    expect(extraLabelsFrom(['접수번호', 7, null, '123', '상담번호', ' Ticket '])).toEqual(['접수번호', 'Ticket']);
    expect(extraLabelsFrom('접수번호')).toEqual([]);
    expect(extraLabelsFrom(undefined)).toEqual([]);
  });

  it('the built-in labels the options page shows are the ones detection knows', () => {
    for (const label of BUILT_IN_LABELS) expect(isInquiryIdLabel(label), label).toBe(true);
  });
});

describe('a seller label detects like a built-in one', () => {
  it('a column headed 접수번호 is found only once the seller adds it, normalised like the built-in headings', () => {
    expect(found(renamedTable('접수번호'))).toEqual([]);
    const ids = ['column:1015668177', 'column:258799946'];
    expect(found(renamedTable('접수번호'), ['접수번호'])).toEqual(ids);
    expect(found(renamedTable('<div><span>* 접수 번호</span><i>▲▼</i></div>'), ['접수번호'])).toEqual(ids);
    expect(found(renamedTable('TICKET no'), ['Ticket No.'])).toEqual(ids);
    const grid =
      '<div role="grid"><div role="row"><div role="columnheader">주문번호</div><div role="columnheader">접수번호</div></div>' +
      '<div role="row"><div role="gridcell">31000012345678</div><div role="gridcell">1015668177</div></div></div>';
    expect(found(grid)).toEqual([]);
    expect(found(grid, ['접수번호'])).toEqual(['column:1015668177']);
    // Still a whole heading: a longer caption that contains the label is another column.
    expect(found(renamedTable('접수번호 변경이력'), ['접수번호'])).toEqual([]);
  });

  it('label forms: in one text, before the value’s element, and as <dt>', () => {
    const labels = ['접수번호', 'Ticket No.'];
    expect(found('<p>접수번호 : 1015668177</p>', labels)).toEqual(['label:1015668177']);
    expect(found('<p>ticket no. 258799946</p>', labels)).toEqual(['label:258799946']);
    expect(found('<p>Ticket No 258799946</p>', labels)).toEqual(['label:258799946']);
    expect(found('<dl><dt>접수번호</dt><dd>1015668177</dd></dl>', labels)).toEqual(['label:1015668177']);
    expect(found('<div><b>접수번호</b> <span>1015668177</span></div>', labels)).toEqual(['label:1015668177']);
    expect(found('<p>접수번호 : 1015668177</p>')).toEqual([]);
  });

  it('built-in labels keep working next to the seller’s, and a seller label inside a longer word does not count', () => {
    const labels = ['접수번호'];
    expect(found('<p>상담번호 1015668177 / 접수번호 1015668178</p>', labels)).toEqual(['label:1015668177', 'label:1015668178']);
    expect(found(renamedTable('상담번호'), labels)).toEqual(['column:1015668177', 'column:258799946']);
    expect(found('<p>반품접수번호 1015668177</p>', labels)).toEqual([]);
    // Decoys stay decoys: a number that cannot be an inquiry ID after the label.
    expect(found('<p>접수번호 0101566817, 접수번호 010-1234-5678</p>', labels)).toEqual([]);
  });
});
