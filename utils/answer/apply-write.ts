import type { Inquiry } from '../coupang/inquiry';
import { isCounsellorReply, isSellerReply } from '../inquiry/replies';
import { isCode } from '../inquiry/status';
import { normaliseAnswerText } from './text';

/** A write the seller made: an answer (with its exact text and parent) or a confirm. */
export type WriteRecord =
  | { kind: 'answer'; content: string; replyBy: string; parentAnswerId: string; at: number }
  | { kind: 'confirm'; confirmBy: string; at: number };

const comparable = (text: string | undefined) => normaliseAnswerText(text ?? '').trim();

/**
 * Whether a read-back inquiry shows the write (docs/answering.md#sending): an answer shows as a seller
 * reply with the same text (line breaks normalised, outer whitespace ignored); a confirm as no counsellor
 * reply still waiting on requestAnswer.
 */
export function showsWrite(inquiry: Inquiry, write: { kind: 'answer'; content: string } | { kind: 'confirm' }): boolean {
  if (write.kind === 'answer') {
    const sent = comparable(write.content);
    return inquiry.replies.some((reply) => isSellerReply(reply) && comparable(reply.content) === sent);
  }
  return !inquiry.replies.some((reply) => isCounsellorReply(reply) && isCode(reply.partnerTransferStatus, 'requestAnswer'));
}

/**
 * The inquiry as Coupang shows it after the write, for sample mode (nothing is sent): an answer adds the
 * seller's reply and closes the request; a confirm completes the transfer. Coupang's own state changes,
 * as the simulator mimics them (tests/e2e/support/gateway-sim.ts).
 */
export function withWrite(inquiry: Inquiry, write: WriteRecord): Inquiry {
  const settled = inquiry.replies.map((reply) =>
    isCounsellorReply(reply) && isCode(reply.partnerTransferStatus, 'requestAnswer')
      ? { ...reply, partnerTransferStatus: 'answered', partnerTransferCompleteReason: 'DISPUTE_PROCESS_COMPLETE', needAnswer: false }
      : reply,
  );
  if (write.kind === 'confirm') return { ...inquiry, csPartnerCounselingStatus: 'answered', replies: settled };
  const reply = {
    answerId: undefined,
    parentAnswerId: write.parentAnswerId,
    partnerTransferStatus: undefined,
    partnerTransferCompleteReason: undefined,
    answerType: 'vendor',
    needAnswer: false,
    receptionistName: write.replyBy,
    receptionist: write.replyBy,
    replyAt: write.at,
    content: write.content,
  };
  return { ...inquiry, inquiryStatus: 'complete', csPartnerCounselingStatus: 'answered', answeredAt: write.at, replies: [...settled, reply] };
}
