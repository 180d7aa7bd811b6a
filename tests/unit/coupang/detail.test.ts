import { describe, expect, it } from 'vitest';
import { classifyFailure } from '@/utils/coupang/classify';
import { toDetail } from '@/utils/coupang/detail';

const ACCESS_KEY = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';
const SECRET = 'f00dcafe0123456789abcdef0123456789abcdef';
const SIGNATURE = 'ab'.repeat(32);

describe('gateway text shown to the seller', () => {
  it('hides anything shaped like a key or signature, and keeps the rest of the message', () => {
    const echoed = `Invalid signature. CEA algorithm=HmacSHA256, access-key=${ACCESS_KEY}, signed-date=251015T083000Z, signature=${SIGNATURE} secret ${SECRET}`;
    const shown = toDetail(echoed)!;
    for (const secret of [ACCESS_KEY, SECRET, SIGNATURE, '251015T083000Z']) expect(shown).not.toContain(secret);
    expect(shown).toContain('Invalid signature.');
    expect(shown).toContain('[hidden]');
  });

  it('hides a bare access key, secret or signature in a JSON message', () => {
    const error = classifyFailure(401, JSON.stringify({ code: 'ERROR', message: `Request is not authorized. key ${ACCESS_KEY} sig ${SIGNATURE}` }), 'application/json');
    expect(error.detail).toBe('Request is not authorized. key [hidden] sig [hidden]');
  });

  it('leaves ordinary messages alone', () => {
    expect(toDetail('Not allowed IP : 203.0.113.7')).toBe('Not allowed IP : 203.0.113.7');
    expect(toDetail('Invalid format inquiryId : 12ab')).toBe('Invalid format inquiryId : 12ab');
  });
});
