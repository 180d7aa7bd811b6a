import { describe, expect, it } from 'vitest';
import type { Inquiry, InquiryReply } from '../../../utils/coupang/inquiry';
import {
  answerability,
  answerFromForm,
  checkAnswerText,
  chooseParent,
  confirmability,
  countAnswerChars,
  fillPlaceholders,
  formLinesFromNote,
  normaliseAnswerText,
} from '../../../utils/answer';

const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 11, 5, 1, 0, 0);

function request(over: Partial<InquiryReply> = {}): InquiryReply {
  return { answerId: '900', answerType: 'csAgent', partnerTransferStatus: 'requestAnswer', replyAt: T0, content: 'note', ...over };
}
function inquiry(replies: InquiryReply[], over: Partial<Inquiry> = {}): Inquiry {
  return { inquiryId: '123', inquiryStatus: 'progress', csPartnerCounselingStatus: 'requestAnswer', vendorItemIds: [], replies, extra: {}, ...over };
}

describe('chooseParent', () => {
  it('takes the one counsellor request', () => {
    expect(chooseParent(inquiry([{ answerId: '1', answerType: 'csAgent', replyAt: T0 - HOUR }, request()]))).toEqual({
      ok: true, parentAnswerId: '900', requestedAt: T0,
    });
  });
  it('accepts needAnswer true', () => {
    const r = chooseParent(inquiry([request({ partnerTransferStatus: 'none', needAnswer: true })]));
    expect(r.ok && r.parentAnswerId).toBe('900');
  });
  it('refuses when no request, two requests, no answerId', () => {
    expect(chooseParent(inquiry([]))).toEqual({ ok: false, reason: 'no-request' });
    expect(chooseParent(inquiry([request(), request({ answerId: '901', replyAt: T0 + 1 })]))).toEqual({ ok: false, reason: 'several-requests' });
    expect(chooseParent(inquiry([request({ answerId: undefined })]))).toEqual({ ok: false, reason: 'no-answer-id' });
  });
  it('ignores a vendor reply claiming requestAnswer', () => {
    expect(chooseParent(inquiry([request({ answerType: 'vendor' })]))).toEqual({ ok: false, reason: 'no-request' });
  });
  it('refuses when the seller replied after the request, not before', () => {
    const vendor = (replyAt?: number): InquiryReply => ({ answerId: '5', answerType: 'vendor', replyAt });
    expect(chooseParent(inquiry([request(), vendor(T0 + 1)]))).toEqual({ ok: false, reason: 'already-replied' });
    expect(chooseParent(inquiry([request(), vendor(undefined)]))).toEqual({ ok: false, reason: 'already-replied' });
    expect(chooseParent(inquiry([vendor(T0 - 1), request()])).ok).toBe(true);
  });
});

describe('answerability', () => {
  it('is answerable in progress within 24 h', () => {
    expect(answerability(inquiry([request()]), T0 + HOUR)).toEqual({ ok: true, parentAnswerId: '900', dueAt: T0 + 24 * HOUR });
  });
  it('gives reasons: answered, closed, past deadline, parent', () => {
    expect(answerability(inquiry([request()], { csPartnerCounselingStatus: 'answered' }), T0)).toEqual({ ok: false, reason: 'answered' });
    expect(answerability(inquiry([request()], { inquiryStatus: 'complete' }), T0)).toEqual({ ok: false, reason: 'closed' });
    expect(answerability(inquiry([request()], { inquiryStatus: undefined }), T0)).toEqual({ ok: false, reason: 'closed' });
    expect(answerability(inquiry([request()]), T0 + 24 * HOUR)).toEqual({ ok: false, reason: 'past-deadline' });
    expect(answerability(inquiry([]), T0)).toEqual({ ok: false, reason: 'no-request' });
  });
});

describe('confirmability', () => {
  it('is a complete inquiry with an open counsellor request, within 24 h', () => {
    const transfer = inquiry([request()], { inquiryStatus: 'complete' });
    expect(confirmability(transfer, T0 + HOUR)).toEqual({ ok: true, dueAt: T0 + 24 * HOUR });
    expect(confirmability(transfer, T0 + 25 * HOUR)).toEqual({ ok: false, reason: 'past-deadline' });
    expect(confirmability(inquiry([request()]), T0)).toEqual({ ok: false, reason: 'not-transfer' });
    expect(confirmability(inquiry([request({ partnerTransferStatus: 'answered' })], { inquiryStatus: 'complete' }), T0)).toEqual({
      ok: false, reason: 'not-transfer',
    });
  });
});

describe('answer text', () => {
  it('normalises CRLF and CR to \\n and nothing else', () => {
    expect(normaliseAnswerText('a\r\nb\rc\n  d ')).toBe('a\nb\nc\n  d ');
  });
  it('counts code points', () => {
    expect(countAnswerChars('가나')).toBe(2);
    expect(countAnswerChars('😀')).toBe(1);
    expect(countAnswerChars('a\r\nb')).toBe(3);
  });
  it('refuses empty, short and long text, keeps the rest exact', () => {
    expect(checkAnswerText('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkAnswerText(' \n ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkAnswerText('네')).toMatchObject({ ok: false, reason: 'too-short', chars: 1 });
    expect(checkAnswerText('가'.repeat(1001))).toMatchObject({ ok: false, reason: 'too-long', chars: 1001 });
    expect(checkAnswerText('😀'.repeat(1000))).toMatchObject({ ok: true, chars: 1000 });
    expect(checkAnswerText(' 네,\r\n확인 ')).toEqual({ ok: true, text: ' 네,\n확인 ', chars: 7 });
  });
});

describe('formLinesFromNote', () => {
  const note = '고객님 교환 요청 건입니다. [판매자님 회신요청] 1. 요청사항 이행 가능여부: 2. 불가시 불가능한 사유 : 3. 기타 안내사항:';
  it('turns the numbered items into lines to fill in', () => {
    expect(formLinesFromNote(note)).toEqual(['1. 요청사항 이행 가능여부: ', '2. 불가시 불가능한 사유: ', '3. 기타 안내사항: ']);
    expect(answerFromForm(note)).toBe('1. 요청사항 이행 가능여부: \n2. 불가시 불가능한 사유: \n3. 기타 안내사항: ');
  });
  it('handles items on their own lines and answers already typed after the colon', () => {
    expect(formLinesFromNote('[판매자님 회신요청]\r\n1. 가능여부 : 예\n2. 사유')).toEqual(['1. 가능여부: ', '2. 사유: ']);
  });
  it('gives nothing without the marker or items', () => {
    expect(formLinesFromNote('1. 가능여부:')).toEqual([]);
    expect(formLinesFromNote('[판매자님 회신요청] 확인 부탁드립니다')).toEqual([]);
    expect(formLinesFromNote(undefined)).toEqual([]);
  });
});

describe('fillPlaceholders', () => {
  it('fills item and inquiry, Korean names too, and leaves unknown or missing ones', () => {
    expect(fillPlaceholders('{item} 문의({inquiry}) {상품명}/{문의번호} {other}', { itemName: '사과', inquiryId: '42' })).toBe(
      '사과 문의(42) 사과/42 {other}',
    );
    expect(fillPlaceholders('{item}', {})).toBe('{item}');
  });
});
