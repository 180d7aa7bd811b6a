import { createCoupangClient, type CoupangClientDeps } from '../coupang/client';
import type { Result } from '../coupang/error-kinds';
import type { CredentialsStore } from '../credentials-store';
import { failure, success } from '../messaging';
import { createSkewClock, withSkewCorrection } from '../lookup/skew-clock';

export type CoupangClient = Pick<ReturnType<typeof createCoupangClient>, 'getInquiry' | 'testConnection'>;

/**
 * The API client built from the saved credentials, read from IndexedDB once per worker life
 * (and again after the keys change); a typed error while keys are missing. Its clock corrects itself
 * from the gateway's Date header.
 */
export function createClientProvider(store: CredentialsStore, deps: CoupangClientDeps) {
  let pending: Promise<Result<CoupangClient>> | undefined;
  // One clock for every client: the offset outlives key changes (the computer's clock did not change).
  const clock = createSkewClock(deps.now);

  async function load(): Promise<Result<CoupangClient>> {
    const saved = await store.load();
    if (!saved?.hmacKey || !saved.accessKey || !saved.vendorId) return failure('no-credentials');
    const client = createCoupangClient({ ...deps, now: clock.now }, { accessKey: saved.accessKey, vendorId: saved.vendorId, hmacKey: saved.hmacKey });
    return success({
      getInquiry: (id, options) => withSkewCorrection(clock, () => client.getInquiry(id, options)),
      testConnection: (options) => withSkewCorrection(clock, () => client.testConnection(options)),
    });
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
