import { z } from 'zod/mini';
import type { LookupError, Result } from '../coupang/error-kinds';
import type { Inquiry } from '../coupang/inquiry';
import { isInquiryId } from '../coupang/inquiry-id';
import type { LookupValue } from '../messaging';
import type { RequestEconomy } from './request-economy';

/** What the service needs from the API client (client.ts), so tests can inject a fake. */
export interface InquirySource {
  /** The store the credentials belong to: the breaker is per store. */
  vendorId: string;
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
  /** How long a fetched inquiry (or a remembered failure) is served without asking Coupang again. */
  freshForMs?: number;
  maxEntries?: number;
}

export interface LookupRequest {
  /** Skip the cache; never the budget, the breaker or a hold. */
  refresh?: boolean;
  /** The asker stopped waiting: its promise resolves 'aborted'; the request is dropped once no asker is left. */
  signal?: AbortSignal;
  /** The seller pressed Retry on held credentials: lift the hold for this try. */
  retry?: boolean;
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
}

/** A request that is not a lookup (the connection test) waiting for its turn in the same queue. */
interface Ticket {
  kind: 'ticket';
  source: { vendorId: string };
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
    },
    () => undefined,
  );
  let writes: Promise<void> = Promise.resolve();
  const jobs = new Map<string, Job>();
  const queue: Array<Job | Ticket> = [];
  let pumpTimer: unknown;
  /** When an asker last dropped a lookup not yet answered (-Infinity: never); read against a clock that may jump. */
  let lastDroppedAt = Number.NEGATIVE_INFINITY;

  function persist(): void {
    const snapshot = Object.fromEntries(memory);
    writes = writes.then(() => options.cache.set(snapshot)).catch(() => undefined);
  }

  function remember(id: string, entry: CachedLookup): void {
    memory.delete(id);
    memory.set(id, entry);
    const oldestFirst = [...memory].sort(([, a], [, b]) => a.fetchedAt - b.fetchedAt);
    for (const [old] of oldestFirst.slice(0, Math.max(0, memory.size - maxEntries))) memory.delete(old);
    persist();
  }

  function fromCache(entry: CachedLookup): Result<LookupValue> {
    return 'inquiry' in entry
      ? { ok: true, value: { inquiry: entry.inquiry, fetchedAt: entry.fetchedAt, fromCache: true } }
      : { ok: false, error: { ...entry.error, fetchedAt: entry.fetchedAt } as LookupError };
  }

  /** A cached inquiry served while the store is paused says until when, so the surface can count down. */
  function whilePaused(result: Result<LookupValue>, vendorId: string | undefined): Result<LookupValue> {
    if (!result.ok || vendorId === undefined) return result;
    const paused = economy.paused(vendorId, options.now());
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
    lastDroppedAt = options.now();
    if (jobs.get(job.id) === job) jobs.delete(job.id);
    const queued = queue.indexOf(job);
    if (queued >= 0) queue.splice(queued, 1);
    job.controller.abort();
    job.phase = 'done';
  }

  function join(job: Job, signal: AbortSignal | undefined): Promise<Result<LookupValue>> {
    return new Promise((resolve) => {
      const waiter: Waiter = { resolve, signal };
      job.waiters.add(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          if (!job.waiters.delete(waiter)) return;
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
      const slot = economy.slot(job.source.vendorId, now);
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
      economy.spend(job.source.vendorId, now, slot.verdict === 'probe');
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
      .catch(() => ({ ok: false, error: { kind: 'extension-error' } }));
    const now = options.now();
    const error = result.ok ? undefined : result.error;
    const shown = economy.settle(job.source.vendorId, job.source.holdKey, error, Boolean(result.ok ? result.value.cagWarning : result.error.cagWarning), asProbe, now);
    schedulePump(); // a probe's answer, or freed room: the queue may move on
    if ((job.phase as Job['phase']) === 'done') return; // every asker left; they were answered 'aborted'
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
    async lookup(id: string, { refresh = false, signal, retry = false }: LookupRequest = {}): Promise<Result<LookupValue>> {
      if (signal?.aborted) return aborted();
      if (!isInquiryId(id)) return { ok: false, error: { kind: 'invalid-input' } };
      await Promise.all([loaded, economy.ready]);
      const cached = memory.get(id);
      const fresh = cached && options.now() - cached.fetchedAt < freshForMs ? cached : undefined;
      const source = await options.source();
      if (fresh && !refresh) {
        economy.cacheHit(options.now());
        return whilePaused(fromCache(fresh), source.ok ? source.value.vendorId : undefined);
      }
      if (!source.ok) return source;
      if (signal?.aborted) return aborted();
      const { vendorId, holdKey } = source.value;
      if (retry) economy.releaseHold(holdKey);
      const refused = economy.refuse(vendorId, holdKey, options.now());
      // Paused: Refresh cannot ask Coupang, but the copy at hand is still shown, with its age and the countdown.
      if (refused?.resumesAt !== undefined && cached && 'inquiry' in cached) return whilePaused(fromCache(cached), vendorId);
      if (refused) return { ok: false, error: refused };
      let job = jobs.get(id);
      if (!job) {
        job = { id, source: source.value, generation, waiters: new Set(), controller: new AbortController(), phase: 'queued', attempts: 0 };
        jobs.set(id, job);
        const sinceDropped = options.now() - lastDroppedAt;
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
      return join(job, signal);
    },

    /** The keys changed: forget what the old ones fetched, and never cache what they are still fetching. */
    async clear(): Promise<void> {
      generation += 1;
      // Nothing queued or out goes on signed with the old keys: stop it, and ask again with the new ones.
      for (const job of [...jobs.values()]) {
        const waiters = [...job.waiters];
        job.waiters.clear();
        abandon(job);
        for (const waiter of waiters) void service.lookup(job.id, { refresh: true, signal: waiter.signal }).then(waiter.resolve);
      }
      // A connection test waiting its turn was asked with the old keys: it is answered, never sent.
      for (const ticket of queue.filter((entry): entry is Ticket => 'kind' in entry)) {
        queue.splice(queue.indexOf(ticket), 1);
        ticket.grant({ error: { kind: 'aborted' } });
      }
      await loaded;
      memory.clear();
      persist();
      economy.releaseAllHolds();
      await writes;
    },

    /**
     * Sends a request that is not a lookup (the connection test) through the same queue, budget and
     * breaker as the lookups: it waits its turn, is the one probe or waits for it, and its answer
     * teaches the breaker (docs/request-economy.md#budget). Holds and a pause refuse it at once.
     */
    async onBudget(
      source: { vendorId: string; holdKey: string },
      send: (asProbe: boolean) => Promise<Result<{ cagWarning?: boolean }>>,
    ): Promise<Result<null>> {
      await economy.ready;
      const refused = economy.refuse(source.vendorId, source.holdKey, options.now());
      if (refused) return { ok: false, error: refused };
      const turn = await new Promise<{ asProbe: boolean } | { error: LookupError }>((grant) => {
        queue.push({ kind: 'ticket', source, grant });
        schedulePump();
      });
      if ('error' in turn) return { ok: false, error: turn.error };
      const result = await send(turn.asProbe).catch((): Result<{ cagWarning?: boolean }> => ({ ok: false, error: { kind: 'extension-error' } }));
      const error = result.ok ? undefined : result.error;
      const warned = result.ok ? result.value.cagWarning : result.error.cagWarning;
      const shown = economy.settle(source.vendorId, source.holdKey, error, Boolean(warned), turn.asProbe, options.now());
      schedulePump(); // a probe's answer, or freed room: the queue may move on
      return shown ? { ok: false, error: shown } : { ok: true, value: null };
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
