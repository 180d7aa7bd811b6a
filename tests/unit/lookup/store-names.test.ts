import { describe, expect, it, vi } from 'vitest';
import { createClientProvider } from '@/utils/background/client-provider';
import { importHmacKey } from '@/utils/coupang/signing';
import { CLOSED, type BreakerState } from '@/utils/lookup/circuit-breaker';
import { createLookupService, type CachedLookup } from '@/utils/lookup/lookup-service';
import { createRequestEconomy, type EconomyState } from '@/utils/lookup/request-economy';
import { fullBucket } from '@/utils/lookup/token-bucket';

// Issue 16, item 16: storage.local (readable by content scripts) holds the breakers and holds; it must never
// name the vendor ID, and must not keep state for stores the seller no longer uses.
const NOW = Date.UTC(2026, 11, 6, 3, 0, 0);
const VENDOR = 'A00012345';
const SALT = new Uint8Array(32).fill(9);

function memoryStore(initial?: EconomyState) {
  let data: unknown = initial === undefined ? undefined : structuredClone(initial);
  return {
    get: async () => structuredClone(data),
    set: async (value: EconomyState) => void (data = structuredClone(value)),
    peek: () => data as EconomyState | undefined,
  };
}

const open429: BreakerState = { phase: 'open', reason: 'rate-limited', resumesAt: NOW + 60_000, pausedAt: NOW, trips: { 'rate-limited': 1, blocked: 0 } };

function legacyState(): EconomyState {
  return {
    breakers: { [VENDOR]: open429, B00099999: { ...open429, reason: 'blocked' } },
    holds: { [`${VENDOR}@1`]: 'ip-not-allowed', 'B00099999@7': 'not-authorized' },
    slowUntil: 0,
    bucket: fullBucket(NOW),
    usage: {},
    trips: [],
  };
}

async function world(fetch: typeof globalThis.fetch, initial?: EconomyState) {
  const hmacKey = await importHmacKey(globalThis.crypto.subtle, 'f00dcafe0123456789abcdef0123456789abcdef', false);
  const saved = { accessKey: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', vendorId: VENDOR, hmacKey, savedAt: 1 };
  const store = memoryStore(initial);
  const now = () => NOW;
  const economy = createRequestEconomy({ store, now });
  const clients = createClientProvider(
    { load: async () => saved, save: async () => {} },
    {
      fetch,
      subtle: globalThis.crypto.subtle,
      now,
      salt: async () => SALT,
      adopt: async (names, legacy) => {
        await economy.ready;
        economy.adoptStore(names, legacy);
      },
    },
  );
  let cache: Record<string, CachedLookup> = {};
  const lookups = createLookupService({ source: () => clients.get(), cache: { get: async () => cache, set: async (value) => void (cache = value) }, economy, now });
  return { store, economy, clients, lookups };
}

const saysVendor = (state: unknown) => JSON.stringify(state).toLowerCase().includes(VENDOR.toLowerCase());

describe('storage.local never names the vendor ID (issue 16, item 16)', () => {
  it('a 429 and a held key are kept under hashed names', async () => {
    let status = 429;
    const fetch = vi.fn(async () => new Response(status === 429 ? '{"code":429,"message":"Too many requests"}' : '{"code":"ERROR","message":"Not allowed IP"}', { status: status === 429 ? 429 : 403, headers: { 'Content-Type': 'application/json' } }));
    const w = await world(fetch);
    expect(await w.lookups.lookup('258799946')).toMatchObject({ ok: false, error: { kind: 'rate-limited' } });
    await w.economy.flushed();
    expect(Object.keys(w.store.peek()!.breakers)).toHaveLength(1);
    expect(saysVendor(w.store.peek())).toBe(false);

    // The pause over, the IP is refused: a hold, also under a hashed name.
    const later = await world(fetch, { ...w.store.peek()!, breakers: { [Object.keys(w.store.peek()!.breakers)[0]!]: CLOSED } });
    status = 403;
    expect(await later.lookups.lookup('258799946')).toMatchObject({ ok: false, error: { kind: 'ip-not-allowed', held: true } });
    await later.economy.flushed();
    expect(Object.keys(later.store.peek()!.holds)).toHaveLength(1);
    expect(saysVendor(later.store.peek())).toBe(false);
  });

  it('state saved under the vendor ID is carried over once and other stores are forgotten: the pause still holds', async () => {
    const fetch = vi.fn(async () => new Response('{}', { status: 200 }));
    const w = await world(fetch, legacyState());
    // The pause saved by the old version still holds: nothing is sent, and the countdown is the same.
    expect(await w.lookups.lookup('258799946')).toEqual({ ok: false, error: { kind: 'ip-not-allowed', held: true } });
    expect(fetch).not.toHaveBeenCalled();
    await w.economy.flushed();
    const stored = w.store.peek()!;
    expect(saysVendor(stored)).toBe(false);
    expect(JSON.stringify(stored)).not.toContain('B00099999');
    const client = await w.clients.get();
    if (!client.ok) throw new Error('no client');
    expect(stored.breakers).toEqual({ [client.value.storeKey]: open429 });
    expect(stored.holds).toEqual({ [client.value.holdKey]: 'ip-not-allowed' });
    expect(w.economy.report(client.value.storeKey, client.value.holdKey, NOW)).toMatchObject({ breaker: { phase: 'open', resumesAt: NOW + 60_000 }, held: 'ip-not-allowed' });
  });

  it('adoptStore writes nothing when there is nothing to carry over or forget', async () => {
    const store = memoryStore();
    const set = vi.spyOn(store, 'set');
    const economy = createRequestEconomy({ store, now: () => NOW });
    await economy.ready;
    economy.adoptStore({ storeKey: 'store:a', holdKey: 'hold:a' }, { storeKey: VENDOR, holdKey: `${VENDOR}@1` });
    await economy.flushed();
    expect(set).not.toHaveBeenCalled();
  });
});
