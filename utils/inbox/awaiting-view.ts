/**
 * The "Awaiting you" list as the popup and side panel show it (docs/inbox.md#the-list): each row's time left,
 * the order, and the lookup value a selected row opens with, no request sent. Pure: the clock comes in.
 */
import type { LookupValue } from '../messaging';
import { DUE_RED_MS, type AwaitingItem } from './inbox';

/** What the list needs of the background's answer to `get-inbox`. */
export interface InboxListState {
  items: AwaitingItem[];
  /** When the items left Coupang (epoch ms); absent before the first refresh succeeded. */
  updatedAt?: number;
  sample?: boolean;
  /** Coupang's clock minus this computer's (ms), when the background knows it (docs/coupang-api.md#deadline). */
  clockOffsetMs?: number;
}

export type Urgency = 'overdue' | 'soon' | 'later' | 'unknown';

export interface TimeLeft {
  urgency: Urgency;
  /** dueAt − now (ms); negative once overdue. Absent when the deadline is unknown. */
  msLeft?: number;
}

/** Overdue, due within 3 hours (the badge turns red then too), later, or unknown: never hidden. */
export function timeLeft(item: AwaitingItem, coupangNow: number): TimeLeft {
  if (item.dueAt === undefined) return { urgency: 'unknown' };
  const msLeft = item.dueAt - coupangNow;
  return { urgency: msLeft <= 0 ? 'overdue' : msLeft <= DUE_RED_MS ? 'soon' : 'later', msLeft };
}

/** Soonest deadline first, unknown deadlines last, ties by number: the view does not trust the order it is given. */
export function inDeadlineOrder(items: readonly AwaitingItem[]): AwaitingItem[] {
  const key = (item: AwaitingItem) => item.dueAt ?? Number.POSITIVE_INFINITY;
  return [...items].sort((a, b) => {
    const byDue = key(a) - key(b);
    return (Number.isNaN(byDue) ? 0 : byDue) || a.inquiry.inquiryId.localeCompare(b.inquiry.inquiryId);
  });
}

/**
 * A listed inquiry as the details view takes it: what the list already brought, dated when the list left
 * Coupang, so "Fetched 3 min ago" stays true and nothing is asked again.
 */
export function lookupValueOf(item: AwaitingItem, state: InboxListState, localNow: number): LookupValue {
  return {
    inquiry: item.inquiry,
    fetchedAt: state.updatedAt ?? localNow,
    fromCache: true,
    ...(state.sample ? { sample: true } : {}),
    ...(state.clockOffsetMs !== undefined ? { clockOffsetMs: state.clockOffsetMs } : {}),
  };
}
