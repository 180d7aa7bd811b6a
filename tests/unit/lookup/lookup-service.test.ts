import { describe, expect, it } from 'vitest';
import type { Result } from '@/utils/coupang/error-kinds';
import type { Inquiry } from '@/utils/coupang/inquiry';
import { createLookupService, FRESH_FOR_MS, type InquirySource } from '@/utils/lookup/lookup-service';
import type { LookupValue } from '@/utils/messaging';

function inquiry(id: string): Inquiry {
  return { inquiryId: id, vendorItemIds: [], replies: [], extra: {}, itemName: `item ${id}` };
}

function setup({ answer = (id: string): Result<{ inquiry: Inquiry }> => ({ ok: true, value: { inquiry: inquiry(id) } }) } = {}) {
  let clock = 1_000_000;
  let stored: Record<string, LookupValue> = {};
  const calls: string[] = [];
  const release: Array<() => void> = [];
  let hold = false;
  const source: InquirySource = {
    async getInquiry(id) {
      calls.push(id);
      if (hold) await new Promise<void>((resolve) => release.push(resolve));
      return answer(id);
    },
  };
  const service = createLookupService({
    source: async () => ({ ok: true, value: source }),
    cache: { get: async () => stored, set: async (value) => void (stored = value) },
    now: () => clock,
    maxEntries: 3,
  });
  return {
    service,
    calls,
    stored: () => stored,
    advance: (ms: number) => void (clock += ms),
    holdRequests: () => void (hold = true),
    releaseAll: () => release.splice(0).forEach((resolve) => resolve()),
  };
}

describe('lookup service', () => {
  it('serves a fresh cached inquiry without asking Coupang again', async () => {
    const s = setup();
    const first = await s.service.lookup('1015668177');
    const second = await s.service.lookup('1015668177');
    expect(s.calls).toEqual(['1015668177']);
    expect(first.ok && first.value.fromCache).toBe(false);
    expect(second.ok && second.value.fromCache).toBe(true);
    expect(second.ok && second.value.fetchedAt).toBe(first.ok && first.value.fetchedAt);
  });

  it('asks again once the cached copy is stale, and on an explicit refresh', async () => {
    const s = setup();
    await s.service.lookup('1');
    s.advance(FRESH_FOR_MS);
    await s.service.lookup('1');
    await s.service.lookup('1', { refresh: true });
    expect(s.calls).toEqual(['1', '1', '1']);
  });

  it('merges simultaneous lookups of the same ID into one request', async () => {
    const s = setup();
    s.holdRequests();
    const pending = [s.service.lookup('7'), s.service.lookup('7'), s.service.lookup('8')];
    await new Promise((resolve) => setTimeout(resolve, 0));
    s.releaseAll();
    const results = await Promise.all(pending);
    expect(s.calls).toEqual(['7', '8']);
    expect(results.every((result) => result.ok)).toBe(true);
  });

  it('does not cache failures', async () => {
    const s = setup({ answer: () => ({ ok: false, error: { kind: 'rate-limited', status: 429 } }) });
    const result = await s.service.lookup('5');
    await s.service.lookup('5');
    expect(result).toEqual({ ok: false, error: { kind: 'rate-limited', status: 429 } });
    expect(s.calls).toEqual(['5', '5']);
    expect(s.stored()).toEqual({});
  });

  it('keeps only the most recently fetched entries', async () => {
    const s = setup();
    for (const id of ['1', '2', '3', '4']) {
      await s.service.lookup(id);
      s.advance(1);
    }
    expect(Object.keys(s.stored()).sort()).toEqual(['2', '3', '4']);
  });

  it('passes the source error through without a request (no keys saved)', async () => {
    const service = createLookupService({
      source: async () => ({ ok: false, error: { kind: 'no-credentials' } }),
      cache: { get: async () => ({}), set: async () => {} },
      now: () => 0,
    });
    expect(await service.lookup('1')).toEqual({ ok: false, error: { kind: 'no-credentials' } });
  });

  it('forgets everything on clear (keys changed: the data belonged to the old store)', async () => {
    const s = setup();
    await s.service.lookup('1');
    await s.service.clear();
    await s.service.lookup('1');
    expect(s.calls).toEqual(['1', '1']);
  });
});
