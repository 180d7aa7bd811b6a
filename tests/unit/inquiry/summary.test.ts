import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../utils/i18n/translate';
import { plainTextSummary } from '../../../utils/inquiry/summary';
import {
  bareInquiry,
  completeInquiry,
  counsellorNote,
  HOUR,
  NOW,
  REQUEST_AT,
  unansweredInquiry,
} from '../components/inquiries';

const en = createTranslator('en');
const ko = createTranslator('ko');

describe('plainTextSummary', () => {
  it('summarises an unanswered inquiry, most useful first', () => {
    expect(plainTextSummary(unansweredInquiry(), en, 'en', NOW, 'Asia/Seoul')).toBe(
      [
        'Inquiry number: 258799946',
        'Status: In progress · Answer needed',
        'Answer deadline: 5 h 12 min left to answer (due Jan 16, 2025, 17:12)',
        'Item: 제주 삼다수, 2L, 6개',
        'Option IDs: 75235680736',
        'Order ID: 19000001234567',
        'Inquired: Jan 15, 2025, 17:02',
        'Ordered: Jan 14, 2025, 10:30',
        'Category: 배송 › 배송 › 배송',
        'Buyer phone: 010-****-5432',
        '',
        'Latest counsellor note (OO스토아, Jan 15, 2025, 17:12):',
        '안녕하세요 판매자님.',
        '반품/교환 관련해서 회신 부탁드립니다.',
        '고객 연락처 010-****-5678',
        '',
        'Inquiry:',
        '상담이력',
        '주소 오기재로 환불 요청',
      ].join('\n'),
    );
  });

  it('writes Korean and the time zone it is given', () => {
    const text = plainTextSummary(unansweredInquiry(), ko, 'ko', NOW, 'UTC');
    expect(text).toContain('상담번호: 258799946');
    expect(text).toContain('상태: 처리 중 · 답변 필요');
    expect(text).toContain('답변 기한: 답변 기한까지 5시간 12분 남음 (기한 2025. 1. 16. 08:12)');
    expect(text).toContain('최근 상담사 메모 (OO스토아, 2025. 1. 15. 08:12):');
  });

  it('says when the deadline has passed', () => {
    const text = plainTextSummary(unansweredInquiry(), en, 'en', REQUEST_AT + 26 * HOUR, 'UTC');
    expect(text).toContain('Answer deadline: Overdue by 2 h (due Jan 16, 2025, 08:12)');
  });

  it('leaves the deadline out once answered', () => {
    const text = plainTextSummary(completeInquiry(), en, 'en', NOW, 'UTC');
    expect(text).toContain('Status: Complete · Answered');
    expect(text).not.toContain('Answer deadline');
  });

  it('masks phone numbers everywhere, with CRLF turned into LF', () => {
    const inquiry = unansweredInquiry({
      buyerPhone: '+886 912 345 678',
      content: '연락처 0912-345-678\r\n부탁드립니다',
      replies: [counsellorNote({ content: '고객 번호 +886 912 345 678' })],
    });
    const text = plainTextSummary(inquiry, en, 'en', NOW, 'UTC');
    expect(text).not.toMatch(/912.?345/);
    expect(text).toContain('Buyer phone: +886 *** *** 678');
    expect(text).toContain('연락처 ****-***-678\n부탁드립니다');
    expect(text).not.toContain('\r');
  });

  it('leaves missing fields out', () => {
    expect(plainTextSummary(bareInquiry(), en, 'en', NOW, 'UTC')).toBe(
      'Inquiry number: 1015668177\nStatus: Status unknown',
    );
  });
});
