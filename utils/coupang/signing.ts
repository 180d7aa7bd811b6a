/** Coupang's CEA request signing (docs/coupang-api.md#signing), on an injected WebCrypto. */

const encoder = new TextEncoder();

/** UTC `yyMMdd'T'HHmmss'Z'`, e.g. 251015T083000Z. */
export function formatSignedDate(epochMs: number): string {
  const iso = new Date(epochMs).toISOString(); // 2025-10-15T08:30:00.000Z
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** Imported once and reused: the background keeps the non-extractable key, never the secret text. */
export function importHmacKey(subtle: SubtleCrypto, secret: string, extractable = false): Promise<CryptoKey> {
  return subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, extractable, ['sign']);
}

/** Lowercase hex of HMAC-SHA256(key, UTF-8 message). */
export async function signMessage(subtle: SubtleCrypto, key: CryptoKey, message: string): Promise<string> {
  const mac = new Uint8Array(await subtle.sign('HMAC', key, encoder.encode(message)));
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function buildAuthorization({
  accessKey,
  signedDate,
  signature,
}: {
  accessKey: string;
  signedDate: string;
  signature: string;
}): string {
  return `CEA algorithm=HmacSHA256, access-key=${accessKey}, signed-date=${signedDate}, signature=${signature}`;
}

export interface SignRequestInput {
  subtle: SubtleCrypto;
  key: CryptoKey;
  accessKey: string;
  method: string;
  path: string;
  /** Exactly the query sent on the wire, without `?`; the gateway does not normalise it. */
  query: string;
  /** Epoch ms at the moment of sending. */
  now: number;
}

/** The Authorization header value for one request. */
export async function signRequest({ subtle, key, accessKey, method, path, query, now }: SignRequestInput): Promise<string> {
  const signedDate = formatSignedDate(now);
  const signature = await signMessage(subtle, key, `${signedDate}${method}${path}${query}`);
  return buildAuthorization({ accessKey, signedDate, signature });
}
