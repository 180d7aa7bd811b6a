import { describe, expect, it } from 'vitest';
import { forContentScript } from '../../../utils/lookup/content-script-view';
import { unansweredInquiry } from '../components/inquiries';

describe('what a content script receives', () => {
  it("keeps what the card shows about the answer: sample data, the key reminder, a pause, Coupang's clock", () => {
    const inquiry = { ...unansweredInquiry(), extra: { buyerAddress: '서울시 어딘가' } };
    const result = forContentScript({ ok: true, value: { inquiry, fetchedAt: 1, fromCache: true, pausedUntil: 5, sample: true, keyExpiresAt: 9, clockOffsetMs: -7 } });
    expect(result).toMatchObject({ ok: true, value: { fetchedAt: 1, fromCache: true, pausedUntil: 5, sample: true, keyExpiresAt: 9, clockOffsetMs: -7 } });
    expect(JSON.stringify(result)).not.toContain('서울시');
  });

  it('adds no flag the background did not set', () => {
    const result = forContentScript({ ok: true, value: { inquiry: unansweredInquiry(), fetchedAt: 1, fromCache: false } });
    expect(result.ok && Object.keys(result.value).sort()).toEqual(['fetchedAt', 'fromCache', 'inquiry']);
  });
});
