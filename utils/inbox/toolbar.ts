import type { Translate, Locale } from '../i18n/translate';
import { formatDuration } from '../inquiry/format-time';
import type { InboxView } from '../messaging';
import { DUE_RED_MS, type AwaitingItem, type Badge } from './inbox';

/**
 * The toolbar badge and the notifications of "Awaiting you" (docs/inbox.md#badge, #notifications): what to show
 * is decided here, pure; the background hands in chrome.action and chrome.notifications.
 */

export const BADGE_RED = '#C5221F';
export const BADGE_NEUTRAL = '#5F6368';
/** "Due within 2 hours": the second notification an inquiry may get. */
export const DUE_SOON_MS = 2 * 60 * 60_000;
/** At most this many notifications per event per refresh; the rest are marked as told (the badge still counts them). */
export const MAX_NOTIFICATIONS_PER_EVENT = 3;
/** Inquiries remembered per event, oldest forgotten first (a week of a busy store). */
const MAX_REMEMBERED = 1000;

/** "32 awaiting — next due in 58 min". */
export function badgeTitle(badge: Badge, t: Translate, locale: Locale): string {
  const count = badge.text;
  if (badge.nextDueInMin === undefined) return t('badge.titleUnknown', { count });
  const time = formatDuration(badge.nextDueInMin * 60_000, locale);
  return badge.nextDueInMin < 0 ? t('badge.titleOverdue', { count, time }) : t('badge.title', { count, time });
}

export interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/** Count and colour on the icon, the nearest deadline in its tooltip; nothing (and the plain name) when nothing waits. */
export async function showBadge(action: ActionApi, view: Pick<InboxView, 'badge'>, t: Translate, locale: Locale): Promise<void> {
  const { badge } = view;
  if (!badge) {
    await Promise.all([action.setBadgeText({ text: '' }), action.setTitle({ title: t('app.name') })]);
    return;
  }
  await Promise.all([
    action.setBadgeBackgroundColor({ color: badge.colour === 'red' ? BADGE_RED : BADGE_NEUTRAL }),
    action.setBadgeText({ text: badge.text }),
    action.setTitle({ title: badgeTitle(badge, t, locale) }),
  ]);
}

/**
 * When (Coupang's clock) the badge or a notification next changes with no refresh: an inquiry crossing into its
 * last 3 hours (red) or 2 hours (notification); undefined when none will.
 */
export function nextCrossing(items: readonly AwaitingItem[], coupangNow: number): number | undefined {
  let next: number | undefined;
  for (const { dueAt } of items) {
    if (dueAt === undefined) continue;
    for (const line of [dueAt - DUE_RED_MS, dueAt - DUE_SOON_MS, dueAt]) {
      if (line > coupangNow && (next === undefined || line < next)) next = line;
    }
  }
  return next;
}

export type NotifyEvent = 'new' | 'due';

/** Which inquiries were already told of, per event (storage.session: inquiry numbers only). */
export interface Notified {
  /** False until the first list was seen: what was already waiting then is not "new". */
  baseline: boolean;
  new: string[];
  due: string[];
}
export const NOTHING_NOTIFIED: Notified = { baseline: false, new: [], due: [] };

export interface Notice {
  event: NotifyEvent;
  item: AwaitingItem;
}

/** At most one notification per inquiry per event: new since the last list, and due within 2 hours (not yet overdue). */
export function notificationsFor(items: readonly AwaitingItem[], coupangNow: number, told: Notified): { notices: Notice[]; told: Notified } {
  const knownNew = new Set(told.new);
  const knownDue = new Set(told.due);
  const fresh = items.filter((item) => !knownNew.has(item.inquiry.inquiryId));
  const dueSoon = items.filter(
    (item) => item.dueAt !== undefined && item.dueAt > coupangNow && item.dueAt - coupangNow <= DUE_SOON_MS && !knownDue.has(item.inquiry.inquiryId),
  );
  const notices: Notice[] = [
    ...(told.baseline ? fresh.slice(0, MAX_NOTIFICATIONS_PER_EVENT).map((item) => ({ event: 'new' as const, item })) : []),
    ...dueSoon.slice(0, MAX_NOTIFICATIONS_PER_EVENT).map((item) => ({ event: 'due' as const, item })),
  ];
  const remember = (list: string[], added: AwaitingItem[]) => [...list, ...added.map((item) => item.inquiry.inquiryId)].slice(-MAX_REMEMBERED);
  return { notices, told: { baseline: true, new: remember(told.new, fresh), due: remember(told.due, dueSoon) } };
}

/** `cs-lens-inbox:<event>:<inquiryId>`: one per inquiry per event, and what a click opens. */
export function notificationId(notice: Notice): string {
  return `cs-lens-inbox:${notice.event}:${notice.item.inquiry.inquiryId}`;
}

export function inquiryOfNotification(id: string): string | undefined {
  return /^cs-lens-inbox:(?:new|due):([1-9]\d{0,19})$/.exec(id)?.[1];
}

/** Title and text of one notification: the inquiry number, item and time left; never buyer data. */
export function notificationText(notice: Notice, coupangNow: number, t: Translate, locale: Locale): { title: string; message: string } {
  const { inquiry, need, dueAt } = notice.item;
  const title = t(notice.event === 'new' ? (need === 'confirm' ? 'notify.newConfirm' : 'notify.new') : 'notify.due');
  const item = inquiry.itemName ?? '';
  const message =
    dueAt === undefined
      ? t('notify.bodyUnknown', { id: inquiry.inquiryId, item })
      : t('notify.body', { id: inquiry.inquiryId, item, time: formatDuration(dueAt - coupangNow, locale) });
  return { title, message };
}
