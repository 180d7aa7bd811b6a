import type { Inquiry, InquiryReply } from '../../../utils/coupang/inquiry';

/** Inquiry objects as schema.ts produces them, built directly so view tests don't depend on the parser. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** 2025-01-16 12:00 in Seoul. */
export const NOW = Date.UTC(2025, 0, 16, 3, 0);
/** The counsellor asked for an answer 18 h 48 min before NOW: 5 h 12 min left. */
export const REQUEST_AT = NOW - 18 * HOUR - 48 * MINUTE;

export function counsellorNote(overrides: Partial<InquiryReply> = {}): InquiryReply {
  return {
    answerId: '21128942421017',
    partnerTransferStatus: 'requestAnswer',
    partnerTransferCompleteReason: 'NONE',
    answerType: 'csAgent',
    needAnswer: true,
    receptionistName: 'OO스토아',
    receptionist: 'cssp-hyjang15',
    replyAt: REQUEST_AT,
    content: '안녕하세요 판매자님.\n반품/교환 관련해서 회신 부탁드립니다.\n고객 연락처 010-1234-5678',
    ...overrides,
  };
}

export function sellerReply(overrides: Partial<InquiryReply> = {}): InquiryReply {
  return {
    answerId: '21128942421099',
    parentAnswerId: '21128942421017',
    answerType: 'vendor',
    needAnswer: false,
    receptionistName: '판매자',
    replyAt: REQUEST_AT + 2 * HOUR,
    content: '확인했습니다.\r\n회수 진행하겠습니다.',
    ...overrides,
  };
}

/** The seed's example: in progress, the counsellor's note asks for an answer. */
export function unansweredInquiry(overrides: Partial<Inquiry> = {}): Inquiry {
  return {
    inquiryId: '258799946',
    inquiryStatus: 'progress',
    csPartnerCounselingStatus: 'requestAnswer',
    vendorItemIds: ['75235680736'],
    itemName: '제주 삼다수, 2L, 6개',
    content: '상담이력\n주소 오기재로 환불 요청',
    answeredAt: REQUEST_AT,
    inquiryAt: REQUEST_AT - 10 * MINUTE,
    orderDate: Date.UTC(2025, 0, 14, 1, 30),
    orderId: '19000001234567',
    buyerPhone: '010-9876-5432',
    receiptCategory: '배송>배송>배송',
    saleStartedAt: '2023-07-24',
    saleEndedAt: '2099-12-29',
    replies: [counsellorNote()],
    extra: {},
    ...overrides,
  };
}

/** Answered by the seller and closed. */
export function completeInquiry(overrides: Partial<Inquiry> = {}): Inquiry {
  return unansweredInquiry({
    inquiryStatus: 'complete',
    csPartnerCounselingStatus: 'answered',
    answeredAt: REQUEST_AT + 2 * HOUR,
    replies: [
      counsellorNote({ partnerTransferStatus: 'answered', partnerTransferCompleteReason: 'DISPUTE_PROCESS_COMPLETE' }),
      sellerReply(),
    ],
    ...overrides,
  });
}

/** Only the ID is guaranteed (docs/coupang-api.md#fields). */
export function bareInquiry(overrides: Partial<Inquiry> = {}): Inquiry {
  return { inquiryId: '1015668177', vendorItemIds: [], replies: [], extra: {}, ...overrides };
}
