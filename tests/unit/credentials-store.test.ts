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

  it('reads IndexedDB once per worker life: every lookup asks for the key age, and the read is not repeated until a save', async () => {
    const real = new IDBFactory();
    let reads = 0;
    // Counts the record reads: the background is the store's only writer, so its copy stays true until it saves.
    const counting = {
      open: (name: string, version?: number) => {
        const request = real.open(name, version);
        request.addEventListener('success', () => {
          const db = request.result;
          const transaction = db.transaction.bind(db);
          db.transaction = ((...args: Parameters<IDBDatabase['transaction']>) => {
            const tx = transaction(...args);
            const objectStore = tx.objectStore.bind(tx);
            tx.objectStore = (storeName: string) => {
              const store = objectStore(storeName);
              const get = store.get.bind(store);
              store.get = (query: IDBValidKey | IDBKeyRange) => {
                reads += 1;
                return get(query);
              };
              return store;
            };
            return tx;
          }) as IDBDatabase['transaction'];
        });
        return request;
      },
    } as unknown as IDBFactory;
    const store = createCredentialsStore(counting);
    await store.save({ accessKey: 'ak', vendorId: 'A00012345', savedAt: 1, keyIssuedAt: 10 });
    await Promise.all([store.load(), store.load()]);
    expect((await store.load())?.keyIssuedAt).toBe(10);
    expect(reads).toBe(1);
    await store.save({ accessKey: 'ak', vendorId: 'A00012345', savedAt: 2, keyIssuedAt: 20 });
    expect((await store.load())?.keyIssuedAt).toBe(20);
    expect(reads).toBe(2);
    // A caller that changes what it was given does not change the store's copy.
    const loaded = await store.load();
    if (loaded) loaded.keyIssuedAt = 99;
    expect((await store.load())?.keyIssuedAt).toBe(20);
  });
});

describe('install salt (issue 16, item 16)', () => {
  it('is made once, 32 random bytes, and read back by a restarted worker; another install has another', async () => {
    const idb = new IDBFactory();
    const salt = await createCredentialsStore(idb).installSalt();
    expect(salt).toBeInstanceOf(Uint8Array);
    expect(salt).toHaveLength(32);
    expect(await createCredentialsStore(idb).installSalt()).toEqual(salt);
    // Two workers asking at once still agree on one salt.
    const [a, b] = await Promise.all([createCredentialsStore(idb).installSalt(), createCredentialsStore(idb).installSalt()]);
    expect(a).toEqual(salt);
    expect(b).toEqual(salt);
    expect(await createCredentialsStore(new IDBFactory()).installSalt()).not.toEqual(salt);
  });

  it('lives beside the credentials, which it leaves alone', async () => {
    const idb = new IDBFactory();
    const store = createCredentialsStore(idb);
    await store.save({ accessKey: 'ak', vendorId: 'A00012345', savedAt: 1 });
    await store.installSalt();
    expect(await createCredentialsStore(idb).load()).toEqual({ accessKey: 'ak', vendorId: 'A00012345', savedAt: 1 });
  });
});
