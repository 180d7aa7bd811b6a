import { classifyFailure, classifyWriteFailure } from './classify';
import type { LookupError, Result } from './error-kinds';
import type { Inquiry } from './inquiry';
import { isInquiryId } from './inquiry-id';
import { koreaDay } from './korea-time';
import { parseInquiryResponse, parseListResponse } from './schema';
import { signRequest } from './signing';

/** Coupang Open API client: injected fetch, clock and WebCrypto, no browser globals. */

export interface CoupangClientDeps {
  fetch: typeof fetch;
  subtle: SubtleCrypto;
  now: () => number;
}

export interface CoupangCredentials {
  accessKey: string;
  vendorId: string;
  hmacKey: CryptoKey;
}

/** A lookup failure, plus the gateway's clock when it answered (to correct skew after 'signature-expired'). */
export type CoupangError = LookupError;

export const COUPANG_ORIGIN = 'https://api-gateway.coupang.com';
export const LOOKUP_TIMEOUT_MS = 10_000;

/** Where an answer (`replies`) or a confirm (`confirms`) is POSTed (docs/coupang-api.md#answering). */
export function writePath(vendorId: string, inquiryId: string, what: 'replies' | 'confirms'): string {
  if (!isInquiryId(inquiryId)) throw new RangeError('not an inquiry ID');
  return `/v2/providers/openapi/apis/api/v4/vendors/${encodeURIComponent(vendorId)}/callCenterInquiries/${inquiryId}/${what}`;
}

export interface ReplyBody {
  content: string;
  replyBy: string;
  parentAnswerId: string;
}

/** A write's answer: the gateway's clock (to correct skew without resending) and its warning flag. */
export interface WriteAnswer {
  serverDate?: number;
  cagWarning: boolean;
}

/** Coupang's OK for a write: `{"code":"200","message":"OK"}` (code also seen as a number on lookups). */
function parseWriteOk(body: string): Result<null> {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed !== null && typeof parsed === 'object' && 'code' in parsed && String(parsed.code) === '200') return { ok: true, value: null };
    return { ok: false, error: { kind: 'bad-response' } };
  } catch {
    return { ok: false, error: { kind: 'not-json' } };
  }
}

export function inquiryPath(inquiryId: string): string {
  if (!isInquiryId(inquiryId)) throw new RangeError('not an inquiry ID');
  return `/v2/providers/openapi/apis/api/v5/vendors/callCenterInquiries/${inquiryId}`;
}

interface Answer {
  status: number;
  ok: boolean;
  contentType: string | null;
  body: string;
  serverDate?: number;
  retryAfter?: string;
  cagWarning: boolean;
}

/** Rejects as soon as `signal` aborts, even if the injected fetch ignores it. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function parseDateHeader(value: string | null): number | undefined {
  const ms = value === null ? NaN : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function createCoupangClient(
  deps: CoupangClientDeps,
  credentials: CoupangCredentials,
  options: { origin?: string; timeoutMs?: number } = {},
) {
  // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method of `deps`.
  const { fetch, subtle, now } = deps;
  const origin = options.origin ?? COUPANG_ORIGIN;
  const timeoutMs = options.timeoutMs ?? LOOKUP_TIMEOUT_MS;

  /** One signed request (a GET, or a POST with a JSON body, which is not signed); the timeout covers the headers and the whole body. */
  async function send(
    path: string,
    query: string,
    callerSignal: AbortSignal | undefined,
    post?: { body: string },
  ): Promise<Result<Answer, CoupangError>> {
    const method = post ? 'POST' : 'GET';
    if (callerSignal?.aborted) return { ok: false, error: { kind: 'aborted' } };
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort();
    callerSignal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      let authorization: string;
      try {
        authorization = await signRequest({
          subtle,
          key: credentials.hmacKey,
          accessKey: credentials.accessKey,
          method,
          path,
          query,
          now: now(),
        });
      } catch {
        // A stored key WebCrypto refuses: saving the keys again is the fix.
        return { ok: false, error: { kind: 'no-credentials', detail: 'signing key unusable' } };
      }
      controller.signal.throwIfAborted(); // aborted or timed out while signing: send nothing
      const url = `${origin}${path}${query ? `?${query}` : ''}`;
      const response = await untilAborted(
        fetch(url, {
          method,
          ...(post ? { body: post.body } : {}),
          headers: {
            Authorization: authorization,
            'Content-Type': 'application/json;charset=UTF-8',
            'X-Requested-By': credentials.vendorId,
          },
          credentials: 'omit',
          cache: 'no-store',
          // A 302 means this IP or vendor is blocked (docs/request-economy.md#blocks): never follow it.
          redirect: 'manual',
          signal: controller.signal,
        }),
        controller.signal,
      );
      const body = await untilAborted(response.text(), controller.signal);
      // A manual redirect comes back opaque: status 0, no headers. Only a redirect can make it.
      const redirected = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
      return {
        ok: true,
        value: {
          status: redirected ? 302 : response.status,
          ok: response.ok,
          contentType: response.headers.get('content-type'),
          body,
          serverDate: parseDateHeader(response.headers.get('date')),
          retryAfter: response.headers.get('retry-after') ?? undefined,
          cagWarning: response.headers.has('x-cag-warnings'),
        },
      };
    } catch {
      if (timedOut) return { ok: false, error: { kind: 'timeout' } };
      if (callerSignal?.aborted) return { ok: false, error: { kind: 'aborted' } };
      return { ok: false, error: { kind: 'network' } };
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forwardAbort);
    }
  }

  /** Non-2xx → the gateway's error kind; 2xx → `parse`; the server's clock rides along either way. */
  async function request<T>(
    path: string,
    query: string,
    parse: (body: string) => Result<T>,
    callerSignal: AbortSignal | undefined,
  ): Promise<Result<{ data: T; serverDate?: number; cagWarning: boolean }, CoupangError>> {
    const answer = await send(path, query, callerSignal);
    if (!answer.ok) return answer;
    const { status, ok, contentType, body, serverDate, retryAfter, cagWarning } = answer.value;
    const parsed: Result<T> = ok ? parse(body) : { ok: false, error: classifyFailure(status, body, contentType) };
    if (!parsed.ok) {
      const signals = { ...(serverDate === undefined ? {} : { serverDate }), ...(retryAfter === undefined ? {} : { retryAfter }), ...(cagWarning ? { cagWarning } : {}) };
      return { ok: false, error: { ...parsed.error, ...signals } };
    }
    return { ok: true, value: { data: parsed.value, serverDate, cagWarning } };
  }

  /**
   * One signed POST, sent once: this client never resends anything (docs/answering.md#sending). Any failure
   * after the body may have left (timeout, network, 5xx, an unreadable 2xx) is the caller's unknown outcome.
   */
  async function write(path: string, body: string): Promise<Result<WriteAnswer, CoupangError>> {
    const answer = await send(path, '', undefined, { body });
    if (!answer.ok) return answer;
    const { status, ok, contentType, body: text, serverDate, retryAfter, cagWarning } = answer.value;
    const parsed: Result<null> = ok ? parseWriteOk(text) : { ok: false, error: classifyWriteFailure(status, text, contentType) };
    if (!parsed.ok) {
      const signals = { ...(serverDate === undefined ? {} : { serverDate }), ...(retryAfter === undefined ? {} : { retryAfter }), ...(cagWarning ? { cagWarning } : {}) };
      return { ok: false, error: { status, ...parsed.error, ...signals } };
    }
    return { ok: true, value: { ...(serverDate === undefined ? {} : { serverDate }), cagWarning } };
  }

  return {
    async getInquiry(
      inquiryId: string,
      opts: { signal?: AbortSignal } = {},
    ): Promise<Result<{ inquiry: Inquiry; serverDate?: number; cagWarning: boolean }, CoupangError>> {
      if (!isInquiryId(inquiryId)) return { ok: false, error: { kind: 'invalid-input' } };
      const result = await request(inquiryPath(inquiryId), '', parseInquiryResponse, opts.signal);
      if (!result.ok) return result;
      return { ok: true, value: { inquiry: result.value.data, serverDate: result.value.serverDate, cagWarning: result.value.cagWarning } };
    },

    /** Answers an inquiry: POST …/replies with `{vendorId, inquiryId, content, replyBy, parentAnswerId}`, once. */
    async postReply(inquiryId: string, reply: ReplyBody): Promise<Result<WriteAnswer, CoupangError>> {
      if (!isInquiryId(inquiryId)) return { ok: false, error: { kind: 'invalid-input' } };
      const { content, replyBy, parentAnswerId } = reply;
      if (!isInquiryId(parentAnswerId)) return { ok: false, error: { kind: 'parent-missing' } };
      // IDs go as JSON numbers written from their exact digits, never through a JS Number (they may pass 2^53);
      // JSON.stringify escapes any control character, so the body never holds a raw CR.
      const body =
        `{"vendorId":${JSON.stringify(credentials.vendorId)},"inquiryId":${inquiryId},"content":${JSON.stringify(content)},` +
        `"replyBy":${JSON.stringify(replyBy)},"parentAnswerId":${parentAnswerId}}`;
      return write(writePath(credentials.vendorId, inquiryId, 'replies'), body);
    },

    /** Confirms a completed transfer: POST …/confirms with `{confirmBy}`, once. */
    async postConfirm(inquiryId: string, confirmBy: string): Promise<Result<WriteAnswer, CoupangError>> {
      if (!isInquiryId(inquiryId)) return { ok: false, error: { kind: 'invalid-input' } };
      return write(writePath(credentials.vendorId, inquiryId, 'confirms'), JSON.stringify({ confirmBy }));
    },

    /** The cheapest honest check: one day, one row; proves key, secret, IP and vendor ID. */
    async testConnection(opts: { signal?: AbortSignal } = {}): Promise<Result<{ serverDate?: number; cagWarning: boolean }, CoupangError>> {
      const vendorId = encodeURIComponent(credentials.vendorId);
      const today = koreaDay(now());
      const path = `/v2/providers/openapi/apis/api/v5/vendors/${vendorId}/callCenterInquiries`;
      const query =
        `vendorId=${vendorId}&partnerCounselingStatus=NONE` +
        `&inquiryStartAt=${today}&inquiryEndAt=${today}&pageNum=1&pageSize=1`;
      const result = await request(path, query, parseListResponse, opts.signal);
      if (!result.ok) return result;
      return { ok: true, value: { serverDate: result.value.serverDate, cagWarning: result.value.cagWarning } };
    },
  };
}
