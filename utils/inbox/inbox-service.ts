import { z } from 'zod/mini';
import type { LookupError, Result } from '../coupang/error-kinds';
import type { Inquiry } from '../coupang/inquiry';
import type { InquiryListPage } from '../coupang/schema';
import type { LookupService } from '../lookup/lookup-service';
import type { RequestEconomy } from '../lookup/request-economy';
import type { InboxView } from '../messaging';
import { badgeFor, koreaWindow, mergeAwaiting, nextPage, shouldRefresh, type AwaitingItem, type ListStatus, type RefreshReason } from './inbox';

/**
 * "Awaiting you" in the background (docs/inbox.md): refreshes the NO_ANSWER and TRANSFER lists through the
 * lookups' queue, budget and breaker, keeps the result in memory and storage.session only (buyer data), fills the
 * lookup cache, and tells its listeners when the view changes. No browser calls: the background wires it.
 */

/** What the service needs of the API client (utils/coupang/client.ts via the client provider). */
export interface ListSource {
  vendorId: string;
  /** Names this store's breaker and budget without the vendor ID (utils/background/client-provider.ts). */
  storeKey: string;
  holdKey: string;
  listInquiries(
    status: ListStatus,
    window: { inquiryStartAt: string; inquiryEndAt: string },
    pageNum: number,
  ): Promise<Result<{ page: InquiryListPage; cagWarning?: boolean }>>;
}

/** Where the state outlives a worker: storage.session in the extension, never storage.local. */
export interface InboxStore {
  get(): Promise<unknown>;
  set(value: StoredInbox | null): Promise<void>;
}

export interface InboxServiceOptions {
  source: () => Promise<Result<ListSource>>;
  lookups: Pick<LookupService, 'onBudget' | 'prime' | 'keysGeneration'>;
  economy: Pick<RequestEconomy, 'ready' | 'refuse' | 'report'>;
  /** This computer's clock. */
  now: () => number;
  /** Coupang's clock minus this computer's: windows and deadlines are read on Coupang's clock. */
  clockOffsetMs: () => Promise<number>;
  sampleMode: () => Promise<boolean>;
  /** The sample inquiries as of `now` (sample mode: a list with nothing asked of Coupang). */
  samples: (now: number) => Inquiry[];
  /** Settings: minutes between periodic refreshes, 0 = off. */
  intervalMinutes: () => Promise<number>;
  store: InboxStore;
  /** The view changed (a refresh started or ended, keys cleared): badge, notifications, broadcast. */
  onChange?: (view: InboxView) => void;
}

export interface StoredInbox {
  items: AwaitingItem[];
  updatedAt?: number;
  /** When the last refresh was started (a failed one too): 'opened' does not retry a failure every second. */
  attemptedAt?: number;
  problem?: LookupError;
  /** The credentials the items were fetched with: other keys never see them. */
  holdKey?: string;
  /** When a list answer last carried X-CAG-Warnings: refreshes come half as often for WARNED_FOR_MS after. */
  warnedAt?: number;
}

/** How long one X-CAG-Warnings header slows the inbox's refreshes down (the economy's own slow-down is 5 min). */
export const WARNED_FOR_MS = 60 * 60_000;

/**
 * A refresh still unfinished after this long (a worker that lost its timers, a wait that never ended) is given up:
 * its results are dropped as after a key change, and the next caller starts a new one. Far above a normal refresh
 * (a few pages at the budget's pace, each request bounded by the client's 10 s timeout).
 */
export const STUCK_AFTER_MS = 3 * 60_000;

const storedSchema = z.object({
  items: z.array(
    z.object({
      inquiry: z.looseObject({ inquiryId: z.string(), replies: z.array(z.unknown()), vendorItemIds: z.array(z.string()), extra: z.record(z.string(), z.unknown()) }),
      need: z.enum(['answer', 'confirm']),
      dueAt: z.optional(z.number()),
    }),
  ),
  updatedAt: z.optional(z.number()),
  attemptedAt: z.optional(z.number()),
  problem: z.optional(z.looseObject({ kind: z.string() })),
  holdKey: z.optional(z.string()),
  warnedAt: z.optional(z.number()),
});

const EMPTY: StoredInbox = { items: [] };

const sameProblem = (a: LookupError | undefined, b: LookupError | undefined) =>
  a?.kind === b?.kind && a?.resumesAt === b?.resumesAt && a?.held === b?.held;

/** Sample inquiries sorted into the two lists as Coupang would (docs/coupang-api.md#list). */
export function sampleAwaiting(samples: readonly Inquiry[]): AwaitingItem[] {
  const waiting = samples.filter((inquiry) => inquiry.csPartnerCounselingStatus === 'requestAnswer');
  return mergeAwaiting(
    waiting.filter((inquiry) => inquiry.inquiryStatus !== 'complete'),
    waiting.filter((inquiry) => inquiry.inquiryStatus === 'complete'),
  );
}

export function createInboxService(options: InboxServiceOptions) {
  const { now } = options;
  let state: StoredInbox = EMPTY;
  /** Bumped when the keys change: a refresh that started before is dropped. */
  let generation = 0;
  let inFlight: Promise<InboxView> | undefined;
  /** When the refresh in flight began (this computer's clock): one stuck past STUCK_AFTER_MS is given up. */
  let inFlightSince = 0;
  let writes: Promise<void> = Promise.resolve();

  const ready = options.store.get().then(
    (raw) => {
      const parsed = storedSchema.safeParse(raw);
      if (!parsed.success) return;
      // Stored times come from a clock that may have jumped since: never in the future.
      const clamp = (at: number | undefined) => (at === undefined ? undefined : Math.min(at, now()));
      state = {
        ...(parsed.data as unknown as StoredInbox),
        updatedAt: clamp(parsed.data.updatedAt),
        attemptedAt: clamp(parsed.data.attemptedAt),
        warnedAt: clamp(parsed.data.warnedAt),
      };
    },
    () => undefined, // unreadable: start empty, the next refresh fills it
  );

  function save(next: StoredInbox): void {
    state = next;
    const snapshot = next;
    writes = writes.then(() => options.store.set(snapshot)).catch(() => undefined);
  }

  async function view(): Promise<InboxView> {
    await ready;
    const [sample, minutes, offset] = await Promise.all([options.sampleMode(), options.intervalMinutes(), options.clockOffsetMs()]);
    const coupangNow = now() + offset;
    const off = minutes === 0 ? { off: true } : {};
    const clock = offset !== 0 ? { clockOffsetMs: offset } : {};
    if (sample) {
      const items = sampleAwaiting(options.samples(now()));
      return { items, updatedAt: now(), refreshing: false, sample: true, badge: badgeFor(items, now()), ...off };
    }
    const source = await options.source();
    if (!source.ok) return { items: [], refreshing: false, problem: source.error, ...off };
    if (state.holdKey !== undefined && state.holdKey !== source.value.holdKey) save(EMPTY); // keys changed while the worker slept
    return {
      items: state.items,
      updatedAt: state.updatedAt,
      refreshing: inFlight !== undefined,
      problem: state.problem,
      badge: badgeFor(state.items, coupangNow),
      ...off,
      ...clock,
    };
  }

  async function changed(): Promise<InboxView> {
    const current = await view();
    options.onChange?.(current);
    return current;
  }

  /** One page through the lookups' queue: the budget, the one-probe rule and the breaker decide when it goes. */
  async function fetchPage(source: ListSource, status: ListStatus, window: { inquiryStartAt: string; inquiryEndAt: string }, pageNum: number) {
    let page: InquiryListPage | undefined;
    const sent = await options.lookups.onBudget(source, async () => {
      const answer = await source.listInquiries(status, window, pageNum);
      if (answer.ok ? answer.value.cagWarning : answer.error.cagWarning) save({ ...state, warnedAt: now() });
      if (!answer.ok) return answer;
      page = answer.value.page;
      return { ok: true, value: { cagWarning: answer.value.cagWarning } };
    });
    return sent.ok && page ? { ok: true as const, page } : { ok: false as const, error: sent.ok ? { kind: 'extension-error' as const } : sent.error };
  }

  async function run(source: ListSource, asOf: number): Promise<void> {
    const startedAt = now();
    const kept = state.holdKey === undefined || state.holdKey === source.holdKey ? state : EMPTY; // never another key's list
    save({ ...kept, attemptedAt: startedAt, holdKey: source.holdKey });
    const window = koreaWindow(startedAt + (await options.clockOffsetMs()));
    const lookupsGeneration = options.lookups.keysGeneration();
    const lists: Record<ListStatus, Inquiry[]> = { NO_ANSWER: [], TRANSFER: [] };
    for (const status of ['NO_ANSWER', 'TRANSFER'] as const) {
      for (let pageNum: number | undefined = 1; pageNum !== undefined; ) {
        const fetched = await fetchPage(source, status, window, pageNum);
        if (asOf !== generation) return; // the keys changed meanwhile: this refresh's results are dropped
        // The last good list stays, with its age and why this refresh failed.
        if (!fetched.ok) return save({ ...state, problem: fetched.error });
        lists[status].push(...fetched.page.content);
        pageNum = nextPage(fetched.page.pagination);
      }
    }
    const fetchedAt = now();
    await options.lookups.prime([...lists.NO_ANSWER, ...lists.TRANSFER], fetchedAt, lookupsGeneration);
    if (asOf !== generation) return;
    save({ ...state, items: mergeAwaiting(lists.NO_ANSWER, lists.TRANSFER), updatedAt: fetchedAt, problem: undefined });
  }

  const service = {
    ready,

    /** The view now; with `refresh`, a refresh is started first when the schedule allows (its end is broadcast). */
    async view(refresh?: 'opened' | 'button'): Promise<InboxView> {
      if (refresh) void service.refresh(refresh);
      return view();
    },

    /**
     * Refreshes when the schedule allows (utils/inbox/inbox.ts shouldRefresh): never two at once (a burst of
     * openings shares one), never without keys, in sample mode, or while the store is paused or the keys held.
     */
    refresh(reason: RefreshReason): Promise<InboxView> {
      if (inFlight) {
        const age = now() - inFlightSince;
        if (age >= 0 && age < STUCK_AFTER_MS) return inFlight;
        generation += 1; // stuck, or the clock jumped back past its start: drop it and start afresh
        inFlight = undefined;
      }
      const starting = (async (): Promise<InboxView> => {
        await Promise.all([ready, options.economy.ready]);
        const asOf = generation;
        const [source, sample, minutes] = await Promise.all([options.source(), options.sampleMode(), options.intervalMinutes()]);
        const at = now();
        const refused = source.ok ? options.economy.refuse(source.value.storeKey, source.value.holdKey, at) : undefined;
        const decision = shouldRefresh({
          reason,
          now: at,
          state: { lastRefreshAt: state.attemptedAt ?? state.updatedAt, inFlight: false },
          everyMin: minutes === 0 ? 'off' : minutes,
          hasKeys: source.ok,
          sample,
          paused: refused !== undefined,
          warned:
            source.ok &&
            ((state.warnedAt !== undefined && at - state.warnedAt < WARNED_FOR_MS) ||
              options.economy.report(source.value.storeKey, source.value.holdKey, at).slowedDown),
        });
        if (!decision.refresh || !source.ok) {
          // Paused or held: nothing is sent; the list keeps its last good state and says why.
          if (decision.refresh === false && decision.why === 'paused' && asOf === generation && !sameProblem(state.problem, refused)) {
            save({ ...state, problem: refused });
          }
          return view();
        }
        options.onChange?.(await view()); // "refreshing"
        await run(source.value, asOf);
        return view();
      })();
      // Callers and listeners get the view once `refreshing` is false again: always, since view() says "refreshing"
      // from here on, also while the schedule decides to send nothing (fresh, paused), and a page waits for the end.
      const done: Promise<InboxView> = starting
        .finally(() => {
          if (inFlight === done) inFlight = undefined;
        })
        .then(() => changed());
      inFlight = done;
      inFlightSince = now();
      return done;
    },

    /** The keys changed or were cleared: a refresh in flight is dropped, the list and its problem forgotten. */
    async clear(): Promise<void> {
      generation += 1;
      inFlight = undefined;
      await ready;
      state = EMPTY;
      writes = writes.then(() => options.store.set(null)).catch(() => undefined);
      await writes;
      await changed();
    },

    /** Resolves once every state write so far is done (tests). */
    flushed: () => writes,
  };
  return service;
}

export type InboxService = ReturnType<typeof createInboxService>;
