/**
 * Real Chromium with the production build of the extension loaded, its network pointed at the
 * gateway simulator under the real hostnames (docs/testing.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { API_HOST, WING_HOST, type GatewaySim } from './gateway-sim';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const EXTENSION_DIR = process.env.E2E_EXTENSION_DIR ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../.output/chrome-mv3');

export type ExtensionPageName = 'options.html' | 'popup.html' | 'sidepanel.html';

export interface ExtensionBrowser {
  ctx: BrowserContext;
  extensionId: string;
  /** The extension's background service worker (as found at launch). */
  serviceWorker: Worker;
  close(): Promise<void>;
}

const extensionIds = new WeakMap<BrowserContext, string>();

function assertPrerequisites(EXTENSION_DIR: string): void {
  const manifestPath = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`e2e: no production build at ${EXTENSION_DIR}. Run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`e2e: Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  }
  // Chromium refuses such a build silently (no service worker ever starts): say why up front.
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { default_locale?: string; background?: { service_worker?: string } };
  const locale = manifest.default_locale;
  if (locale && !existsSync(join(EXTENSION_DIR, '_locales', locale, 'messages.json'))) {
    throw new Error(`e2e: the build's manifest sets default_locale "${locale}" but ${EXTENSION_DIR}/_locales/${locale}/messages.json is missing: Chromium will not load it.`);
  }
  const worker = manifest.background?.service_worker;
  if (!worker || !existsSync(join(EXTENSION_DIR, worker))) {
    throw new Error(`e2e: the build has no background service worker file (${String(worker)}).`);
  }
}

/** Launches Chromium (headless, fresh profile) with the built extension, resolving both Coupang hosts to `sim`. */
/**
 * Chromium's flags for these machines (docs/testing.md), with both Coupang hosts resolved to `sim` and its
 * certificate trusted; every other host fails to resolve. Shared with the benchmark's no-extension baseline.
 */
export function chromiumArgs(sim: GatewaySim, lang = 'en-US'): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=MAP ${WING_HOST} 127.0.0.1:${sim.port}, MAP ${API_HOST} 127.0.0.1:${sim.port}, MAP * ~NOTFOUND`,
    `--ignore-certificate-errors-spki-list=${sim.spki}`,
    `--lang=${lang}`,
  ];
}

/**
 * `lang`: the browser's UI language (the extension follows it); English unless a test says otherwise.
 * `headless`: false only for `npm run demo` on a machine with a display.
 * `timezoneId`: the time zone pages see (the runtime's own unless given); `colorScheme`: the
 * `prefers-color-scheme` pages see (light unless given); `extensionDir`: another build than EXTENSION_DIR
 * (the benchmark's baseline).
 */
export async function launchExtension(
  sim: GatewaySim,
  {
    lang = 'en-US',
    headless = true,
    timezoneId,
    colorScheme = 'light',
    extensionDir = EXTENSION_DIR,
  }: { lang?: string; headless?: boolean; timezoneId?: string; colorScheme?: 'light' | 'dark'; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  assertPrerequisites(extensionDir);
  const userDataDir = await mkdtemp(join(tmpdir(), 'coupang-e2e-profile-'));
  let ctx: BrowserContext | undefined;
  const browserLog: string[] = [];
  try {
    ctx = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless,
      viewport: headless ? { width: 1280, height: 800 } : null,
      // Chromium's own output (extension load errors land here), kept for the failure message.
      logger: {
        isEnabled: (name) => name === 'browser',
        log: (_name, _severity, message) => void browserLog.push(String(message)),
      },
      args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...chromiumArgs(sim, lang)],
      locale: lang,
      timezoneId,
      colorScheme,
    });
    const serviceWorker = await findServiceWorker(ctx, browserLog, extensionDir);
    const extensionId = new URL(serviceWorker.url()).host;
    extensionIds.set(ctx, extensionId);
    const launched = ctx;
    return {
      ctx: launched,
      extensionId,
      serviceWorker,
      close: async () => {
        await launched.close().catch(() => undefined);
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await ctx?.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

async function findServiceWorker(ctx: BrowserContext, browserLog: string[], extensionDir: string): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const existing = ctx.serviceWorkers().find(isOurs);
  if (existing) return existing;
  try {
    return await ctx.waitForEvent('serviceworker', { predicate: isOurs, timeout: 10_000 });
  } catch {
    const log = browserLog.filter((line) => /extension|manifest|error/i.test(line)).slice(-20).join('\n');
    throw new Error(`e2e: the extension's service worker did not start within 10 s; Chromium did not load ${extensionDir}.\n${log}`);
  }
}

export function extensionIdOf(ctx: BrowserContext): string {
  const id = extensionIds.get(ctx);
  if (!id) throw new Error('e2e: this context was not launched by launchExtension()');
  return id;
}

/** The extension's service worker, started first if Chrome (or stopServiceWorker) stopped it. */
export async function currentServiceWorker(ctx: BrowserContext): Promise<Worker> {
  await wakeServiceWorker(ctx);
  const prefix = `chrome-extension://${extensionIdOf(ctx)}/`;
  const found = ctx.serviceWorkers().findLast((w) => w.url().startsWith(prefix));
  return found ?? ctx.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout: 15_000 });
}

/** Opens one of the extension's pages as a tab. */
export async function openExtensionPage(ctx: BrowserContext, name: ExtensionPageName): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`chrome-extension://${extensionIdOf(ctx)}/${name}`);
  return page;
}

export interface IndexedDbDump {
  name: string;
  version: number;
  stores: Record<string, { keys: unknown[]; values: unknown[] } | { error: string }>;
}

export interface StorageDump {
  local: Record<string, unknown>;
  sync: Record<string, unknown>;
  session: Record<string, unknown>;
  indexedDB: IndexedDbDump[];
  /** Cache Storage of the extension's origin: cache name → request URLs. */
  caches: Record<string, string[]>;
  /** `localStorage` of the extension's origin (read from an extension page). */
  localStorage: Record<string, string>;
}

/**
 * Runs inside the service worker. Kept as source text: the function travels to the browser as a
 * string, so it must not depend on helpers a bundler might inject into compiled test code.
 * Binary values are rendered as hex, base64 and UTF-8; an extractable CryptoKey is exported, so any
 * stored form of a secret becomes searchable text.
 */
const DUMP_WORKER_STORAGE = String.raw`(async () => {
  const bytesView = (u8) => {
    let hex = '', bin = '';
    for (const b of u8) { hex += b.toString(16).padStart(2, '0'); bin += String.fromCharCode(b); }
    let utf8 = '';
    try { utf8 = new TextDecoder('utf-8', { fatal: false }).decode(u8); } catch {}
    return { bytes: u8.length, hex, base64: btoa(bin), utf8 };
  };
  const plain = async (v, depth = 0) => {
    if (depth > 12) return '[too deep]';
    if (v === null || v === undefined || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v ?? null;
    if (typeof v === 'bigint') return { bigint: v.toString() };
    if (typeof CryptoKey !== 'undefined' && v instanceof CryptoKey) {
      const out = { cryptoKey: { type: v.type, extractable: v.extractable, algorithm: JSON.parse(JSON.stringify(v.algorithm, (k, x) => (x && x.name && typeof x === 'object' && k === 'hash') ? x.name : x)), usages: v.usages } };
      if (v.extractable) {
        try { out.exported = bytesView(new Uint8Array(await crypto.subtle.exportKey('raw', v))); } catch (e) {
          try { out.exportedJwk = await crypto.subtle.exportKey('jwk', v); } catch {}
        }
      }
      return out;
    }
    if (v instanceof ArrayBuffer) return { arrayBuffer: bytesView(new Uint8Array(v)) };
    if (ArrayBuffer.isView(v)) return { typedArray: bytesView(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
    if (typeof Blob !== 'undefined' && v instanceof Blob) return { blob: bytesView(new Uint8Array(await v.arrayBuffer())) };
    if (v instanceof Date) return { date: v.toISOString() };
    if (Array.isArray(v)) { const a = []; for (const x of v) a.push(await plain(x, depth + 1)); return a; }
    if (v instanceof Map) { const a = []; for (const [k, x] of v) a.push([await plain(k, depth + 1), await plain(x, depth + 1)]); return { map: a }; }
    if (v instanceof Set) { const a = []; for (const x of v) a.push(await plain(x, depth + 1)); return { set: a }; }
    if (typeof v === 'object') { const o = {}; for (const k of Object.keys(v)) o[k] = await plain(v[k], depth + 1); return o; }
    return String(v);
  };
  const req = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const area = async (name) => { try { return await plain(await chrome.storage[name].get(null)); } catch (e) { return { error: String(e) }; } };
  const out = { local: await area('local'), sync: await area('sync'), session: await area('session'), indexedDB: [], caches: {} };
  const dbs = (await indexedDB.databases?.()) ?? [];
  for (const info of dbs) {
    if (!info.name) continue;
    const entry = { name: info.name, version: info.version ?? 0, stores: {} };
    try {
      const db = await new Promise((ok, fail) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); r.onblocked = () => fail(new Error('blocked')); });
      for (const storeName of Array.from(db.objectStoreNames)) {
        try {
          const tx = db.transaction(storeName, 'readonly');
          const store = tx.objectStore(storeName);
          const [keys, values] = await Promise.all([req(store.getAllKeys()), req(store.getAll())]);
          entry.stores[storeName] = { keys: await plain(keys), values: await plain(values) };
        } catch (e) { entry.stores[storeName] = { error: String(e) }; }
      }
      db.close();
    } catch (e) { entry.stores['<open>'] = { error: String(e) }; }
    out.indexedDB.push(entry);
  }
  try {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out.caches[name] = (await cache.keys()).map((r) => r.url);
    }
  } catch {}
  return out;
})()`;

/** Everything the extension has stored: storage.local/sync/session, IndexedDB, Cache Storage, localStorage. */
export async function readAllStorage(ctx: BrowserContext): Promise<StorageDump> {
  const worker = await currentServiceWorker(ctx);
  const fromWorker = (await worker.evaluate(DUMP_WORKER_STORAGE)) as Omit<StorageDump, 'localStorage'>;
  // Service workers have no localStorage; read it from a blank page of the extension's origin.
  const page = await ctx.newPage();
  try {
    await page.goto(`chrome-extension://${extensionIdOf(ctx)}/manifest.json`);
    const localStorage = (await page.evaluate(
      'Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]))',
    )) as Record<string, string>;
    return { ...fromWorker, localStorage };
  } finally {
    await page.close();
  }
}

/** The forms a secret could take in storage: its text, base64 (both alphabets), and hex (both cases). */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const base64 = bytes.toString('base64');
  const hex = bytes.toString('hex');
  return [...new Set([secret, base64, base64.replace(/=+$/, ''), bytes.toString('base64url'), hex, hex.toUpperCase()])];
}

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

/** Runs `work` with a DevTools session on a blank page of the extension's origin. */
async function withExtensionCdp<T>(ctx: BrowserContext, work: (cdp: CDPSession, page: Page) => Promise<T>): Promise<T> {
  const page = await ctx.newPage();
  try {
    await page.goto(`chrome-extension://${extensionIdOf(ctx)}/manifest.json`);
    const cdp = await ctx.newCDPSession(page);
    try {
      return await work(cdp, page);
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  } finally {
    await page.close();
  }
}

/** Resolves once the extension's service worker reports `status` (checked on every version update). */
function workerReaches(cdp: CDPSession, ctx: BrowserContext, status: RunningStatus, timeoutMs: number): Promise<void> {
  const scriptPrefix = `chrome-extension://${extensionIdOf(ctx)}/`;
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`e2e: the service worker did not reach "${status}" within ${timeoutMs} ms`)), timeoutMs);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(scriptPrefix) && v.runningStatus === status)) {
        clearTimeout(timer);
        ok();
      }
    });
  });
}

/**
 * Stops the extension's service worker, as Chrome does when it idles (Playwright's attachment
 * otherwise keeps it alive), and waits until it has stopped. The next event starts a fresh one.
 */
export async function stopServiceWorker(ctx: BrowserContext): Promise<void> {
  await withExtensionCdp(ctx, async (cdp) => {
    const stopped = workerReaches(cdp, ctx, 'stopped', 5_000);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  });
}

/** Starts the extension's service worker if it is stopped (evaluating in a stopped worker would hang). */
async function wakeServiceWorker(ctx: BrowserContext): Promise<void> {
  await withExtensionCdp(ctx, async (cdp) => {
    const running = workerReaches(cdp, ctx, 'running', 5_000);
    await cdp.send('ServiceWorker.enable'); // reports the current state at once
    await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${extensionIdOf(ctx)}/` });
    await running;
  });
}
