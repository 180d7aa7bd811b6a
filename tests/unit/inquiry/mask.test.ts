import { describe, expect, it } from 'vitest';
import { containsPhone, maskPhone, maskPhonesInText } from '../../../utils/inquiry/mask';

describe('maskPhone', () => {
  it.each([
    ['010-1234-5678', '010-****-5678'],
    ['01012345678', '010****5678'],
    ['010 1234 5678', '010 **** 5678'],
    ['02-123-4567', '02-***-4567'],
    ['031-123-4567', '031-***-4567'],
    ['0505-123-4567', '0505-***-4567'],
    ['+82 10-1234-5678', '+82 **-****-5678'],
    ['+821012345678', '+82******5678'],
    ['+886 912 345 678', '+886 *** *** 678'],
    ['+886912345678', '+886*****5678'],
    ['0912-345-678', '****-***-678'],
    ['+1(555)444-1234', '+1(***)***-1234'],
    ['1588-1234', '****-1234'],
    ['010-****-5678', '010-****-5678'],
    ['  010-1234-5678 ', '  010-****-5678 '],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it.each([
    ['1234', '****'],
    ['12-34', '**-**'],
    ['', ''],
    ['없음', '없음'],
  ])('masks every digit of a number too short to keep any: %s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never leaves fewer than three digits masked', () => {
    for (const phone of ['010-1234-5678', '+886 912 345 678', '02-123-4567', '1234567', '+1 2345678']) {
      expect(maskPhone(phone).split('*').length - 1).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('maskPhonesInText', () => {
  it.each([
    ['고객 연락처 010-1234-5678 입니다', '고객 연락처 010-****-5678 입니다'],
    ['연락처:01012345678.', '연락처:010****5678.'],
    ['010.1234.5678', '010.****.5678'],
    ['유선 02-123-4567 / (031) 123-4567', '유선 02-***-4567 / (031) ***-4567'],
    ['안심번호 0504-1234-5678', '안심번호 0504-****-5678'],
    ['+82 10-1234-5678로 연락', '+82 **-****-5678로 연락'],
    ['+82 (0)10-1234-5678', '+82 (*)**-****-5678'],
    ['台灣 +886 912 345 678', '台灣 +886 *** *** 678'],
    ['0912-345-678', '****-***-678'],
    ['call +1(555)444-1234 now', 'call +1(***)***-1234 now'],
    ['첫째 010-1111-2222 둘째 010-3333-4444', '첫째 010-****-2222 둘째 010-****-4444'],
    ['line one\n010-1234-5678\nline three', 'line one\n010-****-5678\nline three'],
  ])('%j', (text, masked) => {
    expect(maskPhonesInText(text)).toBe(masked);
  });

  it.each([
    ['order number', '주문번호 19000001234567'],
    ['option ID', '옵션ID 75235680736'],
    ['inquiry ID', '상담번호 1015668177'],
    ['price', '가격 12,900원, +1000원 추가'],
    ['date', '2025.01.15 14:17'],
    ['1+1 promotion', '1+1 이벤트'],
    ['business number', '고객센터 1588-1234'],
    ['digits glued to a longer run', 'ID 2010-1234-56789'],
  ])('leaves a %s alone', (_name, text) => {
    expect(maskPhonesInText(text)).toBe(text);
    expect(containsPhone(text)).toBe(false);
  });

  it('containsPhone tells whether anything would be masked', () => {
    expect(containsPhone('연락처 010-1234-5678')).toBe(true);
  });
});
