import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClientProvider } from '@/utils/background/client-provider';
import { importHmacKey } from '@/utils/coupang/signing';
import { createLookupService, type CachedLookup } from '@/utils/lookup/lookup-service';
import { createRequestEconomy } from '@/utils/lookup/request-economy';
import { readFixture } from '../coupang/read-fixture';

const HOUR = 60 * 60_000;
const START = Date.UTC(2026, 11, 2, 9, 0, 0);

/** A gateway whose clock is an hour ahead: a signature from the local clock is expired; it counts arrivals. */
function gatewayAhead() {
  const arrivals: number[] = [];
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    arrivals.push(Date.now());
    const signed = /signed-date=(\w+)/.exec(new Headers(init?.headers).get('Authorization') ?? '')?.[1] ?? '';
    const gatewayNow = Date.now() + HOUR;
    const headers = { Date: new Date(gatewayNow).toUTCString(), 'Content-Type': 'application/json' };
    if (signed.slice(7, 11) !== new Date(gatewayNow).toISOString().slice(11, 16).replace(':', '')) {
      return new Response('{"code":"ERROR","message":"Specified signature is expired."}', { status: 401, headers });
    }
    return new Response(readFixture('258799946'), { status: 200, headers });
  });
  return { fetch, arrivals };
}

/**
 * HMAC in a microtask: real WebCrypto resolves on its own thread, and the client's 10 s timeout is a fake
 * timer, so under load a fast-forwarded clock could time a request out before it was even signed.
 */
const subtle = {
  importKey: async () => ({}) as CryptoKey,
  sign: async (_algorithm: unknown, _key: CryptoKey, data: BufferSource) => {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return new Uint8Array(createHmac('sha256', 'f00dcafe0123456789abcdef0123456789abcdef').update(bytes).digest()).buffer;
  },
} as unknown as SubtleCrypto;

async function setup() {
  const hmacKey = await importHmacKey(subtle, 'f00dcafe0123456789abcdef0123456789abcdef', false);
  const saved = { accessKey: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', vendorId: 'A00012345', hmacKey, savedAt: 1 };
  const gateway = gatewayAhead();
  const now = () => Date.now();
  const clients = createClientProvider({ load: async () => saved, save: async () => {} }, { fetch: gateway.fetch, subtle, now, salt: async () => new Uint8Array(32) });
  let economyState: unknown;
  const economy = createRequestEconomy({ store: { get: async () => economyState, set: async (state) => void (economyState = state) }, now });
  let cached: Record<string, CachedLookup> = {};
  const lookups = createLookupService({
    source: () => clients.get(),
    cache: { get: async () => cached, set: async (value) => void (cached = value) },
    economy,
    now,
  });
  return { gateway, economy, lookups, clients };
}

beforeEach(() => {
  vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Real WebCrypto and Response bodies settle outside the fake timers: let them, a little at a time. */
async function run(ms: number, done = () => false): Promise<void> {
  for (let step = 0; step < ms / 50 && !done(); step++) {
    await vi.advanceTimersByTimeAsync(50);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('the skew-correction resend goes through the budget (issue 16, item 4)', { timeout: 20_000 }, () => {
  it('five lookups from a clock an hour slow: the resends wait for their slots, never more than 5 in a rolling second, and every request is counted', async () => {
    const s = await setup();
    let settled = 0;
    const answers = Array.from({ length: 5 }, (_, i) => s.lookups.lookup(String(258799946 + i)).finally(() => (settled += 1)));
    await run(1_000);
    // The first ones went out at once (the burst) and came back expired; their resends need new tokens.
    expect(s.gateway.arrivals.filter((at) => at < START + 1_250).length).toBeLessThanOrEqual(5);
    await run(30_000, () => settled === 5);
    const results = await Promise.all(answers);
    // Each one signed again (those signed before the correction too) and got its answer.
    expect(results.filter((result) => !result.ok && result.error.kind === 'signature-expired')).toEqual([]);
    expect(s.gateway.fetch.mock.calls.length).toBeGreaterThan(5);
    // Every request the gateway saw is in the budget's count.
    expect(s.economy.report('store:none', undefined, Date.now()).requestsLastHour).toBe(s.gateway.fetch.mock.calls.length);
    // Never more than 5 arrivals in any rolling second.
    for (const at of s.gateway.arrivals) expect(s.gateway.arrivals.filter((other) => other >= at && other < at + 1_000).length).toBeLessThanOrEqual(5);
  });

  it('the connection test signs again after a correction, also through the budget, and is counted twice', async () => {
    const s = await setup();
    const client = await s.clients.get();
    if (!client.ok) throw new Error('no client');
    let finished = false;
    const tested = s.lookups.onBudget(client.value, () => client.value.testConnection()).finally(() => (finished = true));
    await run(20_000, () => finished);
    await tested;
    expect(s.gateway.fetch).toHaveBeenCalledTimes(2);
    expect(s.economy.report('store:none', undefined, Date.now()).requestsLastHour).toBe(2);
  });
});
