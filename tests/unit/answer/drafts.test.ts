import { describe, expect, it } from 'vitest';
import { createDraftStore, type DraftStorage } from '../../../utils/answer/drafts';

function memory(initial?: unknown): DraftStorage & { value: unknown; writes: number } {
  const box = {
    value: initial,
    writes: 0,
    async getValue() {
      return box.value;
    },
    async setValue(value: unknown) {
      box.writes += 1;
      box.value = structuredClone(value);
    },
  };
  return box;
}

describe('draft store', () => {
  it('saves, reads and discards per inquiry, mirrored to session storage', async () => {
    const storage = memory();
    const store = createDraftStore(storage, () => 1000);
    await store.save('1', '안녕하세요');
    await store.save('2', 'other');
    expect(await store.get('1')).toEqual({ text: '안녕하세요', savedAt: 1000 });
    expect(storage.value).toEqual({ '1': { text: '안녕하세요', savedAt: 1000 }, '2': { text: 'other', savedAt: 1000 } });
    await store.discard('1');
    expect(await store.get('1')).toBeNull();
    expect(storage.value).toEqual({ '2': { text: 'other', savedAt: 1000 } });
  });

  it('survives a worker restart (a new store over the same storage)', async () => {
    const storage = memory();
    await createDraftStore(storage, () => 5).save('7', 'draft');
    expect(await createDraftStore(storage, () => 6).get('7')).toEqual({ text: 'draft', savedAt: 5 });
  });

  it('drops malformed stored entries and clamps future times', async () => {
    const storage = memory({ '1': { text: 'ok', savedAt: 9e15 }, x: { text: 'bad id', savedAt: 1 }, '2': { text: 3 }, '3': null });
    const store = createDraftStore(storage, () => 100);
    expect(await store.get('1')).toEqual({ text: 'ok', savedAt: 100 });
    expect(await store.get('2')).toBeNull();
    expect(await store.get('3')).toBeNull();
  });

  it('an empty save discards; discarding nothing writes nothing', async () => {
    const storage = memory();
    const store = createDraftStore(storage, () => 1);
    await store.save('1', 'x');
    await store.save('1', '');
    expect(await store.get('1')).toBeNull();
    const writes = storage.writes;
    await store.discard('9');
    expect(storage.writes).toBe(writes);
  });
});
