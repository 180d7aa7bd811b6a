import { keyExpiry } from '../keys/key-expiry';
import type { LookupService } from '../lookup/lookup-service';
import { lookupSample } from '../samples/sample-lookup';
import type { ErrorKind } from '../coupang/error-kinds';
import type { Inquiry } from '../coupang/inquiry';

/** The held kinds Coupang sends with a 401 (utils/coupang/classify.ts). */
const UNAUTHORIZED_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['invalid-signature', 'malformed-auth', 'not-authorized']);

export interface SampleAndKeyDeps {
  /** Whether sample mode is on (storage.local, set by the extension's pages). */
  sampleMode: () => Promise<boolean>;
  /** When the saved key was issued, if a key is saved. */
  keyIssuedAt: () => Promise<number | undefined>;
  /** Coupang's clock minus this computer's, as the gateway's Date header showed it (0 while it agrees). */
  clockOffsetMs: () => Promise<number>;
  now: () => number;
  /** Sample mode's answers and confirms (utils/answer/sample-writes.ts): the sample shows them. */
  sampleWrites?: { apply(inquiry: Inquiry): Promise<Inquiry> };
}

/**
 * The background's lookups, aware of sample mode and the key's age: in sample mode, sample IDs are
 * answered from the bundle and nothing is sent; otherwise answers carry the key's expiry once it is
 * 14 days away, and a 401 after that date is explained as an expired key (docs/coupang-api.md#keys).
 * Real answers also say how far off this computer's clock is, so deadlines count down on Coupang's clock
 * (docs/coupang-api.md#deadline); samples are made on this computer's clock.
 */
export function withSamplesAndKeyAge(lookups: LookupService, deps: SampleAndKeyDeps): LookupService {
  return {
    ...lookups,
    async lookup(id, options) {
      if (await deps.sampleMode()) {
        const sample = lookupSample(id, deps.now());
        if (!sample.ok || !deps.sampleWrites) return sample;
        return { ok: true, value: { ...sample.value, inquiry: await deps.sampleWrites.apply(sample.value.inquiry) } };
      }
      const result = await lookups.lookup(id, options);
      const [issuedAt, offset] = await Promise.all([deps.keyIssuedAt(), deps.clockOffsetMs()]);
      const expiry = issuedAt === undefined ? undefined : keyExpiry(issuedAt, deps.now());
      if (result.ok) {
        const value = { ...result.value };
        if (expiry && expiry.phase !== 'valid') value.keyExpiresAt = expiry.expiresAt;
        if (offset !== 0 && Number.isFinite(offset)) value.clockOffsetMs = offset;
        return { ok: true, value };
      }
      if (!expiry) return result;
      const { error } = result;
      // A held failure is refused without asking Coupang, so it has no status: its kind tells it was a 401.
      const was401 = error.status === 401 || (error.held === true && UNAUTHORIZED_KINDS.has(error.kind));
      if (expiry.phase === 'expired' && was401 && error.kind !== 'signature-expired') {
        return { ok: false, error: { ...error, kind: 'key-expired' } };
      }
      return result;
    },
  };
}
