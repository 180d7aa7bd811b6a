import { describe, expect, it, vi } from 'vitest';
import { createClientProvider } from '@/utils/background/client-provider';
import type { WriteClient } from '@/utils/answer/write-service';
import { importHmacKey } from '@/utils/coupang/signing';
import type { StoredCredentials } from '@/utils/credentials-store';
import { readFixture } from '../coupang/read-fixture';

const HOUR = 60 * 60_000;
const LOCAL = Date.UTC(2025, 9, 15, 8, 30);

async function credentials(): Promise<StoredCredentials> {
  const hmacKey = await importHmacKey(globalThis.crypto.subtle, 'f00dcafe0123456789abcdef0123456789abcdef', false);
  return { accessKey: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', vendorId: 'A00012345', hmacKey, savedAt: 1 };
}

/** A gateway whose clock is an hour ahead: a signature from the local clock is expired. */
function gatewayAhead() {
  const signedDates: string[] = [];
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('Authorization') ?? '';
    const signed = /signed-date=(\w+)/.exec(auth)?.[1] ?? '';
    signedDates.push(signed);
    const gatewayNow = LOCAL + HOUR;
    const date = new Date(gatewayNow).toUTCString();
    const expected = new Date(gatewayNow).toISOString().slice(11, 13);
    if (signed.slice(7, 9) !== expected) {
      return new Response('{"code":"ERROR","message":"Specified signature is expired."}', { status: 401, headers: { Date: date } });
    }
    return new Response(readFixture('258799946'), { status: 200, headers: { Date: date, 'Content-Type': 'application/json' } });
  });
  return { fetch, signedDates };
}

describe('client provider', () => {
  it('never signs a write again after an expired signature: it corrects the clock and says so (one POST)', async () => {
    const saved = await credentials();
    const store = { load: async () => saved, save: async () => {} };
    let kept: number | undefined;
    const offsets = { get: async () => kept, set: async (offsetMs: number) => void (kept = offsetMs) };
    const gateway = gatewayAhead();
    const provider = createClientProvider(store, { fetch: gateway.fetch, subtle: globalThis.crypto.subtle, now: () => LOCAL, offsets });
    const client = await provider.get();
    if (!client.ok) throw new Error('no client');
    const writer = client.value as WriteClient;
    const result = await writer.postConfirm!('258799946', 'wing-seller01');
    expect(result.ok ? undefined : result.error.kind).toBe('write-clock-corrected');
    expect(gateway.fetch).toHaveBeenCalledTimes(1);
    expect(kept).toBe(HOUR);
    // The seller's next press is signed on the corrected clock.
    await writer.postConfirm!('258799946', 'wing-seller01');
    expect(gateway.signedDates[1]!.slice(7, 9)).toBe(new Date(LOCAL + HOUR).toISOString().slice(11, 13));
  });

  it('keeps the clock correction across a worker restart: the new worker signs right the first time', async () => {
    const saved = await credentials();
    const store = { load: async () => saved, save: async () => {} };
    let kept: number | undefined;
    const offsets = { get: async () => kept, set: async (offsetMs: number) => void (kept = offsetMs) };

    const first = gatewayAhead();
    const worker1 = createClientProvider(store, { fetch: first.fetch, subtle: globalThis.crypto.subtle, now: () => LOCAL, offsets });
    const client1 = await worker1.get();
    expect(client1.ok && (await client1.value.getInquiry('258799946')).ok).toBe(true);
    expect(first.fetch).toHaveBeenCalledTimes(2); // expired, corrected, signed again
    expect(kept).toBe(HOUR);

    const second = gatewayAhead();
    const worker2 = createClientProvider(store, { fetch: second.fetch, subtle: globalThis.crypto.subtle, now: () => LOCAL, offsets });
    const client2 = await worker2.get();
    expect(client2.ok && (await client2.value.getInquiry('258799946')).ok).toBe(true);
    expect(second.fetch).toHaveBeenCalledTimes(1);
    // The countdowns use it too: the new worker knows it before its first request.
    const worker3 = createClientProvider(store, { fetch: vi.fn(), subtle: globalThis.crypto.subtle, now: () => LOCAL, offsets });
    expect(await worker3.clockOffsetMs()).toBe(HOUR);
  });

  it('does not keep a failed key load: the next call reads the keys again', async () => {
    const saved = await credentials();
    const load = vi.fn<() => Promise<StoredCredentials | undefined>>().mockRejectedValueOnce(new Error('IndexedDB busy')).mockResolvedValue(saved);
    const provider = createClientProvider({ load, save: async () => {} }, { fetch: vi.fn(), subtle: globalThis.crypto.subtle, now: () => LOCAL });
    await expect(provider.get()).rejects.toThrow('IndexedDB busy');
    const again = await provider.get();
    expect(again.ok).toBe(true);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('names the credentials by vendor and save time, never by a key', async () => {
    const saved = await credentials();
    const provider = createClientProvider({ load: async () => saved, save: async () => {} }, { fetch: vi.fn(), subtle: globalThis.crypto.subtle, now: () => LOCAL });
    const client = await provider.get();
    expect(client.ok && client.value.holdKey).toBe('A00012345@1');
  });
});
