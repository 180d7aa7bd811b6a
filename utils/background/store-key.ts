/**
 * Names a store (vendor ID) and one saved set of credentials without revealing them: an HMAC-SHA-256 under
 * this install's random salt, which lives in the extension's IndexedDB (utils/credentials-store.ts). The
 * request economy keys its breakers and holds by these names in storage.local, which content scripts can
 * read; the vendor ID itself never goes there (docs/request-economy.md#breaker).
 */
export interface StoreNames {
  /** The store's breaker: the same for every save of the same vendor ID on this install. */
  storeKey: string;
  /** These credentials' hold: changes whenever the keys are saved. */
  holdKey: string;
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

export async function storeNames(subtle: SubtleCrypto, salt: Uint8Array, vendorId: string, savedAt: number): Promise<StoreNames> {
  const key = await subtle.importKey('raw', salt as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const name = async (label: string) => hex(await subtle.sign('HMAC', key, new TextEncoder().encode(label))).slice(0, 32);
  // Labels keep the two names apart: a store name never equals a hold name.
  const [store, hold] = await Promise.all([name(`store\u0000${vendorId}`), name(`hold\u0000${vendorId}\u0000${savedAt}`)]);
  return { storeKey: `store:${store}`, holdKey: `hold:${hold}` };
}

/** The names used in storage.local before they were hashed (the vendor ID itself), to carry their state over once. */
export function legacyNames(vendorId: string, savedAt: number): StoreNames {
  return { storeKey: vendorId, holdKey: `${vendorId}@${savedAt}` };
}
