import { createCoupangClient, type CoupangClientDeps } from '../coupang/client';
import type { ReplyBody } from '../coupang/client';
import type { Result } from '../coupang/error-kinds';
import type { CredentialsStore } from '../credentials-store';
import { failure, success } from '../messaging';
import { createSkewClock, observeSkew } from '../lookup/skew-clock';
import { legacyNames, storeNames, type StoreNames } from './store-key';
import { logFailure } from '../log';

export type CoupangClient = Pick<ReturnType<typeof createCoupangClient>, 'getInquiry' | 'testConnection' | 'listInquiries'> & {
  /** The saved vendor ID: for API paths only, never a storage key (use storeKey). */
  vendorId: string;
  /** Names the store without revealing the vendor ID: the breaker's key (utils/background/store-key.ts). */
  storeKey: string;
  /** Names this set of credentials without revealing them: it changes whenever the keys are saved. */
  holdKey: string;
};

export interface ClientProviderDeps extends CoupangClientDeps {
  offsets?: OffsetStore;
  /** This install's random salt (utils/credentials-store.ts installSalt). */
  salt: () => Promise<Uint8Array>;
  /**
   * Called with every client loaded (the first on a worker's start, then after each key change) before it is
   * used: the request economy carries state kept under the legacy names over, and forgets other stores'.
   */
  adopt?: (names: StoreNames, legacy: StoreNames) => Promise<void> | void;
}

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
export function createClientProvider(store: CredentialsStore, deps: ClientProviderDeps) {
  let pending: Promise<Result<CoupangClient>> | undefined;
  // One clock for every client: the offset outlives key changes (the computer's clock did not change).
  const clock = createSkewClock(deps.now);
  const restored = (deps.offsets?.get() ?? Promise.resolve(undefined)).then(
    (saved) => (typeof saved === 'number' ? clock.restore(saved) : undefined),
    // Unreadable: the first answer's Date header corrects the clock again.
    (error: unknown) => logFailure('clock offset: read', error),
  );

  async function corrected<T extends { serverDate?: number }>(call: () => Promise<Result<T>>): Promise<Result<T>> {
    const before = clock.offsetMs;
    // An expired signature that corrected the clock comes back marked; the lookup queue signs again (budgeted).
    const result = observeSkew(clock, await call(), before);
    // Not kept: a restarted worker learns it again from one answer. The answer itself is good either way.
    if (clock.offsetMs !== before) await deps.offsets?.set(clock.offsetMs).catch((error: unknown) => logFailure('clock offset: write', error));
    return result;
  }

  /**
   * A write learns from the Date header like any call, but is never signed and sent again: an expired
   * signature on a write corrects the clock and comes back as 'write-clock-corrected', for the seller to press
   * Send again (docs/answering.md#sending).
   */
  async function sentOnce<T extends { serverDate?: number }>(call: () => Promise<Result<T>>): Promise<Result<T>> {
    const result = await call();
    const corrected = clock.observe(result.ok ? result.value.serverDate : result.error.serverDate);
    if (corrected) await deps.offsets?.set(clock.offsetMs).catch(() => undefined);
    if (!result.ok && result.error.kind === 'signature-expired' && corrected) return { ok: false, error: { ...result.error, kind: 'write-clock-corrected' } };
    return result;
  }

  async function load(): Promise<Result<CoupangClient>> {
    await restored;
    const saved = await store.load();
    if (!saved?.hmacKey || !saved.accessKey || !saved.vendorId) return failure('no-credentials');
    const client = createCoupangClient(
      { fetch: deps.fetch, subtle: deps.subtle, now: clock.now },
      { accessKey: saved.accessKey, vendorId: saved.vendorId, hmacKey: saved.hmacKey },
    );
    const names = await storeNames(deps.subtle, await deps.salt(), saved.vendorId, saved.savedAt);
    await deps.adopt?.(names, legacyNames(saved.vendorId, saved.savedAt));
    return success({
      vendorId: saved.vendorId,
      ...names,
      getInquiry: (id, options) => corrected(() => client.getInquiry(id, options)),
      testConnection: (options) => corrected(() => client.testConnection(options)),
      // The write half (utils/answer/write-service.ts WriteClient), each sent once.
      postReply: (id: string, reply: ReplyBody) => sentOnce(() => client.postReply(id, reply)),
      postConfirm: (id: string, confirmBy: string) => sentOnce(() => client.postConfirm(id, confirmBy)),
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
