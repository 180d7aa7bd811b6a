import type { Inquiry, InquiryReply } from '../coupang/inquiry';
import { ANSWER_WINDOW_MS } from '../inquiry/deadline';
import { isAnswerRequest, isCounsellorReply, isSellerReply } from '../inquiry/replies';
import { isCode } from '../inquiry/status';

/**
 * Who the seller's answer replies to, chosen fail-closed (docs/answering.md): exactly one counsellor
 * (`csAgent`) reply asking for an answer (`partnerTransferStatus` requestAnswer or `needAnswer` true),
 * with an answerId, and no seller reply newer than it. Anything else is not answerable: no guess.
 */
export type ParentChoice =
  | { ok: true; parentAnswerId: string; requestedAt: number | undefined }
  | { ok: false; reason: ParentFailure };

export type ParentFailure = 'no-request' | 'several-requests' | 'no-answer-id' | 'already-replied';

function isRequest(reply: InquiryReply): boolean {
  return isCounsellorReply(reply) && isAnswerRequest(reply);
}

export function chooseParent(inquiry: Inquiry): ParentChoice {
  const requests = inquiry.replies.filter(isRequest);
  if (requests.length === 0) return { ok: false, reason: 'no-request' };
  if (requests.length > 1) return { ok: false, reason: 'several-requests' };
  const request = requests[0]!;
  if (!request.answerId) return { ok: false, reason: 'no-answer-id' };
  const index = inquiry.replies.indexOf(request);
  const repliedSince = inquiry.replies.some((reply, i) => {
    if (!isSellerReply(reply)) return false;
    // Undated replies are ordered by position; an undated seller reply anywhere is not provably older.
    if (reply.replyAt === undefined || request.replyAt === undefined) return i > index || reply.replyAt === undefined;
    return reply.replyAt >= request.replyAt;
  });
  if (repliedSince) return { ok: false, reason: 'already-replied' };
  return { ok: true, parentAnswerId: request.answerId, requestedAt: request.replyAt };
}

export type Answerability =
  | { ok: true; parentAnswerId: string; dueAt: number | undefined }
  | { ok: false; reason: 'answered' | 'closed' | 'past-deadline' | ParentFailure };

/**
 * Whether the seller can answer now: only while `inquiryStatus` is `progress`, with a parent chosen as
 * above, and within 24 hours of the counsellor's request (Coupang closes it itself after that).
 */
export function answerability(inquiry: Inquiry, now: number): Answerability {
  if (isCode(inquiry.csPartnerCounselingStatus, 'answered')) return { ok: false, reason: 'answered' };
  if (!isCode(inquiry.inquiryStatus, 'progress')) return { ok: false, reason: 'closed' };
  const parent = chooseParent(inquiry);
  if (!parent.ok) return parent;
  const dueAt = parent.requestedAt === undefined ? undefined : parent.requestedAt + ANSWER_WINDOW_MS;
  if (dueAt !== undefined && now >= dueAt) return { ok: false, reason: 'past-deadline' };
  return { ok: true, parentAnswerId: parent.parentAnswerId, dueAt };
}

export type Confirmability =
  | { ok: true; dueAt: number | undefined }
  | { ok: false; reason: 'not-transfer' | 'past-deadline' };

/**
 * A transfer the counsellor completed that the seller only acknowledges (Wing's 미확인, the list's
 * TRANSFER): `inquiryStatus` complete while a counsellor reply still says requestAnswer; for 24 hours
 * after that transfer (Coupang answers -522 afterwards).
 */
export function confirmability(inquiry: Inquiry, now: number): Confirmability {
  if (!isCode(inquiry.inquiryStatus, 'complete')) return { ok: false, reason: 'not-transfer' };
  const open = inquiry.replies.filter(
    (reply) => isCounsellorReply(reply) && isCode(reply.partnerTransferStatus, 'requestAnswer'),
  );
  if (open.length === 0) return { ok: false, reason: 'not-transfer' };
  const times = open.map((reply) => reply.replyAt).filter((at): at is number => at !== undefined);
  const dueAt = times.length === 0 ? undefined : Math.max(...times) + ANSWER_WINDOW_MS;
  if (dueAt !== undefined && now >= dueAt) return { ok: false, reason: 'past-deadline' };
  return { ok: true, dueAt };
}
