import { describe, expect, it } from 'vitest';
import type { Inquiry } from '@/utils/coupang/inquiry';
import type { AwaitingItem } from '@/utils/inbox/inbox';
import {
  BADGE_NEUTRAL,
  BADGE_RED,
  inquiryOfNotification,
  nextCrossing,
  notificationId,
  notificationsFor,
  notificationText,
  NOTHING_NOTIFIED,
  showBadge,
} from '@/utils/inbox/toolbar';
import { createTranslator } from '@/utils/i18n/translate';

const NOW = Date.UTC(2026, 11, 6, 1, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const en = createTranslator('en');

function item(id: string, dueInMs: number | undefined, need: AwaitingItem['need'] = 'answer'): AwaitingItem {
  const inquiry: Inquiry = { inquiryId: id, vendorItemIds: [], replies: [], extra: {}, itemName: `item ${id}`, buyerPhone: '010-1234-5678' };
  return { inquiry, need, dueAt: dueInMs === undefined ? undefined : NOW + dueInMs };
}

function fakeAction() {
  const calls: Record<string, unknown> = {};
  return {
    calls,
    setBadgeText: async ({ text }: { text: string }) => void (calls.text = text),
    setBadgeBackgroundColor: async ({ color }: { color: string }) => void (calls.color = color),
    setTitle: async ({ title }: { title: string }) => void (calls.title = title),
  };
}

describe('toolbar badge', () => {
  it('count, red and "next due in" when one is due within 3 hours', async () => {
    const action = fakeAction();
    await showBadge(action, { badge: { text: '32', colour: 'red', nextDueInMin: 58 } }, en, 'en');
    expect(action.calls).toEqual({ text: '32', color: BADGE_RED, title: '32 awaiting — next due in 58 min' });
  });

  it('neutral further away, overdue and unknown said so, in Korean too', async () => {
    const action = fakeAction();
    await showBadge(action, { badge: { text: '2', colour: 'neutral', nextDueInMin: 5 * 60 + 3 } }, en, 'en');
    expect(action.calls).toEqual({ text: '2', color: BADGE_NEUTRAL, title: '2 awaiting — next due in 5 h 3 min' });
    await showBadge(action, { badge: { text: '2', colour: 'red', nextDueInMin: -12 } }, en, 'en');
    expect(action.calls.title).toBe('2 awaiting — one overdue by 12 min');
    await showBadge(action, { badge: { text: '1', colour: 'neutral' } }, en, 'en');
    expect(action.calls.title).toBe('1 awaiting — deadline unknown');
    await showBadge(action, { badge: { text: '3', colour: 'red', nextDueInMin: 58 } }, createTranslator('ko'), 'ko');
    expect(action.calls.title).toBe('3건 대기 — 가장 가까운 기한까지 58분');
  });

  it('nothing waiting: no badge, the plain name', async () => {
    const action = fakeAction();
    await showBadge(action, {}, en, 'en');
    expect(action.calls).toEqual({ text: '', title: 'Coupang CS Lens' });
  });

  it('next crossing: the soonest 3-hour, 2-hour or due line still ahead', () => {
    expect(nextCrossing([item('1', 5 * HOUR), item('2', 150 * MIN), item('3', undefined)], NOW)).toBe(NOW + 30 * MIN);
    expect(nextCrossing([item('1', 5 * HOUR)], NOW)).toBe(NOW + 2 * HOUR);
    expect(nextCrossing([item('1', -HOUR), item('2', undefined)], NOW)).toBeUndefined();
  });
});

describe('notifications', () => {
  it('the first list is the baseline: nothing "new", but one due within 2 hours is told', () => {
    const first = notificationsFor([item('1', 10 * HOUR), item('2', 90 * MIN)], NOW, NOTHING_NOTIFIED);
    expect(first.notices.map((n) => `${n.event}:${n.item.inquiry.inquiryId}`)).toEqual(['due:2']);
    expect(first.told.baseline).toBe(true);
  });

  it('never more than one per inquiry per event', () => {
    let told = notificationsFor([item('1', 10 * HOUR)], NOW, NOTHING_NOTIFIED).told;
    const second = notificationsFor([item('1', 10 * HOUR), item('5', 20 * HOUR, 'confirm')], NOW, told);
    expect(second.notices.map((n) => `${n.event}:${n.item.inquiry.inquiryId}`)).toEqual(['new:5']);
    told = second.told;
    const third = notificationsFor([item('1', 100 * MIN), item('5', 20 * HOUR, 'confirm')], NOW, told);
    expect(third.notices.map((n) => `${n.event}:${n.item.inquiry.inquiryId}`)).toEqual(['due:1']);
    expect(notificationsFor([item('1', 90 * MIN), item('5', 20 * HOUR)], NOW, third.told).notices).toEqual([]);
  });

  it('overdue ones get no "due" notice; at most 3 per event at once', () => {
    expect(notificationsFor([item('1', -MIN)], NOW, NOTHING_NOTIFIED).notices).toEqual([]);
    const many = Array.from({ length: 8 }, (_, i) => item(String(10 + i), HOUR));
    expect(notificationsFor(many, NOW, NOTHING_NOTIFIED).notices).toHaveLength(3);
  });

  it('says number, item and time left, never buyer data; its ID leads back to the inquiry', () => {
    const notice = { event: 'new' as const, item: item('1015668177', 5 * HOUR) };
    const text = notificationText(notice, NOW, en, 'en');
    expect(text).toEqual({ title: 'New inquiry awaiting your answer', message: 'Inquiry 1015668177 · item 1015668177 — 5 h left' });
    expect(JSON.stringify(text)).not.toContain('010-');
    expect(inquiryOfNotification(notificationId(notice))).toBe('1015668177');
    expect(inquiryOfNotification('other:new:1')).toBeUndefined();
  });
});
