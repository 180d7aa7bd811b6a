// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findVendorCode } from '@/utils/detect/vendor-code';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

const cases: [what: string, html: string, code: string | undefined][] = [
  ['same text', '<div>업체코드 A00012345</div>', 'A00012345'],
  ['colon', '<div>업체코드: A00012345</div>', 'A00012345'],
  ['full-width colon', '<div>업체코드：A00012345</div>', 'A00012345'],
  ['next element', '<span>업체코드</span><span>A00012345</span>', 'A00012345'],
  ['next element after a separator text', '<span>업체코드</span> : <b>A00012345</b>', 'A00012345'],
  ['label in an element, code as bare text', '<div><em>업체코드</em> A00012345</div>', 'A00012345'],
  ['dt/dd', '<dl><dt>업체코드</dt><dd>A00012345</dd></dl>', 'A00012345'],
  ['lower case', '<div>업체코드 a00012345</div>', 'A00012345'],
  ['text after the code', '<div>업체코드 A00012345 (테스트상회)</div>', 'A00012345'],
  ['the first of two', '<div>업체코드 A00012345</div><div>업체코드 A00067890</div>', 'A00012345'],
  ['no label', '<div>A00012345</div>', undefined],
  ['another label', '<div>판매자코드 A00012345</div>', undefined],
  ['not a vendor code', '<div>업체코드 B12</div>', undefined],
  ['code glued to more letters', '<div>업체코드 A00012345X</div>', undefined],
  ['code in a textarea', '<textarea>업체코드 A00012345</textarea>', undefined],
  ['empty page', '', undefined],
];

describe('findVendorCode', () => {
  it.each(cases)('%s', (_what, html, code) => {
    expect(findVendorCode(page(html))).toBe(code);
  });
});
