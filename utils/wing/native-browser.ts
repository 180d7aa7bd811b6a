import type Browser from 'webextension-polyfill';

/**
 * `wxt/browser` in the Wing content script's build only (wxt.config.ts): the browser's own promise-based
 * API instead of webextension-polyfill (9.6 kB of the script). The script only sends messages, opens ports,
 * reads and watches storage and resolves its own URLs, which MV3 Chrome's `chrome.*` and Firefox's
 * `browser.*` both do with promises. Extension pages and the background keep the polyfill.
 */
const scope = globalThis as { browser?: { runtime?: { id?: string } }; chrome?: unknown };
export const browser = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as typeof Browser;
