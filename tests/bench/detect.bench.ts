// @vitest-environment happy-dom
/**
 * Detection cost on a 5,000-row Wing-like list (8 columns, one 상담번호 column, decoy numbers in the others),
 * read as ratios to a baseline that only walks the same DOM's text. Run: npx vitest bench --run tests/bench/detect.bench.ts
 */
import { bench, describe } from 'vitest';
import { detectInElements, detectInquiryIds } from '@/utils/detect/detect-inquiry-ids';
import { naiveDetect } from '../unit/detect/naive-detector';

const ROWS = 5_000;
const SHOW_TEXT = 0x4;

function wingListPage(rows: number): Document {
  const body: string[] = [];
  for (let i = 0; i < rows; i++) {
    const id = String(1_015_000_000 + i);
    body.push(
      `<tr class="_r${i % 7}"><td><input type="checkbox"></td><td><a href="javascript:void(0)" class="_a9x">${id}</a></td>` +
        `<td>${12_345_678_900_000 + i}</td><td>${87_654_321_000 + i}</td><td>[무료배송] 상품명 ${i}번 옵션 ${i % 3}</td>` +
        `<td>010-${String(1000 + (i % 9000))}-5678</td><td>${(12_900 + i).toLocaleString('en-US')}</td><td>2024-05-07 10:${String(i % 60).padStart(2, '0')}</td></tr>`,
    );
  }
  const html =
    '<!doctype html><html><body><header><span>업체코드</span> <b>A00012345</b></header><main><table class="_list"><thead><tr>' +
    '<th><input type="checkbox"></th><th><span>상담번호</span><i class="_sort" aria-hidden="true">▲▼</i></th><th>주문번호 <i>▼</i></th>' +
    '<th>옵션ID</th><th>상품명</th><th>연락처</th><th>결제금액</th><th>접수일시</th>' +
    `</tr></thead><tbody>${body.join('')}</tbody></table></main></body></html>`;
  return new DOMParser().parseFromString(html, 'text/html');
}

const page = wingListPage(ROWS);
const rows = [...page.querySelectorAll('tbody tr')];
if (detectInquiryIds(page).length !== ROWS) throw new Error('the benchmark page is not detected as expected');

/** The least any detector must do: visit every text node once and read it. */
function walkText(document: Document): number {
  const walker = document.createTreeWalker(document.body, SHOW_TEXT);
  let characters = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) characters += node.textContent?.length ?? 0;
  return characters;
}

describe(`${ROWS.toLocaleString('en-US')}-row Wing list`, () => {
  bench('baseline: walk every text node', () => {
    walkText(page);
  });

  bench('detectInquiryIds: full scan', () => {
    detectInquiryIds(page);
  });

  bench('detectInElements: each row on its own, as the work queue feeds them', () => {
    for (const row of rows) detectInElements([row], { root: page });
  });

  bench('naive detector: /\\d{6,20}/ over every text node', () => {
    naiveDetect(page);
  });
});
