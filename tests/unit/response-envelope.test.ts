import { describe, expect, it } from 'vitest';
import { readEnvelope } from '@/utils/response-envelope';

describe('readEnvelope (answers coming back to a content script)', () => {
  it('passes well-formed answers through', () => {
    expect(readEnvelope({ ok: true, value: { a: 1 } })).toEqual({ ok: true, value: { a: 1 } });
    expect(readEnvelope({ ok: false, error: { kind: 'not-found', status: 404, detail: 'x' } })).toEqual({ ok: false, error: { kind: 'not-found', status: 404, detail: 'x' } });
  });

  it('rejects anything else: no answer, unknown kinds, wrong types, a success without value', () => {
    for (const answer of [undefined, null, 'ok', { ok: true }, { ok: false }, { ok: false, error: { kind: 'nope' } }, { ok: false, error: { kind: 'not-found', status: '404' } }, { ok: false, error: { kind: 'not-found', detail: 1 } }]) {
      expect(readEnvelope(answer), JSON.stringify(answer)).toBeUndefined();
    }
  });

  it('keeps what a surface shows of a pause, a hold and a remembered failure', () => {
    const error = { kind: 'rate-limited', status: 429, resumesAt: 5, held: false, fetchedAt: 1 };
    expect(readEnvelope({ ok: false, error: { ...error, retryAfter: '60', serverDate: 3 } })).toEqual({ ok: false, error });
    expect(readEnvelope({ ok: false, error: { kind: 'rate-limited', resumesAt: 'soon' } })).toBeUndefined();
  });

  it("keeps a write's outcome: unknown, what the read-back found, why it can't be sent any more", () => {
    const unknown = { kind: 'write-unknown', status: 500, outcomeUnknown: true, readBackFound: false };
    expect(readEnvelope({ ok: false, error: unknown })).toEqual({ ok: false, error: unknown });
    expect(readEnvelope({ ok: false, error: { kind: 'answer-changed', reason: 'parent-changed' } })).toEqual({ ok: false, error: { kind: 'answer-changed', reason: 'parent-changed' } });
    expect(readEnvelope({ ok: false, error: { kind: 'write-unknown', readBackFound: 'yes' } })).toBeUndefined();
    expect(readEnvelope({ ok: false, error: { kind: 'answer-changed', reason: 3 } })).toBeUndefined();
  });

  it('keeps only the known fields of an error', () => {
    expect(readEnvelope({ ok: false, error: { kind: 'network', secret: 'x' } })).toEqual({ ok: false, error: { kind: 'network' } });
  });
});
