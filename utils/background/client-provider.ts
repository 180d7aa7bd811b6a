import { createCoupangClient, type CoupangClientDeps } from '../coupang/client';
import type { Result } from '../coupang/error-kinds';
import type { CredentialsStore } from '../credentials-store';
import { failure, success } from '../messaging';

export type CoupangClient = ReturnType<typeof createCoupangClient>;

/**
 * The API client built from the saved credentials, read from IndexedDB once per worker life
 * (and again after the keys change); a typed error while keys are missing.
 */
export function createClientProvider(store: CredentialsStore, deps: CoupangClientDeps) {
  let pending: Promise<Result<CoupangClient>> | undefined;

  async function load(): Promise<Result<CoupangClient>> {
    const saved = await store.load();
    if (!saved?.hmacKey || !saved.accessKey || !saved.vendorId) return failure('no-credentials');
    return success(createCoupangClient(deps, { accessKey: saved.accessKey, vendorId: saved.vendorId, hmacKey: saved.hmacKey }));
  }

  return {
    get(): Promise<Result<CoupangClient>> {
      pending ??= load().then((result) => {
        if (!result.ok) pending = undefined;
        return result;
      });
      return pending;
    },
    reset(): void {
      pending = undefined;
    },
  };
}

export type ClientProvider = ReturnType<typeof createClientProvider>;
