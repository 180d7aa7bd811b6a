import { createCoupangClient, type CoupangClientDeps } from '../coupang/client';
import type { Result } from '../coupang/error-kinds';
import type { CredentialsStore } from '../credentials-store';
import { failure, success } from '../messaging';
import { createSkewClock, withSkewCorrection } from '../lookup/skew-clock';

export type CoupangClient = Pick<ReturnType<typeof createCoupangClient>, 'getInquiry' | 'testConnection' | 'listInquiries'> & {
  vendorId: string;
  /** Names this set of credentials without revealing them: it changes whenever the keys are saved. */
  holdKey: string;
};

/** Where the clock correction outlives the worker (storage.session): a cold start must not cost a 401 first. */
export interface OffsetStore {
  get(): Promise<number | null | undefined>;
  set(offsetMs: number): Promise<void>;
}

/**
 * The API client built from the saved credentials, read from IndexedDB once per worker life
 * (and again after the keys change); a typed error while keys are missing. Its clock corrects itself
 * from the gateway's Date header, and the correction is kept in `offsets` across worker restarts.
 */
export function createClientProvider(store: CredentialsStore, deps: CoupangClientDeps & { offsets?: OffsetStore }) {
  let pending: Promise<Result<CoupangClient>> | undefined;
  // One clock for every client: the offset outlives key changes (the computer's clock did not change).
  const clock = createSkewClock(deps.now);
  const restored = (deps.offsets?.get() ?? Promise.resolve(undefined)).then(
    (saved) => (typeof saved === 'number' ? clock.restore(saved) : undefined),
    () => undefined,
  );

  async function corrected<T extends { serverDate?: number }>(call: () => Promise<Result<T>>): Promise<Result<T>> {
    const before = clock.offsetMs;
    const result = await withSkewCorrection(clock, call);
    if (clock.offsetMs !== before) await deps.offsets?.set(clock.offsetMs).catch(() => undefined);
    return result;
  }

  async function load(): Promise<Result<CoupangClient>> {
    await restored;
    const saved = await store.load();
    if (!saved?.hmacKey || !saved.accessKey || !saved.vendorId) return failure('no-credentials');
    const client = createCoupangClient({ ...deps, now: clock.now }, { accessKey: saved.accessKey, vendorId: saved.vendorId, hmacKey: saved.hmacKey });
    return success({
      vendorId: saved.vendorId,
      holdKey: `${saved.vendorId}@${saved.savedAt}`,
      getInquiry: (id, options) => corrected(() => client.getInquiry(id, options)),
      testConnection: (options) => corrected(() => client.testConnection(options)),
      listInquiries: (status, window, pageNum, options) => corrected(() => client.listInquiries(status, window, pageNum, options)),
    });
  }

  return {
    get(): Promise<Result<CoupangClient>> {
      // Neither a missing key nor a failed read is kept: the next call reads again.
      const loading = (pending ??= load().then(
        (result) => {
          if (!result.ok && pending === loading) pending = undefined;
          return result;
        },
        (error: unknown) => {
          if (pending === loading) pending = undefined;
          throw error;
        },
      ));
      return loading;
    },
    reset(): void {
      pending = undefined;
    },
    /** Coupang's clock minus this computer's, as last measured (also by an earlier worker); 0 while they agree. */
    async clockOffsetMs(): Promise<number> {
      await restored;
      return clock.offsetMs;
    },
  };
}

export type ClientProvider = ReturnType<typeof createClientProvider>;
