import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LookupError, Result } from '@/utils/coupang/error-kinds';
import type { Inquiry } from '@/utils/coupang/inquiry';
import type { InquiryListPage } from '@/utils/coupang/schema';
import type { ListStatus } from '@/utils/inbox/inbox';
import { createInboxService, type ListSource, type StoredInbox } from '@/utils/inbox/inbox-service';
import { createLookupService, type CachedLookup, type InquirySource } from '@/utils/lookup/lookup-service';
import { createRequestEconomy, type EconomyState } from '@/utils/lookup/request-economy';
import type { InboxView } from '@/utils/messaging';
import { SAMPLE_INQUIRIES } from '@/utils/samples/sample-inquiries';
import { lookupSample } from '@/utils/samples/sample-lookup';

const START = Date.UTC(2026, 11, 6, 1, 0, 0); // 10:00 in Korea
const HOUR = 3_600_000;

function inquiry(id: string, status: ListStatus, transferredHoursAgo: number): Inquiry {
  return {
    inquiryId: id,
    inquiryStatus: status === 'NO_ANSWER' ? 'progress' : 'complete',
    csPartnerCounselingStatus: 'requestAnswer',
    vendorItemIds: [],
    itemName: `item ${id}`,
    buyerPhone: '010-1234-5678',
    inquiryAt: START - (transferredHoursAgo + 1) * HOUR,
    replies: [{ answerType: 'csAgent', partnerTransferStatus: 'requestAnswer', needAnswer: true, replyAt: START - transferredHoursAgo * HOUR }],
    extra: {},
  };
}

/** Like storage.session: every call takes a turn of the event loop, values are copied. */
function asyncStore<T>(initial?: T) {
  let data: T | undefined = initial === undefined ? undefined : structuredClone(initial);
  const turn = () => new Promise<void>((resolve) => queueMicrotask(() => queueMicrotask(resolve)));
  return {
    get: async (): Promise<T | undefined> => (await turn(), data === undefined ? undefined : structuredClone(data)),
    set: async (value: T | null): Promise<void> => {
      await turn();
      data = value === null ? undefined : structuredClone(value);
    },
    peek: () => data,
  };
}

interface World {
  inbox: ReturnType<typeof asyncStore<StoredInbox>>;
  cache: ReturnType<typeof asyncStore<Record<string, CachedLookup>>>;
  economy: ReturnType<typeof asyncStore<EconomyState>>;
}
const newWorld = (): World => ({ inbox: asyncStore<StoredInbox>(), cache: asyncStore<Record<string, CachedLookup>>(), economy: asyncStore<EconomyState>() });

/** The awaiting inquiries the fake gateway lists, by status; pages of 30 like Coupang. */
function gateway(lists: Record<ListStatus, Inquiry[]>) {
  const calls: Array<{ status: ListStatus; pageNum: number; window: string }> = [];
  const lookups: string[] = [];
  let held: Promise<void> | undefined;
  let failWith: LookupError | undefined;
  let cagWarning = false;
  return {
    calls,
    lookups,
    lists,
    hold: (until: Promise<void> | undefined) => void (held = until),
    failWith: (error: LookupError | undefined) => void (failWith = error),
    warn: (on: boolean) => void (cagWarning = on),
    async listInquiries(status: ListStatus, window: { inquiryStartAt: string; inquiryEndAt: string }, pageNum: number): Promise<Result<{ page: InquiryListPage; cagWarning?: boolean }>> {
      calls.push({ status, pageNum, window: `${window.inquiryStartAt}..${window.inquiryEndAt}` });
      await held;
      if (failWith) return { ok: false, error: failWith };
      const all = lists[status];
      const totalPages = Math.ceil(all.length / 30);
      const page = { content: all.slice((pageNum - 1) * 30, pageNum * 30), pagination: { currentPage: pageNum, totalPages } };
      return { ok: true, value: { page, cagWarning } };
    },
    async getInquiry(id: string): Promise<Result<{ inquiry: Inquiry }>> {
      lookups.push(id);
      return { ok: true, value: { inquiry: inquiry(id, 'NO_ANSWER', 1) } };
    },
  };
}

function setup({
  world = newWorld(),
  lists = { NO_ANSWER: [inquiry('101', 'NO_ANSWER', 2), inquiry('102', 'NO_ANSWER', 22)], TRANSFER: [inquiry('201', 'TRANSFER', 10)] },
  sample = false,
  hasKeys = true,
  minutes = 10,
}: { world?: World; lists?: Record<ListStatus, Inquiry[]>; sample?: boolean; hasKeys?: boolean; minutes?: number } = {}) {
  const api = gateway(lists);
  let holdKey = 'A00012345@1';
  let keys = hasKeys;
  const source = (): ListSource & InquirySource => ({ vendorId: 'A00012345', storeKey: 'store-A', holdKey, listInquiries: api.listInquiries, getInquiry: api.getInquiry });
  const economy = createRequestEconomy({ store: world.economy, now: () => Date.now() });
  const lookups = createLookupService({
    source: async () => (keys ? { ok: true, value: source() } : { ok: false, error: { kind: 'no-credentials' } }),
    cache: world.cache,
    economy,
    now: () => Date.now(),
  });
  const views: InboxView[] = [];
  const inbox = createInboxService({
    source: async () => (keys ? { ok: true, value: source() } : { ok: false, error: { kind: 'no-credentials' } }),
    lookups,
    economy,
    now: () => Date.now(),
    clockOffsetMs: async () => 0,
    sampleMode: async () => sample,
    samples: (now) => SAMPLE_INQUIRIES.map((s) => lookupSample(s.id, now)).flatMap((r) => (r.ok ? [r.value.inquiry] : [])),
    intervalMinutes: async () => minutes,
    store: world.inbox,
    onChange: (view) => views.push(view),
  });
  return {
    api,
    inbox,
    lookups,
    economy,
    world,
    views,
    changeKeys: () => void (holdKey = `A00012345@${Date.now()}`),
    dropKeys: () => void (keys = false),
    flush: async () => {
      await vi.advanceTimersByTimeAsync(0);
      await inbox.flushed();
      await lookups.flushed();
      await economy.flushed();
    },
  };
}

/** Runs timers until the promise settles (the budget spaces requests out). */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  void promise.finally(() => (done = true));
  for (let step = 0; !done && step < 1_000; step++) await vi.advanceTimersByTimeAsync(10);
  return promise;
}

beforeEach(() => {
  vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('inbox service: a refresh', () => {
  it('costs 2 requests (one page of each list) over the 7 Korean days, merged soonest deadline first', async () => {
    const s = setup();
    const view = await settle(s.inbox.refresh('start'));
    expect(s.api.calls).toEqual([
      { status: 'NO_ANSWER', pageNum: 1, window: '2026-11-30..2026-12-06' },
      { status: 'TRANSFER', pageNum: 1, window: '2026-11-30..2026-12-06' },
    ]);
    expect(view.items.map((item) => [item.inquiry.inquiryId, item.need])).toEqual([
      ['102', 'answer'],
      ['201', 'confirm'],
      ['101', 'answer'],
    ]);
    expect(view.updatedAt).toBeGreaterThanOrEqual(START);
    expect(view).toMatchObject({ refreshing: false, badge: { text: '3', colour: 'red', nextDueInMin: 119 } });
    expect(view.problem).toBeUndefined();
  });

  it('walks every page: 35 awaiting replies cost 3 requests, none left out', async () => {
    const many = Array.from({ length: 35 }, (_, i) => inquiry(String(1000 + i), 'NO_ANSWER', i % 20));
    const s = setup({ lists: { NO_ANSWER: many, TRANSFER: [] } });
    const view = await settle(s.inbox.refresh('button'));
    expect(s.api.calls.map((call) => `${call.status}:${call.pageNum}`)).toEqual(['NO_ANSWER:1', 'NO_ANSWER:2', 'TRANSFER:1']);
    expect(view.items).toHaveLength(35);
    expect(view.badge?.text).toBe('35');
  });

  it('a burst of 10 popup openings costs one refresh', async () => {
    const s = setup();
    const views = await settle(Promise.all(Array.from({ length: 10 }, () => s.inbox.refresh('opened'))));
    expect(s.api.calls).toHaveLength(2);
    expect(views.every((view) => view.items.length === 3)).toBe(true);
    // ...and an opening within the minute after it costs nothing; the Refresh button always asks.
    await settle(s.inbox.refresh('opened'));
    expect(s.api.calls).toHaveLength(2);
    await settle(s.inbox.refresh('button'));
    expect(s.api.calls).toHaveLength(4);
  });

  it('view("opened") answers at once and starts the refresh; the end is broadcast', async () => {
    const s = setup();
    const first = await s.inbox.view('opened');
    expect(first.items).toEqual([]);
    await settle(s.inbox.view().then(() => vi.advanceTimersByTimeAsync(2_000)));
    expect(s.views.some((view) => view.refreshing)).toBe(true);
    expect(s.views.at(-1)).toMatchObject({ refreshing: false, updatedAt: expect.any(Number) });
    expect(s.views.at(-1)?.items).toHaveLength(3);
  });

  it('a view("opened") or Refresh that sends nothing (fresh, paused) still tells the pages it is not refreshing', async () => {
    const s = setup();
    await settle(s.inbox.refresh('start'));
    const ended = async (answered: InboxView) => {
      const heard = s.views.length;
      await settle(s.inbox.view().then(() => vi.advanceTimersByTimeAsync(2_000)));
      // What a page shows last: the answer, or a broadcast after it.
      return (s.views.length > heard ? s.views.at(-1)! : answered).refreshing;
    };
    expect(await ended(await s.inbox.view('opened'))).toBe(false); // within the minute: fresh, nothing sent
    s.api.failWith({ kind: 'rate-limited', status: 429 });
    await settle(s.inbox.refresh('button')); // meets the 429: the store is paused
    const sent = s.api.calls.length;
    expect(await ended(await s.inbox.view('button'))).toBe(false);
    expect(await ended(await s.inbox.view('button'))).toBe(false); // the same pause again
    expect(s.api.calls).toHaveLength(sent);
  });

  it('periodic: every 10 minutes by default, never when off', async () => {
    const s = setup();
    await settle(s.inbox.refresh('periodic'));
    expect(s.api.calls).toHaveLength(2);
    vi.setSystemTime(START + 5 * 60_000);
    await settle(s.inbox.refresh('periodic'));
    expect(s.api.calls).toHaveLength(2);
    vi.setSystemTime(START + 10 * 60_000);
    await settle(s.inbox.refresh('periodic'));
    expect(s.api.calls).toHaveLength(4);

    const off = setup({ minutes: 0 });
    const view = await settle(off.inbox.refresh('periodic'));
    expect(off.api.calls).toEqual([]);
    expect(view.off).toBe(true);
  });

  it('fills the lookup cache: a listed inquiry opens with no lookup request', async () => {
    const s = setup();
    await settle(s.inbox.refresh('start'));
    const opened = await settle(s.lookups.lookup('201'));
    expect(opened).toMatchObject({ ok: true, value: { fromCache: true, inquiry: { itemName: 'item 201' } } });
    expect(s.api.lookups).toEqual([]);
  });
});

describe('inbox service: economy first', () => {
  it('while the store is paused (429), nothing is sent; the last good list stays, with why', async () => {
    const s = setup();
    const { updatedAt } = await settle(s.inbox.refresh('start'));
    // Coupang says 429 to a lookup: the breaker opens.
    s.economy.settle('store-A', 'A00012345@1', { kind: 'rate-limited', status: 429, retryAfter: '600' }, false, false, Date.now());
    vi.setSystemTime(START + 2 * 60_000);
    const view = await settle(s.inbox.refresh('button'));
    expect(s.api.calls).toHaveLength(2);
    expect(view.items).toHaveLength(3);
    expect(view.updatedAt).toBe(updatedAt);
    expect(view.problem).toMatchObject({ kind: 'rate-limited', resumesAt: expect.any(Number) });
    expect(s.views.at(-1)?.problem?.kind).toBe('rate-limited');
  });

  it('held keys: nothing is sent', async () => {
    const s = setup();
    s.economy.settle('store-A', 'A00012345@1', { kind: 'ip-not-allowed', status: 403 }, false, false, Date.now());
    const view = await settle(s.inbox.refresh('button'));
    expect(s.api.calls).toEqual([]);
    expect(view.problem).toMatchObject({ kind: 'ip-not-allowed', held: true });
  });

  it('a 429 on the first page stops the refresh there: 1 request, and the breaker pauses the rest', async () => {
    const s = setup();
    s.api.failWith({ kind: 'rate-limited', status: 429, retryAfter: '60' });
    const view = await settle(s.inbox.refresh('start'));
    expect(s.api.calls).toHaveLength(1);
    expect(view.problem).toMatchObject({ kind: 'rate-limited', resumesAt: expect.any(Number) });
    s.api.failWith(undefined);
    await settle(s.inbox.refresh('button'));
    expect(s.api.calls).toHaveLength(1);
  });

  it('X-CAG-Warnings on a list answer: periodic refreshes come half as often for the next hour', async () => {
    const s = setup();
    s.api.warn(true);
    await settle(s.inbox.refresh('start'));
    s.api.warn(false);
    vi.setSystemTime(START + 10 * 60_000);
    await settle(s.inbox.refresh('periodic'));
    expect(s.api.calls).toHaveLength(2);
    vi.setSystemTime(START + 20 * 60_000);
    await settle(s.inbox.refresh('periodic'));
    expect(s.api.calls).toHaveLength(4);
    vi.setSystemTime(START + 30 * 60_000); // no warning since: still within the hour of the first
    await settle(s.inbox.refresh('periodic'));
    expect(s.api.calls).toHaveLength(4);
    vi.setSystemTime(START + 70 * 60_000);
    await settle(s.inbox.refresh('periodic'));
    expect(s.api.calls).toHaveLength(6);
  });

  it('without keys or in sample mode nothing is sent; sample mode lists the bundled samples', async () => {
    const none = setup({ hasKeys: false });
    expect(await settle(none.inbox.refresh('button'))).toMatchObject({ items: [], problem: { kind: 'no-credentials' } });
    expect(none.api.calls).toEqual([]);

    const sample = setup({ sample: true });
    const view = await settle(sample.inbox.refresh('button'));
    expect(sample.api.calls).toEqual([]);
    expect(view.sample).toBe(true);
    expect(view.items.length).toBeGreaterThan(0);
    expect(view.items.every((item) => item.inquiry.inquiryId.startsWith('700000000'))).toBe(true);
  });
});

describe('inbox service: keys and workers', () => {
  it('keys changed mid-refresh: its results are dropped and the state cleared', async () => {
    const s = setup();
    let release!: () => void;
    s.api.hold(new Promise<void>((resolve) => (release = resolve)));
    const refreshing = s.inbox.refresh('start');
    await vi.advanceTimersByTimeAsync(10);
    expect(s.api.calls).toHaveLength(1);
    s.changeKeys();
    await s.lookups.clear();
    await s.inbox.clear();
    release();
    s.api.hold(undefined);
    await settle(refreshing);
    await s.flush();
    expect((await s.inbox.view()).items).toEqual([]);
    expect(s.world.inbox.peek()).toBeUndefined();
    const opened = await settle(s.lookups.lookup('101'));
    expect(opened.ok && opened.value.fromCache).toBe(false); // nothing primed from the old keys' list
  });

  it('the list survives a cold worker (storage.session), times clamped to a clock set back', async () => {
    const world = newWorld();
    const first = setup({ world });
    await settle(first.inbox.refresh('start'));
    await first.flush();
    const cold = setup({ world });
    const view = await cold.inbox.view();
    expect(view.items.map((item) => item.inquiry.inquiryId)).toEqual(['102', '201', '101']);
    expect(view.updatedAt).toBe(world.inbox.peek()?.updatedAt);
    expect(view.updatedAt).toBeGreaterThanOrEqual(START);
    // An opening within the minute costs nothing, also for the new worker.
    await settle(cold.inbox.refresh('opened'));
    expect(cold.api.calls).toEqual([]);

    vi.setSystemTime(START - HOUR);
    const setBack = setup({ world });
    expect((await setBack.inbox.view()).updatedAt).toBe(START - HOUR);
  });

  it('a list stored with other keys is never shown', async () => {
    const world = newWorld();
    const first = setup({ world });
    await settle(first.inbox.refresh('start'));
    await first.flush();
    const other = setup({ world });
    other.changeKeys();
    expect((await other.inbox.view()).items).toEqual([]);
  });

  it('an unreadable stored state starts empty', async () => {
    const world = newWorld();
    await world.inbox.set({ items: 'garbage' } as unknown as StoredInbox);
    const s = setup({ world });
    expect((await s.inbox.view()).items).toEqual([]);
  });
});

describe('inbox service: bounded waits', () => {
  it('a refresh stuck for 3 minutes is given up: the next caller starts a new one, the stuck one\'s results are dropped', async () => {
    const s = setup();
    let release!: () => void;
    s.api.hold(new Promise<void>((resolve) => (release = resolve)));
    void s.inbox.refresh('start');
    await vi.advanceTimersByTimeAsync(10);
    expect(s.api.calls).toHaveLength(1);
    // Within the bound, callers share it.
    void s.inbox.refresh('button');
    await vi.advanceTimersByTimeAsync(10);
    expect(s.api.calls).toHaveLength(1);
    vi.setSystemTime(Date.now() + 3 * 60_000);
    s.api.lists.NO_ANSWER = [inquiry('301', 'NO_ANSWER', 1)];
    s.api.hold(undefined);
    let done = false;
    const fresh = s.inbox.refresh('button').then((view) => ((done = true), view));
    for (let step = 0; !done && step < 300; step++) await vi.advanceTimersByTimeAsync(10);
    expect(done, 'a new refresh ran past the stuck one').toBe(true);
    expect((await fresh).items.map((item) => item.inquiry.inquiryId)).toEqual(['201', '301']);
    // The stuck one answers at last, with a list that must not replace the newer one.
    s.api.lists.NO_ANSWER = [inquiry('999', 'NO_ANSWER', 1)];
    release();
    for (let step = 0; step < 300; step++) await vi.advanceTimersByTimeAsync(10);
    await s.flush();
    expect((await s.inbox.view()).items.map((item) => item.inquiry.inquiryId)).toEqual(['201', '301']);
  });
});
