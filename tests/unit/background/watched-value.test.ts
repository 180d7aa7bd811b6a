import { describe, expect, it, vi } from 'vitest';
import { watchedValue } from '@/utils/background/watched-value';

function setup(read: () => Promise<boolean>) {
  let changed: (value: boolean) => void = () => {};
  const reads = vi.fn(read);
  const get = watchedValue(reads, (onChange) => (changed = onChange));
  return { get, reads, change: (value: boolean) => changed(value) };
}

describe('a watched stored value (sample mode on the lookup path)', () => {
  it('reads storage once for any number of lookups, then follows the watch without reading again', async () => {
    const { get, reads, change } = setup(async () => false);
    expect(await Promise.all([get(), get(), get()])).toEqual([false, false, false]);
    change(true);
    expect(await get()).toBe(true);
    change(false);
    expect(await get()).toBe(false);
    expect(reads).toHaveBeenCalledOnce();
  });

  it('does not keep a failed read', async () => {
    const { get, reads } = setup(vi.fn<() => Promise<boolean>>().mockRejectedValueOnce(new Error('storage busy')).mockResolvedValue(true));
    await expect(get()).rejects.toThrow('storage busy');
    expect(await get()).toBe(true);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('a change reported while the first read is in flight wins over the older value it returns', async () => {
    let finish!: (value: boolean) => void;
    const { get, change } = setup(() => new Promise((resolve) => (finish = resolve)));
    const first = get();
    change(true);
    finish(false);
    expect(await first).toBe(false);
    expect(await get()).toBe(true);
  });
});
