import { keyExpiry } from '../keys/key-expiry';
import type { LookupService } from '../lookup/lookup-service';
import { lookupSample } from '../samples/sample-lookup';

export interface SampleAndKeyDeps {
  /** Whether sample mode is on (storage.local, set by the extension's pages). */
  sampleMode: () => Promise<boolean>;
  /** When the saved key was issued, if a key is saved. */
  keyIssuedAt: () => Promise<number | undefined>;
  now: () => number;
}

/**
 * The background's lookups, aware of sample mode and the key's age: in sample mode, sample IDs are
 * answered from the bundle and nothing is sent; otherwise answers carry the key's expiry once it is
 * 14 days away, and a 401 after that date is explained as an expired key (docs/coupang-api.md#keys).
 */
export function withSamplesAndKeyAge(lookups: LookupService, deps: SampleAndKeyDeps): LookupService {
  return {
    ...lookups,
    async lookup(id, options) {
      if (await deps.sampleMode()) return lookupSample(id, deps.now());
      const result = await lookups.lookup(id, options);
      const issuedAt = await deps.keyIssuedAt();
      if (issuedAt === undefined) return result;
      const expiry = keyExpiry(issuedAt, deps.now());
      if (result.ok) return expiry.phase === 'valid' ? result : { ok: true, value: { ...result.value, keyExpiresAt: expiry.expiresAt } };
      const { error } = result;
      if (expiry.phase === 'expired' && error.status === 401 && error.kind !== 'signature-expired') {
        return { ok: false, error: { ...error, kind: 'key-expired' } };
      }
      return result;
    },
  };
}
