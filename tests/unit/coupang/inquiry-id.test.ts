import { describe, expect, it } from 'vitest';
import { isInquiryId } from '@/utils/coupang/inquiry-id';

describe('isInquiryId', () => {
  it.each(['1', '258799946', '1015668177', '9007199254740993', '12345678901234567890'])('accepts %s', (s) => {
    expect(isInquiryId(s)).toBe(true);
  });

  it.each([
    '',
    '0',
    '0123',
    '-5',
    '1.5',
    '1e9',
    ' 258799946',
    '258799946\n',
    '２５８７９９９４６', // full-width digits
    '123456789012345678901', // 21 digits
    '1900000******7',
  ])('rejects %j', (s) => {
    expect(isInquiryId(s)).toBe(false);
  });
});
