import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { importHmacKey } from '@/utils/coupang/signing';
import { createCredentialsStore } from '@/utils/credentials-store';

const SECRET = 'f00dcafe0123456789abcdef0123456789abcdef';

describe('credentials store', () => {
  it('loads nothing before a save, then what was saved, across store instances (a worker restart)', async () => {
    const idb = new IDBFactory();
    expect(await createCredentialsStore(idb).load()).toBeUndefined();
    const hmacKey = await importHmacKey(globalThis.crypto.subtle, SECRET, false);
    await createCredentialsStore(idb).save({ accessKey: 'ak', vendorId: 'A00012345', hmacKey, savedAt: 5 });
    const loaded = await createCredentialsStore(idb).load();
    expect(loaded).toMatchObject({ accessKey: 'ak', vendorId: 'A00012345', savedAt: 5 });
    expect(loaded?.hmacKey?.extractable).toBe(false);
  });

  it('replaces the one record on every save (clearing the secret leaves no key behind)', async () => {
    const idb = new IDBFactory();
    const store = createCredentialsStore(idb);
    const hmacKey = await importHmacKey(globalThis.crypto.subtle, SECRET, false);
    await store.save({ accessKey: 'ak', vendorId: 'A00012345', hmacKey, savedAt: 1 });
    await store.save({ accessKey: 'ak', vendorId: 'A00012345', savedAt: 2 });
    expect(await store.load()).toEqual({ accessKey: 'ak', vendorId: 'A00012345', savedAt: 2 });
  });

  it('a failed open is not kept: the next call opens again', async () => {
    const real = new IDBFactory();
    // A database already at version 5: opening it at version 1 fails with a VersionError (onerror).
    await new Promise((resolve) => (real.open('newer', 5).onsuccess = (event) => resolve((event.target as IDBOpenDBRequest).result.close())));
    let fail = true;
    const flaky = {
      open: (name: string, version?: number) => {
        if (!fail) return real.open(name, version);
        fail = false;
        return real.open('newer', version);
      },
    } as unknown as IDBFactory;
    const store = createCredentialsStore(flaky);
    await expect(store.load()).rejects.toBeDefined();
    expect(await store.load()).toBeUndefined();
  });

  it('an open that throws is not kept either', async () => {
    const real = new IDBFactory();
    let calls = 0;
    const throwing = {
      open: (name: string, version?: number) => {
        calls += 1;
        if (calls === 1) throw new DOMException('blocked by policy', 'SecurityError');
        return real.open(name, version);
      },
    } as unknown as IDBFactory;
    const store = createCredentialsStore(throwing);
    await expect(store.load()).rejects.toThrow('blocked by policy');
    expect(await store.load()).toBeUndefined();
  });
});
