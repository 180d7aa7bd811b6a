import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { extensionPagesCsp, GATEWAY_ORIGIN } from './utils/extension-csp';
import { cardCatalog, cardCatalogPath } from './utils/i18n/card-catalog';
import { en } from './utils/i18n/en';
import { catalogs, type Locale } from './utils/i18n/translate';

const CARD_CSS = 'content-scripts/wing.css';
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
    'build:publicAssets': (_wxt, files) => void files.push(...cardCatalogFiles),
    // The content script's build gets the browser's own API instead of the polyfill: utils/wing/native-browser.ts.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) return;
      config.resolve ??= {};
      config.resolve.alias = [
        { find: /^wxt\/browser$/, replacement: fileURLToPath(new URL('./utils/wing/native-browser.ts', import.meta.url)) },
        ...toAliasList(config.resolve.alias),
      ];
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      const entry = manifest.web_accessible_resources?.find(
        (resource): resource is { resources: string[]; matches: string[] } =>
          typeof resource === 'object' && resource.resources.includes(CARD_CSS),
      );
      if (!entry) throw new Error(`${CARD_CSS} is not web-accessible: the card catalogs have no entry to join`);
      entry.resources.push(...cardCatalogFiles.map((file) => file.relativeDest));
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

function toAliasList(alias: unknown): { find: string | RegExp; replacement: string }[] {
  if (!alias) return [];
  if (Array.isArray(alias)) return alias;
  return Object.entries(alias as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
}
