import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../utils/i18n/translate';
import {
  answerStatusKey,
  answerTypeKey,
  inquiryStatusKey,
  isCode,
  statusWords,
  transferReasonKey,
  transferStatusKey,
  wordFor,
} from '../../../utils/inquiry/status';
import { bareInquiry, unansweredInquiry } from '../components/inquiries';

const en = createTranslator('en');
const ko = createTranslator('ko');

describe('status keys', () => {
  it.each([
    ['progress', 'details.status.progress'],
    ['complete', 'details.status.complete'],
    ['COMPLETE', 'details.status.complete'],
    ['closed', 'details.status.unknown'],
    [undefined, 'details.status.unknown'],
  ])('inquiryStatus %s → %s', (value, key) => {
    expect(inquiryStatusKey(value)).toBe(key);
  });

  it.each([
    ['requestAnswer', 'details.answer.requestAnswer'],
    ['REQUEST_ANSWER', 'details.answer.requestAnswer'],
    ['answered', 'details.answer.answered'],
    ['pending', undefined],
    [undefined, undefined],
  ])('csPartnerCounselingStatus %s → %s', (value, key) => {
    expect(answerStatusKey(value)).toBe(key);
  });

  it.each([
    ['none', 'details.transfer.none'],
    ['requestAnswer', 'details.transfer.requestAnswer'],
    ['answered', 'details.transfer.answered'],
    ['other', undefined],
    [undefined, undefined],
  ])('partnerTransferStatus %s → %s', (value, key) => {
    expect(transferStatusKey(value)).toBe(key);
  });

  it.each([
    ['NONE', 'details.reason.NONE'],
    ['DISPUTE_PROCESS', 'details.reason.DISPUTE_PROCESS'],
    ['DISPUTE_PROCESS_COMPLETE', 'details.reason.DISPUTE_PROCESS_COMPLETE'],
    ['CANCEL', 'details.reason.CANCEL'],
    ['TIMEOUT', undefined],
    [undefined, undefined],
  ])('partnerTransferCompleteReason %s → %s', (value, key) => {
    expect(transferReasonKey(value)).toBe(key);
  });

  it.each([
    ['csAgent', 'details.reply.csAgent'],
    ['vendor', 'details.reply.vendor'],
    ['bot', 'details.reply.unknown'],
    [undefined, 'details.reply.unknown'],
  ])('answerType %s → %s', (value, key) => {
    expect(answerTypeKey(value)).toBe(key);
  });

  it('compares codes ignoring case and underscores', () => {
    expect(isCode('REQUEST_ANSWER', 'requestAnswer')).toBe(true);
    expect(isCode('answered', 'requestAnswer')).toBe(false);
    expect(isCode(undefined, 'none')).toBe(false);
  });
});

describe('wordFor', () => {
  it('translates known values, shows unknown ones raw, and skips missing ones', () => {
    expect(wordFor('CANCEL', transferReasonKey, en)).toBe('Transfer cancelled (이관취소)');
    expect(wordFor('CANCEL', transferReasonKey, ko)).toBe('이관취소');
    expect(wordFor('TIMEOUT', transferReasonKey, en)).toBe('TIMEOUT');
    expect(wordFor(undefined, transferReasonKey, en)).toBeUndefined();
    expect(wordFor('  ', transferReasonKey, en)).toBeUndefined();
  });
});

describe('statusWords', () => {
  it('words both statuses', () => {
    expect(statusWords(unansweredInquiry(), en)).toEqual({
      inquiry: 'In progress',
      answer: 'Answer needed',
      answerNeeded: true,
    });
    expect(statusWords(unansweredInquiry(), ko)).toEqual({ inquiry: '처리 중', answer: '답변 필요', answerNeeded: true });
  });

  it('shows an unknown inquiry status as sent, and a missing one as unknown', () => {
    expect(statusWords(unansweredInquiry({ inquiryStatus: 'hold' }), en).inquiry).toBe('hold');
    expect(statusWords(bareInquiry(), en)).toEqual({ inquiry: 'Status unknown', answer: undefined, answerNeeded: false });
  });
});
