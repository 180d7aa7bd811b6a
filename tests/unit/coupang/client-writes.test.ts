/** The answer and confirm POSTs (docs/coupang-api.md#answering): exact bodies, signing, one send, each refusal's kind. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COUPANG_ORIGIN, LOOKUP_TIMEOUT_MS, createCoupangClient, writePath } from '@/utils/coupang/client';
import { classifyWriteFailure } from '@/utils/coupang/classify';
import { importHmacKey } from '@/utils/coupang/signing';
import vectorFile from './signing-vectors.json';

const SECRET = vectorFile.secretKey;
const ACCESS_KEY = vectorFile.accessKey;
const VENDOR_ID = 'A00012345';
const NOW = Date.UTC(2025, 9, 15, 8, 30, 0);

interface Sent {
  url: string;
  init: RequestInit;
}

async function setup(respond: () => Response | Promise<Response>, timeoutMs?: number) {
  const sent: Sent[] = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), init: init ?? {} });
    return Promise.resolve().then(respond);
  }) as typeof globalThis.fetch;
  const hmacKey = await importHmacKey(globalThis.crypto.subtle, SECRET);
  const client = createCoupangClient({ fetch, subtle: globalThis.crypto.subtle, now: () => NOW }, { accessKey: ACCESS_KEY, vendorId: VENDOR_ID, hmacKey }, { timeoutMs });
  return { client, sent };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json;charset=UTF-8', date: 'Wed, 15 Oct 2025 08:30:02 GMT' } });

describe('answer and confirm POSTs', () => {
  it('posts the reply body with exact IDs, signed over POST + path (the body is not signed)', async () => {
    const { client, sent } = await setup(() => json(200, { code: '200', message: 'OK' }));
    const result = await client.postReply('9007199254740993', { content: '안녕하세요\n"교환" 가능합니다', replyBy: 'wing-seller01', parentAnswerId: '9007199254740995' });
    expect(result.ok).toBe(true);
    expect(sent).toHaveLength(1);
    const [request] = sent;
    const path = '/v2/providers/openapi/apis/api/v4/vendors/A00012345/callCenterInquiries/9007199254740993/replies';
    expect(request!.url).toBe(`${COUPANG_ORIGIN}${path}`);
    expect(request!.init.method).toBe('POST');
    const body = String(request!.init.body);
    expect(body).toBe(
      '{"vendorId":"A00012345","inquiryId":9007199254740993,"content":"안녕하세요\\n\\"교환\\" 가능합니다","replyBy":"wing-seller01","parentAnswerId":9007199254740995}',
    );
    expect(body).not.toMatch(/\r/);
    const auth = (request!.init.headers as Record<string, string>).Authorization!;
    const signedDate = /signed-date=(\S+),/.exec(auth)![1]!;
    const expected = createHmac('sha256', SECRET).update(`${signedDate}POST${path}`).digest('hex');
    expect(auth).toContain(`signature=${expected}`);
    expect(request!.init.redirect).toBe('manual');
  });

  it('posts a confirm as {confirmBy}', async () => {
    const { client, sent } = await setup(() => json(200, { code: '200', message: 'OK' }));
    expect((await client.postConfirm('1015668180', 'wing-seller01')).ok).toBe(true);
    expect(sent[0]!.url).toBe(`${COUPANG_ORIGIN}${writePath(VENDOR_ID, '1015668180', 'confirms')}`);
    expect(String(sent[0]!.init.body)).toBe('{"confirmBy":"wing-seller01"}');
  });

  it('refuses a parent that is not an ID without sending', async () => {
    const { client, sent } = await setup(() => json(200, { code: '200', message: 'OK' }));
    const result = await client.postReply('1015668180', { content: 'ok', replyBy: 'me', parentAnswerId: '' });
    expect(result).toEqual({ ok: false, error: { kind: 'parent-missing' } });
    expect(sent).toHaveLength(0);
  });

  it.each([
    [500, { code: 500, message: 'Internal Server Error' }, 'server-error'],
    [400, { code: 400, message: "The inquiry can't be answer. It can do only inquiryStatus:progress, partnerTransferStatus:requestAnswer" }, 'not-answerable'],
    [400, { code: 400, message: 'The reply content length should be between 2 ~ 1000' }, 'answer-length'],
    [400, { code: 400, message: 'The parentAnswerId is required.' }, 'parent-missing'],
    [400, { code: 400, message: 'This inquiry has closed. -522' }, 'inquiry-closed'],
    [400, { code: 400, message: 'Invalid replyBy : nobody' }, 'wing-user-rejected'],
    [400, { code: 400, message: 'Could not read JSON: Illegal unquoted character ((CTRL-CHAR, code 13))' }, 'bad-request'],
    [404, { code: 404, message: 'Vendor id should be same with the vendor id in this inquiry' }, 'other-vendor'],
    [429, 'Too Many Requests', 'rate-limited'],
  ] as const)('a %i (%j) is %s, sent once', async (status, body, kind) => {
    const { client, sent } = await setup(() => json(status, body));
    const result = await client.postReply('1015668180', { content: 'ok', replyBy: 'me', parentAnswerId: '1' });
    expect(result.ok ? undefined : result.error.kind).toBe(kind);
    expect(result.ok ? undefined : result.error.status).toBe(status);
    expect(sent).toHaveLength(1);
  });

  it('a 2xx that is not Coupang\'s OK is not success (the caller treats it as unknown)', async () => {
    const { client } = await setup(() => new Response('<html>maintenance</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const result = await client.postConfirm('1015668180', 'me');
    expect(result.ok ? undefined : result.error.kind).toBe('not-json');
  });

  it('a hang times out once, never resent', async () => {
    const { client, sent } = await setup(() => new Promise<Response>(() => undefined), 30);
    const result = await client.postConfirm('1015668180', 'me');
    expect(result).toEqual({ ok: false, error: { kind: 'timeout' } });
    expect(sent).toHaveLength(1);
    expect(LOOKUP_TIMEOUT_MS).toBe(10_000);
  });

  it('classifies the -522 close whatever the status', () => {
    expect(classifyWriteFailure(403, JSON.stringify({ code: 'ERROR', message: 'This inquiry has closed. -522' }), 'application/json').kind).toBe('inquiry-closed');
    expect(classifyWriteFailure(403, '<html>Access Denied</html>', 'text/html').kind).toBe('blocked');
  });
});
