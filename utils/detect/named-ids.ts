/** IDs that a link or a data attribute names: `?inquiryId=…`, `counselingId=…`, `data-inquiry-id="…"`. */
import { isInquiryId } from '@/utils/coupang/inquiry-id';
import { normaliseDigits } from './digit-runs';

/** Case-insensitive so `inquiryid=` and `InquiryId=` are found too; the href is checked exactly below. */
export const LINK_SELECTOR = 'a[href*="inquiryid=" i], a[href*="counselingid=" i]';
const ID_ATTRIBUTES = ['data-inquiry-id', 'data-inquiryid', 'data-counseling-id'];
export const ATTRIBUTE_SELECTOR = ID_ATTRIBUTES.map((name) => `[${name}]`).join(',');

/** The parameter must be a whole parameter (`productInquiryId=` is someone else's) holding only digits. */
const HREF_PARAMETER = /(?:^|[?&#;])(?:inquiryId|counselingId)=(\d+)(?=$|[&#;])/i;

export function idFromLink(link: Element): string | undefined {
  const id = HREF_PARAMETER.exec(link.getAttribute('href') ?? '')?.[1];
  return id !== undefined && isInquiryId(id) ? id : undefined;
}

export function idFromAttributes(element: Element): string | undefined {
  for (const name of ID_ATTRIBUTES) {
    const value = element.getAttribute(name);
    const id = value === null ? undefined : normaliseDigits(value.trim());
    if (id !== undefined && isInquiryId(id)) return id;
  }
  return undefined;
}
