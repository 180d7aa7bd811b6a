/**
 * One call-center inquiry as the rest of the extension sees it, after the response schema
 * (schema.ts) has normalised Coupang's quirks (docs/coupang-api.md#fields):
 * - IDs are exact decimal strings, even above 2^53;
 * - dates are epoch milliseconds (UTC instants); `yyyy-MM-dd HH:mm:ss` without offset was read as Korea time;
 * - missing and null fields are `undefined`; `vendorItemId` (number or array) is a list;
 * - unknown fields are kept in `extra`.
 * It must stay plain JSON-serialisable data: it crosses runtime messages and storage.
 */
export interface InquiryReply {
  answerId?: string;
  parentAnswerId?: string;
  /** `none` / `requestAnswer` / `answered`; other strings are kept as they are. */
  partnerTransferStatus?: string;
  /** `NONE` / `DISPUTE_PROCESS` / `DISPUTE_PROCESS_COMPLETE` / `CANCEL`. */
  partnerTransferCompleteReason?: string;
  /** `csAgent` (counsellor) / `vendor` (seller). */
  answerType?: string;
  needAnswer?: boolean;
  receptionistName?: string;
  receptionist?: string;
  replyAt?: number;
  content?: string;
}

export interface Inquiry {
  inquiryId: string;
  /** `progress` / `complete`. */
  inquiryStatus?: string;
  /** `requestAnswer` / `answered`. */
  csPartnerCounselingStatus?: string;
  vendorItemIds: string[];
  itemName?: string;
  content?: string;
  answeredAt?: number;
  inquiryAt?: number;
  orderDate?: number;
  orderId?: string;
  buyerPhone?: string;
  receiptCategory?: string;
  /** Date only, `yyyy-MM-dd`, as sent. */
  saleStartedAt?: string;
  /** Date only; `2099-12-29` means no end. */
  saleEndedAt?: string;
  replies: InquiryReply[];
  /** Fields Coupang sends that this version does not know, kept rather than failing. */
  extra: Record<string, unknown>;
}
