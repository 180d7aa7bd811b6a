/** The only host extension pages and the background may connect to (docs/coupang-api.md#signing). */
export const GATEWAY_ORIGIN = 'https://api-gateway.coupang.com';

/**
 * The extension pages' CSP: scripts from the package only, connections to Coupang's gateway only.
 * `wxt` (dev mode, `command` "serve") also needs its dev server: WXT adds it to script-src itself; its
 * reload socket needs connect-src.
 */
export function extensionPagesCsp(command: 'build' | 'serve'): string {
  const devServer = command === 'serve' ? ' http://localhost:* ws://localhost:*' : '';
  return `script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src ${GATEWAY_ORIGIN}${devServer}`;
}
