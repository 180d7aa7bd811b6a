/**
 * The production manifests (Chrome and Firefox builds) ask for no more than the extension uses, name
 * the icons, and give extension pages a CSP that lets them connect only to Coupang's gateway, which
 * Chromium enforces. The Firefox package passes Mozilla's linter (web-ext lint) with 0 errors.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPagesCsp } from '../../utils/extension-csp';
import { EXTENSION_DIR, launchExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { GatewaySim } from './support/gateway-sim';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const FIREFOX_DIR = join(ROOT, '.output/firefox-mv3');
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };
type Manifest = Record<string, any>;
const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('Chrome manifest', () => {
  const manifest = readManifest(EXTENSION_DIR);

  it('asks for the gateway only: the Wing content script is declared, so it needs no host permission', () => {
    expect(manifest.host_permissions).toEqual(['https://api-gateway.coupang.com/*']);
    expect(manifest.permissions.sort()).toEqual(['alarms', 'contextMenus', 'sidePanel', 'storage']);
    // Notifications are asked for only when the seller turns them on (docs/inbox.md#notifications).
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.content_scripts.map((c: Manifest) => c.matches)).toEqual([['https://wing.coupang.com/*']]);
  });

  it("shows Wing's pages the card's view and catalogs only, under a per-session URL, and ships them", () => {
    // No CSS of the content script's own: the card's stylesheet is inside its view (docs/performance.md#start-up-size).
    expect(manifest.content_scripts[0].css).toBeUndefined();
    expect(manifest.web_accessible_resources).toEqual([
      {
        resources: ['content-scripts/card-view.js', 'content-scripts/messages/en.json', 'content-scripts/messages/ko.json', 'content-scripts/messages/zh-TW.json'],
        use_dynamic_url: true,
        matches: ['https://wing.coupang.com/*'],
      },
    ]);
    for (const file of manifest.web_accessible_resources[0].resources) expect(existsSync(join(EXTENSION_DIR, file)), file).toBe(true);
  });

  it('lets extension pages connect to Coupang’s gateway alone', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toBe(extensionPagesCsp('build'));
    expect(csp).toMatch(/connect-src https:\/\/api-gateway\.coupang\.com(;|$)/);
    expect(csp).not.toMatch(/localhost|unsafe|\*/);
  });

  it('names every icon, in the manifest and for the toolbar button, and ships them', () => {
    expect(manifest.icons).toEqual(ICONS);
    expect(manifest.action.default_icon).toEqual(ICONS);
    for (const file of Object.values(ICONS)) expect(existsSync(join(EXTENSION_DIR, file)), file).toBe(true);
  });
});

describe('dev mode CSP', () => {
  it('adds the dev server for `npm run dev` and nothing else', () => {
    expect(extensionPagesCsp('serve')).toBe(`${extensionPagesCsp('build')} http://localhost:* ws://localhost:*`);
  });
});

describe('the CSP in Chromium', () => {
  let sim: GatewaySim;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    sim = await GatewaySim.start();
    browser = await launchExtension(sim);
  });
  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('blocks an extension page’s connection to any other host', async () => {
    const popup = await openExtensionPage(browser.ctx, 'popup.html');
    const violation = await popup.evaluate(async () => {
      const seen = new Promise<string>((ok) => document.addEventListener('securitypolicyviolation', (e) => ok(`${e.effectiveDirective} ${e.blockedURI}`), { once: true }));
      await fetch('https://wing.coupang.com/').catch(() => undefined);
      return seen;
    });
    expect(violation).toBe('connect-src https://wing.coupang.com/');
  });
});

describe('Firefox package', () => {
  const manifest = readManifest(FIREFOX_DIR);

  it('is MV3 with a gecko id, a minimum version for the APIs used, and an honest data declaration', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.browser_specific_settings.gecko).toEqual({
      id: 'cs-lens@coupang-seller-tools',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['authenticationInfo', 'websiteContent'] },
    });
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.permissions.sort()).toEqual(['alarms', 'contextMenus', 'storage']);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(manifest.host_permissions).toEqual(['https://api-gateway.coupang.com/*']);
    expect(manifest.content_security_policy.extension_pages).toBe(extensionPagesCsp('build'));
  });

  it('passes web-ext lint with 0 errors, and only the warnings the README explains', async () => {
    const webExt = join(ROOT, 'node_modules/.bin/web-ext');
    const { stdout } = await promisify(execFile)(webExt, ['lint', '--source-dir', FIREFOX_DIR, '--output', 'json', '--no-config-discovery'], { maxBuffer: 16 << 20 }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    const report = JSON.parse(stdout) as { errors: { code: string }[]; warnings: { code: string }[] };
    expect(report.errors).toEqual([]);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const { code } of report.warnings) expect(readme.includes(code), `README explains ${code}`).toBe(true);
  }, 120_000);
});
