import { describe, expect, it } from 'vitest';
import { parseInquiryResponse } from '@/utils/coupang/schema';
import type { Inquiry } from '@/utils/coupang/inquiry';
import { answerDeadline } from '@/utils/inquiry/deadline';
import { isCounsellorReply, isSellerReply } from '@/utils/inquiry/replies';
import { SAMPLE_INQUIRIES, isSampleId, sampleResponseBody } from '@/utils/samples/sample-inquiries';
import { lookupSample } from '@/utils/samples/sample-lookup';

const NOW = Date.UTC(2026, 11, 2, 1, 0, 0);
const HOUR = 60 * 60 * 1000;

function parsed(id: string, now = NOW): Inquiry {
  const body = sampleResponseBody(id, now);
  if (body === undefined) throw new Error(`no sample ${id}`);
  const result = parseInquiryResponse(body);
  if (!result.ok) throw new Error(`sample ${id} fails the response schema: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('sample inquiries', () => {
  it('every sample passes the response schema that real answers go through, with every date read', () => {
    for (const sample of SAMPLE_INQUIRIES) {
      const inquiry = parsed(sample.id);
      expect(inquiry.inquiryId).toBe(sample.id);
      expect(inquiry.inquiryAt, sample.id).toBeTypeOf('number');
      expect(inquiry.replies.every((reply) => typeof reply.replyAt === 'number'), sample.id).toBe(true);
    }
  });

  it('the unanswered one has its 24-hour countdown running whenever it is looked up', () => {
    for (const now of [NOW, NOW + 1000 * 24 * HOUR]) {
      const deadline = answerDeadline(parsed('7000000001', now), now);
      expect(deadline?.overdue).toBe(false);
      expect(deadline?.msLeft).toBe(21 * HOUR);
    }
  });

  it('cover answered with seller and counsellor replies, a transfer, the old date form, Taiwan and markup', () => {
    const answered = parsed('7000000002');
    expect(answered.replies.some(isCounsellorReply) && answered.replies.some(isSellerReply)).toBe(true);
    expect(parsed('7000000003').replies[0]).toMatchObject({ partnerTransferStatus: 'requestAnswer', needAnswer: false });
    expect(sampleResponseBody('7000000004', NOW)).toMatch(/"inquiryAt":"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"/);
    expect(parsed('7000000004').inquiryAt).toBe(NOW - 72 * HOUR);
    expect(parsed('7000000005').buyerPhone).toMatch(/^\+886 /);
    expect(parsed('7000000006').content).toContain('<img src=x onerror="alert(1)">');
  });

  it('a sample lookup is marked as sample data; any other ID is refused with not-sample', () => {
    expect(lookupSample('7000000001', NOW)).toMatchObject({ ok: true, value: { sample: true, fetchedAt: NOW, fromCache: false } });
    expect(lookupSample('258799946', NOW)).toEqual({ ok: false, error: { kind: 'not-sample' } });
    expect(isSampleId('7000000006')).toBe(true);
    expect(isSampleId('258799946')).toBe(false);
  });
});
