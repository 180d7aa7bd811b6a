import type { LookupError, Result } from '../coupang/error-kinds';
import type { Inquiry, InquiryReply } from '../coupang/inquiry';
import type { LookupValue } from '../messaging';

/**
 * What a content script receives: only the fields the hover card shows (components/inquiry-details.tsx,
 * utils/hover/clipboard-text.ts). Fields Coupang adds later (`extra`) may carry new personal data and
 * never reach the page; neither do the gateway's internal signals.
 */
function reply(r: InquiryReply): InquiryReply {
  const { answerId, parentAnswerId, partnerTransferStatus, partnerTransferCompleteReason, answerType, needAnswer, receptionistName, receptionist, replyAt, content } = r;
  return { answerId, parentAnswerId, partnerTransferStatus, partnerTransferCompleteReason, answerType, needAnswer, receptionistName, receptionist, replyAt, content };
}

export function cardInquiry(i: Inquiry): Inquiry {
  return {
    inquiryId: i.inquiryId,
    inquiryStatus: i.inquiryStatus,
    csPartnerCounselingStatus: i.csPartnerCounselingStatus,
    vendorItemIds: [...i.vendorItemIds],
    itemName: i.itemName,
    content: i.content,
    answeredAt: i.answeredAt,
    inquiryAt: i.inquiryAt,
    orderDate: i.orderDate,
    orderId: i.orderId,
    buyerPhone: i.buyerPhone,
    receiptCategory: i.receiptCategory,
    saleStartedAt: i.saleStartedAt,
    saleEndedAt: i.saleEndedAt,
    replies: i.replies.map(reply),
    extra: {},
  };
}

/** An error as any surface may see it: no Retry-After text, warning flag or server clock. */
export function shownError(error: LookupError): LookupError {
  const { kind, status, detail, resumesAt, held, fetchedAt, outcomeUnknown, readBackFound, reason } = error;
  return JSON.parse(JSON.stringify({ kind, status, detail, resumesAt, held, fetchedAt, outcomeUnknown, readBackFound, reason })) as LookupError;
}

export function forContentScript(result: Result<LookupValue>): Result<LookupValue> {
  if (!result.ok) return { ok: false, error: shownError(result.error) };
  const { inquiry, fetchedAt, fromCache, pausedUntil, sample, keyExpiresAt, clockOffsetMs } = result.value;
  // JSON drops the flags that are not set, so the card sees exactly what the background decided.
  const value = JSON.parse(JSON.stringify({ inquiry: cardInquiry(inquiry), fetchedAt, fromCache, pausedUntil, sample, keyExpiresAt, clockOffsetMs })) as LookupValue;
  return { ok: true, value };
}
