/** A call-center inquiry ID: a positive decimal, at most 20 digits (beyond 2^53, so kept as text). */
export const INQUIRY_ID_PATTERN = /^[1-9]\d{0,19}$/;

export function isInquiryId(s: string): boolean {
  return INQUIRY_ID_PATTERN.test(s);
}
