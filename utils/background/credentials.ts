import { importHmacKey } from '../coupang/signing';
import type { CredentialsStore, StoredCredentials } from '../credentials-store';
import type { LookupError, Result } from '../coupang/error-kinds';
import type { CredentialsStatus } from '../messaging';
import { checkCredentials, type CredentialsInput } from '../credentials-check';
import { logFailure } from '../log';

/** Writes the record; a write the browser refuses (disk full) is logged and answered 'storage-failed', nothing changed. */
async function write(store: CredentialsStore, next: StoredCredentials): Promise<Result<CredentialsStatus>> {
  try {
    await store.save(next);
  } catch (error) {
    logFailure('credentials: save', error);
    return { ok: false, error: { kind: 'storage-failed' } };
  }
  return { ok: true, value: statusOf(next) };
}

export function statusOf(stored: StoredCredentials | undefined): CredentialsStatus {
  const status: CredentialsStatus = { hasSecret: Boolean(stored?.hmacKey), accessKey: stored?.accessKey ?? '', vendorId: stored?.vendorId ?? '' };
  return stored?.hmacKey && stored.keyIssuedAt !== undefined ? { ...status, keyIssuedAt: stored.keyIssuedAt } : status;
}

/** Saves access key and vendor ID; a new secret is imported once into a non-extractable key and its text dropped. */
export async function saveCredentials(
  store: CredentialsStore,
  subtle: SubtleCrypto,
  input: CredentialsInput,
  now: number,
): Promise<Result<CredentialsStatus>> {
  const { values, problems } = checkCredentials(input);
  const first = problems[0];
  if (first) return { ok: false, error: invalid(`${first.field}: ${first.problem}`) };
  const previous = await store.load();
  const hmacKey = values.secretKey ? await importHmacKey(subtle, values.secretKey, false) : previous?.hmacKey;
  // A new secret is a new key: its 180 days start now (the seller can correct the date).
  const keyIssuedAt = values.secretKey ? now : previous?.keyIssuedAt;
  const next: StoredCredentials = {
    accessKey: values.accessKey,
    vendorId: values.vendorId,
    savedAt: now,
    ...(hmacKey ? { hmacKey } : {}),
    ...(hmacKey && keyIssuedAt !== undefined ? { keyIssuedAt } : {}),
  };
  return write(store, next);
}

export async function clearSecret(store: CredentialsStore, now: number): Promise<Result<CredentialsStatus>> {
  const previous = await store.load();
  const next: StoredCredentials = { accessKey: previous?.accessKey ?? '', vendorId: previous?.vendorId ?? '', savedAt: now };
  return write(store, next);
}

/** The seller corrects when the saved key was issued in Wing; only a saved key has an issue date. */
export async function setKeyIssued(store: CredentialsStore, issuedAt: number, now: number): Promise<Result<CredentialsStatus>> {
  const previous = await store.load();
  if (!previous?.hmacKey) return { ok: false, error: { kind: 'no-credentials' } };
  if (issuedAt > now) return { ok: false, error: invalid('keyIssuedAt: in the future') };
  const next: StoredCredentials = { ...previous, keyIssuedAt: issuedAt };
  return write(store, next);
}

function invalid(detail: string): LookupError {
  return { kind: 'invalid-input', detail };
}
