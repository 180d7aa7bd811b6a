import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../utils/i18n/translate';
import { categoryPath, isNoEndDate, normaliseLineBreaks, salePeriod } from '../../../utils/inquiry/fields';

const en = createTranslator('en');
const ko = createTranslator('ko');

describe('categoryPath', () => {
  it.each([
    ['배송>배송>배송', '배송 › 배송 › 배송'],
    [' 교환 > 상품불량 ', '교환 › 상품불량'],
    ['배송', '배송'],
    ['>>', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (value, path) => {
    expect(categoryPath(value)).toBe(path);
  });
});

describe('salePeriod', () => {
  it.each([
    ['2023-07-24', '2099-12-29', en, '2023-07-24 – no end'],
    ['2023-07-24', '2099-12-29', ko, '2023-07-24 – 종료일 없음'],
    ['2023-07-24', '2025-12-31', en, '2023-07-24 – 2025-12-31'],
    [undefined, '2025-12-31', en, '— – 2025-12-31'],
    ['2023-07-24', undefined, en, '2023-07-24 – —'],
    [undefined, undefined, en, undefined],
    ['', ' ', en, undefined],
  ] as const)('%j – %j', (start, end, t, text) => {
    expect(salePeriod(start, end, t)).toBe(text);
  });

  it('treats any date from 2099 on as no end', () => {
    expect(isNoEndDate('2099-12-29')).toBe(true);
    expect(isNoEndDate('2099-12-31 23:59:59')).toBe(true);
    expect(isNoEndDate('2098-12-31')).toBe(false);
    expect(isNoEndDate('soon')).toBe(false);
  });
});

describe('normaliseLineBreaks', () => {
  it('turns CRLF and CR into LF', () => {
    expect(normaliseLineBreaks('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });
});
