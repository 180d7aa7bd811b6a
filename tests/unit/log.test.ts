import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeFailure, loggedAs, logFailure, setFailureSink } from '@/utils/log';

// Issue 16, item 17: failures are logged once where caught, by where and what kind, never with data.
afterEach(() => setFailureSink(console));

describe('logFailure', () => {
  it("prints where and the error's name, never its message (which may carry a key, an ID or inquiry text)", () => {
    const warn = vi.fn();
    setFailureSink({ warn });
    logFailure('lookup cache: write', new DOMException('quota exceeded writing inquiry 1015668177 for A00012345', 'QuotaExceededError'));
    logFailure('router: lookup', new TypeError('secret f00dcafe0123456789abcdef is not a function'));
    expect(warn.mock.calls).toEqual([['[CS Lens] lookup cache: write: QuotaExceededError'], ['[CS Lens] router: lookup: TypeError']]);
  });

  it('a lookup error says its kind and status; a thrown non-error only its type', () => {
    expect(describeFailure({ kind: 'rate-limited', status: 429, detail: 'inquiry 1015668177', retryAfter: '4' })).toBe('kind=rate-limited status=429');
    expect(describeFailure('A00012345 secret')).toBe('string');
    expect(describeFailure(undefined)).toBe('undefined');
    expect(describeFailure(null)).toBe('null');
  });

  it('drops a name or kind that is not a plain short token (data smuggled into it)', () => {
    const smuggled = Object.assign(new Error('x'), { name: 'Error for A00012345 key f00dcafe', kind: 'not a kind 1015668177' });
    expect(describeFailure(smuggled)).toBe('object');
    expect(describeFailure({ status: 99999 })).toBe('object');
  });
});

describe('loggedAs', () => {
  it('logs a rejection nobody awaits, once, by where and name', async () => {
    const warn = vi.fn();
    setFailureSink({ warn });
    await Promise.reject(new DOMException('quota: 1015668177', 'QuotaExceededError')).catch(loggedAs('page: remember the lookup'));
    expect(warn.mock.calls).toEqual([['[CS Lens] page: remember the lookup: QuotaExceededError']]);
  });
});
