/**
 * An in-process HTTPS stand-in for Coupang's Open API gateway (api-gateway.coupang.com) and for Wing
 * (wing.coupang.com), for end-to-end tests of the production build in real Chromium.
 *
 * The browser reaches it under the real hostnames through `--host-resolver-rules`, and trusts its
 * self-signed certificate through `--ignore-certificate-errors-spki-list` (see browser.ts).
 *
 * The CEA signature is verified here independently of the extension's code (node:crypto only), in the
 * order the gateway answers: header format → access key → signed-date within 5 minutes → signature
 * over signedDate + METHOD + path + raw wire query (docs/coupang-api.md#signing, #errors).
 */
import { createHash, createHmac, randomUUID, timingSafeEqual, X509Certificate } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const API_HOST = 'api-gateway.coupang.com';
export const WING_HOST = 'wing.coupang.com';

/** The one test store the simulator knows. Made-up keys, used only against this simulator. */
export const TEST_ACCESS_KEY = 'e2e0acce-55e2-4e2e-9e2e-0000000a0001';
export const TEST_SECRET_KEY = '9e2e5ec7e7a11b0b5ca1ab1e00c0ffee00d15ea5';
export const TEST_VENDOR_ID = 'A00012345';

/** Signed dates further than this from the simulator's clock get `Specified signature is expired.` */
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

export const SINGLE_LOOKUP_PREFIX = '/v2/providers/openapi/apis/api/v5/vendors/callCenterInquiries/';
export const singleLookupPath = (inquiryId: string): string => `${SINGLE_LOOKUP_PREFIX}${inquiryId}`;
export const listPath = (vendorId: string): string =>
  `/v2/providers/openapi/apis/api/v5/vendors/${vendorId}/callCenterInquiries`;
/** Where answers (`replies`) and confirms (`confirms`) are POSTed (docs/coupang-api.md#answering). */
export const writePath = (vendorId: string, inquiryId: string, what: 'replies' | 'confirms'): string =>
  `/v2/providers/openapi/apis/api/v4/vendors/${vendorId}/callCenterInquiries/${inquiryId}/${what}`;
const WRITE_PATH = /^\/v2\/providers\/openapi\/apis\/api\/v4\/vendors\/([^/]+)\/callCenterInquiries\/([^/]+)\/(replies|confirms)$/;

/** What the next write (answer or confirm) meets instead of an OK; `apply`: Coupang took it all the same. */
export type WriteFault = { kind: 'server-error' | 'hang' | 'rate-limited'; apply?: boolean };

const HOUR_MS = 3_600_000;
/** `2026-12-06T12:00:00+09:00`: Korea time with offset, as v5 sends it. */
export function koreaIso(ms: number): string {
  return `${new Date(ms + 9 * HOUR_MS).toISOString().slice(0, 19)}+09:00`;
}

/**
 * An inquiry in progress whose counsellor asked for an answer `askedHoursAgo` ago: answerable, with parent
 * `parentAnswerId`. Served by the simulator after `sim.setInquiry(id, …)`.
 */
export function answerableInquiry(inquiryId: string, now: number, { parentAnswerId = '1126600001', askedHoursAgo = 1 } = {}): Record<string, unknown> {
  return {
    inquiryId: Number(inquiryId),
    inquiryStatus: 'progress',
    csPartnerCounselingStatus: 'requestAnswer',
    vendorItemId: [3000012345],
    itemName: '유기농 현미, 4kg, 1개',
    content: '포장이 터져서 왔어요. 교환 가능한가요?',
    answeredAt: null,
    inquiryAt: koreaIso(now - (askedHoursAgo + 1) * HOUR_MS),
    buyerEmail: '',
    buyerPhone: '010-1234-5678',
    orderId: 5000012399,
    receiptCategory: '교환>상품불량>포장파손',
    replies: [
      {
        answerId: Number(parentAnswerId),
        parentAnswerId: null,
        receptionistName: '쿠팡 고객센터',
        receptionist: 'cssp-e2e01',
        replyAt: koreaIso(now - askedHoursAgo * HOUR_MS),
        content: '안녕하세요 판매자님.\n[판매자님 회신요청]\n1. 요청사항 이행 가능여부:\n2. 불가시 불가능한 사유 :',
        partnerTransferStatus: 'requestAnswer',
        partnerTransferCompleteReason: 'NONE',
        answerType: 'csAgent',
        needAnswer: true,
      },
    ],
  };
}

/** A transfer the counsellor completed `hoursAgo` ago that the seller only confirms (Wing's 미확인, TRANSFER). */
export function transferInquiry(inquiryId: string, now: number, { hoursAgo = 1 } = {}): Record<string, unknown> {
  const inquiry = answerableInquiry(inquiryId, now, { askedHoursAgo: hoursAgo });
  const [note] = inquiry.replies as Array<Record<string, unknown>>;
  return { ...inquiry, inquiryStatus: 'complete', replies: [{ ...note, needAnswer: false, content: '상담사가 처리를 완료했습니다. 확인 부탁드립니다.' }] };
}

/**
 * Inquiry IDs that make the single lookup answer a scenario instead of a fixture.
 * All digits, so the UI accepts them; none collides with a fixture name.
 */
export const SCENARIO_IDS = {
  /** 403 JSON whose message contains `Not allowed IP`. */
  ipNotAllowed: '7770000403',
  /** 403 HTML "Access Denied" page (temporary block), text/html. */
  blockedHtml: '7770001403',
  /** 403 JSON with another message. */
  forbidden: '7770002403',
  /** 404 `Vendor id should be same with the vendor id in this inquiry`. */
  otherVendor: '7770001404',
  /** 429 text/plain `Too Many Requests`. */
  rateLimited: '7770000429',
  /** 500 JSON internal error. */
  serverError: '7770000500',
  /** 504 HTML gateway time-out. */
  gatewayTimeout: '7770000504',
  /** 521 HTML (gateway cannot reach the backend). */
  gatewayUnreachable: '7770000521',
  /** 409: a status no row of docs/coupang-api.md#errors names. */
  unexpectedStatus: '7770000409',
  /** 200 with an HTML body (a maintenance page), not JSON. */
  htmlBody: '7770001200',
  /** 200 JSON that fails the response schema (no inquiryId). */
  badSchema: '7770002200',
  /** Never answers: the socket is held until the client gives up (its total timeout is 10 s). */
  neverAnswers: '7770000000',
  /** The socket is destroyed without a response: a network error for the client. */
  destroySocket: '7770000999',
} as const;

export type ScenarioName = keyof typeof SCENARIO_IDS;

export const MESSAGES = {
  malformed: 'HMAC format is invalid.',
  notAuthorized: 'Request is not authorized.',
  expired: 'Specified signature is expired.',
  invalidSignature: 'Invalid signature.',
  ipNotAllowed: 'Not allowed IP : 203.0.113.7',
  otherVendor: 'Vendor id should be same with the vendor id in this inquiry',
  notFound: 'Inquiry not found',
} as const;

export interface SimStore {
  accessKey: string;
  secretKey: string;
  vendorId: string;
}

export type AuthFailure = 'malformed' | 'not-authorized' | 'expired' | 'invalid-signature';

export interface RecordedRequest {
  /** Simulator clock when the request arrived. */
  at: number;
  method: string;
  /** Host header without port. */
  host: string;
  /** Raw path as sent on the wire, without the query. */
  path: string;
  /** Raw query string as sent on the wire, without `?` ('' when none). */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  /** For API requests: whether the CEA signature verified; null for Wing requests. */
  authOk: boolean | null;
  authFailure?: AuthFailure;
  accessKey?: string;
  /** Status sent; null while held or when the socket was destroyed. */
  status: number | null;
  outcome: 'pending' | 'answered' | 'held' | 'destroyed' | 'client-gave-up';
  /** The request body as received (writes), UTF-8. */
  body?: string;
}

interface Reply {
  status: number;
  contentType?: string;
  body: string;
}

/** A handler for `https://wing.coupang.com/__fixture-api/{name}`; query is the parsed wire query. */
export type WingApiHandler = (query: URLSearchParams, req: IncomingMessage) => Reply | Promise<Reply>;

export interface GatewaySimOptions {
  stores?: SimStore[];
  /** Directory of `{inquiryId}.json` files served raw as 200 answers. */
  inquiryFixturesDir?: string;
  /** Directory served as static files on wing.coupang.com. */
  wingDir?: string;
  /** A key and certificate to serve (e.g. one issued by a test CA, for browsers that trust only CAs); self-signed otherwise. */
  tls?: { key: string; cert: string };
}

const here = fileURLToPath(new URL('.', import.meta.url));
export const DEFAULT_INQUIRY_FIXTURES_DIR = resolve(here, '../../fixtures/inquiries');
export const DEFAULT_WING_DIR = resolve(here, '../../fixtures/wing');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const JSON_TYPE = 'application/json;charset=UTF-8';

const ACCESS_DENIED_HTML = (path: string): string =>
  `<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \n` +
  `You don't have permission to access "http&#58;&#47;&#47;${API_HOST}${path.replaceAll('/', '&#47;')}" on this server.<P>\n` +
  `Reference&#32;&#35;18&#46;4c2f1402&#46;1700000000&#46;1a2b3c4d\n</BODY>\n</HTML>\n`;

/** Parses `yyMMdd'T'HHmmss'Z'` (UTC) to epoch ms; null when not a real instant. */
export function parseSignedDate(signedDate: string): number | null {
  const m = /^(\d{2})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(signedDate);
  if (!m) return null;
  const [yy, mo, dd, hh, mi, ss] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(2000 + yy, mo - 1, dd, hh, mi, ss);
  const d = new Date(ms);
  if (d.getUTCMonth() !== mo - 1 || d.getUTCDate() !== dd || hh > 23 || mi > 59 || ss > 59) return null;
  return ms;
}

/** Formats epoch ms as the CEA signed-date, `yyMMdd'T'HHmmss'Z'` (UTC). */
export function formatSignedDate(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2025-10-15T08:30:00.000Z
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** The signature the gateway expects: lowercase hex HMAC-SHA256(secret, signedDate + METHOD + path + query). */
export function expectedSignature(secretKey: string, signedDate: string, method: string, path: string, query: string): string {
  return createHmac('sha256', Buffer.from(secretKey, 'utf8'))
    .update(Buffer.from(`${signedDate}${method}${path}${query}`, 'utf8'))
    .digest('hex');
}

/** Builds a CEA Authorization header (used by the simulator's own tests, never by the extension). */
export function ceaAuthorization(store: Pick<SimStore, 'accessKey' | 'secretKey'>, signedDate: string, method: string, path: string, query: string): string {
  const signature = expectedSignature(store.secretKey, signedDate, method, path, query);
  return `CEA algorithm=HmacSHA256, access-key=${store.accessKey}, signed-date=${signedDate}, signature=${signature}`;
}

interface ParsedAuthorization {
  accessKey: string;
  signedDate: string;
  signature: string;
}

/** Parses `CEA algorithm=HmacSHA256, access-key=…, signed-date=…, signature=…`; null when malformed. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (!header?.startsWith('CEA ')) return null;
  const fields = new Map<string, string>();
  for (const part of header.slice(4).split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!name || fields.has(name)) return null;
    fields.set(name, value);
  }
  const accessKey = fields.get('access-key');
  const signedDate = fields.get('signed-date');
  const signature = fields.get('signature');
  if (fields.size !== 4 || fields.get('algorithm') !== 'HmacSHA256') return null;
  if (!accessKey || /\s/.test(accessKey)) return null;
  if (!signedDate || parseSignedDate(signedDate) === null) return null;
  if (!signature || !/^[0-9a-fA-F]{64}$/.test(signature)) return null;
  return { accessKey, signedDate, signature };
}

/** The whole request body, as UTF-8 text. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function isCalendarDate(s: string | null): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

export class GatewaySim {
  /** When false, every API call that passes authentication answers 403 `Not allowed IP`. */
  ipAllowed = true;
  /** Offset of the simulator's clock from the machine's, in ms (to provoke `Specified signature is expired.`). */
  clockOffsetMs = 0;
  /** When false, API responses carry no `Date` header (so a client cannot correct its clock from it). */
  sendDateHeader = true;
  /** Delay before each API answer, in ms (to observe loading states). */
  apiDelayMs = 0;
  /**
   * When set, every authenticated API call is answered with Coupang's throttle instead: a 429 (with
   * `Retry-After` when given) or the HTML "Access Denied" 403 block.
   */
  throttle: { kind: 'rate-limited'; retryAfter?: string } | { kind: 'blocked-html' } | null = null;
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /**
   * Inquiries with state (`data` of the answer), served before the fixture files; answers and confirms change
   * them as Coupang would. A write to a fixture inquiry copies it in here first.
   */
  readonly inquiries = new Map<string, Record<string, unknown>>();
  /** Faults for the coming writes, first first (each used once): a 500, a hang until the client gives up, a 429. */
  readonly writeFaults: WriteFault[] = [];
  private nextAnswerId = 1_126_700_000;
  /** Handlers for `https://wing.coupang.com/__fixture-api/{name}`; files `{wingDir}/__fixture-api/{name}.json` otherwise. */
  readonly wingApi = new Map<string, WingApiHandler>();

  readonly stores: SimStore[];
  readonly inquiryFixturesDir: string;
  readonly wingDir: string;

  private readonly held = new Set<ServerResponse>();
  private readonly sockets = new Set<Socket>();
  private closed = false;

  private constructor(
    private readonly server: Server,
    private readonly tempDir: string,
    /** PEM of the self-signed certificate (SAN: wing.coupang.com, api-gateway.coupang.com). */
    readonly certPem: string,
    /** base64 SHA-256 of the certificate's SubjectPublicKeyInfo, for `--ignore-certificate-errors-spki-list`. */
    readonly spki: string,
    options: GatewaySimOptions,
  ) {
    this.stores = options.stores ?? [{ accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY, vendorId: TEST_VENDOR_ID }];
    this.inquiryFixturesDir = options.inquiryFixturesDir ?? DEFAULT_INQUIRY_FIXTURES_DIR;
    this.wingDir = options.wingDir ?? DEFAULT_WING_DIR;
  }

  static async start(options: GatewaySimOptions = {}): Promise<GatewaySim> {
    const tempDir = await mkdtemp(join(tmpdir(), 'coupang-gateway-sim-'));
    const keyPath = join(tempDir, 'key.pem');
    const certPath = join(tempDir, 'cert.pem');
    if (options.tls) {
      await Promise.all([writeFile(keyPath, options.tls.key), writeFile(certPath, options.tls.cert)]);
    } else {
      try {
        await execFileAsync('openssl', [
          'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
          '-subj', '/CN=coupang-test',
          '-addext', `subjectAltName=DNS:${WING_HOST},DNS:${API_HOST}`,
          '-keyout', keyPath, '-out', certPath,
        ]);
      } catch (error) {
        await rm(tempDir, { recursive: true, force: true });
        throw new Error(`gateway-sim: generating a certificate with openssl failed (is openssl installed?): ${String(error)}`);
      }
    }
    const [key, cert] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')]);
    const spkiDer = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
    const spki = createHash('sha256').update(spkiDer).digest('base64');

    const server = createServer({ key, cert });
    const sim = new GatewaySim(server, tempDir, cert, spki, options);
    server.on('request', (req, res) => {
      sim.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(599, { 'Content-Type': 'text/plain' });
          res.end(`gateway-sim crashed: ${String(error)}`);
        }
      });
    });
    server.on('secureConnection', (socket: Socket) => {
      sim.sockets.add(socket);
      socket.on('close', () => sim.sockets.delete(socket));
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => ok());
    });
    return sim;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The simulator's clock (machine clock + clockOffsetMs). */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Requests to the API host (optionally only those whose path starts with `pathPrefix`). */
  apiRequests(pathPrefix = ''): RecordedRequest[] {
    return this.requests.filter((r) => r.host === API_HOST && r.path.startsWith(pathPrefix));
  }

  /** Single-lookup requests for one inquiry ID (exact digits in the path). */
  lookupsOf(inquiryId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.host === API_HOST && r.path === singleLookupPath(inquiryId));
  }

  /** Waits until a recorded request matches (already recorded ones count). */
  async waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.requests.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`gateway-sim: no matching request within ${timeoutMs} ms; saw ${this.describeRequests()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Serves this inquiry (the `data` of the answer) from now on, with state. */
  setInquiry(inquiryId: string, data: Record<string, unknown>): void {
    this.inquiries.set(inquiryId, structuredClone(data));
  }

  /** The next write meets `fault` (a 500, a hang, a 429) instead of an OK. */
  failNextWrite(fault: WriteFault): void {
    this.writeFaults.push(fault);
  }

  /** POSTs for one inquiry (both kinds, or only `what`), in arrival order. */
  writesOf(inquiryId: string, what?: 'replies' | 'confirms'): RecordedRequest[] {
    return this.requests.filter((r) => {
      const m = r.host === API_HOST && r.method === 'POST' ? WRITE_PATH.exec(r.path) : null;
      return m !== null && m[2] === inquiryId && (what === undefined || m[3] === what);
    });
  }

  /** Every POST to the API host. */
  writeRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.host === API_HOST && r.method === 'POST');
  }

  /** The most API requests that arrived within any one rolling second. */
  maxApiRequestsPerSecond(): number {
    const times = this.apiRequests().map((r) => r.at);
    return times.reduce((best, start) => Math.max(best, times.filter((at) => at >= start && at < start + 1_000).length), 0);
  }

  describeRequests(): string {
    if (this.requests.length === 0) return '(no requests)';
    return this.requests.map((r) => `${r.method} ${r.host}${r.path}${r.query ? `?${r.query}` : ''} → ${r.status ?? r.outcome}`).join('; ');
  }

  /** Forgets recorded requests, drops held sockets and restores every switch. */
  reset(): void {
    this.requests.length = 0;
    this.ipAllowed = true;
    this.clockOffsetMs = 0;
    this.sendDateHeader = true;
    this.apiDelayMs = 0;
    this.throttle = null;
    this.wingApi.clear();
    this.inquiries.clear();
    this.writeFaults.length = 0;
    for (const res of this.held) res.destroy();
    this.held.clear();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const res of this.held) res.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((ok) => this.server.close(() => ok()));
    await rm(this.tempDir, { recursive: true, force: true });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const record: RecordedRequest = {
      at: this.now(),
      method: req.method ?? 'GET',
      host: (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase(),
      path: q < 0 ? rawUrl : rawUrl.slice(0, q),
      query: q < 0 ? '' : rawUrl.slice(q + 1),
      headers: { ...req.headers },
      authOk: null,
      status: null,
      outcome: 'pending',
    };
    this.requests.push(record);
    res.on('close', () => {
      if (record.outcome === 'held') record.outcome = 'client-gave-up';
    });

    if (record.host === API_HOST) return this.handleApi(req, res, record);
    if (record.host === WING_HOST) return this.handleWing(req, res, record);
    this.send(res, record, { status: 421, contentType: 'text/plain', body: `gateway-sim does not serve ${record.host}` });
  }

  private send(res: ServerResponse, record: RecordedRequest, reply: Reply, extraHeaders: Record<string, string> = {}): void {
    const headers: Record<string, string> = { ...extraHeaders };
    if (reply.contentType) headers['Content-Type'] = reply.contentType;
    if (record.host === API_HOST) {
      res.sendDate = false;
      if (this.sendDateHeader) headers['Date'] = new Date(this.now()).toUTCString();
      headers['X-Transaction-Id'] = randomUUID();
    }
    record.status = reply.status;
    record.outcome = 'answered';
    res.writeHead(reply.status, headers);
    res.end(reply.body);
  }

  private static json(status: number, body: unknown): Reply {
    return { status, contentType: JSON_TYPE, body: JSON.stringify(body) };
  }

  private static authError(message: string): Reply {
    return GatewaySim.json(401, { code: 'ERROR', message, transactionId: randomUUID().replaceAll('-', '') });
  }

  /** Verifies the CEA header; returns the store on success, or the 401 reply. */
  private authenticate(req: IncomingMessage, record: RecordedRequest): { store: SimStore } | { reply: Reply } {
    const fail = (failure: AuthFailure, message: string) => {
      record.authOk = false;
      record.authFailure = failure;
      return { reply: GatewaySim.authError(message) };
    };
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth) return fail('malformed', MESSAGES.malformed);
    record.accessKey = auth.accessKey;
    const store = this.stores.find((s) => s.accessKey === auth.accessKey);
    if (!store) return fail('not-authorized', MESSAGES.notAuthorized);
    const signedAt = parseSignedDate(auth.signedDate) ?? Number.NaN;
    if (!(Math.abs(this.now() - signedAt) <= SIGNATURE_TOLERANCE_MS)) return fail('expired', MESSAGES.expired);
    const expected = Buffer.from(expectedSignature(store.secretKey, auth.signedDate, record.method, record.path, record.query), 'utf8');
    const given = Buffer.from(auth.signature, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('invalid-signature', MESSAGES.invalidSignature);
    record.authOk = true;
    return { store };
  }

  private async handleApi(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
    if (record.method === 'POST') record.body = await readBody(req);
    if (this.apiDelayMs > 0) await new Promise((r) => setTimeout(r, this.apiDelayMs));
    if (res.destroyed) {
      record.outcome = 'client-gave-up';
      return;
    }
    const auth = this.authenticate(req, record);
    if ('reply' in auth) return this.send(res, record, auth.reply);
    // The allowed IPs belong to the key, so the gateway can check them only once it knows the key.
    if (!this.ipAllowed) {
      return this.send(res, record, GatewaySim.json(403, { code: 'ERROR', message: MESSAGES.ipNotAllowed, transactionId: randomUUID().replaceAll('-', '') }));
    }
    if (this.throttle?.kind === 'rate-limited') {
      const retryAfter: Record<string, string> = this.throttle.retryAfter === undefined ? {} : { 'Retry-After': this.throttle.retryAfter };
      return this.send(res, record, { status: 429, contentType: 'text/plain', body: 'Too Many Requests' }, retryAfter);
    }
    if (this.throttle?.kind === 'blocked-html') {
      return this.send(res, record, { status: 403, contentType: 'text/html', body: ACCESS_DENIED_HTML(record.path) });
    }

    if (record.method === 'GET' && record.path.startsWith(SINGLE_LOOKUP_PREFIX)) {
      const rawId = record.path.slice(SINGLE_LOOKUP_PREFIX.length);
      if (!rawId.includes('/')) return this.singleLookup(res, record, rawId);
    }
    const write = record.method === 'POST' ? WRITE_PATH.exec(record.path) : null;
    if (write) return this.handleWrite(res, record, auth.store, write[1] ?? '', write[2] ?? '', write[3] as 'replies' | 'confirms');
    const list = /^\/v2\/providers\/openapi\/apis\/api\/v5\/vendors\/([^/]+)\/callCenterInquiries$/.exec(record.path);
    if (record.method === 'GET' && list) return this.send(res, record, this.listInquiries(auth.store, list[1] ?? '', record.query));
    return this.send(res, record, GatewaySim.json(404, { code: 404, message: `No API for ${record.method} ${record.path}` }));
  }

  private async singleLookup(res: ServerResponse, record: RecordedRequest, rawId: string): Promise<void> {
    const send = (reply: Reply) => this.send(res, record, reply);
    if (!/^\d+$/.test(rawId)) {
      let shown = rawId;
      try {
        shown = decodeURIComponent(rawId);
      } catch {
        // keep the raw text
      }
      return send(GatewaySim.json(400, { code: 400, message: `Invalid format inquiryId : ${shown}` }));
    }
    const txId = randomUUID().replaceAll('-', '');
    switch (rawId) {
      case SCENARIO_IDS.ipNotAllowed:
        return send(GatewaySim.json(403, { code: 'ERROR', message: MESSAGES.ipNotAllowed, transactionId: txId }));
      case SCENARIO_IDS.blockedHtml:
        return send({ status: 403, contentType: 'text/html', body: ACCESS_DENIED_HTML(record.path) });
      case SCENARIO_IDS.forbidden:
        return send(GatewaySim.json(403, { code: 'ERROR', message: 'Forbidden', transactionId: txId }));
      case SCENARIO_IDS.otherVendor:
        return send(GatewaySim.json(404, { code: 404, message: MESSAGES.otherVendor }));
      case SCENARIO_IDS.rateLimited:
        return send({ status: 429, contentType: 'text/plain', body: 'Too Many Requests' });
      case SCENARIO_IDS.serverError:
        return send(GatewaySim.json(500, { code: 500, message: 'Internal Server Error', transactionId: txId }));
      case SCENARIO_IDS.gatewayTimeout:
        return send({ status: 504, contentType: 'text/html', body: '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center></body></html>' });
      case SCENARIO_IDS.gatewayUnreachable:
        return send({ status: 521, contentType: 'text/html', body: '<!DOCTYPE html><html><head><title>Web server is down</title></head><body><h1>Web server is down</h1><p>Error code 521</p></body></html>' });
      case SCENARIO_IDS.unexpectedStatus:
        return send(GatewaySim.json(409, { code: 409, message: 'Conflict' }));
      case SCENARIO_IDS.htmlBody:
        return send({ status: 200, contentType: 'text/html;charset=UTF-8', body: '<!DOCTYPE html><html><head><title>쿠팡 시스템 점검</title></head><body><h1>시스템 점검 중입니다</h1></body></html>' });
      case SCENARIO_IDS.badSchema:
        return send(GatewaySim.json(200, { code: 200, message: 'OK', data: { foo: 1 } }));
      case SCENARIO_IDS.neverAnswers:
        record.outcome = 'held';
        this.held.add(res);
        res.on('close', () => this.held.delete(res));
        return;
      case SCENARIO_IDS.destroySocket:
        record.outcome = 'destroyed';
        res.socket?.destroy();
        return;
    }
    const live = this.inquiries.get(rawId);
    if (live) return send(GatewaySim.json(200, { code: 200, message: 'OK', data: live }));
    const fixture = await readFile(join(this.inquiryFixturesDir, `${rawId}.json`), 'utf8').catch(() => null);
    if (fixture !== null) return send({ status: 200, contentType: 'application/json', body: fixture });
    return send(GatewaySim.json(404, { code: 404, message: MESSAGES.notFound }));
  }

  /** The inquiry with state: from `inquiries`, else copied in from its fixture file; null when unknown. */
  private async stateOf(inquiryId: string): Promise<Record<string, unknown> | null> {
    const live = this.inquiries.get(inquiryId);
    if (live) return live;
    const fixture = await readFile(join(this.inquiryFixturesDir, `${inquiryId}.json`), 'utf8').catch(() => null);
    if (fixture === null) return null;
    const data = (JSON.parse(fixture) as { data?: Record<string, unknown> }).data;
    if (!data) return null;
    this.inquiries.set(inquiryId, data);
    return data;
  }

  /**
   * An answer (`replies`) or a confirm (`confirms`), validated the way Coupang does (docs/coupang-api.md#answering):
   * vendor in path and body, a JSON body (a raw CR fails it), content 2–1000, the parent present and still
   * asking, the inquiry's state; then the inquiry changes as Coupang changes it. Messages Coupang is not
   * known to send (a wrong vendor or Wing user ID) are this simulator's own wording.
   */
  private async handleWrite(res: ServerResponse, record: RecordedRequest, store: SimStore, pathVendorId: string, inquiryId: string, what: 'replies' | 'confirms'): Promise<void> {
    const send = (reply: Reply) => this.send(res, record, reply);
    const bad = (message: string) => send(GatewaySim.json(400, { code: 400, message }));
    if (pathVendorId !== store.vendorId) return send(GatewaySim.authError(MESSAGES.notAuthorized));
    if (!/^\d+$/.test(inquiryId)) return bad(`Invalid format inquiryId : ${inquiryId}`);
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(record.body ?? '');
      if (parsed === null || typeof parsed !== 'object') throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      if (record.body?.includes('\r')) {
        return bad('Could not read JSON: Illegal unquoted character ((CTRL-CHAR, code 13)): has to be escaped using backslash to be included in string value');
      }
      return bad('Could not read JSON: Unexpected character');
    }
    if (inquiryId === SCENARIO_IDS.otherVendor) return send(GatewaySim.json(404, { code: 404, message: MESSAGES.otherVendor }));
    const inquiry = await this.stateOf(inquiryId);
    if (!inquiry) return send(GatewaySim.json(404, { code: 404, message: MESSAGES.notFound }));
    const replies = Array.isArray(inquiry.replies) ? (inquiry.replies as Array<Record<string, unknown>>) : [];
    const open = (reply: Record<string, unknown>) => reply.answerType === 'csAgent' && reply.partnerTransferStatus === 'requestAnswer';
    const notAnswerable = "The inquiry can't be answer. It can do only inquiryStatus:progress, partnerTransferStatus:requestAnswer";
    const now = this.now();
    let apply: () => void;
    if (what === 'replies') {
      if (body.vendorId !== store.vendorId) return bad(`vendorId in the body must be the vendor of the path : ${String(body.vendorId)}`);
      if (String(body.inquiryId) !== inquiryId) return bad(`inquiryId in the body must be the inquiry of the path : ${String(body.inquiryId)}`);
      const content = typeof body.content === 'string' ? body.content : '';
      const length = [...content].length;
      if (length < 2 || length > 1000) return bad('The reply content length should be between 2 ~ 1000');
      if (body.parentAnswerId === undefined || body.parentAnswerId === null || body.parentAnswerId === '') return bad('The parentAnswerId is required.');
      const replyBy = typeof body.replyBy === 'string' ? body.replyBy : '';
      if (!/^[A-Za-z0-9._@-]{2,50}$/.test(replyBy) || replyBy === store.vendorId) return bad(`Invalid replyBy : ${replyBy}`);
      const parent = replies.find((reply) => String(reply.answerId) === String(body.parentAnswerId));
      if (inquiry.inquiryStatus !== 'progress' || !parent || !open(parent)) return bad(notAnswerable);
      apply = () => {
        Object.assign(parent, { partnerTransferStatus: 'answered', partnerTransferCompleteReason: 'DISPUTE_PROCESS_COMPLETE', needAnswer: false });
        replies.push({
          answerId: this.nextAnswerId++,
          parentAnswerId: String(body.parentAnswerId),
          receptionistName: replyBy,
          receptionist: replyBy,
          replyAt: koreaIso(now),
          content,
          partnerTransferStatus: null,
          partnerTransferCompleteReason: null,
          answerType: 'vendor',
          needAnswer: false,
        });
        Object.assign(inquiry, { replies, inquiryStatus: 'complete', csPartnerCounselingStatus: 'answered', answeredAt: koreaIso(now) });
      };
    } else {
      const confirmBy = typeof body.confirmBy === 'string' ? body.confirmBy : '';
      if (!/^[A-Za-z0-9._@-]{2,50}$/.test(confirmBy) || confirmBy === store.vendorId) return bad(`Invalid confirmBy : ${confirmBy}`);
      const pending = replies.filter(open);
      if (inquiry.inquiryStatus !== 'complete' || pending.length === 0) return bad(notAnswerable);
      const transferredAt = Math.max(...pending.map((reply) => Date.parse(String(reply.replyAt))));
      if (!(now < transferredAt + 24 * HOUR_MS)) return bad('This inquiry has closed. -522');
      apply = () => {
        for (const reply of pending) Object.assign(reply, { partnerTransferStatus: 'answered', partnerTransferCompleteReason: 'DISPUTE_PROCESS_COMPLETE' });
        Object.assign(inquiry, { csPartnerCounselingStatus: 'answered' });
      };
    }
    const fault = this.writeFaults.shift();
    if (!fault) {
      apply();
      return send(GatewaySim.json(200, { code: '200', message: 'OK' }));
    }
    if (fault.apply) apply();
    if (fault.kind === 'server-error') return send(GatewaySim.json(500, { code: 500, message: 'Internal Server Error', transactionId: randomUUID().replaceAll('-', '') }));
    if (fault.kind === 'rate-limited') return send({ status: 429, contentType: 'text/plain', body: 'Too Many Requests' });
    record.outcome = 'held';
    this.held.add(res);
    res.on('close', () => this.held.delete(res));
  }

  /** The list call (docs/coupang-api.md#keys), used by "Test connection"; answers an empty page. */
  private listInquiries(store: SimStore, pathVendorId: string, rawQuery: string): Reply {
    const query = new URLSearchParams(rawQuery);
    const bad = (message: string) => GatewaySim.json(400, { code: 400, message });
    if (pathVendorId !== store.vendorId || query.get('vendorId') !== store.vendorId) return GatewaySim.authError(MESSAGES.notAuthorized);
    const status = query.get('partnerCounselingStatus');
    if (!status) return bad('partnerCounselingStatus is required');
    if (!['NONE', 'NO_ANSWER', 'ANSWER', 'TRANSFER'].includes(status)) return bad(`Invalid partnerCounselingStatus : ${status}`);
    const start = query.get('inquiryStartAt');
    const end = query.get('inquiryEndAt');
    if (!isCalendarDate(start) || !isCalendarDate(end)) return bad('inquiryStartAt and inquiryEndAt must be yyyy-MM-dd');
    const days = (Date.parse(end) - Date.parse(start)) / 86_400_000;
    if (days < 0 || days > 7) return bad('inquiryStartAt and inquiryEndAt must be at most 7 days apart');
    const pageSize = query.get('pageSize');
    if (pageSize !== null && !(/^\d+$/.test(pageSize) && Number(pageSize) >= 1 && Number(pageSize) <= 30)) return bad('pageSize must be between 1 and 30');
    const pageNum = query.get('pageNum');
    if (pageNum !== null && !(/^\d+$/.test(pageNum) && Number(pageNum) >= 1)) return bad('pageNum must be 1 or more');
    return GatewaySim.json(200, {
      code: 200,
      message: 'OK',
      data: { content: [], pagination: { currentPage: 1, totalPages: 0, totalElements: 0, countPerPage: Number(pageSize ?? 1) } },
    });
  }

  private async handleWing(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
    const notFound = () => this.send(res, record, { status: 404, contentType: 'text/plain', body: 'Not found' });
    let path: string;
    try {
      path = decodeURIComponent(record.path);
    } catch {
      return this.send(res, record, { status: 400, contentType: 'text/plain', body: 'Bad path' });
    }
    if (path.includes('\0')) return this.send(res, record, { status: 400, contentType: 'text/plain', body: 'Bad path' });

    if (path.startsWith('/__fixture-api/')) {
      const name = path.slice('/__fixture-api/'.length);
      const query = new URLSearchParams(record.query);
      const delay = Number(query.get('delay') ?? 0);
      if (delay > 0) await new Promise((r) => setTimeout(r, Math.min(delay, 10_000)));
      const handler = this.wingApi.get(name);
      if (handler) return this.send(res, record, await handler(query, req));
      const file = this.wingFile(`/__fixture-api/${name}.json`);
      const body = file && (await readFile(file, 'utf8').catch(() => null));
      return body ? this.send(res, record, { status: 200, contentType: CONTENT_TYPES['.json'], body }) : notFound();
    }

    let file = this.wingFile(path);
    if (!file) return notFound();
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = this.wingFile(`${path.replace(/\/$/, '')}/index.html`);
      if (!file) return notFound();
    }
    const body = await readFile(file).catch(() => null);
    if (!body) return notFound();
    record.status = 200;
    record.outcome = 'answered';
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(body);
  }

  /** Maps a decoded URL path into wingDir; null when it would leave it. */
  private wingFile(urlPath: string): string | null {
    const root = resolve(this.wingDir);
    const file = resolve(root, `.${urlPath.startsWith('/') ? '' : '/'}${urlPath}`);
    return file === root || file.startsWith(root + sep) ? file : null;
  }
}
