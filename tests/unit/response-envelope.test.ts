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

  it('keeps only the known fields of an error', () => {
    expect(readEnvelope({ ok: false, error: { kind: 'network', secret: 'x' } })).toEqual({ ok: false, error: { kind: 'network' } });
  });
});
