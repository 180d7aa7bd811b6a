import { describe, expect, it } from 'vitest';
import type { Inquiry } from '../../../utils/coupang/inquiry';
import { badgeFor, dueAtOf, koreaWindow, listRequest, mergeAwaiting, nextPage, shouldRefresh, type ScheduleInput } from '../../../utils/inbox/inbox';

const H = 60 * 60 * 1000;
function inquiry(id: string, extra: Partial<Inquiry> = {}): Inquiry {
  return { inquiryId: id, vendorItemIds: [], replies: [], extra: {}, ...extra };
}
function transferAt(replyAt: number) {
  return [{ answerType: 'csAgent', partnerTransferStatus: 'requestAnswer', replyAt }] as Inquiry['replies'];
}

describe('koreaWindow', () => {
  it('uses the Korean date just after midnight KST (15:00 UTC)', () => {
    expect(koreaWindow(Date.UTC(2026, 11, 5, 15, 0, 1))).toEqual({ inquiryStartAt: '2026-11-30', inquiryEndAt: '2026-12-06' });
  });
  it('stays on the Korean day just before midnight KST', () => {
    expect(koreaWindow(Date.UTC(2026, 11, 5, 14, 59, 59))).toEqual({ inquiryStartAt: '2026-11-29', inquiryEndAt: '2026-12-05' });
  });
  it('crosses a month and year end', () => {
    expect(koreaWindow(Date.UTC(2026, 0, 2, 3))).toEqual({ inquiryStartAt: '2025-12-27', inquiryEndAt: '2026-01-02' });
  });
});

describe('nextPage', () => {
  it('walks to the last page and stops', () => {
    expect(nextPage({ currentPage: 1, totalPages: 2 })).toBe(2);
    expect(nextPage({ currentPage: 2, totalPages: 2 })).toBeUndefined();
    expect(nextPage({ currentPage: 1, totalPages: 0 })).toBeUndefined();
  });
  it('stops on a missing or broken pagination and at the page bound', () => {
    expect(nextPage(undefined)).toBeUndefined();
    expect(nextPage({ currentPage: Number.NaN, totalPages: 3 })).toBeUndefined();
    expect(nextPage({ currentPage: 3, totalPages: 99 }, 3)).toBeUndefined();
  });
});

describe('mergeAwaiting and deadlines', () => {
  const t0 = Date.UTC(2026, 11, 5, 0);
  it('counts 24 h from the counsellor transfer, else from inquiryAt, else unknown', () => {
    expect(dueAtOf(inquiry('1', { inquiryAt: t0 - H, replies: transferAt(t0) }))).toBe(t0 + 24 * H);
    expect(dueAtOf(inquiry('2', { inquiryAt: t0 }))).toBe(t0 + 24 * H);
    expect(dueAtOf(inquiry('3'))).toBeUndefined();
  });
  it('merges both statuses once each, soonest first, unknown last, answered dropped', () => {
    const items = mergeAwaiting(
      [inquiry('10', { inquiryAt: t0 }), inquiry('11'), inquiry('12', { inquiryAt: t0, csPartnerCounselingStatus: 'answered' }), inquiry('13', { inquiryAt: t0 - 5 * H })],
      [inquiry('20', { replies: transferAt(t0 - 2 * H) }), inquiry('10', { inquiryAt: t0 })],
    );
    expect(items.map((i) => [i.inquiry.inquiryId, i.need])).toEqual([
      ['13', 'answer'],
      ['20', 'confirm'],
      ['10', 'confirm'],
      ['11', 'answer'],
    ]);
    expect(items[3]!.dueAt).toBeUndefined();
  });
});

describe('badgeFor', () => {
  const now = Date.UTC(2026, 11, 5, 12);
  it('none when nothing waits', () => expect(badgeFor([], now)).toBeUndefined());
  it('neutral with the count when the nearest is more than 3 h away', () => {
    expect(badgeFor(mergeAwaiting([inquiry('1', { inquiryAt: now - 20 * H + 1 })], []), now)).toEqual({ text: '1', colour: 'neutral', nextDueInMin: 240 });
  });
  it('red within 3 h and when overdue', () => {
    expect(badgeFor(mergeAwaiting([inquiry('1', { inquiryAt: now - 21 * H })], []), now)?.colour).toBe('red');
    expect(badgeFor(mergeAwaiting([inquiry('1', { inquiryAt: now - 30 * H }), inquiry('2')], []), now)).toEqual({ text: '2', colour: 'red', nextDueInMin: -360 });
  });
  it('neutral when every deadline is unknown', () => {
    expect(badgeFor(mergeAwaiting([inquiry('1')], []), now)).toEqual({ text: '1', colour: 'neutral', nextDueInMin: undefined });
  });
});

describe('shouldRefresh', () => {
  const base: ScheduleInput = { reason: 'opened', now: 1_000_000, state: { inFlight: false }, everyMin: 10, hasKeys: true, sample: false, paused: false, warned: false };
  it('a burst of popup openings costs one refresh', () => {
    const state = { inFlight: false, lastRefreshAt: undefined as number | undefined };
    let started = 0;
    for (let i = 0; i < 20; i += 1) {
      if (shouldRefresh({ ...base, now: base.now + i, state }).refresh) {
        started += 1;
        state.inFlight = true;
      }
    }
    state.inFlight = false;
    state.lastRefreshAt = base.now + 25;
    for (let i = 0; i < 20; i += 1) if (shouldRefresh({ ...base, now: base.now + 30 + i, state }).refresh) started += 1;
    expect(started).toBe(1);
  });
  it('paused, no keys or sample mode: none, with the reason', () => {
    for (const reason of ['start', 'periodic', 'opened', 'button'] as const) {
      expect(shouldRefresh({ ...base, reason, paused: true })).toEqual({ refresh: false, why: 'paused' });
      expect(shouldRefresh({ ...base, reason, hasKeys: false })).toEqual({ refresh: false, why: 'no-keys' });
      expect(shouldRefresh({ ...base, reason, sample: true })).toEqual({ refresh: false, why: 'sample' });
    }
  });
  it('periodic every 10 min by default, slower after X-CAG-Warnings, never when off', () => {
    const state = { inFlight: false, lastRefreshAt: base.now };
    expect(shouldRefresh({ ...base, reason: 'periodic', state, now: base.now + 9 * 60_000 }).refresh).toBe(false);
    expect(shouldRefresh({ ...base, reason: 'periodic', state, now: base.now + 10 * 60_000 }).refresh).toBe(true);
    expect(shouldRefresh({ ...base, reason: 'periodic', state, now: base.now + 10 * 60_000, warned: true }).refresh).toBe(false);
    expect(shouldRefresh({ ...base, reason: 'periodic', state, now: base.now + 10 * 60_000, everyMin: 'off' })).toEqual({ refresh: false, why: 'off' });
  });
  it('opening refreshes only when the last refresh is older than a minute; a clock jumping back counts as fresh', () => {
    const state = { inFlight: false, lastRefreshAt: base.now };
    expect(shouldRefresh({ ...base, state, now: base.now + 59_000 }).refresh).toBe(false);
    expect(shouldRefresh({ ...base, state, now: base.now + 61_000 }).refresh).toBe(true);
    expect(shouldRefresh({ ...base, state, now: base.now - 3 * H }).refresh).toBe(false);
  });
});

describe('listRequest', () => {
  it('builds the path and query of one page at pageSize 30', () => {
    expect(listRequest('A00012345', 'TRANSFER', { inquiryStartAt: '2026-11-30', inquiryEndAt: '2026-12-06' }, 2)).toEqual({
      path: '/v2/providers/openapi/apis/api/v5/vendors/A00012345/callCenterInquiries',
      query: 'vendorId=A00012345&partnerCounselingStatus=TRANSFER&inquiryStartAt=2026-11-30&inquiryEndAt=2026-12-06&pageNum=2&pageSize=30',
    });
  });
  it('refuses a vendor ID that would change the path, and a bad page', () => {
    const window = { inquiryStartAt: '2026-11-30', inquiryEndAt: '2026-12-06' };
    expect(() => listRequest('A1/../x', 'NO_ANSWER', window, 1)).toThrow('not a vendor ID');
    expect(() => listRequest('A1', 'NO_ANSWER', window, 0)).toThrow('not a page number');
  });
});
