import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createClientProvider } from '@/utils/background/client-provider';
import { createRouter, type MessageSender } from '@/utils/background/router';
import type { StoredCredentials } from '@/utils/credentials-store';
import { createLookupService, type CachedLookup } from '@/utils/lookup/lookup-service';
import { createRequestEconomy, type EconomyState } from '@/utils/lookup/request-economy';
import { readFixture } from '../coupang/read-fixture';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const OWN_PAGE: MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}options.html` };
const CONTENT_SCRIPT: MessageSender = { id: EXTENSION_ID, url: 'https://wing.coupang.com/tenants/cs/csinquiry', tab: { id: 3 } };
/** The test's clock: a new secret saved now starts its 180 days now. */
const SAVED_AT = Date.UTC(2025, 9, 15, 8, 30);
const SECRET = 'f00dcafe0123456789abcdef0123456789abcdef';

/** A field Coupang may add one day, carrying personal data the card does not show. */
function withUnknownFields(body: string): string {
  return body.replace('"inquiryId": 258799946,', '"inquiryId": 258799946, "buyerAddress": "서울시 어딘가 1-2", ');
}

function setup(economyStore: { get: () => Promise<unknown>; set: (value: EconomyState) => Promise<void> } = { get: async () => undefined, set: async () => {} }) {
  let saved: StoredCredentials | undefined;
  let cache: Record<string, CachedLookup> = {};
  const requests: Array<{ url: string; authorization: string | null }> = [];
  /** While set, every answer waits for it (a request in flight). */
  let inFlight: Promise<void> | undefined;
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    requests.push({ url: String(input), authorization: headers.get('Authorization') });
    await inFlight;
    const body = String(input).includes('/callCenterInquiries/')
      ? withUnknownFields(readFixture('258799946'))
      : '{"code":200,"message":"OK","data":{"content":[],"pagination":{}}}';
    return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  const credentials = { load: async () => saved, save: async (value: StoredCredentials) => void (saved = value) };
  let clock = SAVED_AT;
  const now = () => clock;
  const subtle = globalThis.crypto.subtle;
  const clients = createClientProvider(credentials, { fetch, subtle, now });
  const economy = createRequestEconomy({ store: economyStore, now });
  const lookups = createLookupService({
    source: async () => clients.get(),
    cache: { get: async () => cache, set: async (value) => void (cache = value) },
    economy,
    now,
  });
  const openSidePanel = vi.fn(async () => {});
  const inbox = { view: vi.fn(async () => ({ items: [], refreshing: false })), clear: vi.fn(async () => {}) };
  const router = createRouter({
    extensionId: EXTENSION_ID,
    extensionOrigin: ORIGIN,
    credentials,
    subtle,
    now,
    clients,
    lookups,
    economy,
    openSidePanel,
    openOptions: async () => {},
    inbox,
  });
  return {
    router,
    inbox,
    requests,
    saved: () => saved,
    cache: () => cache,
    openSidePanel,
    economy,
    setClock: (at: number) => void (clock = at),
    holdAnswers: (until: Promise<void> | undefined) => void (inFlight = until),
  };
}

const SAVE = { type: 'save-credentials', accessKey: ' a1b2c3d4-e5f6-7890-abcd-ef1234567890 ', vendorId: 'a00012345', secretKey: ` ${SECRET}\n` };

describe('background router', () => {
  it('keeps no secret text: the saved secret is a non-extractable HMAC key', async () => {
    const s = setup();
    const result = await s.router.dispatch(SAVE, OWN_PAGE);
    expect(result).toEqual({
      ok: true,
      value: { hasSecret: true, accessKey: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', vendorId: 'A00012345', keyIssuedAt: SAVED_AT },
    });
    const saved = s.saved()!;
    expect(saved.hmacKey?.extractable).toBe(false);
    expect(saved.hmacKey?.usages).toEqual(['sign']);
    expect(JSON.stringify(saved)).not.toContain(SECRET);
  });

  it('signs lookups with the saved key, and the signature is the one Coupang would compute', async () => {
    const s = setup();
    await s.router.dispatch(SAVE, OWN_PAGE);
    const result = await s.router.dispatch({ type: 'lookup', id: '258799946' }, CONTENT_SCRIPT);
    expect(result).toMatchObject({ ok: true });
    const [request] = s.requests;
    const path = '/v2/providers/openapi/apis/api/v5/vendors/callCenterInquiries/258799946';
    const expected = createHmac('sha256', SECRET).update(`251015T083000ZGET${path}`).digest('hex');
    expect(request?.url).toBe(`https://api-gateway.coupang.com${path}`);
    expect(request?.authorization).toContain(`signature=${expected}`);
  });

  it('answers "no keys" without a request before keys are saved', async () => {
    const s = setup();
    expect(await s.router.dispatch({ type: 'lookup', id: '258799946' }, OWN_PAGE)).toEqual({ ok: false, error: { kind: 'no-credentials' } });
    expect(s.requests).toEqual([]);
  });

  it('refuses key changes, connection tests and the key status (vendor ID included) to content scripts', async () => {
    const s = setup();
    await s.router.dispatch(SAVE, OWN_PAGE);
    expect(await s.router.dispatch({ ...SAVE, secretKey: 'attacker' }, CONTENT_SCRIPT)).toBeUndefined();
    expect(await s.router.dispatch({ type: 'clear-secret' }, CONTENT_SCRIPT)).toBeUndefined();
    expect(await s.router.dispatch({ type: 'test-connection' }, CONTENT_SCRIPT)).toBeUndefined();
    expect(await s.router.dispatch({ type: 'get-status' }, CONTENT_SCRIPT)).toBeUndefined();
    expect(await s.router.dispatch({ type: 'get-inbox', refresh: 'button' }, CONTENT_SCRIPT)).toBeUndefined();
    expect(s.requests).toEqual([]);
  });

  it('tells a content script only whether the page’s 업체코드 is the saved store, never the vendor ID', async () => {
    const s = setup();
    expect(await s.router.dispatch({ type: 'check-vendor', pageVendor: 'A00012345' }, CONTENT_SCRIPT)).toEqual({ ok: true, value: 'unknown' });
    await s.router.dispatch(SAVE, OWN_PAGE);
    expect(await s.router.dispatch({ type: 'check-vendor', pageVendor: 'a00012345' }, CONTENT_SCRIPT)).toEqual({ ok: true, value: 'matches' });
    expect(await s.router.dispatch({ type: 'check-vendor', pageVendor: 'A00099999' }, CONTENT_SCRIPT)).toEqual({ ok: true, value: 'differs' });
    expect(await s.router.dispatch({ type: 'check-vendor', pageVendor: '' }, CONTENT_SCRIPT)).toEqual({ ok: true, value: 'unknown' });
    expect(s.requests).toEqual([]);
  });

  it('ignores messages from other extensions', async () => {
    const s = setup();
    expect(await s.router.dispatch({ type: 'get-status' }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toBeUndefined();
  });

  it.each([
    [{ type: 'lookup', id: 'abc' }],
    [{ type: 'lookup', id: '0123' }],
    [{ type: 'lookup', id: 9007199254740993 }],
    [{ type: 'nope' }],
    ['lookup'],
  ])('rejects a malformed request %j as invalid input, sending nothing', async (message) => {
    const s = setup();
    await s.router.dispatch(SAVE, OWN_PAGE);
    const result = await s.router.dispatch(message, OWN_PAGE);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(s.requests).toEqual([]);
  });

  it('refuses credentials with spaces inside or empty fields', async () => {
    const s = setup();
    expect(await s.router.dispatch({ ...SAVE, accessKey: 'a b' }, OWN_PAGE)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await s.router.dispatch({ ...SAVE, vendorId: '  ' }, OWN_PAGE)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(s.saved()).toBeUndefined();
  });

  it('keeps the saved secret when only the access key or vendor ID changes', async () => {
    const s = setup();
    await s.router.dispatch(SAVE, OWN_PAGE);
    const key = s.saved()?.hmacKey;
    await s.router.dispatch({ type: 'save-credentials', accessKey: 'other', vendorId: 'A00099999' }, OWN_PAGE);
    expect(s.saved()?.hmacKey).toBe(key);
  });

  it('answers get-inbox to its own pages, starting the refresh asked for; keys changing clear the inbox', async () => {
    const s = setup();
    expect(await s.router.dispatch({ type: 'get-inbox', refresh: 'opened' }, OWN_PAGE)).toEqual({ ok: true, value: { items: [], refreshing: false } });
    expect(s.inbox.view).toHaveBeenCalledWith('opened');
    expect(await s.router.dispatch({ type: 'get-inbox', refresh: 'later' }, OWN_PAGE)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    await s.router.dispatch(SAVE, OWN_PAGE);
    expect(s.inbox.clear).toHaveBeenCalledTimes(1);
    await s.router.dispatch({ type: 'clear-secret' }, OWN_PAGE);
    expect(s.inbox.clear).toHaveBeenCalledTimes(2);
  });

  it('drops cached inquiries and the client when keys change or the secret is cleared', async () => {
    const s = setup();
    await s.router.dispatch(SAVE, OWN_PAGE);
    await s.router.dispatch({ type: 'lookup', id: '258799946' }, OWN_PAGE);
    expect(Object.keys(s.cache())).toEqual(['258799946']);
    expect(await s.router.dispatch({ type: 'clear-secret' }, OWN_PAGE)).toEqual({
      ok: true,
      value: { hasSecret: false, accessKey: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', vendorId: 'A00012345' },
    });
    expect(s.cache()).toEqual({});
    expect(await s.router.dispatch({ type: 'lookup', id: '258799946' }, OWN_PAGE)).toEqual({ ok: false, error: { kind: 'no-credentials' } });
  });

  it('tests the connection with the one-row list call', async () => {
    const s = setup();
    await s.router.dispatch(SAVE, OWN_PAGE);
    expect(await s.router.dispatch({ type: 'test-connection' }, OWN_PAGE)).toEqual({ ok: true, value: { checkedAt: Date.UTC(2025, 9, 15, 8, 30) } });
    expect(s.requests[0]?.url).toContain('/vendors/A00012345/callCenterInquiries?');
    expect(s.requests[0]?.url).toContain('pageSize=1');
  });

  it('lets a content script open the side panel on an inquiry', async () => {
    const s = setup();
    expect(await s.router.dispatch({ type: 'open-side-panel', id: '258799946' }, CONTENT_SCRIPT)).toEqual({ ok: true, value: null });
    expect(s.openSidePanel).toHaveBeenCalledWith('258799946', CONTENT_SCRIPT);
  });

  it('sends content scripts only the fields the card shows (no unknown fields); own pages get the whole inquiry', async () => {
    const s = setup();
    await s.router.dispatch(SAVE, OWN_PAGE);
    const own = (await s.router.dispatch({ type: 'lookup', id: '258799946' }, OWN_PAGE)) as unknown as { ok: true; value: { inquiry: Record<string, unknown> } };
    expect(own.value.inquiry.extra).toMatchObject({ buyerAddress: '서울시 어딘가 1-2' });
    const page = await s.router.dispatch({ type: 'lookup', id: '258799946' }, CONTENT_SCRIPT);
    expect(JSON.stringify(page)).not.toContain('서울시');
    const inquiry = (page as unknown as { ok: true; value: { inquiry: Record<string, unknown> } }).value.inquiry;
    expect(inquiry.extra).toEqual({});
    expect(inquiry.itemName).toBe('제주 삼다수, 2L, 6개');
  });

  it('answers usage only to its own pages', async () => {
    const s = setup();
    await s.router.dispatch(SAVE, OWN_PAGE);
    await s.router.dispatch({ type: 'lookup', id: '258799946' }, OWN_PAGE);
    expect(await s.router.dispatch({ type: 'get-usage' }, CONTENT_SCRIPT)).toBeUndefined();
    expect(await s.router.dispatch({ type: 'get-usage' }, OWN_PAGE)).toMatchObject({ ok: true, value: { requestsLastHour: 1, ratePerSecond: 2, breaker: { phase: 'closed' } } });
  });

  it('a connection test counts as a request and is refused while the store is paused', async () => {
    const s = setup();
    await s.router.dispatch(SAVE, OWN_PAGE);
    s.economy.settle('A00012345', 'x', { kind: 'rate-limited', status: 429 }, false, false, Date.UTC(2025, 9, 15, 8, 30));
    expect(await s.router.dispatch({ type: 'test-connection' }, OWN_PAGE)).toEqual({ ok: false, error: { kind: 'rate-limited', resumesAt: Date.UTC(2025, 9, 15, 8, 31) } });
    expect(s.requests).toEqual([]);
  });

  it('ten presses of Test connection at once send one request, not ten (issue 16, item 3)', async () => {
    const s = setup();
    await s.router.dispatch(SAVE, OWN_PAGE);
    const presses = await Promise.all(Array.from({ length: 10 }, () => s.router.dispatch({ type: 'test-connection' }, OWN_PAGE)));
    expect(presses.every((answer) => answer?.ok)).toBe(true);
    expect(s.requests.length).toBe(1);
  });

  it('Test connection waits for the half-open probe instead of sending a second one (issue 16, item 3)', async () => {
    const s = setup();
    await s.router.dispatch(SAVE, OWN_PAGE);
    s.economy.settle('A00012345', 'x', { kind: 'rate-limited', status: 429 }, false, false, SAVED_AT);
    s.setClock(SAVED_AT + 61_000);
    let release!: () => void;
    s.holdAnswers(new Promise<void>((resolve) => (release = resolve)));
    const probe = s.router.dispatch({ type: 'lookup', id: '258799946' }, OWN_PAGE);
    await vi.waitFor(() => expect(s.requests.length).toBe(1));
    const tested = s.router.dispatch({ type: 'test-connection' }, OWN_PAGE);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.requests.length).toBe(1); // only the probe is out
    s.holdAnswers(undefined);
    release();
    expect(await probe).toMatchObject({ ok: true });
    expect(await tested).toMatchObject({ ok: true });
    expect(s.requests.length).toBe(2);
    expect(s.economy.report('A00012345', undefined, SAVED_AT + 61_000).breaker.phase).toBe('closed');
  });

  it('a cold worker: test-connection and get-usage wait for the saved pause (issue 16, item 5)', async () => {
    let load!: (state: EconomyState) => void;
    const loading = new Promise<EconomyState>((resolve) => (load = resolve));
    const s = setup({ get: () => loading, set: async () => {} });
    await s.router.dispatch(SAVE, OWN_PAGE);
    const tested = s.router.dispatch({ type: 'test-connection' }, OWN_PAGE);
    const usage = s.router.dispatch({ type: 'get-usage' }, OWN_PAGE);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const resumesAt = SAVED_AT + 60_000;
    load({
      breakers: { A00012345: { phase: 'open', reason: 'rate-limited', resumesAt, pausedAt: SAVED_AT, trips: { 'rate-limited': 1, blocked: 0 } } },
      holds: {},
      slowUntil: 0,
      bucket: { tokens: 5, updatedAt: SAVED_AT, sent: [] },
      usage: {},
      trips: [],
    });
    expect(await tested).toEqual({ ok: false, error: { kind: 'rate-limited', resumesAt } });
    expect(await usage).toMatchObject({ ok: true, value: { breaker: { phase: 'open', resumesAt } } });
    expect(s.requests).toEqual([]);
  });

  it('records the issue date with a new secret, lets the seller correct it, and keeps it when only the vendor ID changes', async () => {
    const s = setup();
    await s.router.dispatch(SAVE, OWN_PAGE);
    expect(s.saved()?.keyIssuedAt).toBe(SAVED_AT);
    const earlier = SAVED_AT - 20 * 24 * 60 * 60 * 1000;
    expect(await s.router.dispatch({ type: 'set-key-issued', issuedAt: earlier }, CONTENT_SCRIPT)).toBeUndefined();
    expect(await s.router.dispatch({ type: 'set-key-issued', issuedAt: earlier }, OWN_PAGE)).toMatchObject({ ok: true, value: { keyIssuedAt: earlier } });
    expect(await s.router.dispatch({ type: 'set-key-issued', issuedAt: SAVED_AT + 1 }, OWN_PAGE)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    await s.router.dispatch({ type: 'save-credentials', accessKey: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', vendorId: 'A00099999' }, OWN_PAGE);
    expect(s.saved()?.keyIssuedAt).toBe(earlier);
    await s.router.dispatch({ type: 'clear-secret' }, OWN_PAGE);
    expect(s.saved()?.keyIssuedAt).toBeUndefined();
  });
});
