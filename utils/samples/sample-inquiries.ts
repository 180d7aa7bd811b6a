import type { MessageKey } from '../i18n/en';

/**
 * The inquiries of sample mode and the demo page: raw Open API answers, shaped like the gateway's
 * (docs/coupang-api.md#fields), built relative to `now` so the 24-hour countdown is always running.
 * They are parsed by the same response schema as a real answer; nothing here is ever sent anywhere.
 */

const HOUR_MS = 60 * 60 * 1000;
const KOREA_OFFSET_MS = 9 * HOUR_MS;

/** `2026-12-02T09:41:05+09:00`: the v5 form, with offset. */
function isoKorea(epochMs: number): string {
  return `${new Date(epochMs + KOREA_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}

/** `2026-12-02 09:41:05`: the older form, Korea time without offset. */
function oldKorea(epochMs: number): string {
  return new Date(epochMs + KOREA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

export interface SampleInquiry {
  id: string;
  /** What this sample shows, for the list of samples. */
  label: MessageKey;
  /** The `data` of the gateway's answer. */
  data: (now: number) => Record<string, unknown>;
}

const counsellorNote = (now: number, agoHours: number, content: string, extra: Record<string, unknown> = {}) => ({
  answerId: 7100000000 + agoHours,
  parentAnswerId: null,
  receptionistName: '쿠팡 고객센터',
  receptionist: 'cssp-sample01',
  replyAt: isoKorea(now - agoHours * HOUR_MS),
  content,
  partnerTransferStatus: 'requestAnswer',
  partnerTransferCompleteReason: 'NONE',
  answerType: 'csAgent',
  needAnswer: true,
  ...extra,
});

export const SAMPLE_INQUIRIES: readonly SampleInquiry[] = [
  {
    id: '7000000001',
    label: 'sample.unanswered',
    data: (now) => ({
      inquiryId: 7000000001,
      inquiryStatus: 'progress',
      csPartnerCounselingStatus: 'requestAnswer',
      vendorItemId: [3000070001],
      itemName: '[샘플] 유기농 현미, 4kg, 1개',
      content: '주문한 쌀이 아직 도착하지 않았습니다. 언제 받을 수 있나요?',
      inquiryAt: isoKorea(now - 5 * HOUR_MS),
      answeredAt: null,
      orderId: 5000070001,
      orderDate: isoKorea(now - 52 * HOUR_MS),
      buyerPhone: '010-1234-5678',
      buyerEmail: '',
      receiptCategory: '배송>배송지연>미도착',
      saleStartedAt: '2024-03-02',
      saleEndedAt: '2099-12-29',
      replies: [counsellorNote(now, 3, '고객님께서 배송 일정을 문의하셨습니다. 예상 도착일을 회신 부탁드립니다.')],
    }),
  },
  {
    id: '7000000002',
    label: 'sample.answered',
    data: (now) => ({
      inquiryId: 7000000002,
      inquiryStatus: 'complete',
      csPartnerCounselingStatus: 'answered',
      vendorItemId: 3000070002,
      itemName: '[샘플] 무선 마우스, 블랙',
      content: '교환 받은 마우스도 클릭이 두 번씩 됩니다.',
      inquiryAt: isoKorea(now - 30 * HOUR_MS),
      answeredAt: isoKorea(now - 26 * HOUR_MS),
      orderId: 5000070002,
      orderDate: isoKorea(now - 240 * HOUR_MS),
      buyerPhone: '010-9876-5432',
      receiptCategory: '교환>상품불량>기능불량',
      saleStartedAt: '2023-07-24',
      saleEndedAt: '2099-12-29',
      replies: [
        counsellorNote(now, 29, '교환 상품도 같은 불량이라고 하십니다. 환불 가능 여부 회신 부탁드립니다.', {
          partnerTransferStatus: 'answered',
          partnerTransferCompleteReason: 'DISPUTE_PROCESS_COMPLETE',
        }),
        {
          answerId: 7100000102,
          parentAnswerId: 7100000029,
          receptionistName: '샘플스토어',
          receptionist: 'wing-sample01',
          replyAt: isoKorea(now - 26 * HOUR_MS),
          content: '불편을 드려 죄송합니다. 회수 후 전액 환불해 드리겠습니다.',
          partnerTransferStatus: null,
          partnerTransferCompleteReason: null,
          answerType: 'vendor',
          needAnswer: false,
        },
      ],
    }),
  },
  {
    id: '7000000003',
    label: 'sample.transfer',
    data: (now) => ({
      inquiryId: 7000000003,
      inquiryStatus: 'progress',
      csPartnerCounselingStatus: 'requestAnswer',
      vendorItemId: [3000070003],
      itemName: '[샘플] 스테인리스 텀블러, 500ml',
      content: '선물 포장이 가능한지 궁금합니다.',
      inquiryAt: isoKorea(now - 2 * HOUR_MS),
      answeredAt: null,
      orderId: 5000070003,
      orderDate: isoKorea(now - 4 * HOUR_MS),
      buyerPhone: '010-5555-0101',
      receiptCategory: '상품>상품문의>포장',
      saleStartedAt: '2025-01-15',
      saleEndedAt: '2099-12-29',
      replies: [counsellorNote(now, 1, '판매자님 확인 후 처리 부탁드립니다. (이관 확인 대기)', { needAnswer: false })],
    }),
  },
  {
    id: '7000000004',
    label: 'sample.oldDates',
    data: (now) => ({
      inquiryId: 7000000004,
      inquiryStatus: 'complete',
      csPartnerCounselingStatus: 'answered',
      vendorItemId: [3000070004],
      itemName: '[샘플] 제주 삼다수, 2L, 6개',
      content: '묶음 배송이 되나요?',
      inquiryAt: oldKorea(now - 72 * HOUR_MS),
      answeredAt: oldKorea(now - 70 * HOUR_MS),
      orderId: 5000070004,
      orderDate: oldKorea(now - 96 * HOUR_MS),
      buyerPhone: '010-2222-3333',
      receiptCategory: '배송>배송>배송',
      saleStartedAt: '2017-03-02',
      saleEndedAt: '2099-12-29',
      replies: [
        {
          answerId: 7100000401,
          parentAnswerId: 0,
          receptionistName: '샘플스토어',
          receptionist: 'wing-sample01',
          replyAt: oldKorea(now - 70 * HOUR_MS),
          content: '네, 같은 날 주문하시면 묶음 배송됩니다.',
          partnerTransferStatus: null,
          partnerTransferCompleteReason: null,
          answerType: 'vendor',
          needAnswer: false,
        },
      ],
    }),
  },
  {
    id: '7000000005',
    label: 'sample.taiwan',
    data: (now) => ({
      inquiryId: 7000000005,
      inquiryStatus: 'progress',
      csPartnerCounselingStatus: 'requestAnswer',
      vendorItemId: [3000070005],
      itemName: '[샘플] 韓國海苔, 20入',
      content: '請問什麼時候會寄到台北？',
      inquiryAt: isoKorea(now - 8 * HOUR_MS),
      answeredAt: null,
      orderId: 5000070005,
      orderDate: isoKorea(now - 30 * HOUR_MS),
      buyerPhone: '+886 912 345 678',
      receiptCategory: '배송>해외배송>배송문의',
      saleStartedAt: '2025-06-01',
      saleEndedAt: '2099-12-29',
      replies: [counsellorNote(now, 7, '대만 고객님의 배송 문의입니다. 예상 도착일 회신 부탁드립니다.')],
    }),
  },
  {
    id: '7000000006',
    label: 'sample.markup',
    data: (now) => ({
      inquiryId: 7000000006,
      inquiryStatus: 'progress',
      csPartnerCounselingStatus: 'requestAnswer',
      vendorItemId: [3000070006],
      itemName: '[샘플] <b>굵은</b> 상품명',
      content: '<img src=x onerror="alert(1)"> 이 글자는 <script>태그</script>가 아니라 글자로 보여야 합니다.',
      inquiryAt: isoKorea(now - 10 * HOUR_MS),
      answeredAt: null,
      orderId: 5000070006,
      orderDate: isoKorea(now - 50 * HOUR_MS),
      buyerPhone: '010-7777-8888',
      receiptCategory: '기타>기타>기타',
      saleStartedAt: '2024-11-11',
      saleEndedAt: '2099-12-29',
      replies: [counsellorNote(now, 9, '<a href="https://example.com">링크</a>도 글자로 보입니다.')],
    }),
  },
];

const BY_ID = new Map(SAMPLE_INQUIRIES.map((sample) => [sample.id, sample]));

export function isSampleId(id: string): boolean {
  return BY_ID.has(id);
}

/** The gateway's answer body for a sample, as text, exactly what the API client would receive. */
export function sampleResponseBody(id: string, now: number): string | undefined {
  const sample = BY_ID.get(id);
  return sample && JSON.stringify({ code: 200, message: 'OK', data: sample.data(now) });
}
