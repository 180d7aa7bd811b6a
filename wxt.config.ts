import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { extensionPagesCsp, GATEWAY_ORIGIN } from './utils/extension-csp';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
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
    permissions: ['storage', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
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
