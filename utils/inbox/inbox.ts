/**
 * "Awaiting you" (issue 18), pure core: the Korea-time list window, merging the NO_ANSWER and
 * TRANSFER lists, deadlines and their order, the toolbar badge, and the refresh schedule.
 * No browser calls here: the background wires it (not yet done, see docs/inbox.md).
 */
import type { Inquiry } from '../coupang/inquiry';
import { isAnswerRequest } from '../inquiry/replies';
import { isCode } from '../inquiry/status';

const DAY_MS = 24 * 60 * 60 * 1000;
const KST_OFFSET_MS = 9 * 60 * 60 * 1000; // Korea has no daylight saving time.
export const PAGE_SIZE = 30;
export const WINDOW_DAYS = 7;
export const DUE_RED_MS = 3 * 60 * 60 * 1000;

function kstDate(epochMs: number): string {
  return new Date(epochMs + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** inquiryStartAt / inquiryEndAt: today in Korea and the six Korean days before (7 days, both ends included). */
export function koreaWindow(coupangNow: number): { inquiryStartAt: string; inquiryEndAt: string } {
  return { inquiryStartAt: kstDate(coupangNow - (WINDOW_DAYS - 1) * DAY_MS), inquiryEndAt: kstDate(coupangNow) };
}

export interface Pagination {
  currentPage: number;
  totalPages: number;
}

/** The next page to ask for, or undefined when the last one was read (a bad or absent pagination ends the walk). */
export function nextPage(pagination: Pagination | undefined, maxPages = 20): number | undefined {
  if (!pagination || !Number.isInteger(pagination.currentPage) || !Number.isInteger(pagination.totalPages)) return undefined;
  const next = pagination.currentPage + 1;
  return next <= pagination.totalPages && next <= maxPages ? next : undefined;
}

export type Need = 'answer' | 'confirm';

export interface AwaitingItem {
  inquiry: Inquiry;
  need: Need;
  /** Epoch ms the 24 hours end, or undefined: "deadline unknown", never hidden. */
  dueAt?: number;
}

/** 24 h from the latest counsellor reply awaiting the seller, falling back to inquiryAt. */
export function dueAtOf(inquiry: Inquiry): number | undefined {
  let from: number | undefined;
  for (const reply of inquiry.replies) {
    if (reply.replyAt !== undefined && isAnswerRequest(reply) && (from === undefined || reply.replyAt > from)) from = reply.replyAt;
  }
  from ??= inquiry.inquiryAt;
  return from === undefined ? undefined : from + DAY_MS;
}

/** Both lists into one, each inquiry once (a TRANSFER listing wins: confirming is what is left), soonest deadline first, unknown last. */
export function mergeAwaiting(noAnswer: readonly Inquiry[], transfer: readonly Inquiry[]): AwaitingItem[] {
  const byId = new Map<string, AwaitingItem>();
  for (const inquiry of noAnswer) {
    if (isCode(inquiry.csPartnerCounselingStatus, 'answered')) continue;
    byId.set(inquiry.inquiryId, { inquiry, need: 'answer', dueAt: dueAtOf(inquiry) });
  }
  for (const inquiry of transfer) byId.set(inquiry.inquiryId, { inquiry, need: 'confirm', dueAt: dueAtOf(inquiry) });
  const key = (item: AwaitingItem) => item.dueAt ?? Number.MAX_SAFE_INTEGER;
  return [...byId.values()].sort((a, b) => key(a) - key(b) || a.inquiry.inquiryId.localeCompare(b.inquiry.inquiryId));
}

export interface Badge {
  text: string;
  colour: 'red' | 'neutral';
  /** Minutes to the nearest known deadline (negative: overdue), for the tooltip. */
  nextDueInMin?: number;
}

/** None when nothing waits; red when any is due within 3 h or overdue. */
export function badgeFor(items: readonly AwaitingItem[], coupangNow: number): Badge | undefined {
  if (items.length === 0) return undefined;
  const known = items.filter((item) => item.dueAt !== undefined).map((item) => item.dueAt! - coupangNow);
  const nearest = known.length ? Math.min(...known) : undefined;
  return {
    text: items.length > 999 ? '999+' : String(items.length),
    colour: nearest !== undefined && nearest <= DUE_RED_MS ? 'red' : 'neutral',
    nextDueInMin: nearest === undefined ? undefined : Math.floor(nearest / 60_000),
  };
}

export type RefreshReason = 'start' | 'periodic' | 'opened' | 'button';
export interface ScheduleState {
  lastRefreshAt?: number;
  inFlight: boolean;
}

export interface ScheduleInput {
  reason: RefreshReason;
  now: number;
  state: ScheduleState;
  /** Minutes between periodic refreshes, or 'off'. */
  everyMin: number | 'off';
  hasKeys: boolean;
  sample: boolean;
  /** Store paused by Coupang or keys held: nothing may be sent. */
  paused: boolean;
  /** X-CAG-Warnings seen recently: refreshes slow down. */
  warned: boolean;
}

export type Decision = { refresh: true } | { refresh: false; why: 'in-flight' | 'fresh' | 'no-keys' | 'sample' | 'paused' | 'off' };

/** Whether a refresh may start now. One in flight at a time: a burst of popup openings costs one refresh. */
export function shouldRefresh(input: ScheduleInput): Decision {
  if (!input.hasKeys) return { refresh: false, why: 'no-keys' };
  if (input.sample) return { refresh: false, why: 'sample' };
  if (input.paused) return { refresh: false, why: 'paused' };
  if (input.state.inFlight) return { refresh: false, why: 'in-flight' };
  const age = input.state.lastRefreshAt === undefined ? Infinity : Math.max(0, input.now - input.state.lastRefreshAt);
  const slow = input.warned ? 2 : 1;
  if (input.reason === 'periodic') {
    if (input.everyMin === 'off') return { refresh: false, why: 'off' };
    const every = Math.min(60, Math.max(5, input.everyMin)) * 60_000 * slow;
    return age >= every - 1000 ? { refresh: true } : { refresh: false, why: 'fresh' };
  }
  if (input.reason === 'opened') return age >= 60_000 * slow ? { refresh: true } : { refresh: false, why: 'fresh' };
  if (input.reason === 'button' && input.warned && age < 60_000) return { refresh: false, why: 'fresh' };
  return { refresh: true };
}

export type ListStatus = 'NO_ANSWER' | 'TRANSFER';

/** Path and query of one list page (docs/coupang-api.md#list); the query is signed as built here. */
export function listRequest(
  vendorId: string,
  status: ListStatus,
  window: { inquiryStartAt: string; inquiryEndAt: string },
  pageNum: number,
): { path: string; query: string } {
  if (!/^[A-Za-z0-9]+$/.test(vendorId)) throw new RangeError('not a vendor ID');
  if (!Number.isInteger(pageNum) || pageNum < 1) throw new RangeError('not a page number');
  const query = new URLSearchParams({
    vendorId,
    partnerCounselingStatus: status,
    inquiryStartAt: window.inquiryStartAt,
    inquiryEndAt: window.inquiryEndAt,
    pageNum: String(pageNum),
    pageSize: String(PAGE_SIZE),
  }).toString();
  return { path: `/v2/providers/openapi/apis/api/v5/vendors/${vendorId}/callCenterInquiries`, query };
}
