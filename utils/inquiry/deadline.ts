import type { Inquiry } from '../coupang/inquiry';
import { isAnswerRequest, isClosedTransfer, isSellerReply } from './replies';
import { isCode } from './status';

/** Coupang asks sellers to answer within 24 hours of the transfer note (docs/coupang-api.md#deadline). */
export const ANSWER_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Less time than this left: the deadline is shown as urgent. */
export const DUE_SOON_MS = 6 * 60 * 60 * 1000;

export interface AnswerDeadline {
  /** When the 24 hours run out (epoch ms). */
  dueAt: number;
  /** dueAt − now: negative once overdue. */
  msLeft: number;
  overdue: boolean;
  /** replyAt of the counsellor's note the 24 hours count from. */
  fromReplyAt: number;
}

/**
 * The deadline for the seller's answer, counted from the latest counsellor note that asks for one.
 * None when the inquiry is answered or complete, when no note asks for an answer, when the latest
 * such note's transfer was closed, or when the seller has replied since that note.
 * Coupang counts "24 hours in business hours"; wall-clock hours are the conservative reading.
 */
export function answerDeadline(inquiry: Inquiry, now: number): AnswerDeadline | undefined {
  if (isCode(inquiry.inquiryStatus, 'complete') || isCode(inquiry.csPartnerCounselingStatus, 'answered')) return undefined;

  let request: { replyAt: number; closed: boolean } | undefined;
  for (const reply of inquiry.replies) {
    if (reply.replyAt === undefined || !isAnswerRequest(reply)) continue;
    if (!request || reply.replyAt >= request.replyAt) {
      request = { replyAt: reply.replyAt, closed: isClosedTransfer(reply) };
    }
  }
  if (!request || request.closed) return undefined;

  const fromReplyAt = request.replyAt;
  const sellerAnsweredSince = inquiry.replies.some(
    (reply) => isSellerReply(reply) && reply.replyAt !== undefined && reply.replyAt > fromReplyAt,
  );
  if (sellerAnsweredSince) return undefined;

  const dueAt = fromReplyAt + ANSWER_WINDOW_MS;
  const msLeft = dueAt - now;
  return { dueAt, msLeft, overdue: msLeft <= 0, fromReplyAt };
}

export function isDueSoon(deadline: AnswerDeadline): boolean {
  return !deadline.overdue && deadline.msLeft <= DUE_SOON_MS;
}

/**
 * An open inquiry whose counsellor asks for an answer, but whose request time could not be read:
 * the seller must be told the deadline is unknown, never shown nothing as if no deadline ran.
 */
export function isDeadlineUnknown(inquiry: Inquiry, now: number): boolean {
  if (isCode(inquiry.inquiryStatus, 'complete') || isCode(inquiry.csPartnerCounselingStatus, 'answered')) return false;
  if (answerDeadline(inquiry, now) !== undefined) return false;
  const undatedRequest = inquiry.replies.some((reply) => reply.replyAt === undefined && isAnswerRequest(reply) && !isClosedTransfer(reply));
  const datedRequest = inquiry.replies.some((reply) => reply.replyAt !== undefined && isAnswerRequest(reply));
  return undatedRequest && !datedRequest;
}
