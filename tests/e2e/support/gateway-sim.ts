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

/** One inquiry the list call serves (docs/coupang-api.md#list), dated relative to the simulator's clock. */
export interface ListedInquiry {
  id: string;
  /** NO_ANSWER: a reply is needed; TRANSFER: a counsellor finished, a confirm is needed; ANSWER: answered. */
  status: 'NO_ANSWER' | 'TRANSFER' | 'ANSWER';
  /** How long ago the counsellor asked the seller (the reply's replyAt): the 24 hours count from there. */
  transferredMinutesAgo: number;
  itemName?: string;
}

/**
 * "Awaiting you" at scale: `count` inquiries awaiting the seller (every fifth a TRANSFER to confirm), transferred
 * 1–21 h ago, so more than one page of NO_ANSWER at pageSize 30 for count ≥ 38; IDs 9100000001….
 */
export function awaitingScenario(count: number, { dueSoon = true }: { dueSoon?: boolean } = {}): ListedInquiry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(9_100_000_001 + i),
    status: i % 5 === 4 ? ('TRANSFER' as const) : ('NO_ANSWER' as const),
    // The first is due within 3 hours (transferred 22 h ago) unless asked otherwise; the rest 4–23 h ahead.
    transferredMinutesAgo: i === 0 && dueSoon ? 22 * 60 : 60 + ((i * 37) % (19 * 60)),
    itemName: `[목록] 상품 ${i + 1}`,
  }));
}

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
  /** What the list call serves (docs/coupang-api.md#list); empty by default. */
  inbox: ListedInquiry[] = [];
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
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

  /** The most API requests that arrived within any one rolling second. */
  maxApiRequestsPerSecond(): number {
    const times = this.apiRequests().map((r) => r.at);
    return times.reduce((best, start) => Math.max(best, times.filter((at) => at >= start && at < start + 1_000).length), 0);
  }

  /** List calls (partnerCounselingStatus NO_ANSWER or TRANSFER; the connection test's NONE call is not one). */
  listRequests(): RecordedRequest[] {
    return this.apiRequests().filter((r) => /^\/v2\/providers\/openapi\/apis\/api\/v5\/vendors\/[^/]+\/callCenterInquiries$/.test(r.path) && /partnerCounselingStatus=(NO_ANSWER|TRANSFER)(&|$)/.test(r.query));
  }

  /** The seller answered (or confirmed) in Wing: the inquiry leaves the awaiting lists. */
  markAnswered(inquiryId: string): void {
    const listed = this.inbox.find((inquiry) => inquiry.id === inquiryId);
    if (!listed) throw new Error(`gateway-sim: ${inquiryId} is not listed`);
    listed.status = 'ANSWER';
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
    this.inbox = [];
    this.wingApi.clear();
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
    const fixture = await readFile(join(this.inquiryFixturesDir, `${rawId}.json`), 'utf8').catch(() => null);
    if (fixture !== null) return send({ status: 200, contentType: 'application/json', body: fixture });
    const listed = this.inbox.find((inquiry) => inquiry.id === rawId);
    if (listed) return send(GatewaySim.json(200, { code: 200, message: 'OK', data: this.listedData(listed) }));
    return send(GatewaySim.json(404, { code: 404, message: MESSAGES.notFound }));
  }

  /** `yyyy-MM-dd HH:mm:ss`, Korea time without offset, as the list and lookup send dates. */
  private static koreaText(epochMs: number): string {
    return new Date(epochMs + 9 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  }

  /** The `data` of one listed inquiry, shaped like the gateway's (the same fields as the single lookup). */
  private listedData(listed: ListedInquiry): Record<string, unknown> {
    const transferredAt = this.now() - listed.transferredMinutesAgo * 60_000;
    const answered = listed.status === 'ANSWER';
    return {
      inquiryId: Number(listed.id),
      inquiryStatus: listed.status === 'NO_ANSWER' ? 'progress' : 'complete',
      csPartnerCounselingStatus: answered ? 'answered' : 'requestAnswer',
      vendorItemId: [3000090000 + (Number(listed.id) % 1000)],
      itemName: listed.itemName ?? `상품 ${listed.id}`,
      content: '배송 문의입니다.',
      inquiryAt: GatewaySim.koreaText(transferredAt - 30 * 60_000),
      answeredAt: answered ? GatewaySim.koreaText(this.now()) : null,
      orderId: 5000090000 + (Number(listed.id) % 1000),
      buyerPhone: '010-0000-1234',
      replies: [
        {
          answerId: 7100090000 + (Number(listed.id) % 1000),
          parentAnswerId: null,
          receptionistName: '쿠팡 고객센터',
          receptionist: 'cssp-e2e01',
          replyAt: GatewaySim.koreaText(transferredAt),
          content: '판매자님 회신 부탁드립니다.',
          partnerTransferStatus: listed.status === 'TRANSFER' || !answered ? 'requestAnswer' : 'answered',
          partnerTransferCompleteReason: 'NONE',
          answerType: 'csAgent',
          needAnswer: true,
        },
      ],
    };
  }

  /**
   * The list call (docs/coupang-api.md#list): validated like Coupang (vendor ID in path and query equal to the key's,
   * dates at most 7 days apart, pageSize ≤ 30), serving `inbox` filtered by status and the Korea-time window, paged.
   * "Test connection" asks it for one row of NONE.
   */
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
    const size = Number(pageSize ?? 10);
    const page = Number(pageNum ?? 1);
    const matching = this.inbox.filter((listed) => {
      if (status !== 'NONE' && listed.status !== status) return false;
      const day = GatewaySim.koreaText(this.now() - listed.transferredMinutesAgo * 60_000 - 30 * 60_000).slice(0, 10);
      return day >= start && day <= end;
    });
    const totalPages = Math.ceil(matching.length / size);
    return GatewaySim.json(200, {
      code: 200,
      message: 'OK',
      data: {
        content: matching.slice((page - 1) * size, page * size).map((listed) => this.listedData(listed)),
        pagination: { currentPage: page, totalPages, totalElements: matching.length, countPerPage: size },
      },
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
