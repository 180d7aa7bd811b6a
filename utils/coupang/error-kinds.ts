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
  // Answering and confirming (issue 17; docs/answering.md#sending, docs/coupang-api.md#answering)
  'already-sending', // a write for this inquiry is already on its way (one write per inquiry); nothing sent
  'answer-changed', // read again just before sending: no longer answerable / confirmable, or another parent; nothing sent
  'write-unknown', // timeout, network error, 5xx or an unreadable 2xx after the body went out: it may have arrived
  'write-clock-corrected', // 401 expired signature on a write: the clock is corrected, the write is not resent
  'not-answerable', // 400 The inquiry can't be answer… (already answered, closed, a duplicate)
  'inquiry-closed', // This inquiry has closed. -522 (a confirm after its 24 hours)
  'answer-length', // the text is empty, under 2 or over 1000 characters (ours, unsent; or Coupang's 400)
  'parent-missing', // 400 The parentAnswerId is required. (or a parent Coupang does not accept)
  'wing-user-missing', // no Wing user ID given; nothing sent
  'wing-user-rejected', // 400 naming replyBy / confirmBy: Coupang does not know that Wing user ID
  'keys-changed', // the keys were changed while a write waited for its turn: it was not sent with the new ones
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
  /** A write (answer, confirm) whose outcome is unknown: it may or may not have reached Coupang. */
  outcomeUnknown?: boolean;
  /** After an unknown outcome the inquiry was read back once: whether the write shows there (absent: that read failed). */
  readBackFound?: boolean;
  /** 'answer-changed': why the inquiry can't take this write any more (utils/answer/eligibility.ts reasons, or 'parent-changed'). */
  reason?: string;
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
