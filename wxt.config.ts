import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Hosts the extension talks to. The gateway is called only from the background service worker.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['https://api-gateway.coupang.com/*', 'https://wing.coupang.com/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'cs-lens@coupang-seller-tools', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
