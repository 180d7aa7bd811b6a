/**
 * The gateway simulator checked on its own (no browser): it must accept exactly what Coupang accepts,
 * judged by tests/unit/coupang/signing-vectors.json, and answer every scenario the e2e tests rely on.
 */
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  API_HOST,
  DEFAULT_INQUIRY_FIXTURES_DIR,
  GatewaySim,
  MESSAGES,
  SCENARIO_IDS,
  TEST_ACCESS_KEY,
  TEST_SECRET_KEY,
  TEST_VENDOR_ID,
  WING_HOST,
  ceaAuthorization,
  formatSignedDate,
  listPath,
  awaitingScenario,
  singleLookupPath,
} from './support/gateway-sim';
import { callSim, type SimResponse } from './support/sim-client';

interface Vector {
  name: string;
  method: string;
  path: string;
  query: string;
  signedDate: string;
  signatureHex: string;
  authorization: string;
}
interface VectorFile {
  accessKey: string;
  secretKey: string;
  vectors: Vector[];
}

// The signing vectors kept in the repo, so the suite runs wherever the clone is.
const VECTORS_PATH = fileURLToPath(new URL('../unit/coupang/signing-vectors.json', import.meta.url));
const vectorFile = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as VectorFile;
const vector = (name: string): Vector => {
  const v = vectorFile.vectors.find((x) => x.name === name);
  if (!v) throw new Error(`no vector ${name}`);
  return v;
};
const signedDateMs = (d: string): number =>
  Date.UTC(2000 + Number(d.slice(0, 2)), Number(d.slice(2, 4)) - 1, Number(d.slice(4, 6)), Number(d.slice(7, 9)), Number(d.slice(9, 11)), Number(d.slice(11, 13)));

const testStore = { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY };
const vectorStore = { accessKey: vectorFile.accessKey, secretKey: vectorFile.secretKey, vendorId: TEST_VENDOR_ID };

let sim: GatewaySim;
let scratch: string;
let fixturesDir: string;
let wingDir: string;

/** A GET signed now (simulator clock) by the test store. */
function signedGet(path: string, query = '', store: { accessKey: string; secretKey: string } = testStore, at = sim.now()): Promise<SimResponse> {
  return callSim(sim, {
    path: query ? `${path}?${query}` : path,
    headers: { Authorization: ceaAuthorization(store, formatSignedDate(at), 'GET', path, query), 'Content-Type': 'application/json;charset=UTF-8' },
  });
}

const lastRequest = () => sim.requests.at(-1)!;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'gateway-sim-test-'));
  fixturesDir = join(scratch, 'inquiries');
  wingDir = join(scratch, 'wing');
  mkdirSync(fixturesDir);
  mkdirSync(join(wingDir, 'cs', '__fixture-api'), { recursive: true });
  mkdirSync(join(wingDir, '__fixture-api'), { recursive: true });
  writeFileSync(join(fixturesDir, '1015668177.json'), '{ "code": 200, "message": "OK", "data": { "inquiryId": 1015668177 } }\n');
  writeFileSync(join(wingDir, 'index.html'), '<!doctype html><title>wing home</title>');
  writeFileSync(join(wingDir, 'cs', 'list.html'), '<!doctype html><title>상담 목록</title>');
  writeFileSync(join(wingDir, '__fixture-api', 'rows.json'), '{"rows":[1,2]}');
  writeFileSync(join(scratch, 'secret.txt'), 'outside the wing root');
  sim = await GatewaySim.start({ stores: [{ ...testStore, vendorId: TEST_VENDOR_ID }, vectorStore], inquiryFixturesDir: fixturesDir, wingDir });
});

afterAll(async () => {
  await sim?.close();
  rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => sim.reset());

describe('certificate', () => {
  it('covers both Coupang hostnames and exports the SPKI hash the way openssl computes it', () => {
    const cert = new X509Certificate(sim.certPem);
    expect(cert.subjectAltName).toContain(`DNS:${WING_HOST}`);
    expect(cert.subjectAltName).toContain(`DNS:${API_HOST}`);
    const certPath = join(scratch, 'cert.pem');
    writeFileSync(certPath, sim.certPem);
    const viaOpenssl = execFileSync('sh', ['-c', `openssl x509 -in '${certPath}' -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`], { encoding: 'utf8' }).trim();
    expect(sim.spki).toBe(viaOpenssl);
  });
});

describe('signature verification against signing-vectors.json', () => {
  const positive = vectorFile.vectors.filter((v) => !v.name.startsWith('NEGATIVE'));

  it.each(positive.map((v) => [v.name, v] as const))('accepts vector %s', async (_name, v) => {
    sim.clockOffsetMs = signedDateMs(v.signedDate) - Date.now();
    const res = await callSim(sim, { method: v.method, path: v.query ? `${v.path}?${v.query}` : v.path, headers: { Authorization: v.authorization } });
    expect(lastRequest(), res.body).toMatchObject({ authOk: true });
    expect(lastRequest().authFailure).toBeUndefined();
    for (const message of [MESSAGES.malformed, MESSAGES.expired, MESSAGES.invalidSignature]) expect(res.body).not.toContain(message);
  });

  it('rejects the deliberately wrong vector: the raw text was signed but the encoded form is what travels', async () => {
    const wrong = vector('NEGATIVE-raw-non-ascii');
    const sent = vector('percent-encoded-non-ascii');
    sim.clockOffsetMs = signedDateMs(wrong.signedDate) - Date.now();
    const res = await callSim(sim, { path: `${sent.path}?${sent.query}`, headers: { Authorization: wrong.authorization } });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'ERROR', message: MESSAGES.invalidSignature });
  });

  it('tells %20 from + : each signature is valid only for its own bytes', async () => {
    const pct = vector('percent-encoded-non-ascii');
    const plus = vector('percent-encoded-non-ascii-plus-space');
    sim.clockOffsetMs = signedDateMs(pct.signedDate) - Date.now();
    const swapped = await callSim(sim, { path: `${plus.path}?${plus.query}`, headers: { Authorization: pct.authorization } });
    expect(swapped.status).toBe(401);
    expect(JSON.parse(swapped.body).message).toBe(MESSAGES.invalidSignature);
  });

  it('rejects every tampering of a valid request with "Invalid signature."', async () => {
    const v = vector('single-inquiry-basic');
    sim.clockOffsetMs = signedDateMs(v.signedDate) - Date.now();
    const flipped = v.signatureHex.slice(0, -1) + (v.signatureHex.endsWith('0') ? '1' : '0');
    const tampered: Array<{ method?: string; path: string; authorization: string }> = [
      { path: v.path, authorization: v.authorization.replace(v.signatureHex, flipped) },
      { path: v.path, authorization: v.authorization.replace(v.signatureHex, v.signatureHex.toUpperCase()) },
      { path: singleLookupPath('1015668178'), authorization: v.authorization },
      { path: `${v.path}?x=1`, authorization: v.authorization },
      { method: 'POST', path: v.path, authorization: v.authorization },
      { path: v.path, authorization: v.authorization.replace(v.signedDate, formatSignedDate(signedDateMs(v.signedDate) + 1000)) },
    ];
    for (const t of tampered) {
      const res = await callSim(sim, { method: t.method ?? 'GET', path: t.path, headers: { Authorization: t.authorization } });
      expect(res.status, `${t.method ?? 'GET'} ${t.path} ${t.authorization}`).toBe(401);
      expect(JSON.parse(res.body), t.authorization).toMatchObject({ code: 'ERROR', message: MESSAGES.invalidSignature });
      expect(lastRequest()).toMatchObject({ authOk: false, authFailure: 'invalid-signature' });
    }
  });

  it('does not leak a 2^53+1 ID through a Number: the …992 path does not match the …993 signature', async () => {
    const v = vector('single-inquiry-id-above-2^53');
    sim.clockOffsetMs = signedDateMs(v.signedDate) - Date.now();
    const rounded = await callSim(sim, { path: singleLookupPath(String(Number('9007199254740993'))), headers: { Authorization: v.authorization } });
    expect(rounded.status).toBe(401);
    const exact = await callSim(sim, { path: v.path, headers: { Authorization: v.authorization } });
    expect(exact.status).not.toBe(401);
    expect(lastRequest().path).toBe(singleLookupPath('9007199254740993'));
  });
});

describe('authorization failures', () => {
  const path = singleLookupPath('1015668177');

  it('answers "HMAC format is invalid." to a missing or malformed header', async () => {
    const date = formatSignedDate(sim.now());
    const good = ceaAuthorization(testStore, date, 'GET', path, '');
    const malformed: Array<string | undefined> = [
      undefined,
      '',
      `Bearer ${TEST_ACCESS_KEY}`,
      good.replace('CEA ', 'HMAC '),
      good.replace('HmacSHA256', 'HmacSHA1'),
      good.replace(/, signature=[0-9a-f]+/, ''),
      good.replace(date, '2025-10-15T08:30:00Z'),
      good.replace(date, '251315T083000Z'),
      good.replace(/signature=([0-9a-f]+)/, 'signature=$1ab'),
      good.replace('access-key=', 'access-key= my key'),
    ];
    for (const header of malformed) {
      const res = await callSim(sim, { path, headers: header === undefined ? {} : { Authorization: header } });
      expect(res.status, String(header)).toBe(401);
      const body = JSON.parse(res.body) as { code: string; message: string; transactionId: string };
      expect(body, String(header)).toMatchObject({ code: 'ERROR', message: MESSAGES.malformed });
      expect(body.transactionId).toMatch(/^[0-9a-f]{32}$/);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('answers "Request is not authorized." to an unknown access key', async () => {
    const res = await signedGet(path, '', { accessKey: 'not-a-known-key', secretKey: TEST_SECRET_KEY });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'ERROR', message: MESSAGES.notAuthorized });
    expect(lastRequest()).toMatchObject({ authOk: false, authFailure: 'not-authorized', accessKey: 'not-a-known-key' });
  });

  it('answers "Specified signature is expired." beyond 5 minutes either way, and follows the simulator clock', async () => {
    for (const skew of [-6 * 60_000, 6 * 60_000]) {
      const res = await signedGet(path, '', testStore, Date.now() + skew);
      expect(res.status, String(skew)).toBe(401);
      expect(JSON.parse(res.body).message).toBe(MESSAGES.expired);
    }
    for (const skew of [-4 * 60_000, 4 * 60_000]) {
      expect((await signedGet(path, '', testStore, Date.now() + skew)).status, String(skew)).toBe(200);
    }
    sim.clockOffsetMs = 60 * 60_000;
    const skewed = await signedGet(path, '', testStore, Date.now());
    expect(JSON.parse(skewed.body).message).toBe(MESSAGES.expired);
    expect(Date.parse(String(skewed.headers.date))).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect((await signedGet(path, '', testStore, Date.now() + 60 * 60_000)).status).toBe(200);
  });

  it('checks the signature before answering anything, including a bad inquiry ID', async () => {
    const res = await callSim(sim, { path: singleLookupPath('abc'), headers: { Authorization: ceaAuthorization({ ...testStore, secretKey: 'wrong' }, formatSignedDate(sim.now()), 'GET', singleLookupPath('abc'), '') } });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).message).toBe(MESSAGES.invalidSignature);
  });
});

describe('single lookup', () => {
  it('serves a fixture file raw, as application/json, with a Date header', async () => {
    const res = await signedGet(singleLookupPath('1015668177'));
    expect(res.status).toBe(200);
    expect(res.body).toBe(readFileSync(join(fixturesDir, '1015668177.json'), 'utf8'));
    expect(res.headers['content-type']).toBe('application/json');
    expect(Math.abs(Date.parse(String(res.headers.date)) - Date.now())).toBeLessThan(5_000);
    expect(lastRequest()).toMatchObject({ method: 'GET', host: API_HOST, path: singleLookupPath('1015668177'), query: '', authOk: true, status: 200, outcome: 'answered' });
  });

  it('serves every fixture of tests/fixtures/inquiries under its own ID', async () => {
    const real = await GatewaySim.start();
    try {
      const ids = readdirSync(DEFAULT_INQUIRY_FIXTURES_DIR).filter((f) => /^\d+\.json$/.test(f)).map((f) => f.slice(0, -5));
      for (const id of ids) {
        const res = await callSim(real, { path: singleLookupPath(id), headers: { Authorization: ceaAuthorization(testStore, formatSignedDate(Date.now()), 'GET', singleLookupPath(id), '') } });
        expect(res.status, id).toBe(200);
        expect(res.body, id).toBe(readFileSync(join(DEFAULT_INQUIRY_FIXTURES_DIR, `${id}.json`), 'utf8'));
      }
    } finally {
      await real.close();
    }
  });

  it('answers 400 "Invalid format inquiryId" to a non-digit ID', async () => {
    for (const [raw, shown] of [['abc', 'abc'], ['12a4', '12a4'], ['%EB%AC%B8', '문']]) {
      const res = await signedGet(singleLookupPath(raw!));
      expect(res.status, raw).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ code: 400, message: `Invalid format inquiryId : ${shown}` });
    }
  });

  it('answers 404 "Inquiry not found" to an unknown ID', async () => {
    const res = await signedGet(singleLookupPath('123456789'));
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toEqual({ code: 404, message: MESSAGES.notFound });
  });

  const scenarios: Array<[keyof typeof SCENARIO_IDS, number, RegExp, (body: string) => void]> = [
    ['ipNotAllowed', 403, /^application\/json/, (b) => expect(JSON.parse(b).message).toContain('Not allowed IP')],
    ['blockedHtml', 403, /^text\/html/, (b) => expect(b).toContain('<TITLE>Access Denied</TITLE>')],
    ['forbidden', 403, /^application\/json/, (b) => expect(JSON.parse(b).message).not.toContain('Not allowed IP')],
    ['otherVendor', 404, /^application\/json/, (b) => expect(JSON.parse(b)).toEqual({ code: 404, message: MESSAGES.otherVendor })],
    ['rateLimited', 429, /^text\/plain/, (b) => expect(b).toBe('Too Many Requests')],
    ['serverError', 500, /^application\/json/, (b) => expect(JSON.parse(b).code).toBe(500)],
    ['gatewayTimeout', 504, /^text\/html/, (b) => expect(b).toContain('504')],
    ['gatewayUnreachable', 521, /^text\/html/, (b) => expect(b).toContain('521')],
    ['unexpectedStatus', 409, /^application\/json/, (b) => expect(JSON.parse(b).code).toBe(409)],
    ['htmlBody', 200, /^text\/html/, (b) => expect(() => JSON.parse(b) as unknown).toThrow()],
    ['badSchema', 200, /^application\/json/, (b) => expect(JSON.parse(b)).toEqual({ code: 200, message: 'OK', data: { foo: 1 } })],
  ];
  it.each(scenarios)('scenario %s answers %i', async (name, status, contentType, checkBody) => {
    const res = await signedGet(singleLookupPath(SCENARIO_IDS[name]));
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(contentType);
    expect(res.headers.date).toBeTruthy();
    checkBody(res.body);
    expect(lastRequest()).toMatchObject({ authOk: true, status, outcome: 'answered' });
  });

  it('scenario neverAnswers holds the socket until the client gives up', async () => {
    const started = Date.now();
    await expect(signedGetWithTimeout(SCENARIO_IDS.neverAnswers, 400)).rejects.toThrow('client timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    await sim.waitForRequest((r) => r.outcome === 'client-gave-up', 2_000);
    expect(lastRequest()).toMatchObject({ authOk: true, status: null, outcome: 'client-gave-up' });
  });

  it('scenario destroySocket fails at the network level', async () => {
    await expect(signedGet(singleLookupPath(SCENARIO_IDS.destroySocket))).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(lastRequest()).toMatchObject({ authOk: true, status: null, outcome: 'destroyed' });
  });

  it('answers 403 Not allowed IP to every authenticated call while ipAllowed is false', async () => {
    sim.ipAllowed = false;
    for (const [path, query] of [[singleLookupPath('1015668177'), ''], [listPath(TEST_VENDOR_ID), listQuery()]] as const) {
      const res = await signedGet(path, query);
      expect(res.status, path).toBe(403);
      expect(JSON.parse(res.body).message).toContain('Not allowed IP');
    }
    const unsigned = await callSim(sim, { path: singleLookupPath('1015668177') });
    expect(unsigned.status).toBe(401);
  });

  it('holds API answers for apiDelayMs and omits Date when sendDateHeader is false', async () => {
    sim.apiDelayMs = 300;
    sim.sendDateHeader = false;
    const started = Date.now();
    const res = await signedGet(singleLookupPath('1015668177'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(res.headers.date).toBeUndefined();
  });
});

function signedGetWithTimeout(inquiryId: string, timeoutMs: number): Promise<SimResponse> {
  const path = singleLookupPath(inquiryId);
  return callSim(sim, { path, timeoutMs, headers: { Authorization: ceaAuthorization(testStore, formatSignedDate(sim.now()), 'GET', path, '') } });
}

function listQuery(overrides: Record<string, string | null> = {}): string {
  const today = new Date().toISOString().slice(0, 10);
  const params: Record<string, string | null> = {
    vendorId: TEST_VENDOR_ID,
    inquiryStartAt: today,
    inquiryEndAt: today,
    partnerCounselingStatus: 'NONE',
    pageNum: '1',
    pageSize: '1',
    ...overrides,
  };
  return Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

describe('list call (test connection)', () => {
  it('answers an empty page to a valid one-day, one-row call', async () => {
    const res = await signedGet(listPath(TEST_VENDOR_ID), listQuery());
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      code: 200,
      message: 'OK',
      data: { content: [], pagination: { currentPage: 1, totalPages: 0, totalElements: 0, countPerPage: 1 } },
    });
    expect(lastRequest()).toMatchObject({ path: listPath(TEST_VENDOR_ID), authOk: true, status: 200 });
  });

  it('signs over the raw wire query: a reordered query fails', async () => {
    const query = listQuery();
    const reordered = query.split('&').reverse().join('&');
    const path = listPath(TEST_VENDOR_ID);
    const res = await callSim(sim, { path: `${path}?${reordered}`, headers: { Authorization: ceaAuthorization(testStore, formatSignedDate(sim.now()), 'GET', path, query) } });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).message).toBe(MESSAGES.invalidSignature);
  });

  it('answers "Request is not authorized." when the vendor in the path or query is not the key\'s', async () => {
    for (const [path, query] of [
      [listPath('A00099999'), listQuery({ vendorId: 'A00099999' })],
      [listPath(TEST_VENDOR_ID), listQuery({ vendorId: 'A00099999' })],
      [listPath('A00099999'), listQuery()],
      [listPath(TEST_VENDOR_ID), listQuery({ vendorId: null })],
    ] as const) {
      const res = await signedGet(path, query);
      expect(res.status, `${path}?${query}`).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ code: 'ERROR', message: MESSAGES.notAuthorized });
    }
  });

  it('answers 400 to missing or malformed parameters', async () => {
    const cases: Array<Record<string, string | null>> = [
      { partnerCounselingStatus: null },
      { partnerCounselingStatus: 'ALL' },
      { inquiryStartAt: null },
      { inquiryEndAt: '20251015' },
      { inquiryStartAt: '2025-02-30', inquiryEndAt: '2025-03-01' },
      { inquiryStartAt: '2025-10-01', inquiryEndAt: '2025-10-15' },
      { inquiryStartAt: '2025-10-15', inquiryEndAt: '2025-10-14' },
      { pageSize: '31' },
      { pageSize: '0' },
    ];
    for (const overrides of cases) {
      const res = await signedGet(listPath(TEST_VENDOR_ID), listQuery(overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(JSON.parse(res.body).code).toBe(400);
    }
  });
});

describe('list call ("Awaiting you", docs/coupang-api.md#list)', () => {
  const koreaDay = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
  const week = () => ({ inquiryStartAt: koreaDay(sim.now() - 6 * 86_400_000), inquiryEndAt: koreaDay(sim.now()) });
  const page = async (status: string, pageNum: number) => {
    const res = await signedGet(listPath(TEST_VENDOR_ID), listQuery({ ...week(), partnerCounselingStatus: status, pageNum: String(pageNum), pageSize: '30' }));
    expect(res.status).toBe(200);
    return JSON.parse(res.body).data as { content: Array<Record<string, any>>; pagination: Record<string, number> };
  };

  it('serves 40 awaiting inquiries over two NO_ANSWER pages and one TRANSFER page, dated on its own clock', async () => {
    sim.inbox = awaitingScenario(40);
    const first = await page('NO_ANSWER', 1);
    expect(first.pagination).toEqual({ currentPage: 1, totalPages: 2, totalElements: 32, countPerPage: 30 });
    expect(first.content).toHaveLength(30);
    expect(first.content[0]).toMatchObject({ inquiryId: 9100000001, inquiryStatus: 'progress', csPartnerCounselingStatus: 'requestAnswer' });
    expect(first.content[0]?.replies[0]).toMatchObject({ partnerTransferStatus: 'requestAnswer', answerType: 'csAgent' });
    const replyAt = Date.parse(`${first.content[0]?.replies[0].replyAt.replace(' ', 'T')}+09:00`);
    expect(Math.abs(replyAt - (sim.now() - 22 * 3_600_000))).toBeLessThan(2_000);
    expect((await page('NO_ANSWER', 2)).content).toHaveLength(2);
    const transfer = await page('TRANSFER', 1);
    expect(transfer.content).toHaveLength(8);
    expect(transfer.content[0]).toMatchObject({ inquiryStatus: 'complete', csPartnerCounselingStatus: 'requestAnswer' });
    expect(sim.listRequests()).toHaveLength(3);
  });

  it('an inquiry answered elsewhere leaves the awaiting list; the single lookup serves listed inquiries', async () => {
    sim.inbox = awaitingScenario(3);
    sim.markAnswered('9100000002');
    expect((await page('NO_ANSWER', 1)).content.map((item) => String(item.inquiryId))).toEqual(['9100000001', '9100000003']);
    const res = await signedGet(singleLookupPath('9100000002'));
    expect(JSON.parse(res.body).data).toMatchObject({ inquiryId: 9100000002, csPartnerCounselingStatus: 'answered' });
  });

  it('leaves out what falls outside the window', async () => {
    sim.inbox = [{ id: '9100000009', status: 'NO_ANSWER', transferredMinutesAgo: 10 * 24 * 60 }];
    expect((await page('NO_ANSWER', 1)).content).toEqual([]);
  });
});

describe('wing.coupang.com', () => {
  const wingGet = (path: string) => callSim(sim, { host: WING_HOST, path });

  it('serves static fixture pages, with index.html for directories', async () => {
    const page = await wingGet('/cs/list.html?page=2');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('상담 목록');
    expect((await wingGet('/')).body).toContain('wing home');
    expect(lastRequest()).toMatchObject({ host: WING_HOST, authOk: null, status: 200 });
  });

  it('refuses to leave its root', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/cs/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00', '/%E0%A4%A']) {
      const res = await wingGet(path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain('outside the wing root');
    }
  });

  it('answers /__fixture-api/ from registered handlers, then from JSON files', async () => {
    sim.wingApi.set('echo', (q) => ({ status: 200, contentType: 'application/json', body: JSON.stringify({ page: q.get('page') }) }));
    expect(JSON.parse((await wingGet('/__fixture-api/echo?page=3')).body)).toEqual({ page: '3' });
    expect(JSON.parse((await wingGet('/__fixture-api/rows')).body)).toEqual({ rows: [1, 2] });
    expect((await wingGet('/__fixture-api/missing')).status).toBe(404);
  });

  it('does not serve other hosts', async () => {
    expect((await callSim(sim, { host: WING_HOST, path: '/', headers: { host: 'example.com' } })).status).toBe(421);
  });
});

describe('request log', () => {
  it('records every request and forgets them on reset()', async () => {
    await signedGet(singleLookupPath('1015668177'));
    await callSim(sim, { path: singleLookupPath('1015668177') });
    expect(sim.apiRequests().map((r) => [r.authOk, r.status])).toEqual([[true, 200], [false, 401]]);
    expect(sim.lookupsOf('1015668177')).toHaveLength(2);
    expect(sim.requests[0]!.headers['content-type']).toBe('application/json;charset=UTF-8');
    sim.ipAllowed = false;
    sim.reset();
    expect(sim.requests).toHaveLength(0);
    expect(sim.ipAllowed).toBe(true);
  });
});
