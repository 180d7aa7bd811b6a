import { describe, expect, it } from 'vitest';
import type { Result } from '@/utils/coupang/error-kinds';
import { withSamplesAndKeyAge } from '@/utils/background/sample-and-key-lookups';
import type { LookupService } from '@/utils/lookup/lookup-service';
import type { LookupValue } from '@/utils/messaging';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 2);

function setup({
  sampleMode = false,
  issuedDaysAgo,
  answer,
  clockOffsetMs = 0,
}: {
  sampleMode?: boolean;
  issuedDaysAgo?: number;
  answer?: Result<LookupValue>;
  clockOffsetMs?: number;
}) {
  const asked: string[] = [];
  const real: LookupService = {
    async lookup(id) {
      asked.push(id);
      return answer ?? { ok: true, value: { inquiry: { inquiryId: id, vendorItemIds: [], replies: [], extra: {} }, fetchedAt: NOW, fromCache: false } };
    },
    async clear() {},
    async onBudget() {
      return { ok: true, value: null };
    },
    keysGeneration: () => 0,
    async prime() {},
    async flushed() {},
  };
  const lookups = withSamplesAndKeyAge(real, {
    sampleMode: async () => sampleMode,
    keyIssuedAt: async () => (issuedDaysAgo === undefined ? undefined : NOW - issuedDaysAgo * DAY),
    clockOffsetMs: async () => clockOffsetMs,
    now: () => NOW,
  });
  return { lookups, asked };
}

describe('background lookups with sample mode and key age', () => {
  it('in sample mode, answers samples from the bundle and sends nothing, for samples and other IDs alike', async () => {
    const { lookups, asked } = setup({ sampleMode: true, issuedDaysAgo: 170 });
    expect(await lookups.lookup('7000000001', { refresh: true })).toMatchObject({ ok: true, value: { sample: true } });
    expect(await lookups.lookup('258799946')).toEqual({ ok: false, error: { kind: 'not-sample' } });
    expect(asked).toEqual([]);
  });

  it('adds the expiry date to answers from 14 days before it, not earlier', async () => {
    expect(await setup({ issuedDaysAgo: 165 }).lookups.lookup('1')).not.toHaveProperty('value.keyExpiresAt');
    expect(await setup({ issuedDaysAgo: 170 }).lookups.lookup('1')).toMatchObject({ ok: true, value: { keyExpiresAt: NOW + 10 * DAY } });
    expect(await setup({}).lookups.lookup('1')).not.toHaveProperty('value.keyExpiresAt');
  });

  it('explains a 401 after the expiry date as an expired key, but not a clock error or an earlier 401', async () => {
    const denied: Result<LookupValue> = { ok: false, error: { kind: 'not-authorized', status: 401, detail: 'Request is not authorized.' } };
    expect(await setup({ issuedDaysAgo: 181, answer: denied }).lookups.lookup('1')).toEqual({
      ok: false,
      error: { kind: 'key-expired', status: 401, detail: 'Request is not authorized.' },
    });
    expect(await setup({ issuedDaysAgo: 170, answer: denied }).lookups.lookup('1')).toEqual(denied);
    const clock: Result<LookupValue> = { ok: false, error: { kind: 'signature-expired', status: 401 } };
    expect(await setup({ issuedDaysAgo: 181, answer: clock }).lookups.lookup('1')).toEqual(clock);
  });

  it('keeps saying the key expired on later lookups, refused by the hold without asking Coupang (no status)', async () => {
    const held: Result<LookupValue> = { ok: false, error: { kind: 'not-authorized', held: true } };
    expect(await setup({ issuedDaysAgo: 181, answer: held }).lookups.lookup('1')).toEqual({ ok: false, error: { kind: 'key-expired', held: true } });
    expect(await setup({ issuedDaysAgo: 170, answer: held }).lookups.lookup('1')).toEqual(held);
    const ip: Result<LookupValue> = { ok: false, error: { kind: 'ip-not-allowed', held: true } };
    expect(await setup({ issuedDaysAgo: 181, answer: ip }).lookups.lookup('1')).toEqual(ip);
  });

  it("tells every answer how far Coupang's clock is from this computer's, once the gateway showed it (docs/coupang-api.md#deadline)", async () => {
    expect(await setup({ clockOffsetMs: -90_000 }).lookups.lookup('1')).toMatchObject({ ok: true, value: { clockOffsetMs: -90_000 } });
    expect(await setup({}).lookups.lookup('1')).not.toHaveProperty('value.clockOffsetMs');
    // Samples are made on this computer's clock: nothing to correct.
    expect(await setup({ sampleMode: true, clockOffsetMs: -90_000 }).lookups.lookup('7000000001')).not.toHaveProperty('value.clockOffsetMs');
  });
});
