/**
 * Firefox smoke test: the production Firefox build in Debian's firefox-esr (headless, through
 * `web-ext run`) starts its background, keeps the secret as a non-extractable CryptoKey in IndexedDB
 * that reads back, and answers one lookup from the gateway simulator, signed so that the simulator
 * accepts it. Needs `npm run build:firefox`, firefox-esr and certutil (libnss3-tools).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../utils/i18n/en';
import { FIREFOX_EXTENSION_DIR, FIREFOX_PATH, launchFirefox, makeTestCa, startCoupangProxy, type FirefoxWithExtension } from './support/firefox';
import { API_HOST, GatewaySim, TEST_ACCESS_KEY, TEST_SECRET_KEY, TEST_VENDOR_ID } from './support/gateway-sim';

const ID = '1015668177';
const WAIT_MS = 30_000;

let dir: string;
let sim: GatewaySim;
let proxy: Awaited<ReturnType<typeof startCoupangProxy>>;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error('e2e: no Firefox build. Run `npm run build:firefox` first.');
  if (!existsSync(FIREFOX_PATH)) throw new Error(`e2e: Firefox not found at ${FIREFOX_PATH} (apt-get install -y firefox-esr libnss3-tools, or set FIREFOX_PATH).`);
  dir = await mkdtemp(join(tmpdir(), 'cs-lens-firefox-ca-'));
  const ca = await makeTestCa(dir);
  sim = await GatewaySim.start({ tls: { key: ca.key, cert: ca.cert } });
  proxy = await startCoupangProxy(sim.port);
  firefox = await launchFirefox({ proxyPort: proxy.port, caPem: ca.caPem });
}, 120_000);

afterAll(async () => {
  await firefox?.close();
  await proxy?.close();
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 30_000);

/** Polls `expression` in the tab until it returns something truthy. */
async function waitFor<T>(expression: string, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await firefox.bidi.evaluate<T>(firefox.context, expression).catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) {
      const shown = await firefox.bidi.evaluate<string>(firefox.context, 'return document.body?.innerText ?? "";').catch(String);
      const requests = sim.requests.map((r) => `${r.host} ${r.path}`).join('\n');
      throw new Error(`firefox: ${what} did not happen within ${WAIT_MS} ms. The page shows:\n${shown}\nSimulator requests:\n${requests}\nProxy refused: ${proxy.refused.join(', ')}\n${firefox.log.join('').slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

const open = (page: string) =>
  firefox.bidi.send('browsingContext.navigate', { context: firefox.context, url: `${firefox.origin}/${page}`, wait: 'complete' });

/** Types into the control a label names, as the seller would (value, then an input event). */
const fill = (label: string, value: string) => `
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === ${JSON.stringify(label)});
  const input = label?.control;
  if (!input) return false;
  input.value = ${JSON.stringify(value)};
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return true;`;

describe('Firefox (firefox-esr, web-ext run)', () => {
  it('saves the keys, reads the CryptoKey back from IndexedDB, and answers one lookup from the simulator', async () => {
    await open('options.html');
    for (const [label, value] of [
      [en['options.accessKey'], TEST_ACCESS_KEY],
      [en['options.secretKey'], TEST_SECRET_KEY],
      [en['options.vendorId'], TEST_VENDOR_ID],
    ] as const) {
      await waitFor(fill(label, value), `filling "${label}"`);
    }
    await firefox.bidi.evaluate(firefox.context, `
      [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(en['options.save'])}).click();
      return true;`);
    await waitFor(`return document.body.innerText.includes(${JSON.stringify(en['options.saved'])});`, 'the keys being saved');

    // The secret as the background stored it: a non-extractable HMAC CryptoKey that still signs.
    const stored = await firefox.bidi.evaluate<{ isKey: boolean; extractable: boolean; usages: string[]; signs: boolean; exportRefused: boolean }>(firefox.context, `
      const db = await new Promise((ok, fail) => { const r = indexedDB.open('cs-lens'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      const record = await new Promise((ok, fail) => { const r = db.transaction('credentials').objectStore('credentials').get('current'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      db.close();
      const key = record.hmacKey;
      const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('probe'));
      const exportRefused = await crypto.subtle.exportKey('raw', key).then(() => false, () => true);
      return { isKey: key instanceof CryptoKey, extractable: key.extractable, usages: key.usages, signs: signature.byteLength === 32, exportRefused };`);
    expect(stored).toEqual({ isKey: true, extractable: false, usages: ['sign'], signs: true, exportRefused: true });

    await open('popup.html');
    await waitFor(`
      const box = document.querySelector('input[type=search]');
      if (!box) return false;
      box.value = ${JSON.stringify(ID)};
      box.dispatchEvent(new Event('input', { bubbles: true }));
      return true;`, 'typing the inquiry number');
    // Submitted once the view has re-rendered with the typed value, as Enter would after typing.
    await waitFor(`
      await new Promise((r) => setTimeout(r, 50));
      document.querySelector('input[type=search]').form.requestSubmit();
      return true;`, 'submitting the lookup');
    const region = en['details.region'].replace('{id}', ID);
    const text = await waitFor<string>(`return document.querySelector('[role=region][aria-label=${JSON.stringify(region)}]')?.innerText;`, 'the details');
    expect(text).toContain('유기농 현미');
    expect(sim.lookupsOf(ID)).toMatchObject([{ authOk: true, status: 200 }]);
    // Only Coupang's gateway was asked (the lookup, and the "Awaiting you" refresh the popup's opening started).
    expect(new Set(sim.requests.map((r) => r.host))).toEqual(new Set([API_HOST]));
  }, 90_000);

  it("demo.html: the card's catalog and CSS load, the seller's hover opens a card, a trusted click pins it and a script's click() does not", async () => {
    await open('demo.html');
    // Marks appear only once the card catalog was fetched (utils/wing/card-messages.ts): the pages' CSP allows it.
    const box = await waitFor<{ x: number; y: number }>(`
      const id = document.querySelector('[data-cs-lens-id="7000000002"]');
      if (!id) return false;
      const r = id.getBoundingClientRect();
      return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };`, 'the demo numbers being marked');
    const pointer = (actions: object[]) =>
      firefox.bidi.send('input.performActions', { context: firefox.context, actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
    await pointer([{ type: 'pointerMove', x: 1, y: 1 }, { type: 'pointerMove', x: box.x, y: box.y, duration: 50 }]);
    const card = `document.querySelector('cs-lens-card')?.shadowRoot?.querySelector('[role=dialog]')`;
    const shown = await waitFor<{ text: string; display: string }>(`
      const card = ${card};
      return card?.innerText.includes('[샘플] 무선 마우스') && { text: card.innerText, display: getComputedStyle(card).display };`, 'the card on hover');
    expect(shown.text).toContain(en['sample.banner']);
    expect(shown.display, "the card's own CSS (components/hover-card.css) applies in its shadow root").toBe('flex');
    // The host's own fetch of the built stylesheet (card-host.ts) is allowed too: its <style> holds more than the host rule.
    expect(await firefox.bidi.evaluate(firefox.context, `return document.querySelector('cs-lens-card').shadowRoot.querySelector('style').textContent.includes('.csl-hover-card');`)).toBe(true);
    const pin = `[...${card}.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(en['card.pin'])})`;
    await firefox.bidi.evaluate(firefox.context, `${pin}.click(); return true;`);
    expect(await firefox.bidi.evaluate(firefox.context, `return ${pin}.getAttribute('aria-pressed');`), "a page script's click() pins nothing").toBe('false');
    const at = await firefox.bidi.evaluate<{ x: number; y: number }>(firefox.context, `
      const r = ${pin}.getBoundingClientRect();
      return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };`);
    await pointer([{ type: 'pointerMove', x: at.x, y: at.y, duration: 100 }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }]);
    await waitFor(`return ${pin}.getAttribute('aria-pressed') === 'true';`, "the seller's click pinning the card");
  }, 90_000);
});
