import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { build as viteBuild, type Rollup } from 'vite';
import { extensionPagesCsp, GATEWAY_ORIGIN } from './utils/extension-csp';
import { cardCatalog, cardCatalogPath } from './utils/i18n/card-catalog';
import { en } from './utils/i18n/en';
import { catalogs, type Locale } from './utils/i18n/translate';

const WING_MATCHES = ['https://wing.coupang.com/*'];
/** The card's view: loaded by the Wing content script on the first card wanted (utils/wing/card-view-source.ts). */
const CARD_VIEW = 'content-scripts/card-view.js';
const NATIVE_BROWSER = fileURLToPath(new URL('./utils/wing/native-browser.ts', import.meta.url));
const cardCatalogFiles = (Object.keys(catalogs) as Locale[]).map((locale) => ({
  relativeDest: cardCatalogPath(locale).slice(1),
  contents: JSON.stringify(cardCatalog(catalogs[locale], en)),
}));

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  hooks: {
    // The Wing content script fetches only its language's card messages (utils/i18n/card-catalog.ts),
    // web-accessible exactly as the card's CSS already is (same pages, same dynamic URL): nothing new to probe.
    // The card's view is a module of its own, imported on demand (docs/performance.md#start-up-size).
    'build:publicAssets': async (wxt, files) => {
      files.push(...cardCatalogFiles, { relativeDest: CARD_VIEW, contents: await buildCardView(wxt.config.mode) });
    },
    // The content script's build gets the browser's own API instead of the polyfill: utils/wing/native-browser.ts.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) return;
      config.resolve ??= {};
      config.resolve.alias = [
        { find: /^wxt\/browser$/, replacement: NATIVE_BROWSER },
        ...toAliasList(config.resolve.alias),
      ];
    },
    // The card's view and its catalogs are web-accessible to Wing's pages only, under a per-session URL
    // (use_dynamic_url) that a page cannot guess to tell that the extension is installed.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.web_accessible_resources ??= [];
      (manifest.web_accessible_resources as object[]).push({
        resources: [CARD_VIEW, ...cardCatalogFiles.map((file) => file.relativeDest)],
        use_dynamic_url: true,
        matches: WING_MATCHES,
      });
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
  zip: {
    // AMO's sources zip: what `npm ci && npm run build:firefox` needs to rebuild the package; no tests
    // (nor any certificate they generate), no pictures.
    excludeSources: ['tests/**', '**/*.pem', 'docs/**/*.png', 'stats.html'],
  },
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the "Awaiting you" refresh and the badge's 3-hour line (docs/store-listing.md#permissions).
    permissions: ['storage', 'contextMenus', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Asked only when the seller turns notifications on in Settings.
    optional_permissions: ['notifications'],
    // Only the gateway: the declared Wing content script needs no host permission of its own.
    host_permissions: [`${GATEWAY_ORIGIN}/*`],
    content_security_policy: { extension_pages: extensionPagesCsp(command) },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: {
      default_title: '__MSG_extName__',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'cs-lens@coupang-seller-tools',
              // 140 (ESR) reads data_collection_permissions; older needs are below it (storage.session 115,
              // MV3 host permissions granted at install 127).
              strict_min_version: '140.0',
              // What leaves the computer, and only to Coupang's gateway (PRIVACY.md): the seller's access key and
              // signature with every request, and inquiry numbers read from Wing pages. The developer gets nothing.
              data_collection_permissions: { required: ['authenticationInfo', 'websiteContent'] },
            },
          },
        }
      : {}),
  }),
});

/**
 * utils/wing/card-view.tsx as one ES module (Preact, the card, the answer view, their CSS inlined as a string),
 * for the Wing content script's dynamic import(). Built like the content script: production mode, minified, and
 * the browser's own API for `wxt/browser`.
 */
async function buildCardView(mode: string): Promise<string> {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const output = await viteBuild({
    configFile: false,
    root,
    mode,
    logLevel: 'warn',
    plugins: [preact()],
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    resolve: { alias: [{ find: /^wxt\/browser$/, replacement: NATIVE_BROWSER }, { find: /^@\//, replacement: `${root}/` }] },
    build: {
      write: false,
      minify: mode === 'production',
      // Not library mode, which leaves an ES module's whitespace unminified.
      rollupOptions: {
        input: fileURLToPath(new URL('./utils/wing/card-view.tsx', import.meta.url)),
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es', entryFileNames: 'card-view.js', codeSplitting: false },
      },
    },
  });
  const chunk = (Array.isArray(output) ? output : [output as Rollup.RollupOutput])
    .flatMap((result) => result.output)
    .find((file): file is Rollup.OutputChunk => file.type === 'chunk' && file.isEntry);
  if (!chunk) throw new Error('card view: no module built');
  // V8's explicit compile hint: every function is compiled as the module loads (off the main thread where the
  // browser can), not lazily inside the first card's render on the seller's hover (docs/performance.md#the-first-card).
  return `//# allFunctionsCalledOnLoad\n${chunk.code}`;
}

function toAliasList(alias: unknown): { find: string | RegExp; replacement: string }[] {
  if (!alias) return [];
  if (Array.isArray(alias)) return alias;
  return Object.entries(alias as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
}
