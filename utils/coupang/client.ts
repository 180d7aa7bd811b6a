import { classifyFailure } from './classify';
import type { LookupError, Result } from './error-kinds';
import type { Inquiry } from './inquiry';
import { isInquiryId } from './inquiry-id';
import { koreaDay } from './korea-time';
import { listRequest, type ListStatus } from '../inbox/inbox';
import { parseInquiryListResponse, parseInquiryResponse, parseListResponse, type InquiryListPage } from './schema';
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

  /** One signed GET; the timeout covers the headers and the whole body. */
  async function send(path: string, query: string, callerSignal: AbortSignal | undefined): Promise<Result<Answer, CoupangError>> {
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
          method: 'GET',
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
          method: 'GET',
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

    /**
     * One page of the call-center list (docs/coupang-api.md#list), `pageSize` 30: the inbox asks NO_ANSWER and
     * TRANSFER over a Korea-time window the caller computes once per refresh (so a refresh across midnight is one window).
     */
    async listInquiries(
      status: ListStatus,
      window: { inquiryStartAt: string; inquiryEndAt: string },
      pageNum: number,
      opts: { signal?: AbortSignal } = {},
    ): Promise<Result<{ page: InquiryListPage; serverDate?: number; cagWarning: boolean }, CoupangError>> {
      let built: { path: string; query: string };
      try {
        built = listRequest(credentials.vendorId, status, window, pageNum);
      } catch {
        return { ok: false, error: { kind: 'invalid-input', detail: 'vendor ID or page' } };
      }
      const result = await request(built.path, built.query, parseInquiryListResponse, opts.signal);
      if (!result.ok) return result;
      return { ok: true, value: { page: result.value.data, serverDate: result.value.serverDate, cagWarning: result.value.cagWarning } };
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
