import type { Result } from '../coupang/error-kinds';
import type { Inquiry } from '../coupang/inquiry';
import type { LookupValue } from '../messaging';

/** What the service needs from the API client (client.ts), so tests can inject a fake. */
export interface InquirySource {
  getInquiry(id: string): Promise<Result<{ inquiry: Inquiry; serverDate?: number }>>;
}

/** A key-value cache that survives service-worker restarts (storage.session in the extension). */
export interface CacheStore {
  get(): Promise<Record<string, LookupValue>>;
  set(value: Record<string, LookupValue>): Promise<void>;
}

export interface LookupServiceOptions {
  /** Resolves the API client, or a typed error (e.g. no credentials saved). */
  source: () => Promise<Result<InquirySource>>;
  cache: CacheStore;
  now: () => number;
  /** How long a fetched inquiry is served without asking Coupang again. */
  freshForMs?: number;
  maxEntries?: number;
}

export const FRESH_FOR_MS = 5 * 60_000;
const MAX_ENTRIES = 200;

/**
 * One lookup path for every caller: a fresh cached copy is served without a request, and
 * simultaneous lookups of the same ID (two tabs, a hover and the popup) share one request.
 */
export function createLookupService(options: LookupServiceOptions) {
  const freshForMs = options.freshForMs ?? FRESH_FOR_MS;
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const inFlight = new Map<string, Promise<Result<LookupValue>>>();

  async function fetchAndStore(id: string): Promise<Result<LookupValue>> {
    const source = await options.source();
    if (!source.ok) return source;
    const result = await source.value.getInquiry(id);
    if (!result.ok) return result;
    const value: LookupValue = { inquiry: result.value.inquiry, fetchedAt: options.now(), fromCache: false };
    await remember(id, value);
    return { ok: true, value };
  }

  async function remember(id: string, value: LookupValue): Promise<void> {
    const entries = Object.entries(await options.cache.get()).filter(([key]) => key !== id);
    entries.push([id, value]);
    entries.sort(([, a], [, b]) => a.fetchedAt - b.fetchedAt);
    await options.cache.set(Object.fromEntries(entries.slice(-maxEntries)));
  }

  return {
    async lookup(id: string, { refresh = false } = {}): Promise<Result<LookupValue>> {
      if (!refresh) {
        const cached = (await options.cache.get())[id];
        if (cached && options.now() - cached.fetchedAt < freshForMs) return { ok: true, value: { ...cached, fromCache: true } };
      }
      const pending = inFlight.get(id);
      if (pending) return pending;
      const request = fetchAndStore(id).finally(() => inFlight.delete(id));
      inFlight.set(id, request);
      return request;
    },
    async clear(): Promise<void> {
      await options.cache.set({});
    },
  };
}

export type LookupService = ReturnType<typeof createLookupService>;
