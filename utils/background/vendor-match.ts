/**
 * Whether the store a Wing page shows (its 업체코드) is the store of the saved key. The content script
 * sends the page's code and gets only this answer: the saved vendor ID never reaches a web page.
 */
export type VendorMatch = 'matches' | 'differs' | 'unknown';

/** 'unknown' when no vendor ID is saved yet, or the page printed none. */
export function matchVendor(savedVendorId: string, pageVendor: string): VendorMatch {
  const saved = savedVendorId.trim().toUpperCase();
  const onPage = pageVendor.trim().toUpperCase();
  if (!saved || !onPage) return 'unknown';
  return saved === onPage ? 'matches' : 'differs';
}
