import { z } from 'zod/mini';
import type { LookupError, Result } from '../coupang/error-kinds';
import type { Inquiry } from '../coupang/inquiry';
import { isInquiryId } from '../coupang/inquiry-id';
import type { LookupValue } from '../messaging';
import type { RequestEconomy } from './request-economy';
import { logFailure } from '../log';

/** What the service needs from the API client (client.ts), so tests can inject a fake. */
export interface InquirySource {
  /** Names the store the credentials belong to, never the vendor ID itself: the breaker is per store (utils/background/store-key.ts). */
  storeKey: string;
  /** Names these credentials without revealing them (changes whenever the keys are saved): holds are per credentials. */
  holdKey: string;
  getInquiry(id: string, options: { signal: AbortSignal }): Promise<Result<{ inquiry: Inquiry; serverDate?: number; cagWarning?: boolean }>>;
}

/** A remembered answer: the inquiry, or a failure that would come back the same (not found, other store). */
export type CachedLookup = { fetchedAt: number; inquiry: Inquiry } | { fetchedAt: number; error: LookupError };

/** Where the cache lives across worker restarts (storage.session in the extension); read once, then written behind. */
export interface CacheStore {
  get(): Promise<unknown>;
  set(value: Record<string, CachedLookup>): Promise<void>;
}

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LookupServiceOptions {
  /** Resolves the API client, or a typed error (e.g. no credentials saved). */
  source: () => Promise<Result<InquirySource>>;
  cache: CacheStore;
  economy: RequestEconomy;
  now: () => number;
  /** [0, 1): the retry's jitter. */
  random?: () => number;
  timers?: Timers;
  /**
   * How long a fetched inquiry (or a remembered failure) is kept: served without asking Coupang again, then
   * dropped from memory and from the store (docs/request-economy.md#cache).
   */
  freshForMs?: number;
  maxEntries?: number;
  /**
   * Asks to be woken at `at` (epoch ms) to drop what expires then, should this worker be gone by then
   * (browser.alarms in the extension; call `expire()` when it rings). While the worker lives, its own timer does it.
   */
  wakeAt?: (at: number) => void;
}

export interface LookupRequest {
  /** Skip the cache; never the budget, the breaker or a hold. */
  refresh?: boolean;
  /** The asker stopped waiting: its promise resolves 'aborted'; the request is dropped once no asker is left. */
  signal?: AbortSignal;
  /** The seller pressed Retry on held credentials: lift the hold for this try. */
  retry?: boolean;
  /**
   * Who asks (a tab, the popup, the side panel): only a lookup that replaces one the same asker dropped settles
   * first; another tab's lookup at the same moment goes at once. Unnamed askers count as one.
   */
  asker?: string;
}

export const FRESH_FOR_MS = 5 * 60_000;
const MAX_ENTRIES = 200;
/** Answers that would be the same next time: remembered like inquiries (docs/request-economy.md#failures). */
const CACHED_FAILURES: ReadonlySet<LookupError['kind']> = new Set(['not-found', 'other-vendor']);
/** Failures worth one more try (docs/request-economy.md#retries): no answer at all, or a gateway hiccup. */
const RETRIED_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);
export const RETRY_MIN_MS = 1_000;
export const RETRY_SPREAD_MS = 2_000;
const PROBE_RECHECK_MS = 1_000;
/**
 * A lookup that replaces one its asker just dropped (the seller is still typing or moving on) waits this long
 * before it joins the queue: replaced again meanwhile, it is dropped unsent (docs/request-economy.md#askers).
 */
export const REPLACE_SETTLE_MS = 300;
/** Askers whose last drop is remembered (tabs come and go): the oldest is forgotten first. */
const MAX_ASKERS = 50;

function retryable(error: LookupError): boolean {
  return error.kind === 'network' || (error.status !== undefined && RETRIED_STATUSES.has(error.status));
}

const cachedSchema = z.record(
  z.string(),
  z.union([
    z.object({ fetchedAt: z.number(), inquiry: z.looseObject({ inquiryId: z.string() }) }),
    z.object({ fetchedAt: z.number(), error: z.looseObject({ kind: z.string() }) }),
  ]),
);

interface Waiter {
  resolve: (result: Result<LookupValue>) => void;
  asker: string;
  /** The asker's signal: carried over when the keys change and the lookup is asked again. */
  signal?: AbortSignal;
}

interface Job {
  id: string;
  source: InquirySource;
  generation: number;
  waiters: Set<Waiter>;
  controller: AbortController;
  phase: 'queued' | 'sending' | 'retry-wait' | 'done';
  attempts: number;
  /** Sent again once already after its answer corrected the clock (docs/request-economy.md#clock). */
  resigned?: boolean;
}

/** A request that is not a lookup (the connection test) waiting for its turn in the same queue. */
interface Ticket {
  kind: 'ticket';
  source: { storeKey: string };
  grant: (turn: { asProbe: boolean } | { error: LookupError }) => void;
}

const aborted = (): Result<LookupValue> => ({ ok: false, error: { kind: 'aborted' } });

/**
 * One lookup path for every caller (docs/request-economy.md): the cache first (answers and lasting
 * failures), then holds and the breaker, then one queue under the shared budget. Simultaneous lookups of
 * one ID share one request; a request nobody waits for any more is dropped before it is sent, or aborted
 * while it is out.
 */
export function createLookupService(options: LookupServiceOptions) {
  const freshForMs = options.freshForMs ?? FRESH_FOR_MS;
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const random = options.random ?? Math.random;
  const timers: Timers = options.timers ?? { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as number) };
  const { economy } = options;

  /** Bumped when the keys change: an answer fetched with older keys is never cached. */
  let generation = 0;
  const memory = new Map<string, CachedLookup>();
  const loaded = options.cache.get().then(
    (raw) => {
      const parsed = cachedSchema.safeParse(raw ?? {});
      if (parsed.success) for (const [id, entry] of Object.entries(parsed.data)) memory.set(id, entry as CachedLookup);
      dropExpired(options.now()); // a worker woken after the promised age drops what an earlier one kept
    },
    (error: unknown) => logFailure('lookup cache: read', error),
  );
  let writes: Promise<void> = Promise.resolve();
  const jobs = new Map<string, Job>();
  const queue: Array<Job | Ticket> = [];
  let pumpTimer: unknown;
  /** When each asker last dropped a lookup not yet answered; read against a clock that may jump. */
  const droppedAt = new Map<string, number>();

  let expiryTimer: unknown;
  /** When the earliest entry expires, as last handed to the timer and `wakeAt` (undefined: nothing kept). */
  let expiresAt: number | undefined;

  function persist(): void {
    const snapshot = Object.fromEntries(memory);
    // A failed write leaves the store as it was; the next change writes the whole cache again.
    writes = writes.then(() => options.cache.set(snapshot)).catch((error: unknown) => logFailure('lookup cache: write', error));
  }

  /** Past its age, or dated in the future (the clock was set back: its age is unknown, so it is not kept). */
  const isExpired = (entry: CachedLookup, now: number) => entry.fetchedAt > now || now - entry.fetchedAt >= freshForMs;

  /**
   * Drops every expired entry from memory and the store, then sets the timer (and the wake-up) for the next
   * one to expire: buyer data is kept no longer than promised, even if no lookup comes (docs/request-economy.md#cache).
   */
  function dropExpired(now: number): void {
    let dropped = false;
    for (const [id, entry] of memory) {
      if (isExpired(entry, now)) {
        memory.delete(id);
        dropped = true;
      }
    }
    if (dropped) persist();
    const next = memory.size === 0 ? undefined : Math.min(...[...memory.values()].map((entry) => entry.fetchedAt + freshForMs));
    if (next === expiresAt) return;
    expiresAt = next;
    if (expiryTimer !== undefined) timers.clearTimeout(expiryTimer);
    expiryTimer = undefined;
    if (next === undefined) return;
    expiryTimer = timers.setTimeout(() => {
      expiryTimer = undefined;
      expiresAt = undefined;
      dropExpired(options.now());
    }, Math.max(0, next - now));
    options.wakeAt?.(next);
  }

  function remember(id: string, entry: CachedLookup): void {
    memory.delete(id);
    memory.set(id, entry);
    const oldestFirst = [...memory].sort(([, a], [, b]) => a.fetchedAt - b.fetchedAt);
    for (const [old] of oldestFirst.slice(0, Math.max(0, memory.size - maxEntries))) memory.delete(old);
    persist();
    dropExpired(options.now());
  }

  function fromCache(entry: CachedLookup): Result<LookupValue> {
    return 'inquiry' in entry
      ? { ok: true, value: { inquiry: entry.inquiry, fetchedAt: entry.fetchedAt, fromCache: true } }
      : { ok: false, error: { ...entry.error, fetchedAt: entry.fetchedAt } as LookupError };
  }

  /** A cached inquiry served while the store is paused says until when, so the surface can count down. */
  function whilePaused(result: Result<LookupValue>, storeKey: string | undefined): Result<LookupValue> {
    if (!result.ok || storeKey === undefined) return result;
    const paused = economy.paused(storeKey, options.now());
    return paused?.resumesAt === undefined ? result : { ok: true, value: { ...result.value, pausedUntil: paused.resumesAt } };
  }

  function finish(job: Job, result: Result<LookupValue>): void {
    job.phase = 'done';
    if (jobs.get(job.id) === job) jobs.delete(job.id);
    for (const waiter of job.waiters) waiter.resolve(result);
    job.waiters.clear();
  }

  /** The last asker left: a queued request is never sent; one that is out is aborted. */
  function abandon(job: Job): void {
    if (jobs.get(job.id) === job) jobs.delete(job.id);
    const queued = queue.indexOf(job);
    if (queued >= 0) queue.splice(queued, 1);
    job.controller.abort();
    job.phase = 'done';
  }

  function join(job: Job, signal: AbortSignal | undefined, asker: string): Promise<Result<LookupValue>> {
    return new Promise((resolve) => {
      const waiter: Waiter = { resolve, signal, asker };
      job.waiters.add(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          if (!job.waiters.delete(waiter)) return;
          droppedAt.set(asker, options.now());
          if (droppedAt.size > MAX_ASKERS) droppedAt.delete(droppedAt.keys().next().value!);
          resolve(aborted());
          if (job.waiters.size === 0 && job.phase !== 'done') abandon(job);
        },
        { once: true },
      );
    });
  }

  function schedulePump(delayMs = 0): void {
    if (pumpTimer !== undefined) timers.clearTimeout(pumpTimer);
    pumpTimer = timers.setTimeout(pump, delayMs);
  }

  function pump(): void {
    pumpTimer = undefined;
    for (;;) {
      const job = queue[0];
      if (!job) return;
      const now = options.now();
      const slot = economy.slot(job.source.storeKey, now);
      // The probe's answer pumps again; the timer only matters for a probe lost with an earlier worker.
      if (slot.verdict === 'wait') return schedulePump(PROBE_RECHECK_MS);
      if (slot.verdict === 'paused') {
        queue.shift();
        if ('kind' in job) job.grant({ error: slot.error });
        else finish(job, { ok: false, error: slot.error });
        continue;
      }
      if (slot.at > now) return schedulePump(slot.at - now);
      queue.shift();
      economy.spend(job.source.storeKey, now, slot.verdict === 'probe');
      if ('kind' in job) job.grant({ asProbe: slot.verdict === 'probe' });
      else void send(job, slot.verdict === 'probe');
    }
  }

  function sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const handle = timers.setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        timers.clearTimeout(handle);
        resolve();
      }, { once: true });
    });
  }

  async function send(job: Job, asProbe: boolean): Promise<void> {
    job.phase = 'sending';
    job.attempts += 1;
    const result: Result<{ inquiry: Inquiry; cagWarning?: boolean }> = await job.source
      .getInquiry(job.id, { signal: job.controller.signal })
      .catch((thrown: unknown): Result<{ inquiry: Inquiry; cagWarning?: boolean }> => {
        logFailure('lookup: send', thrown);
        return { ok: false, error: { kind: 'internal' } };
      });
    const now = options.now();
    const error = result.ok ? undefined : result.error;
    const shown = economy.settle(job.source.storeKey, job.source.holdKey, error, Boolean(result.ok ? result.value.cagWarning : result.error.cagWarning), asProbe, now);
    schedulePump(); // a probe's answer, or freed room: the queue may move on
    if ((job.phase as Job['phase']) === 'done') return; // every asker left; they were answered 'aborted'
    if (error?.clockCorrected && !job.resigned) {
      // Signed again with the corrected clock: a request like any other, so it waits for its slot at the queue's head.
      job.resigned = true;
      job.phase = 'queued';
      queue.unshift(job);
      return schedulePump();
    }
    if (error && retryable(error) && job.attempts === 1) {
      job.phase = 'retry-wait';
      await sleep(RETRY_MIN_MS + Math.floor(random() * RETRY_SPREAD_MS), job.controller.signal);
      if (job.phase !== 'retry-wait') return;
      job.phase = 'queued';
      queue.unshift(job);
      return schedulePump();
    }
    if (result.ok) {
      const value: LookupValue = { inquiry: result.value.inquiry, fetchedAt: now, fromCache: false };
      if (job.generation === generation) remember(job.id, { fetchedAt: now, inquiry: value.inquiry });
      return finish(job, { ok: true, value });
    }
    const failure = shown ?? result.error;
    if (job.generation === generation && CACHED_FAILURES.has(failure.kind)) remember(job.id, { fetchedAt: now, error: failure });
    finish(job, { ok: false, error: failure });
  }

  const service = {
    async lookup(id: string, { refresh = false, signal, retry = false, asker = '' }: LookupRequest = {}): Promise<Result<LookupValue>> {
      if (signal?.aborted) return aborted();
      if (!isInquiryId(id)) return { ok: false, error: { kind: 'invalid-input' } };
      await Promise.all([loaded, economy.ready]);
      dropExpired(options.now());
      // Only entries younger than the promised age are left: each is served as it is.
      const cached = memory.get(id);
      const source = await options.source();
      if (cached && !refresh) {
        economy.cacheHit(options.now());
        return whilePaused(fromCache(cached), source.ok ? source.value.storeKey : undefined);
      }
      if (!source.ok) return source;
      if (signal?.aborted) return aborted();
      const { storeKey, holdKey } = source.value;
      if (retry) economy.releaseHold(holdKey);
      const refused = economy.refuse(storeKey, holdKey, options.now());
      // Paused: Refresh cannot ask Coupang, but the copy at hand is still shown, with its age and the countdown.
      if (refused?.resumesAt !== undefined && cached && 'inquiry' in cached) return whilePaused(fromCache(cached), storeKey);
      if (refused) return { ok: false, error: refused };
      let job = jobs.get(id);
      if (!job) {
        job = { id, source: source.value, generation, waiters: new Set(), controller: new AbortController(), phase: 'queued', attempts: 0 };
        jobs.set(id, job);
        const sinceDropped = options.now() - (droppedAt.get(asker) ?? Number.NEGATIVE_INFINITY);
        if (sinceDropped >= 0 && sinceDropped < REPLACE_SETTLE_MS) {
          const settling = job;
          timers.setTimeout(() => {
            if (settling.phase !== 'queued') return; // replaced (dropped unsent) while settling
            queue.push(settling);
            schedulePump();
          }, REPLACE_SETTLE_MS);
        } else {
          queue.push(job);
          schedulePump();
        }
      }
      return join(job, signal, asker);
    },

    /** The keys changed: forget what the old ones fetched, and never cache what they are still fetching. */
    async clear(): Promise<void> {
      generation += 1;
      // Nothing queued or out goes on signed with the old keys: stop it, and ask again with the new ones.
      for (const job of [...jobs.values()]) {
        const waiters = [...job.waiters];
        job.waiters.clear();
        abandon(job);
        for (const waiter of waiters) void service.lookup(job.id, { refresh: true, signal: waiter.signal, asker: waiter.asker }).then(waiter.resolve);
      }
      // A connection test waiting its turn was asked with the old keys: it is answered, never sent.
      for (const ticket of queue.filter((entry): entry is Ticket => 'kind' in entry)) {
        queue.splice(queue.indexOf(ticket), 1);
        ticket.grant({ error: { kind: 'aborted' } });
      }
      await loaded;
      memory.clear();
      persist();
      dropExpired(options.now());
      economy.releaseAllHolds();
      await writes;
    },

    /**
     * Sends a request that is not a lookup (the connection test) through the same queue, budget and
     * breaker as the lookups: it waits its turn, is the one probe or waits for it, and its answer
     * teaches the breaker (docs/request-economy.md#budget). Holds and a pause refuse it at once.
     */
    async onBudget(
      source: { storeKey: string; holdKey: string },
      send: (asProbe: boolean) => Promise<Result<{ cagWarning?: boolean }>>,
    ): Promise<Result<null>> {
      await economy.ready;
      const refused = economy.refuse(source.storeKey, source.holdKey, options.now());
      if (refused) return { ok: false, error: refused };
      const askedIn = generation;
      // At most two sends: the second only when the first answer corrected the clock, and it waits its own turn.
      for (let resigned = false; ; resigned = true) {
        // The keys changed while the first was out: the second is never sent with the old ones.
        if (generation !== askedIn) return { ok: false, error: { kind: 'aborted' } };
        const turn = await new Promise<{ asProbe: boolean } | { error: LookupError }>((grant) => {
          queue.push({ kind: 'ticket', source, grant });
          schedulePump();
        });
        if ('error' in turn) return { ok: false, error: turn.error };
        const result = await send(turn.asProbe).catch((thrown: unknown): Result<{ cagWarning?: boolean }> => {
          logFailure('lookup: send outside a lookup', thrown);
          return { ok: false, error: { kind: 'internal' } };
        });
        const error = result.ok ? undefined : result.error;
        const warned = result.ok ? result.value.cagWarning : result.error.cagWarning;
        const shown = economy.settle(source.storeKey, source.holdKey, error, Boolean(warned), turn.asProbe, options.now());
        schedulePump(); // a probe's answer, or freed room: the queue may move on
        if (error?.clockCorrected && !resigned) continue;
        return shown ? { ok: false, error: shown } : { ok: true, value: null };
      }
    },

    /** The wake-up asked for by `wakeAt` rang: drop what has expired (a new worker reads the store first). */
    async expire(): Promise<void> {
      await loaded;
      dropExpired(options.now());
      await writes;
    },

    // --- Filled by the inbox's list (docs/inbox.md#cache) ---------------------------------------------------
    /** The keys' generation now: pass it back to `prime`, so a list fetched with older keys is never cached. */
    keysGeneration: (): number => generation,

    /**
     * Inquiries the inbox's list brought, cached as if looked up at `fetchedAt`, so their cards and details open
     * without a request while fresh. Dropped when the keys changed since `asOf`; never replaces a newer entry.
     */
    async prime(entries: readonly Inquiry[], fetchedAt: number, asOf: number): Promise<void> {
      await loaded;
      if (asOf !== generation) return;
      let changed = false;
      for (const inquiry of entries) {
        const held = memory.get(inquiry.inquiryId);
        if (held && held.fetchedAt >= fetchedAt) continue;
        memory.delete(inquiry.inquiryId);
        memory.set(inquiry.inquiryId, { fetchedAt, inquiry });
        changed = true;
      }
      if (!changed) return;
      const oldestFirst = [...memory].sort(([, a], [, b]) => a.fetchedAt - b.fetchedAt);
      for (const [old] of oldestFirst.slice(0, Math.max(0, memory.size - maxEntries))) memory.delete(old);
      persist();
    },
    // ----------------------------------------------------------------------------------------------------------

    /** Resolves once every cache write so far is done (tests). */
    flushed: () => writes,
  };
  return service;
}

export type LookupService = ReturnType<typeof createLookupService>;
