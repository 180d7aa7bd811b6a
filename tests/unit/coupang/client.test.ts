import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  COUPANG_ORIGIN,
  LOOKUP_TIMEOUT_MS,
  createCoupangClient,
  inquiryPath,
  type CoupangClientDeps,
} from '@/utils/coupang/client';
import type { ErrorKind } from '@/utils/coupang/error-kinds';
import { importHmacKey } from '@/utils/coupang/signing';
import { readFixture } from './read-fixture';
import vectorFile from './signing-vectors.json';

const SECRET = vectorFile.secretKey;
const ACCESS_KEY = vectorFile.accessKey;
const VENDOR_ID = 'A00012345';
const NOW = Date.UTC(2025, 9, 15, 8, 30, 0); // 251015T083000Z, the date of the basic vector
const SERVER_DATE = 'Wed, 15 Oct 2025 08:30:02 GMT';
const vector = (name: string) => vectorFile.vectors.find((v) => v.name === name)!;

interface Sent {
  url: string;
  init: RequestInit;
}

/** A fetch that records every request and answers with `respond`. */
function recordingFetch(respond: (sent: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const request = { url: String(input), init: init ?? {} };
    sent.push(request);
    return Promise.resolve().then(() => respond(request));
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const ok = (body: string) =>
  new Response(body, { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8', date: SERVER_DATE } });

async function setup(respond: (sent: Sent) => Response | Promise<Response>, options?: { timeoutMs?: number; origin?: string }) {
  const { fetch, sent } = recordingFetch(respond);
  let now = NOW;
  const subtle = globalThis.crypto.subtle;
  const importKey = vi.spyOn(subtle, 'importKey');
  const hmacKey = await importHmacKey(subtle, SECRET);
  importKey.mockClear();
  const deps: CoupangClientDeps = { fetch, subtle, now: () => now };
  const client = createCoupangClient(deps, { accessKey: ACCESS_KEY, vendorId: VENDOR_ID, hmacKey }, options);
  return { client, sent, hmacKey, importKey, setNow: (ms: number) => (now = ms) };
}

/** A client on real WebCrypto and a fixed clock, for tests that need their own fetch or key. */
const clientWith = (fetch: typeof globalThis.fetch, hmacKey: CryptoKey, vendorId = VENDOR_ID) =>
  createCoupangClient({ fetch, subtle: globalThis.crypto.subtle, now: () => NOW }, { accessKey: ACCESS_KEY, vendorId, hmacKey });

const headersOf = (s: Sent) => s.init.headers as Record<string, string>;

/** Checks an Authorization header from scratch with node:crypto, against the exact bytes sent. */
function expectSignedFor(s: Sent, now: number, origin = COUPANG_ORIGIN) {
  const match = /^CEA algorithm=HmacSHA256, access-key=(.+), signed-date=(\d{6}T\d{6}Z), signature=([0-9a-f]{64})$/.exec(
    headersOf(s).Authorization ?? '',
  );
  expect(match).not.toBeNull();
  const [, accessKey, signedDate, signature] = match!;
  expect(accessKey).toBe(ACCESS_KEY);
  expect(signedDate).toBe(`${new Date(now).toISOString().replace(/[-:]/g, '').slice(2, 15)}Z`);
  expect(s.url.startsWith(origin)).toBe(true);
  const [path, query = ''] = s.url.slice(origin.length).split('?');
  expect(signature).toBe(createHmac('sha256', SECRET).update(`${signedDate}GET${path}${query}`).digest('hex'));
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('inquiryPath', () => {
  it('builds the path from the ID text, never a number', () => {
    expect(inquiryPath('9007199254740993')).toBe(vector('single-inquiry-id-above-2^53').path);
  });

  it('throws on anything that is not an inquiry ID', () => {
    expect(() => inquiryPath('1/../../v4')).toThrow();
  });
});

describe('getInquiry', () => {
  it('sends one signed GET with the right headers and returns the inquiry and the server clock', async () => {
    const { client, sent } = await setup(() => ok(readFixture('1015668177')));
    const result = await client.getInquiry('1015668177');

    expect(result.ok && result.value.inquiry.inquiryId).toBe('1015668177');
    expect(result.ok && result.value.serverDate).toBe(Date.parse(SERVER_DATE));
    expect(sent).toHaveLength(1);
    const [request] = sent as [Sent];
    const basic = vector('single-inquiry-basic');
    expect(request.url).toBe(basic.requestUrl);
    expect(request.init).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-store' });
    expect(request.init.body).toBeUndefined();
    expect(request.init.signal).toBeInstanceOf(AbortSignal);
    expect(headersOf(request)).toStrictEqual({
      Authorization: basic.authorization,
      'Content-Type': 'application/json;charset=UTF-8',
      'X-Requested-By': VENDOR_ID,
    });
    expectSignedFor(request, NOW);
  });

  it('carries an ID above 2^53 into the path and the signature exactly', async () => {
    const big = vector('single-inquiry-id-above-2^53');
    const { client, sent, setNow } = await setup(() => ok(readFixture('9007199254740993')));
    setNow(Date.UTC(2026, 0, 31, 23, 59, 59, 500));
    const result = await client.getInquiry('9007199254740993');

    expect(sent[0]?.url).toBe(big.requestUrl);
    expect(headersOf(sent[0]!).Authorization).toBe(big.authorization);
    expect(result.ok && result.value.inquiry.orderId).toBe('9007199254740995');
  });

  it('signs each request at its own send time with the one imported key', async () => {
    const { client, sent, setNow, importKey, hmacKey } = await setup(() => ok(readFixture('1015668177')));
    const sign = vi.spyOn(globalThis.crypto.subtle, 'sign');
    const times = [NOW, NOW + 61_000, NOW + 3_600_000];
    for (const t of times) {
      setNow(t);
      await client.getInquiry('1015668177');
    }
    sent.forEach((s, i) => expectSignedFor(s, times[i]!));
    expect(new Set(sent.map((s) => headersOf(s).Authorization)).size).toBe(3);
    expect(importKey).not.toHaveBeenCalled();
    expect(sign).toHaveBeenCalledTimes(3);
    for (const call of sign.mock.calls) expect(call[1]).toBe(hmacKey);
  });

  it.each(['', '0', '0123', 'abc', ' 1015668177', '1015668177?x=1', '1'.repeat(21)])(
    'refuses %j without sending anything',
    async (id) => {
      const { client, sent } = await setup(() => ok(readFixture('1015668177')));
      const sign = vi.spyOn(globalThis.crypto.subtle, 'sign');
      expect(await client.getInquiry(id)).toEqual({ ok: false, error: { kind: 'invalid-input' } });
      expect(sent).toHaveLength(0);
      expect(sign).not.toHaveBeenCalled();
    },
  );

  const gateway = (code: string, message: string) => JSON.stringify({ code, message, transactionId: 'f2b7c1d0' });
  it.each<[number, string, string, ErrorKind]>([
    [400, '{"code":400,"message":"Invalid format inquiryId : 1015668177"}', 'application/json', 'invalid-id'],
    [400, '{"code":400,"message":"Bad Request"}', 'application/json', 'bad-request'],
    [401, gateway('ERROR', 'Invalid signature.'), 'application/json', 'invalid-signature'],
    [401, gateway('ERROR', 'Specified signature is expired.'), 'application/json', 'signature-expired'],
    [401, gateway('ERROR', 'HMAC format is invalid.'), 'application/json', 'malformed-auth'],
    [401, gateway('ERROR', 'Request is not authorized.'), 'application/json', 'not-authorized'],
    [403, gateway('ERROR', 'Not allowed IP address.'), 'application/json', 'ip-not-allowed'],
    [403, '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY>Access Denied</BODY></HTML>', 'text/html', 'blocked'],
    [403, gateway('ERROR', 'Forbidden'), 'application/json', 'forbidden'],
    [404, '{"code":404,"message":"Inquiry not found"}', 'application/json', 'not-found'],
    [404, '{"code":404,"message":"Vendor id should be same with the vendor id in this inquiry"}', 'application/json', 'other-vendor'],
    [429, 'Too Many Requests', 'text/plain', 'rate-limited'],
    [429, gateway('ERROR', 'Too Many Requests'), 'application/json', 'rate-limited'],
    [500, gateway('ERROR', 'Internal Server Error'), 'application/json', 'server-error'],
    [502, 'Bad Gateway', 'text/plain', 'server-error'],
    [503, 'Service Unavailable', 'text/plain', 'server-error'],
    [504, 'Gateway Timeout', 'text/plain', 'gateway-timeout'],
    [524, 'error code: 524', 'text/plain', 'gateway-timeout'],
    [521, 'error code: 521', 'text/plain', 'gateway-unreachable'],
    [409, '{"code":409,"message":"Conflict"}', 'application/json', 'unexpected-status'],
  ])('%i %s → %s', async (status, body, contentType, kind) => {
    const { client } = await setup(() => new Response(body, { status, headers: { 'content-type': contentType, date: SERVER_DATE } }));
    const result = await client.getInquiry('1015668177');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind, status, serverDate: Date.parse(SERVER_DATE) });
    const shown = JSON.stringify(result.error);
    for (const secret of [SECRET, 'CEA ', vector('single-inquiry-basic').signatureHex]) expect(shown).not.toContain(secret);
  });

  it('keeps the server clock on a signature-expired error, for skew correction', async () => {
    const { client } = await setup(
      () =>
        new Response(gateway('ERROR', 'Specified signature is expired.'), {
          status: 401,
          headers: { date: 'Wed, 15 Oct 2025 08:41:07 GMT' },
        }),
    );
    const result = await client.getInquiry('1015668177');
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'signature-expired',
        status: 401,
        detail: 'Specified signature is expired.',
        serverDate: Date.UTC(2025, 9, 15, 8, 41, 7),
      },
    });
  });

  it('omits serverDate when there is no usable Date header', async () => {
    const { client } = await setup(() => new Response(readFixture('1015668179'), { status: 200, headers: { date: 'soon' } }));
    const result = await client.getInquiry('1015668179');
    expect(result.ok && result.value.serverDate).toBeUndefined();
  });

  it('a 200 that is not JSON → not-json', async () => {
    const { client } = await setup(
      () => new Response('<html>maintenance</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    expect(await client.getInquiry('1015668177')).toMatchObject({ ok: false, error: { kind: 'not-json' } });
  });

  it('a 200 that fails the schema → bad-response', async () => {
    const { client } = await setup(() => ok('{"code":200,"message":"OK","data":{"inquiryStatus":"progress"}}'));
    expect(await client.getInquiry('1015668177')).toMatchObject({
      ok: false,
      error: { kind: 'bad-response', detail: expect.stringMatching(/^data\.inquiryId/) },
    });
  });

  it('a rejected fetch → network', async () => {
    const { client } = await setup(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await client.getInquiry('1015668177')).toEqual({ ok: false, error: { kind: 'network' } });
  });

  it('a fetch that never answers → timeout, even if it ignores the signal', async () => {
    const { client, sent } = await setup(() => new Promise<Response>(() => {}), { timeoutMs: 20 });
    expect(await client.getInquiry('1015668177')).toEqual({ ok: false, error: { kind: 'timeout' } });
    expect(sent[0]?.init.signal?.aborted).toBe(true); // a real fetch is told to stop too
  });

  it('a body that never finishes → timeout: the budget covers the body read', async () => {
    const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"code":200,')) });
    const { client } = await setup(() => new Response(stalled, { status: 200 }), { timeoutMs: 20 });
    expect(await client.getInquiry('1015668177')).toEqual({ ok: false, error: { kind: 'timeout' } });
  });

  it('times out after 10 s by default and leaves no timer behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client } = await setup(() => new Promise<Response>(() => {}));
    const pending = client.getInquiry('1015668177');
    await vi.advanceTimersByTimeAsync(LOOKUP_TIMEOUT_MS - 1);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({ ok: false, error: { kind: 'timeout' } });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears its timer and its listener on the caller signal after a success', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client } = await setup(() => ok(readFixture('1015668177')));
    const caller = new AbortController();
    const add = vi.spyOn(caller.signal, 'addEventListener');
    const remove = vi.spyOn(caller.signal, 'removeEventListener');
    expect((await client.getInquiry('1015668177', { signal: caller.signal })).ok).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(add).toHaveBeenCalledTimes(1);
    expect(remove).toHaveBeenCalledWith('abort', add.mock.calls[0]![1]);
  });

  it('the caller aborting mid-request → aborted, and the request is cancelled', async () => {
    const caller = new AbortController();
    const { client, sent } = await setup(() => {
      caller.abort();
      return new Promise<Response>(() => {});
    });
    expect(await client.getInquiry('1015668177', { signal: caller.signal })).toEqual({ ok: false, error: { kind: 'aborted' } });
    expect(sent[0]?.init.signal?.aborted).toBe(true);
  });

  it('a fetch that honours the signal and rejects with AbortError → aborted', async () => {
    const caller = new AbortController();
    const { client } = await setup(
      (s) =>
        new Promise<Response>((_, reject) => {
          s.init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          caller.abort();
        }),
    );
    expect(await client.getInquiry('1015668177', { signal: caller.signal })).toEqual({ ok: false, error: { kind: 'aborted' } });
  });

  it('an already aborted signal → aborted, nothing sent', async () => {
    const { client, sent } = await setup(() => ok(readFixture('1015668177')));
    expect(await client.getInquiry('1015668177', { signal: AbortSignal.abort() })).toEqual({ ok: false, error: { kind: 'aborted' } });
    expect(sent).toHaveLength(0);
  });

  it('a key WebCrypto refuses → no-credentials, nothing sent', async () => {
    const { fetch, sent } = recordingFetch(() => ok(readFixture('1015668177')));
    const secret = new TextEncoder().encode(SECRET);
    const verifyOnly = await globalThis.crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    expect(await clientWith(fetch, verifyOnly).getInquiry('1015668177')).toEqual({
      ok: false,
      error: { kind: 'no-credentials', detail: 'signing key unusable' },
    });
    expect(sent).toHaveLength(0);
  });

  it('calls fetch unbound, as a browser requires', async () => {
    const hmacKey = await importHmacKey(globalThis.crypto.subtle, SECRET);
    const strictFetch = function (this: unknown) {
      if (this !== undefined && this !== globalThis) return Promise.reject(new TypeError('Illegal invocation'));
      return Promise.resolve(ok(readFixture('1015668177')));
    } as typeof fetch;
    expect((await clientWith(strictFetch, hmacKey).getInquiry('1015668177')).ok).toBe(true);
  });

  it('uses another origin when told to (the gateway simulator)', async () => {
    const origin = 'https://127.0.0.1:8443';
    const { client, sent } = await setup(() => ok(readFixture('1015668177')), { origin });
    await client.getInquiry('1015668177');
    expect(sent[0]?.url).toBe(`${origin}${inquiryPath('1015668177')}`);
    expectSignedFor(sent[0]!, NOW, origin);
  });
});

describe('testConnection', () => {
  const listBody = JSON.stringify({
    code: 200,
    message: 'OK',
    data: { content: [], pagination: { currentPage: 1, totalPages: 0, totalElements: 0, countPerPage: 1 } },
  });

  it('makes the one-day, one-row list call for today in Korea, signed over the exact query', async () => {
    const { client, sent } = await setup(() => ok(listBody));
    expect(await client.testConnection()).toEqual({ ok: true, value: { serverDate: Date.parse(SERVER_DATE), cagWarning: false } });
    expect(sent[0]?.url).toBe(
      'https://api-gateway.coupang.com/v2/providers/openapi/apis/api/v5/vendors/A00012345/callCenterInquiries' +
        '?vendorId=A00012345&partnerCounselingStatus=NONE&inquiryStartAt=2025-10-15&inquiryEndAt=2025-10-15&pageNum=1&pageSize=1',
    );
    expect(headersOf(sent[0]!)).toMatchObject({ 'Content-Type': 'application/json;charset=UTF-8', 'X-Requested-By': VENDOR_ID });
    expect(sent[0]?.init.body).toBeUndefined();
    expectSignedFor(sent[0]!, NOW);
  });

  it('takes the Korean date, which turns at 15:00 UTC', async () => {
    const { client, sent, setNow } = await setup(() => ok(listBody));
    setNow(Date.UTC(2025, 9, 15, 15, 0, 0));
    await client.testConnection();
    expect(sent[0]?.url).toContain('inquiryStartAt=2025-10-16&inquiryEndAt=2025-10-16');
  });

  it('percent-encodes the vendor ID in the path and the query, and signs those bytes', async () => {
    const { fetch, sent } = recordingFetch(() => ok(listBody));
    const hmacKey = await importHmacKey(globalThis.crypto.subtle, SECRET);
    await clientWith(fetch, hmacKey, 'A0 1/2').testConnection();
    expect(sent[0]?.url).toContain('/vendors/A0%201%2F2/callCenterInquiries?vendorId=A0%201%2F2&');
    expectSignedFor(sent[0]!, NOW);
  });

  it.each<[number, string, ErrorKind]>([
    [403, '{"code":"ERROR","message":"Not allowed IP address."}', 'ip-not-allowed'],
    [401, '{"code":"ERROR","message":"Request is not authorized."}', 'not-authorized'],
    [200, '{"code":500,"message":"Internal error"}', 'bad-response'],
    [200, 'OK', 'not-json'],
  ])('%i %s → %s', async (status, body, kind) => {
    const { client } = await setup(() => new Response(body, { status }));
    expect(await client.testConnection()).toMatchObject({ ok: false, error: { kind } });
  });
});

describe('listInquiries (docs/coupang-api.md#list)', () => {
  const WINDOW = { inquiryStartAt: '2025-10-09', inquiryEndAt: '2025-10-15' };
  /** A list page made of fixture inquiries, as the gateway would send it (IDs as numbers, quirks and all). */
  const dataText = (id: string) => {
    const raw = readFixture(id); // as text: JSON.parse would round an ID above 2^53
    return raw.slice(raw.indexOf(':', raw.indexOf('"data"')) + 1, raw.lastIndexOf('}'));
  };
  const pageOf = (ids: string[], pagination: unknown) =>
    `{"code":200,"message":"OK","data":{"content":[${ids.map(dataText).join(',')}],"pagination":${JSON.stringify(pagination)}}}`;

  it('asks one page at pageSize 30, signed over the exact query, and reads each item like a single lookup', async () => {
    const body = pageOf(['1015668177', '1015668178'], { currentPage: 1, totalPages: 2, totalElements: 32, countPerPage: 30 });
    const { client, sent } = await setup(() => ok(body));
    const result = await client.listInquiries('NO_ANSWER', WINDOW, 1);
    expect(sent[0]?.url).toBe(
      'https://api-gateway.coupang.com/v2/providers/openapi/apis/api/v5/vendors/A00012345/callCenterInquiries' +
        '?vendorId=A00012345&partnerCounselingStatus=NO_ANSWER&inquiryStartAt=2025-10-09&inquiryEndAt=2025-10-15&pageNum=1&pageSize=30',
    );
    expectSignedFor(sent[0]!, NOW);
    if (!result.ok) throw new Error(result.error.kind);
    expect(result.value.page.content.map((inquiry) => inquiry.inquiryId)).toEqual(['1015668177', '1015668178']);
    expect(result.value.page.content[0]?.vendorItemIds).toEqual(['3000012345', '3000012346']);
    expect(result.value.page.pagination).toEqual({ currentPage: 1, totalPages: 2, totalElements: 32 });
    expect(result.value.serverDate).toBe(Date.parse(SERVER_DATE));
  });

  it('keeps an ID above 2^53 exact, and reads digits-as-text pagination', async () => {
    const body = pageOf(['9007199254740993'], { currentPage: '2', totalPages: '2' });
    const { client, sent } = await setup(() => ok(body));
    const result = await client.listInquiries('TRANSFER', WINDOW, 2);
    expect(sent[0]?.url).toContain('partnerCounselingStatus=TRANSFER&');
    expect(sent[0]?.url).toContain('&pageNum=2&pageSize=30');
    expect(result.ok && result.value.page.content[0]?.inquiryId).toBe('9007199254740993');
    expect(result.ok && result.value.page.pagination).toEqual({ currentPage: 2, totalPages: 2 });
  });

  it('an empty or null content is an empty page; an unreadable pagination is absent (the walk stops)', async () => {
    const { client } = await setup(() => ok('{"code":200,"data":{"content":null,"pagination":{"currentPage":"x"}}}'));
    expect(await client.listInquiries('NO_ANSWER', WINDOW, 1)).toMatchObject({ ok: true, value: { page: { content: [], pagination: undefined } } });
  });

  it('an item that breaks the lookup schema fails the page, naming where and never the value', async () => {
    const { client } = await setup(() => ok('{"code":200,"data":{"content":[{"inquiryId":"010-1234-5678"}]}}'));
    const result = await client.listInquiries('NO_ANSWER', WINDOW, 1);
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad-response' } });
    expect(JSON.stringify(result)).not.toContain('1234');
  });

  it('refuses a vendor ID that would change the path, sending nothing', async () => {
    const { fetch, sent } = recordingFetch(() => ok('{}'));
    const hmacKey = await importHmacKey(globalThis.crypto.subtle, SECRET);
    expect(await clientWith(fetch, hmacKey, 'A0/../x').listInquiries('NO_ANSWER', WINDOW, 1)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(sent).toEqual([]);
  });

  it.each<[number, string, ErrorKind]>([
    [429, '{"code":"ERROR","message":"Too many requests"}', 'rate-limited'],
    [403, '{"code":"ERROR","message":"Not allowed IP address."}', 'ip-not-allowed'],
    [401, '{"code":"ERROR","message":"Request is not authorized."}', 'not-authorized'],
    [504, '', 'gateway-timeout'],
    [200, 'OK', 'not-json'],
  ])('%i %s → %s, classified like a lookup', async (status, body, kind) => {
    const { client } = await setup(() => new Response(body, { status, headers: { 'x-cag-warnings': 'near limit' } }));
    expect(await client.listInquiries('NO_ANSWER', WINDOW, 1)).toMatchObject({ ok: false, error: { kind, cagWarning: true } });
  });
});
