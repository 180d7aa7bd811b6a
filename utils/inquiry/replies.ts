import type { Inquiry, InquiryReply } from '../coupang/inquiry';
import { isCode } from './status';

export function isCounsellorReply(reply: InquiryReply): boolean {
  return isCode(reply.answerType, 'csAgent');
}

export function isSellerReply(reply: InquiryReply): boolean {
  return isCode(reply.answerType, 'vendor');
}

/** A counsellor's transfer note that asks the seller to answer (docs/coupang-api.md#fields, #deadline). */
export function isAnswerRequest(reply: InquiryReply): boolean {
  if (isSellerReply(reply)) return false;
  return reply.needAnswer === true || isCode(reply.partnerTransferStatus, 'requestAnswer');
}

/** The transfer this note opened was closed on Coupang's side: answered, cancelled or closed by Coupang. */
export function isClosedTransfer(reply: InquiryReply): boolean {
  const reason = reply.partnerTransferCompleteReason?.trim();
  return isCode(reply.partnerTransferStatus, 'answered') || (!!reason && !isCode(reason, 'none'));
}

/** Oldest first, as a conversation reads; replies without a time keep their order, after the dated ones. */
export function sortedReplies(replies: readonly InquiryReply[]): InquiryReply[] {
  return replies
    .map((reply, index) => ({ reply, index }))
    .sort((a, b) => {
      const at = a.reply.replyAt ?? Number.POSITIVE_INFINITY;
      const bt = b.reply.replyAt ?? Number.POSITIVE_INFINITY;
      return at === bt ? a.index - b.index : at - bt;
    })
    .map(({ reply }) => reply);
}

/** The counsellor's most recent note: what a seller most needs to read after the deadline. */
export function latestCounsellorNote(inquiry: Inquiry): InquiryReply | undefined {
  return sortedReplies(inquiry.replies).filter(isCounsellorReply).at(-1);
}
