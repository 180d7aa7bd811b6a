/**
 * Where the content script looks for call-center inquiry numbers. 문의번호 also labels product Q&A on
 * /tenants/cs/product/inquiries: those are another API, and a card there could only say "not found".
 * Pages that are not on Wing (the extension's own demo page) are always in scope.
 */
const OUT_OF_SCOPE_PATHS = ['/tenants/cs/product/inquiries'];
const WING_HOST = 'wing.coupang.com';

export function isCallCenterScope(url: Pick<URL, 'hostname' | 'pathname'>): boolean {
  if (url.hostname !== WING_HOST) return true;
  const path = url.pathname.toLowerCase();
  return !OUT_OF_SCOPE_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
