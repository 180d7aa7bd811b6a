import { describe, expect, it } from 'vitest';
import {
  isAnswerRequest,
  isClosedTransfer,
  latestCounsellorNote,
  sortedReplies,
} from '../../../utils/inquiry/replies';
import { counsellorNote, HOUR, REQUEST_AT, sellerReply, unansweredInquiry } from '../components/inquiries';

describe('sortedReplies', () => {
  it('orders replies oldest first and keeps undated ones last, in their order', () => {
    const a = counsellorNote({ answerId: 'a', replyAt: REQUEST_AT + HOUR });
    const b = sellerReply({ answerId: 'b', replyAt: REQUEST_AT });
    const c = sellerReply({ answerId: 'c', replyAt: undefined });
    const d = counsellorNote({ answerId: 'd', replyAt: undefined });
    expect(sortedReplies([c, a, d, b]).map((reply) => reply.answerId)).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('latestCounsellorNote', () => {
  it('is the newest counsellor reply, not the newest reply', () => {
    const old = counsellorNote({ answerId: 'old', replyAt: REQUEST_AT - HOUR });
    const recent = counsellorNote({ answerId: 'recent', replyAt: REQUEST_AT });
    const seller = sellerReply({ replyAt: REQUEST_AT + HOUR });
    expect(latestCounsellorNote(unansweredInquiry({ replies: [recent, seller, old] }))?.answerId).toBe('recent');
  });

  it('is undefined when the counsellor wrote nothing', () => {
    expect(latestCounsellorNote(unansweredInquiry({ replies: [sellerReply()] }))).toBeUndefined();
    expect(latestCounsellorNote(unansweredInquiry({ replies: [] }))).toBeUndefined();
  });
});

describe('isAnswerRequest', () => {
  it.each([
    ['a counsellor note with needAnswer', counsellorNote(), true],
    ['a note with only requestAnswer', counsellorNote({ needAnswer: undefined }), true],
    ['a note without answerType that needs an answer', counsellorNote({ answerType: undefined }), true],
    ['an informational note', counsellorNote({ needAnswer: false, partnerTransferStatus: 'none' }), false],
    ['a seller reply', sellerReply({ needAnswer: true }), false],
  ])('%s → %s', (_name, reply, expected) => {
    expect(isAnswerRequest(reply)).toBe(expected);
  });
});

describe('isClosedTransfer', () => {
  it.each([
    ['open', counsellorNote(), false],
    ['reason empty', counsellorNote({ partnerTransferCompleteReason: '' }), false],
    ['reason missing', counsellorNote({ partnerTransferCompleteReason: undefined }), false],
    ['answered', counsellorNote({ partnerTransferStatus: 'answered' }), true],
    ['cancelled', counsellorNote({ partnerTransferCompleteReason: 'CANCEL' }), true],
    ['confirmed by the seller', counsellorNote({ partnerTransferCompleteReason: 'DISPUTE_PROCESS_COMPLETE' }), true],
  ])('%s → %s', (_name, reply, expected) => {
    expect(isClosedTransfer(reply)).toBe(expected);
  });
});
