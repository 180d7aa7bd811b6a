import { describe, expect, it, vi } from 'vitest';
import { MAX_WING_TABS, createWingTabs } from '@/utils/background/wing-tabs';

function store(initial: unknown = undefined) {
  let value = initial;
  return {
    get: vi.fn(async () => value),
    set: vi.fn(async (tabIds: number[]) => void (value = tabIds)),
    value: () => value,
  };
}

describe('the tabs where a Wing content script started (issue 16 item 14)', () => {
  it('records started tabs, forgets closed or reloading ones, and empties on browser start', async () => {
    const saved = store();
    const tabs = createWingTabs(saved, vi.fn());
    await tabs.started(3);
    await tabs.started(7);
    await tabs.started(3);
    expect(saved.value()).toEqual([7, 3]);
    await tabs.gone(7);
    expect(saved.value()).toEqual([3]);
    await tabs.clear();
    expect(saved.value()).toEqual([]);
  });

  it('events arriving together lose nothing (one read-modify-write at a time)', async () => {
    const saved = store([]);
    const tabs = createWingTabs(saved, vi.fn());
    await Promise.all([tabs.started(1), tabs.started(2), tabs.started(3), tabs.gone(9)]);
    expect(saved.value()).toEqual([1, 2, 3]);
  });

  it('keeps the latest tabs up to its cap; junk in storage counts as none', async () => {
    const saved = store(['x', -1, 2.5, 4]);
    const tabs = createWingTabs(saved, vi.fn());
    for (let id = 100; id < 100 + MAX_WING_TABS + 5; id++) await tabs.started(id);
    expect(saved.value()).toHaveLength(MAX_WING_TABS);
    expect((saved.value() as number[]).at(-1)).toBe(100 + MAX_WING_TABS + 4);
    expect(saved.value()).not.toContain(4);
  });

  it('a failed write is logged once, names no data, and the next change still goes through', async () => {
    const saved = store([]);
    saved.set.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const log = vi.fn();
    const tabs = createWingTabs(saved, log);
    await tabs.started(5);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toBe('wing tabs not saved');
    await tabs.started(6);
    expect(saved.value()).toEqual([6]);
  });
});
