import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LookupError, Result } from '@/utils/coupang/error-kinds';
import type { Inquiry } from '@/utils/coupang/inquiry';
import { createLookupService, FRESH_FOR_MS, REPLACE_SETTLE_MS, type CachedLookup, type InquirySource } from '@/utils/lookup/lookup-service';
import { createRequestEconomy, type EconomyState } from '@/utils/lookup/request-economy';

const START = Date.UTC(2026, 11, 2, 9, 0, 0);

function inquiry(id: string): Inquiry {
  return { inquiryId: id, vendorItemIds: [], replies: [], extra: {}, itemName: `item ${id}` };
}

/** Like storage.session / storage.local: every call takes a turn of the event loop, values are copied. */
function asyncStore<T>(initial?: T) {
  let data: T | undefined = initial === undefined ? undefined : structuredClone(initial);
  const turn = () => new Promise<void>((resolve) => queueMicrotask(() => queueMicrotask(resolve)));
  return {
    get: async (): Promise<T | undefined> => {
      await turn();
      return data === undefined ? undefined : structuredClone(data);
    },
    set: async (value: T): Promise<void> => {
      await turn();
      data = structuredClone(value);
    },
    peek: () => data,
  };
}

type Answer = (id: string, attempt: number) => Result<{ inquiry: Inquiry; cagWarning?: boolean }>;

const ok: Answer = (id) => ({ ok: true, value: { inquiry: inquiry(id) } });
const fail =
  (error: LookupError): Answer =>
  () => ({ ok: false, error });

interface World {
  cache: ReturnType<typeof asyncStore<Record<string, CachedLookup>>>;
  economyStore: ReturnType<typeof asyncStore<EconomyState>>;
}

function setup({ answer = ok, world, holdKey = 'A00012345@1' }: { answer?: Answer; world?: World; holdKey?: string } = {}) {
  const w: World = world ?? { cache: asyncStore<Record<string, CachedLookup>>(), economyStore: asyncStore<EconomyState>() };
  const calls: string[] = [];
  const signals: AbortSignal[] = [];
  const held: Array<() => void> = [];
  let hold = false;
  let respond = answer;
  const source: InquirySource = {
    vendorId: 'A00012345',
    holdKey,
    async getInquiry(id, { signal }) {
      calls.push(id);
      signals.push(signal);
      const attempt = calls.filter((c) => c === id).length;
      if (hold) {
        await new Promise<void>((resolve) => {
          held.push(resolve);
          signal.addEventListener('abort', () => resolve(), { once: true });
        });
      }
      if (signal.aborted) return { ok: false, error: { kind: 'aborted' } };
      return respond(id, attempt);
    },
  };
  const economy = createRequestEconomy({ store: w.economyStore, now: () => Date.now() });
  const service = createLookupService({
    source: async () => ({ ok: true, value: source }),
    cache: w.cache,
    economy,
    now: () => Date.now(),
    random: () => 0.5,
    maxEntries: 3,
  });
  return {
    service,
    economy,
    world: w,
    calls,
    signals,
    holdRequests: () => void (hold = true),
    releaseAll: () => held.splice(0).forEach((resolve) => resolve()),
    answerWith: (next: Answer) => void (respond = next),
    stored: () => w.cache.peek() ?? {},
    flush: async () => {
      await vi.advanceTimersByTimeAsync(0);
      await service.flushed();
      await economy.flushed();
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the fake clock by `ms`, then on in small steps until the lookup has its answer. */
async function settle<T>(promise: Promise<T>, ms = 0): Promise<T> {
  let done = false;
  void promise.finally(() => (done = true));
  await vi.advanceTimersByTimeAsync(ms);
  for (let step = 0; !done && step < 1_000; step++) await vi.advanceTimersByTimeAsync(10);
  return promise;
}

describe('lookup service: cache', () => {
  it('serves a fresh cached inquiry without asking Coupang again, and stores what it fetched', async () => {
    const s = setup();
    const first = await settle(s.service.lookup('1015668177'));
    const second = await settle(s.service.lookup('1015668177'));
    await s.flush();
    expect(s.calls).toEqual(['1015668177']);
    expect(first.ok && first.value.fromCache).toBe(false);
    expect(second.ok && second.value.fromCache).toBe(true);
    expect(s.stored()).toEqual({ '1015668177': { fetchedAt: START, inquiry: inquiry('1015668177') } });
  });

  it('three lookups finishing together are all stored (no lost update)', async () => {
    const s = setup();
    s.holdRequests();
    const pending = ['1', '2', '3'].map((id) => s.service.lookup(id));
    await vi.advanceTimersByTimeAsync(0);
    s.releaseAll();
    await settle(Promise.all(pending));
    await s.flush();
    expect(Object.keys(s.stored()).sort()).toEqual(['1', '2', '3']);
  });

  it('asks again once the cached copy is stale, and on an explicit refresh', async () => {
    const s = setup();
    await settle(s.service.lookup('1'));
    await vi.advanceTimersByTimeAsync(FRESH_FOR_MS);
    await settle(s.service.lookup('1'));
    await settle(s.service.lookup('1', { refresh: true }));
    expect(s.calls).toEqual(['1', '1', '1']);
  });

  it('a restarted worker reads the cache back from the store', async () => {
    const s = setup();
    await settle(s.service.lookup('42'));
    await s.flush();
    const restarted = setup({ world: s.world });
    const again = await settle(restarted.service.lookup('42'));
    expect(restarted.calls).toEqual([]);
    expect(again.ok && again.value.fromCache).toBe(true);
  });

  it('remembers "not found" and "other store" like answers: 3 lookups, 1 request; Refresh asks again', async () => {
    const s = setup({ answer: (id) => ({ ok: false, error: id === '9' ? { kind: 'other-vendor', status: 404 } : { kind: 'not-found', status: 404 } }) });
    for (let i = 0; i < 3; i++) expect(await settle(s.service.lookup('123456789'))).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    await settle(s.service.lookup('9'));
    const again = await settle(s.service.lookup('9'));
    expect(again).toEqual({ ok: false, error: { kind: 'other-vendor', status: 404, fetchedAt: START } });
    expect(s.calls).toEqual(['123456789', '9']);
    await settle(s.service.lookup('123456789', { refresh: true }));
    expect(s.calls).toEqual(['123456789', '9', '123456789']);
  });

  it('never sends an invalid number', async () => {
    const s = setup();
    for (const id of ['abc', '0123', '', '1'.repeat(21)]) expect(await s.service.lookup(id)).toEqual({ ok: false, error: { kind: 'invalid-input' } });
    expect(s.calls).toEqual([]);
  });

  it('keeps only the most recently fetched entries', async () => {
    const s = setup();
    for (const id of ['1', '2', '3', '4']) {
      await settle(s.service.lookup(id));
      await vi.advanceTimersByTimeAsync(1);
    }
    await s.flush();
    expect(Object.keys(s.stored()).sort()).toEqual(['2', '3', '4']);
  });

  it('a request out with the old keys is stopped when the keys change, and its answer never cached', async () => {
    const s = setup();
    s.holdRequests();
    const pending = s.service.lookup('77');
    await vi.advanceTimersByTimeAsync(0);
    await s.service.clear();
    await s.flush();
    expect(s.signals[0]?.aborted).toBe(true);
    expect(s.stored()).toEqual({});
    // The asker is asked again (with the keys now saved), not left waiting.
    for (let i = 0; i < 10 && s.calls.length < 2; i++) await vi.advanceTimersByTimeAsync(1_000);
    s.releaseAll();
    expect(await settle(pending)).toMatchObject({ ok: true });
    expect(s.calls).toEqual(['77', '77']);
  });

  it('changing the keys stops what the old keys had in flight: the asker and a new lookup get an answer signed with the new keys', async () => {
    const sent: Array<{ key: string; signal: AbortSignal }> = [];
    const sourceFor = (key: string): InquirySource => ({
      vendorId: 'A00012345',
      holdKey: key,
      getInquiry: (id, { signal }) => {
        sent.push({ key, signal });
        if (key === 'old') return new Promise((resolve) => signal.addEventListener('abort', () => resolve({ ok: false, error: { kind: 'aborted' } }), { once: true }));
        return Promise.resolve({ ok: true, value: { inquiry: inquiry(id) } });
      },
    });
    let current = sourceFor('old');
    const service = createLookupService({
      source: async () => ({ ok: true, value: current }),
      cache: asyncStore<Record<string, CachedLookup>>(),
      economy: createRequestEconomy({ store: asyncStore<EconomyState>(), now: () => Date.now() }),
      now: () => Date.now(),
      random: () => 0.5,
    });
    const first = service.lookup('77');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((s) => s.key)).toEqual(['old']);
    current = sourceFor('new');
    await service.clear();
    const second = service.lookup('77');
    expect(await settle(first)).toMatchObject({ ok: true });
    expect(await settle(second)).toMatchObject({ ok: true });
    expect(sent[0]?.signal.aborted).toBe(true);
    expect(sent.slice(1).map((s) => s.key)).toEqual(['new']);
  });

  it('a connection test still waiting its turn when the keys change is answered, never sent with the old keys', async () => {
    const s = setup();
    s.holdRequests();
    // Spend the burst so the test has to wait its turn in the queue.
    const lookups = ['1', '2', '3', '4', '5'].map((id) => s.service.lookup(id));
    await vi.advanceTimersByTimeAsync(0);
    let sent = 0;
    const test = s.service.onBudget({ vendorId: 'A00012345', holdKey: 'A00012345@1' }, async () => {
      sent += 1;
      return { ok: true, value: {} };
    });
    await vi.advanceTimersByTimeAsync(0);
    await s.service.clear();
    expect(await settle(test)).toEqual({ ok: false, error: { kind: 'aborted' } });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toBe(0);
    s.releaseAll();
    await settle(Promise.all(lookups));
  });

  it('passes the source error through without a request (no keys saved)', async () => {
    const economy = createRequestEconomy({ store: asyncStore<EconomyState>(), now: () => Date.now() });
    const service = createLookupService({
      source: async () => ({ ok: false, error: { kind: 'no-credentials' } }),
      cache: asyncStore<Record<string, CachedLookup>>(),
      economy,
      now: () => Date.now(),
    });
    expect(await service.lookup('1')).toEqual({ ok: false, error: { kind: 'no-credentials' } });
  });
});

describe('lookup service: askers', () => {
  it('merges simultaneous lookups of the same ID into one request', async () => {
    const s = setup();
    const results = await settle(Promise.all([s.service.lookup('7'), s.service.lookup('7'), s.service.lookup('8')]));
    expect(s.calls).toEqual(['7', '8']);
    expect(results.every((result) => result.ok)).toBe(true);
  });

  it('dropped waiters are never sent: 20 lookups, each replaced by the next, send at most 6', async () => {
    const s = setup();
    let previous: AbortController | undefined;
    const results: Array<Promise<unknown>> = [];
    for (let i = 0; i < 20; i++) {
      previous?.abort();
      previous = new AbortController();
      results.push(s.service.lookup(String(1_000 + i), { signal: previous.signal }));
      await vi.advanceTimersByTimeAsync(50);
    }
    const last = await settle(results[19]!, 10_000);
    expect(s.calls.length).toBeLessThanOrEqual(6);
    expect(s.calls.at(-1)).toBe('1019');
    expect(last).toMatchObject({ ok: true, value: { inquiry: { inquiryId: '1019' } } });
    // The first ones went out at once (the burst); those replaced while queued were dropped unsent.
    expect(await results[10]).toEqual({ ok: false, error: { kind: 'aborted' } });
    expect(s.calls).not.toContain('1010');
  });

  it("the popup's pattern: 20 numbers in 1.5 s, each replacing one still in flight, send at most 6, the last shown (issue 16, item 2)", async () => {
    const s = setup();
    s.holdRequests(); // Coupang takes longer than the seller's typing: each replaced lookup is still out
    let previous: AbortController | undefined;
    const results: Array<Promise<unknown>> = [];
    for (let i = 0; i < 20; i++) {
      previous?.abort();
      previous = new AbortController();
      results.push(s.service.lookup(String(2_000 + i), { signal: previous.signal }));
      await vi.advanceTimersByTimeAsync(75);
    }
    const sentWhileTyping = s.calls.length;
    s.releaseAll();
    const last = settle(results[19]!, 0);
    for (let step = 0; step < 50; step++) {
      await vi.advanceTimersByTimeAsync(100);
      s.releaseAll();
    }
    expect(await last).toMatchObject({ ok: true, value: { inquiry: { inquiryId: '2019' } } });
    console.info(`popup pattern: ${sentWhileTyping} sent while typing, ${s.calls.length} in all`);
    expect(s.calls.length).toBeLessThanOrEqual(6);
    expect(s.calls.at(-1)).toBe('2019');
  });

  it('aborts the request in flight when its last asker is gone, not before', async () => {
    const s = setup();
    s.holdRequests();
    const a = new AbortController();
    const b = new AbortController();
    const first = s.service.lookup('5', { signal: a.signal });
    const second = s.service.lookup('5', { signal: b.signal });
    await vi.advanceTimersByTimeAsync(0);
    a.abort();
    expect(await first).toEqual({ ok: false, error: { kind: 'aborted' } });
    expect(s.signals[0]!.aborted).toBe(false);
    b.abort();
    expect(await second).toEqual({ ok: false, error: { kind: 'aborted' } });
    expect(s.signals[0]!.aborted).toBe(true);
    // A new asker starts a new request rather than joining the aborted one.
    s.releaseAll();
    const third = s.service.lookup('5');
    await vi.advanceTimersByTimeAsync(REPLACE_SETTLE_MS + 10); // it follows a dropped lookup: it settles first
    s.releaseAll();
    expect(await settle(third)).toMatchObject({ ok: true });
  });

  it('the shared budget: 30 different IDs at once go out 5 at once, then 2 per second', async () => {
    const s = setup();
    const all = Array.from({ length: 30 }, (_, i) => s.service.lookup(String(2_000 + i)));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.calls.length).toBeLessThanOrEqual(7);
    await settle(Promise.all(all), 20_000);
    expect(s.calls).toHaveLength(30);
  });
});

describe('lookup service: breaker, holds, retries', () => {
  it('after a 429 nothing is sent (Refresh neither) until the pause is over; then one probe, and success closes', async () => {
    const s = setup({ answer: fail({ kind: 'rate-limited', status: 429 }) });
    const first = await settle(s.service.lookup('1'));
    expect(first).toEqual({ ok: false, error: { kind: 'rate-limited', status: 429, resumesAt: START + 60_000 } });
    s.answerWith(ok);
    for (const id of ['1', '2', '3']) {
      expect(await settle(s.service.lookup(id, { refresh: true }))).toEqual({ ok: false, error: { kind: 'rate-limited', resumesAt: START + 60_000 } });
    }
    expect(s.calls).toEqual(['1']);
    await vi.advanceTimersByTimeAsync(60_000);
    const probes = [s.service.lookup('2'), s.service.lookup('3')];
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls).toEqual(['1', '2']); // one probe; the other waits for its answer
    expect(await settle(Promise.all(probes))).toMatchObject([{ ok: true }, { ok: true }]);
    expect(s.calls).toEqual(['1', '2', '3']);
  });

  it('a 429 with Retry-After: 4 resumes after 4 s; a repeated 429 doubles the default pause', async () => {
    const s = setup({ answer: fail({ kind: 'rate-limited', status: 429, retryAfter: '4' }) });
    expect(await settle(s.service.lookup('1'))).toMatchObject({ error: { resumesAt: START + 4_000 } });
    await vi.advanceTimersByTimeAsync(3_999);
    expect(await settle(s.service.lookup('1'))).toMatchObject({ error: { kind: 'rate-limited' } });
    expect(s.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    s.answerWith(fail({ kind: 'rate-limited', status: 429 }));
    const probe = await settle(s.service.lookup('1'));
    expect(s.calls).toHaveLength(2);
    expect(probe).toMatchObject({ error: { resumesAt: START + 4_000 + 120_000 } });
  });

  it('an HTML 403 block sends nothing more for 5 minutes', async () => {
    const s = setup({ answer: fail({ kind: 'blocked', status: 403, detail: 'HTML page' }) });
    await settle(s.service.lookup('1'));
    for (let i = 0; i < 3; i++) {
      expect(await settle(s.service.lookup('2'), 60_000)).toMatchObject({ ok: false, error: { kind: 'blocked', resumesAt: START + 5 * 60_000 } });
    }
    expect(s.calls).toEqual(['1']);
  });

  it('a breaker open survives a worker restart: the new worker sends nothing and shows the same countdown', async () => {
    const s = setup({ answer: fail({ kind: 'rate-limited', status: 429 }) });
    await settle(s.service.lookup('1'));
    await s.flush();
    const restarted = setup({ world: s.world });
    expect(await settle(restarted.service.lookup('2'))).toEqual({ ok: false, error: { kind: 'rate-limited', resumesAt: START + 60_000 } });
    expect(restarted.calls).toEqual([]);
  });

  it('401 / Not allowed IP hold the credentials: no more automatic lookups until Retry or new keys', async () => {
    const s = setup({ answer: fail({ kind: 'not-authorized', status: 401 }) });
    expect(await settle(s.service.lookup('1'))).toEqual({ ok: false, error: { kind: 'not-authorized', status: 401, held: true } });
    expect(await settle(s.service.lookup('2'))).toEqual({ ok: false, error: { kind: 'not-authorized', held: true } });
    expect(s.calls).toEqual(['1']);
    s.answerWith(fail({ kind: 'ip-not-allowed', status: 403 }));
    expect(await settle(s.service.lookup('2', { retry: true }))).toMatchObject({ error: { kind: 'ip-not-allowed', held: true } });
    expect(s.calls).toEqual(['1', '2']);
    await s.flush();
    // Saved keys are new credentials (a new hold key): they are tried.
    const rekeyed = setup({ world: s.world, holdKey: 'A00012345@2' });
    await settle(rekeyed.service.lookup('3'));
    expect(rekeyed.calls).toEqual(['3']);
  });

  it('retries once, after 1–3 s, only a network error or a 502/503/504', async () => {
    const s = setup({ answer: (_id, attempt) => (attempt === 1 ? { ok: false, error: { kind: 'network' } } : ok('1', 1)) });
    const retried = s.service.lookup('1');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(s.calls).toEqual(['1']);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settle(retried)).toMatchObject({ ok: true });
    expect(s.calls).toEqual(['1', '1']);

    s.answerWith(fail({ kind: 'server-error', status: 503 }));
    expect(await settle(s.service.lookup('2'), 5_000)).toMatchObject({ error: { kind: 'server-error', status: 503 } });
    expect(s.calls.filter((id) => id === '2')).toHaveLength(2);

    s.answerWith(fail({ kind: 'server-error', status: 500 }));
    await settle(s.service.lookup('3'), 5_000);
    expect(s.calls.filter((id) => id === '3')).toHaveLength(1);
  });

  it('X-CAG-Warnings halves the rate for a few minutes; usage counts requests and cache hits', async () => {
    const s = setup({ answer: (id) => ({ ok: true, value: { inquiry: inquiry(id), cagWarning: true } }) });
    await settle(s.service.lookup('1'));
    await settle(s.service.lookup('1'));
    expect(s.economy.report('A00012345', undefined, Date.now())).toMatchObject({ ratePerSecond: 1, slowedDown: true, requestsLastHour: 1, requestsLastDay: 1, cacheHitsLastDay: 1 });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(s.economy.report('A00012345', undefined, Date.now())).toMatchObject({ ratePerSecond: 2, slowedDown: false });
  });

  it('a probe lost with its worker does not strand the next lookups: a new probe goes after 30 s', async () => {
    const s = setup({ answer: fail({ kind: 'rate-limited', status: 429 }) });
    await settle(s.service.lookup('1'));
    await vi.advanceTimersByTimeAsync(60_000);
    s.holdRequests();
    void s.service.lookup('2'); // the probe, lost when this worker dies
    await vi.advanceTimersByTimeAsync(0);
    await s.flush();
    const restarted = setup({ world: s.world });
    const waiting = restarted.service.lookup('3');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(restarted.calls).toEqual([]);
    expect(await settle(waiting, 25_000)).toMatchObject({ ok: true });
    expect(restarted.calls).toEqual(['3']);
  });

  it('while paused, cached answers are still shown with their age and the pause; Refresh shows the copy, sends nothing', async () => {
    const s = setup();
    await settle(s.service.lookup('1'));
    await vi.advanceTimersByTimeAsync(10 * 60_000); // the copy is stale by now
    s.answerWith(fail({ kind: 'rate-limited', status: 429 }));
    await settle(s.service.lookup('2'));
    const resumesAt = Date.now() + 60_000;
    const cached = await settle(s.service.lookup('1'));
    expect(cached).toEqual({ ok: true, value: { inquiry: inquiry('1'), fetchedAt: START, fromCache: true, pausedUntil: resumesAt } });
    const refreshed = await settle(s.service.lookup('1', { refresh: true }));
    expect(refreshed).toEqual(cached);
    expect(s.calls).toEqual(['1', '2']);
  });

  it("follows the seller's rate: at 0.5 per second, after the burst one request every 2 s", async () => {
    const s = setup();
    s.economy.setRate(0.5);
    const all = Array.from({ length: 7 }, (_, i) => s.service.lookup(String(3_000 + i)));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1_900);
    expect(s.calls).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(100);
    expect(s.calls).toHaveLength(6);
    await settle(Promise.all(all), 2_000);
    expect(s.calls).toHaveLength(7);
  });

  it('a source that throws answers its askers with extension-error and the queue moves on', async () => {
    const s = setup({
      answer: (id) => {
        if (id === '1') throw new Error('boom');
        return ok(id, 1);
      },
    });
    const [first, second] = await settle(Promise.all([s.service.lookup('1'), s.service.lookup('2')]));
    expect(first).toEqual({ ok: false, error: { kind: 'extension-error' } });
    expect(second).toMatchObject({ ok: true });
  });
});

describe('lookup service: primed by the inbox list (docs/inbox.md#cache)', () => {
  it('a listed inquiry is served from the cache with no request while fresh, then asked again', async () => {
    const s = setup();
    await s.service.prime([inquiry('1015668177')], START, s.service.keysGeneration());
    const served = await settle(s.service.lookup('1015668177'));
    expect(served).toMatchObject({ ok: true, value: { fromCache: true, fetchedAt: START, inquiry: { itemName: 'item 1015668177' } } });
    expect(s.calls).toEqual([]);
    await s.flush();
    expect(Object.keys(s.stored())).toEqual(['1015668177']);
    vi.setSystemTime(START + FRESH_FOR_MS);
    await settle(s.service.lookup('1015668177'));
    expect(s.calls).toEqual(['1015668177']);
  });

  it('a list fetched with keys that have changed since is never cached', async () => {
    const s = setup();
    const asOf = s.service.keysGeneration();
    await s.service.clear();
    await s.service.prime([inquiry('1015668177')], START, asOf);
    await settle(s.service.lookup('1015668177'));
    expect(s.calls).toEqual(['1015668177']);
  });

  it('never replaces a newer copy (a lookup that came back after the list left)', async () => {
    const s = setup();
    vi.setSystemTime(START + 1_000);
    await settle(s.service.lookup('1015668177'));
    await s.service.prime([{ ...inquiry('1015668177'), itemName: 'older' }], START, s.service.keysGeneration());
    const served = await settle(s.service.lookup('1015668177'));
    expect(served.ok && served.value.inquiry.itemName).toBe('item 1015668177');
    expect(s.calls).toEqual(['1015668177']);
  });

  it('keeps to the cache bound, newest kept', async () => {
    const s = setup(); // maxEntries 3
    await s.service.prime(['1', '2', '3', '4', '5'].map(inquiry), START, s.service.keysGeneration());
    await s.flush();
    expect(Object.keys(s.stored())).toHaveLength(3);
  });
});
