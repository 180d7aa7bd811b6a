/**
 * Debian's firefox-esr, headless, with the production Firefox build loaded as a temporary add-on by
 * `web-ext run`, driven over WebDriver BiDi (Firefox's built-in remote protocol; there is no
 * geckodriver here and Playwright's Firefox needs its own build).
 *
 * Firefox has no `--host-resolver-rules`. Instead its profile sends every HTTPS connection through a
 * local CONNECT proxy that admits only the two Coupang hosts and forwards them to the gateway simulator
 * (so the real hostnames and port 443 stay in the URLs), and the profile's certificate database trusts a
 * CA made for the run that issued the simulator's certificate.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { API_HOST, WING_HOST } from './gateway-sim';

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');
export const GECKO_ID = 'cs-lens@coupang-seller-tools';

/** A CA and a server certificate it issued for both Coupang hosts, made with openssl in `dir`. */
export async function makeTestCa(dir: string): Promise<{ caPem: string; key: string; cert: string }> {
  const at = (name: string) => join(dir, name);
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=cs-lens test CA', '-keyout', at('ca.key'), '-out', at('ca.pem')]);
  await run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=coupang-test', '-keyout', at('leaf.key'), '-out', at('leaf.csr')]);
  await writeFile(at('leaf.ext'), `subjectAltName=DNS:${WING_HOST},DNS:${API_HOST}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  await run('openssl', ['x509', '-req', '-in', at('leaf.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', at('leaf.ext'), '-out', at('leaf.pem')]);
  const [caPem, key, cert] = await Promise.all([readFile(at('ca.pem'), 'utf8'), readFile(at('leaf.key'), 'utf8'), readFile(at('leaf.pem'), 'utf8')]);
  return { caPem, key, cert };
}

/** An HTTP CONNECT proxy that tunnels the two Coupang hosts on 443 to `targetPort` and refuses anything else. */
export async function startCoupangProxy(targetPort: number): Promise<{ port: number; refused: string[]; close(): Promise<void> }> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    client.once('data', (head) => {
      const [, target] = /^CONNECT (\S+) HTTP\/1\.[01]\r\n/.exec(head.toString('latin1')) ?? [];
      if (target !== `${API_HOST}:443` && target !== `${WING_HOST}:443`) {
        refused.push(target ?? head.toString('latin1').split('\r\n')[0]!);
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      const upstream = connect(targetPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

async function until(condition: () => boolean, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

/** A minimal WebDriver BiDi client: commands by id, results or errors back. */
export class Bidi {
  private nextId = 1;
  private readonly waiting = new Map<number, { ok: (v: any) => void; fail: (e: Error) => void }>();
  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; type: string; result?: unknown; error?: string; message?: string };
      const pending = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!pending) return;
      this.waiting.delete(message.id!);
      if (message.type === 'error') pending.fail(new Error(`BiDi: ${message.error}: ${message.message}`));
      else pending.ok(message.result);
    });
  }

  static async connect(port: number, timeoutMs: number): Promise<Bidi> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/session`);
        await new Promise<void>((ok, fail) => {
          socket.once('open', () => ok());
          socket.once('error', fail);
        });
        return new Bidi(socket);
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`firefox: WebDriver BiDi did not listen on port ${port} within ${timeoutMs} ms: ${String(error)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  send<T = any>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Evaluates `expression` (awaiting a promise) in a browsing context; returns its JSON-able value. */
  async evaluate<T>(context: string, expression: string): Promise<T> {
    const result = await this.send<{ type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } }>('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => { ${expression} })()))()`,
      target: { context },
      awaitPromise: true,
    });
    if (result.type === 'exception') throw new Error(`firefox: script failed: ${result.exceptionDetails?.text}`);
    return JSON.parse(String(result.result?.value ?? 'null')) as T;
  }

  close(): void {
    this.socket.close();
  }
}

export interface FirefoxWithExtension {
  bidi: Bidi;
  /** The tab the test drives. */
  context: string;
  /** `moz-extension://{uuid}` of the add-on. */
  origin: string;
  /** Everything web-ext and Firefox printed, for failure messages. */
  log: string[];
  close(): Promise<void>;
}

/** Runs firefox-esr headless through `web-ext run` with the Firefox build, its HTTPS through `proxyPort`, trusting `caPem`. */
export async function launchFirefox({ proxyPort, caPem }: { proxyPort: number; caPem: string }): Promise<FirefoxWithExtension> {
  const profile = await mkdtemp(join(tmpdir(), 'cs-lens-firefox-profile-'));
  const log: string[] = [];
  let child: ChildProcess | undefined;
  const stop = async () => {
    // Closing the browser over BiDi (by the caller) ends Firefox, and web-ext with it; this is the fallback.
    if (child && child.exitCode === null) {
      const exited = new Promise((ok) => child!.once('exit', ok));
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGTERM');
    }
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  try {
    await writeFile(join(profile, 'ca.pem'), caPem);
    await run('certutil', ['-N', '-d', `sql:${profile}`, '--empty-password']);
    await run('certutil', ['-A', '-d', `sql:${profile}`, '-n', 'cs-lens test CA', '-t', 'C,,', '-i', join(profile, 'ca.pem')]);
    const bidiPort = await freePort();
    const prefs: Record<string, string | number | boolean> = {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'intl.locale.requested': 'en-US',
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
    };
    const args = [
      join(ROOT, 'node_modules/web-ext/bin/web-ext.js'), 'run',
      '--target', 'firefox-desktop', '--firefox', FIREFOX_PATH,
      '--source-dir', FIREFOX_EXTENSION_DIR, '--firefox-profile', profile, '--keep-profile-changes',
      '--no-reload', '--no-input', '--no-config-discovery',
      ...Object.entries(prefs).map(([k, v]) => `--pref=${k}=${v}`),
      `--arg=--remote-debugging-port=${bidiPort}`,
      // Lets the harness open moz-extension:// pages in a tab (WebDriver allows only http(s), file, blob otherwise).
      '--arg=--remote-allow-system-access',
    ];
    child = spawn(process.execPath, args, { env: { ...process.env, MOZ_HEADLESS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => void log.push(String(d)));
    child.stderr!.on('data', (d) => void log.push(String(d)));
    const bidi = await Bidi.connect(bidiPort, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${log.join('').slice(-3000)}`);
    });
    // web-ext installs the add-on over Firefox's debugger protocol once Firefox is up, and says so.
    await until(() => /Installed .* as a temporary add-on/.test(log.join('')), 60_000, () => `firefox: web-ext did not install the add-on\n${log.join('').slice(-3000)}`);
    await bidi.send('session.new', { capabilities: {} });
    // Temporary add-ons get a random moz-extension:// host; ask Firefox's parent process for it.
    const chrome = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const host = await bidi.evaluate<string | null>(chrome.contexts[0]!.context, `return WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)})?.mozExtensionHostname ?? null;`);
    if (!host) throw new Error(`firefox: the add-on ${GECKO_ID} is not active\n${log.join('').slice(-3000)}`);
    const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    return {
      bidi,
      context,
      origin: `moz-extension://${host}`,
      log,
      close: async () => {
        await bidi.send('browser.close').catch(() => undefined);
        bidi.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
