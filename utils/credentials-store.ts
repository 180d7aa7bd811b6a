/**
 * The seller's Open API credentials, kept in the extension's own IndexedDB — a place content scripts
 * and web pages cannot read. The secret key is stored only as a non-extractable WebCrypto HMAC key:
 * once imported, its text exists nowhere, and even the extension cannot read it back.
 */
export interface StoredCredentials {
  accessKey: string;
  vendorId: string;
  hmacKey?: CryptoKey;
  savedAt: number;
  /** When the key was issued (epoch ms): set when a new secret is saved, correctable by the seller. */
  keyIssuedAt?: number;
}

const DB_NAME = 'cs-lens';
const STORE = 'credentials';
const RECORD_KEY = 'current';
/** A random value made once per install: names the store in storage.local without revealing the vendor ID. */
const SALT_KEY = 'install-salt';
export const SALT_BYTES = 32;

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function createCredentialsStore(idb: IDBFactory) {
  let dbPromise: Promise<IDBDatabase> | undefined;

  function open(): Promise<IDBDatabase> {
    dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = idb.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }).catch((error: unknown) => {
      // Neither a failed open nor one that threw is kept: the next call opens again.
      dbPromise = undefined;
      throw error;
    });
    return dbPromise;
  }

  async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await open();
    return promisify(action(db.transaction(STORE, mode).objectStore(STORE)));
  }

  /**
   * The record as last read or written. The background is the only writer (the extension's pages save
   * through it), so its copy stays true until its own next save; every lookup asks for the key's age,
   * and that costs no IndexedDB read. A failed read is not kept.
   */
  let current: Promise<StoredCredentials | undefined> | undefined;

  return {
    async load(): Promise<StoredCredentials | undefined> {
      const reading = (current ??= run('readonly', (store) => store.get(RECORD_KEY)).then(
        (record) => record as StoredCredentials | undefined,
        (error: unknown) => {
          if (current === reading) current = undefined;
          throw error;
        },
      ));
      const record = await reading;
      return record && { ...record };
    },
    /**
     * This install's random salt (made on first use, kept here where content scripts cannot read it): the
     * background names stores and credentials by an HMAC of the vendor ID under it (utils/background/store-key.ts).
     */
    async installSalt(): Promise<Uint8Array> {
      const db = await open();
      const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
      // Read and (if missing) write in one transaction: two workers can never make two salts.
      const saved = (await promisify(store.get(SALT_KEY))) as unknown;
      if (saved instanceof Uint8Array && saved.length === SALT_BYTES) return saved;
      const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
      await promisify(store.put(salt, SALT_KEY));
      return salt;
    },
    async save(credentials: StoredCredentials): Promise<void> {
      current = undefined;
      try {
        await run('readwrite', (store) => store.put(credentials, RECORD_KEY));
      } finally {
        // A read that began before the write finished may hold the old record: read again next time.
        current = undefined;
      }
    },
  };
}

/** The credentials record; the install salt is handed only to the client provider (ClientProviderDeps.salt). */
export type CredentialsStore = Omit<ReturnType<typeof createCredentialsStore>, 'installSalt'>;
