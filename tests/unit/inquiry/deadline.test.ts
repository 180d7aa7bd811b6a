import { describe, expect, it } from 'vitest';
import type { InquiryReply } from '../../../utils/coupang/inquiry';
import { ANSWER_WINDOW_MS, answerDeadline, DUE_SOON_MS, isDeadlineUnknown, isDueSoon } from '../../../utils/inquiry/deadline';
import {
  bareInquiry,
  completeInquiry,
  counsellorNote,
  HOUR,
  MINUTE,
  NOW,
  REQUEST_AT,
  sellerReply,
  unansweredInquiry,
} from '../components/inquiries';

const withReplies = (...replies: InquiryReply[]) => unansweredInquiry({ replies });

describe('answerDeadline', () => {
  it('counts 24 hours from the counsellor note that asks for an answer', () => {
    expect(answerDeadline(unansweredInquiry(), NOW)).toEqual({
      dueAt: REQUEST_AT + 24 * HOUR,
      msLeft: 5 * HOUR + 12 * MINUTE,
      overdue: false,
      fromReplyAt: REQUEST_AT,
    });
  });

  it.each([
    ['one ms after the note', REQUEST_AT + 1, ANSWER_WINDOW_MS - 1, false],
    ['one ms before the limit', REQUEST_AT + ANSWER_WINDOW_MS - 1, 1, false],
    ['exactly at the limit', REQUEST_AT + ANSWER_WINDOW_MS, 0, true],
    ['one ms past the limit', REQUEST_AT + ANSWER_WINDOW_MS + 1, -1, true],
    ['three days later', REQUEST_AT + 3 * 24 * HOUR, -2 * 24 * HOUR, true],
  ])('%s', (_name, now, msLeft, overdue) => {
    expect(answerDeadline(unansweredInquiry(), now)).toMatchObject({ msLeft, overdue, dueAt: REQUEST_AT + ANSWER_WINDOW_MS });
  });

  it('uses the latest of several notes that ask for an answer, whatever their order in the list', () => {
    const later = REQUEST_AT + 3 * HOUR;
    const inquiry = withReplies(
      counsellorNote({ replyAt: later, answerId: '2' }),
      counsellorNote({ replyAt: REQUEST_AT, answerId: '1' }),
    );
    expect(answerDeadline(inquiry, NOW)?.fromReplyAt).toBe(later);
  });

  it('restarts when the counsellor asks again after the seller answered', () => {
    const again = REQUEST_AT + 5 * HOUR;
    const inquiry = withReplies(
      counsellorNote(),
      sellerReply({ replyAt: REQUEST_AT + 2 * HOUR }),
      counsellorNote({ answerId: '3', replyAt: again }),
    );
    expect(answerDeadline(inquiry, NOW)?.dueAt).toBe(again + ANSWER_WINDOW_MS);
  });

  it('accepts a note marked only by partnerTransferStatus requestAnswer', () => {
    const inquiry = withReplies(counsellorNote({ needAnswer: false, partnerTransferStatus: 'requestAnswer' }));
    expect(answerDeadline(inquiry, NOW)?.fromReplyAt).toBe(REQUEST_AT);
  });

  it('accepts a note marked only by needAnswer', () => {
    const inquiry = withReplies(counsellorNote({ partnerTransferStatus: undefined }));
    expect(answerDeadline(inquiry, NOW)?.fromReplyAt).toBe(REQUEST_AT);
  });

  it('ignores counsellor notes that do not ask for an answer', () => {
    const informational = counsellorNote({ needAnswer: false, partnerTransferStatus: 'none', replyAt: REQUEST_AT + HOUR });
    expect(answerDeadline(withReplies(counsellorNote(), informational), NOW)?.fromReplyAt).toBe(REQUEST_AT);
    expect(answerDeadline(withReplies(informational), NOW)).toBeUndefined();
  });

  it.each<[string, ReturnType<typeof unansweredInquiry>]>([
    ['no replies', unansweredInquiry({ replies: [] })],
    ['only the ID is known', bareInquiry()],
    ['inquiry complete', unansweredInquiry({ inquiryStatus: 'complete' })],
    ['answer status answered', unansweredInquiry({ csPartnerCounselingStatus: 'answered' })],
    ['a completed inquiry with its history', completeInquiry()],
    ['the seller replied after the note', withReplies(counsellorNote(), sellerReply({ replyAt: REQUEST_AT + 1 }))],
    ['the seller reply is listed before the note but written after it', withReplies(sellerReply(), counsellorNote())],
    ['the note was written by the seller', withReplies(counsellorNote({ answerType: 'vendor' }))],
    ['the transfer was answered', withReplies(counsellorNote({ partnerTransferStatus: 'answered' }))],
    ['the transfer was cancelled', withReplies(counsellorNote({ partnerTransferCompleteReason: 'CANCEL' }))],
    ['Coupang closed it', withReplies(counsellorNote({ partnerTransferCompleteReason: 'DISPUTE_PROCESS' }))],
  ])('none when %s', (_name, inquiry) => {
    expect(answerDeadline(inquiry, NOW)).toBeUndefined();
  });

  it('still runs when the seller replied only before the note', () => {
    const inquiry = withReplies(sellerReply({ replyAt: REQUEST_AT - HOUR }), counsellorNote());
    expect(answerDeadline(inquiry, NOW)?.fromReplyAt).toBe(REQUEST_AT);
  });

  it('still runs when a seller reply has no time', () => {
    const inquiry = withReplies(counsellorNote(), sellerReply({ replyAt: undefined }));
    expect(answerDeadline(inquiry, NOW)?.fromReplyAt).toBe(REQUEST_AT);
  });

  it('still runs when only a later counsellor note (no request) follows', () => {
    const inquiry = withReplies(
      counsellorNote(),
      counsellorNote({ answerId: '9', needAnswer: false, partnerTransferStatus: 'none', replyAt: REQUEST_AT + HOUR }),
    );
    expect(answerDeadline(inquiry, NOW)?.fromReplyAt).toBe(REQUEST_AT);
  });

  it('reads status values case-insensitively', () => {
    expect(answerDeadline(unansweredInquiry({ inquiryStatus: 'COMPLETE' }), NOW)).toBeUndefined();
    expect(answerDeadline(withReplies(counsellorNote({ needAnswer: false, partnerTransferStatus: 'REQUEST_ANSWER' })), NOW)).toBeDefined();
  });
});

describe('isDueSoon', () => {
  it.each([
    [DUE_SOON_MS + 1, false],
    [DUE_SOON_MS, true],
    [1, true],
    [0, false],
    [-HOUR, false],
  ])('%d ms left → %s', (msLeft, soon) => {
    expect(isDueSoon({ dueAt: 0, fromReplyAt: 0, msLeft, overdue: msLeft <= 0 })).toBe(soon);
  });
});

describe('isDeadlineUnknown', () => {
  it('is unknown, not absent, when the note asking for an answer has no readable time', () => {
    const inquiry = withReplies(counsellorNote({ replyAt: undefined }));
    expect(answerDeadline(inquiry, NOW)).toBeUndefined();
    expect(isDeadlineUnknown(inquiry, NOW)).toBe(true);
  });

  it.each<[string, ReturnType<typeof unansweredInquiry>]>([
    ['the deadline is known', unansweredInquiry()],
    ['no note asks for an answer', unansweredInquiry({ replies: [] })],
    ['the inquiry is complete', unansweredInquiry({ inquiryStatus: 'complete', replies: [counsellorNote({ replyAt: undefined })] })],
    ['the undated request was cancelled', withReplies(counsellorNote({ replyAt: undefined, partnerTransferCompleteReason: 'CANCEL' }))],
    ['a dated request was answered by the seller', withReplies(counsellorNote(), sellerReply({ replyAt: REQUEST_AT + HOUR }), counsellorNote({ answerId: '8', replyAt: undefined }))],
  ])('not unknown when %s', (_name, inquiry) => {
    expect(isDeadlineUnknown(inquiry, NOW)).toBe(false);
  });
});
