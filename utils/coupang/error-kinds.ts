/**
 * Every way a lookup can fail. One kind per row of docs/coupang-api.md#errors, plus failures on our side.
 * The UI turns a kind into a message that says what happened and what to do (utils/i18n).
 */
export const ERROR_KINDS = [
  'invalid-id', // 400 Invalid format inquiryId
  'bad-request', // 400 with any other message
  'invalid-signature', // 401 Invalid signature.
  'signature-expired', // 401 Specified signature is expired. (clock skew)
  'malformed-auth', // 401 HMAC format is invalid.
  'not-authorized', // 401 Request is not authorized. (wrong/expired access key)
  'ip-not-allowed', // 403 ... Not allowed IP ...
  'blocked', // 403 HTML "Access Denied" page: temporary block after many errors; or a 302 (IP or vendor blocked)
  'forbidden', // 403 JSON with any other message
  'not-found', // 404 Inquiry not found
  'other-vendor', // 404 Vendor id should be same with the vendor id in this inquiry
  'rate-limited', // 429
  'server-error', // 500, 502, 503
  'gateway-timeout', // 504, 524: backend over the gateway's 3 s budget
  'gateway-unreachable', // 521: gateway cannot reach the backend
  'unexpected-status', // any other status
  'network', // fetch rejected: offline, DNS, TLS, connection refused
  'timeout', // our own total timeout (10 s) elapsed
  'aborted', // the caller aborted (e.g. hover abandoned); not shown to the user
  'not-json', // a 2xx whose body is not JSON
  'bad-response', // JSON that fails the response schema
  'no-credentials', // keys not saved yet
  'invalid-input', // text that holds no inquiry ID; no request is sent
  'extension-error', // the background could not be reached (worker gone, extension updated or reloaded)
  'not-sample', // sample mode is on and the ID is not one of the samples; no request is sent
  'key-expired', // a 401 after the key's 180 days ran out (docs/coupang-api.md#keys)
  'internal', // the background reached, but it failed unexpectedly handling the request (a bug; logged there)
  'storage-failed', // the browser refused to store something the seller saved (disk full, profile read-only)
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

/** A failure as it crosses every boundary: a kind, plus details safe to show (never a key). */
export interface LookupError {
  kind: ErrorKind;
  /** HTTP status when the gateway answered. */
  status?: number;
  /** The gateway's own message, for the details line (already free of secrets). */
  detail?: string;
  /** The gateway's `Date` header (epoch ms): on an expired signature, it tells how far this clock is off. */
  serverDate?: number;
  /** The gateway's `Retry-After` header as sent (on a 429); read by the breaker, never shown. */
  retryAfter?: string;
  /** The gateway sent `X-CAG-Warnings`: this store is near the throttle (docs/request-economy.md#warnings). */
  cagWarning?: boolean;
  /** Lookups for this store are paused until then (epoch ms): the UI counts down (docs/request-economy.md#breaker). */
  resumesAt?: number;
  /** These credentials failed for good: no automatic lookups until the keys change or the seller presses Retry. */
  held?: boolean;
  /** A remembered failure (not found, other store): when Coupang said so (epoch ms). */
  fetchedAt?: number;
  /**
   * An expired signature whose answer corrected this computer's clock: signing again should pass. The lookup
   * queue sends it again once, through the budget like any request (docs/request-economy.md#clock). Never shown.
   */
  clockCorrected?: boolean;
}

export type Result<T, E = LookupError> = { ok: true; value: T } | { ok: false; error: E };
