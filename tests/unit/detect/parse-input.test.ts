import { describe, expect, it } from 'vitest';
import { parseInquiryInput } from '@/utils/detect/parse-input';

const accepted: [what: string, input: string, id: string][] = [
  ['bare ID', '1015668177', '1015668177'],
  ['bare ID, surrounding spaces', '   1015668177  ', '1015668177'],
  ['bare ID, trailing newline', '1015668177\n', '1015668177'],
  ['bare ID, CRLF', '1015668177\r\n', '1015668177'],
  ['bare ID, leading tab', '\t1015668177', '1015668177'],
  ['bare ID, no-break and thin spaces', '\u00a01015668177\u2009', '1015668177'],
  ['bare ID, ideographic space', '\u30001015668177\u3000', '1015668177'],
  ['bare ID, zero-width space inside', '10156\u200b68177', '1015668177'],
  ['bare ID, BOM in front', '\ufeff1015668177', '1015668177'],
  ['bare short ID', '12345', '12345'],
  ['bare one-digit ID', '7', '7'],
  ['bare 20-digit ID', '12345678901234567890', '12345678901234567890'],
  ['bare ID above 2^53, kept exact', '98765432109876543210', '98765432109876543210'],
  ['full-width digits', '１０１５６６８１７７', '1015668177'],
  ['full-width digits after a label and full-width colon', '상담번호：１０１５６６８１７７', '1015668177'],
  ['상담번호 with colon', '상담번호 : 1015668177', '1015668177'],
  ['상담번호 without space', '상담번호:1015668177', '1015668177'],
  ['상담번호 with space only', '상담번호 1015668177', '1015668177'],
  ['상담번호 with #', '상담번호 #1015668177', '1015668177'],
  ['문의번호', '문의번호 1015668177', '1015668177'],
  ['Inquiry ID, English', 'Inquiry ID: 1015668177', '1015668177'],
  ['inquiryId field name', 'inquiryId: 1015668177', '1015668177'],
  ['counselingId field name', 'counselingId 1015668177', '1015668177'],
  ['INQUIRY ID upper case', 'INQUIRY ID 1015668177', '1015668177'],
  ['label across a line break', '상담번호\n1015668177', '1015668177'],
  ['Korean particle after the ID', '상담번호 1015668177번 문의 건입니다', '1015668177'],
  ['label wins over an order number', '주문번호 12345678901234 / 상담번호 1015668177', '1015668177'],
  ['label wins over a later unlabelled ID', '상담번호 1015668177 (이전 1015668100)', '1015668177'],
  ['same labelled ID twice', '상담번호 1015668177, 문의번호 1015668177', '1015668177'],
  ['Wing URL with inquiryId', 'https://wing.coupang.com/tenants/cs/csinquiry?inquiryId=1015668177', '1015668177'],
  ['URL with counselingId and other parameters', 'https://wing.coupang.com/x?vendorId=A00012345&counselingId=1015668177&orderId=12345678901234', '1015668177'],
  ['hash-route URL', 'https://wing.coupang.com/#/cs/detail?inquiryId=1015668177', '1015668177'],
  ['bare query string', 'inquiryId=1015668177', '1015668177'],
  ['parameter name in lower case', '?inquiryid=1015668177', '1015668177'],
  ['URL parameter wins over a label', '상담번호 1015668100 https://wing.coupang.com/x?inquiryId=1015668177', '1015668177'],
  ['only 6–20 digit run in text', '고객님 문의 1015668177 확인 부탁드립니다', '1015668177'],
  ['only run, with phone and price around', '1015668177 고객 010-1234-5678 결제 12,900원', '1015668177'],
  ['only run, with a date and time', '2024-05-01 10:30 접수 1015668177', '1015668177'],
  ['only run, with a short count', '3건 중 1015668177', '1015668177'],
  ['only run, with a phone without dashes (leading zero)', '01012345678 1015668177', '1015668177'],
  ['only run, trailing period', '1015668177.', '1015668177'],
  ['only run, in brackets', '(1015668177)', '1015668177'],
  ['only run, with # prefix', '#1015668177', '1015668177'],
  ['only run, with a longer run', '1015668177 123456789012345678901234', '1015668177'],
];

const refused: [what: string, input: string, reason: string, candidates?: string[]][] = [
  ['empty', '', 'empty'],
  ['spaces only', '   ', 'empty'],
  ['newlines and tabs only', '\n\t\r\n', 'empty'],
  ['zero-width only', '\u200b\ufeff', 'empty'],
  ['letters', 'abc', 'no-id'],
  ['digits glued to letters', '12ab', 'no-id'],
  ['letters then digits', 'ID1015668177', 'no-id'],
  ['vendor code', 'A00012345', 'no-id'],
  ['bare zero', '0', 'no-id'],
  ['bare leading zero', '0101566817', 'no-id'],
  ['bare 21 digits', '123456789012345678901', 'too-long'],
  ['bare 30 digits', '1'.repeat(30), 'too-long'],
  ['labelled 21 digits', '상담번호 123456789012345678901', 'too-long'],
  ['URL parameter of 25 digits', '?inquiryId=1234567890123456789012345', 'too-long'],
  ['unlabelled run of 21 digits', '번호 123456789012345678901 입니다', 'too-long'],
  ['labelled leading zero does not fall back to another number', '상담번호 0101566817 주문 12345678901234', 'no-id'],
  ['URL parameter with leading zero does not fall back', '?inquiryId=0101566817&orderId=12345678901234', 'no-id'],
  ['URL parameter that is not a number', '?inquiryId=abc', 'no-id'],
  ['product Q&A number (상품문의번호) is not ours', '상품문의번호 1015', 'no-id'],
  ['label followed by other words', '상담번호 안내 1577-7011', 'no-id'],
  ['short number in text', '문의 12345 건', 'no-id'],
  ['phone number', '010-1234-5678', 'no-id'],
  ['phone number without dashes', '01012345678', 'no-id'],
  ['price with thousands separators', '1,015,668,177원', 'no-id'],
  ['date', '2024-05-01', 'no-id'],
  ['decimal', '1015668.177', 'no-id'],
  ['digits grouped by spaces', '1015 668 177', 'no-id'],
  ['digit run inside a word', 'SKU1015668177X', 'no-id'],
  ['two unlabelled candidates', '1015668177 1015668178', 'ambiguous', ['1015668177', '1015668178']],
  ['order number and an ID, unlabelled', '12345678901234 1015668177', 'ambiguous', ['12345678901234', '1015668177']],
  ['two different labelled IDs', '상담번호 1015668177 문의번호 1015668178', 'ambiguous', ['1015668177', '1015668178']],
  ['two different URL parameters', '?inquiryId=1015668177&counselingId=1015668178', 'ambiguous', ['1015668177', '1015668178']],
];

describe('parseInquiryInput', () => {
  it.each(accepted)('accepts %s', (_what, input, id) => {
    expect(parseInquiryInput(input)).toEqual({ ok: true, id });
  });

  it.each(refused)('refuses %s', (_what, input, reason, candidates) => {
    expect(parseInquiryInput(input)).toEqual(candidates ? { ok: false, reason, candidates } : { ok: false, reason });
  });
});
