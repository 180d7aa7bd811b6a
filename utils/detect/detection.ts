/** What the detector reports, and how an already decorated ID is recognised. */

export type DetectionSource = 'column' | 'label' | 'link' | 'attribute';

/**
 * One place where the page shows or names an inquiry ID. With `textNode`, the ID is exactly
 * `textNode.data.slice(start, end)` (full-width digits allowed) and `element` is that text's parent.
 * Without it, `element` names the ID without printing it (a `보기` link to `?inquiryId=…`).
 */
export interface Detection {
  id: string;
  element: Element;
  textNode?: Text;
  start?: number;
  end?: number;
  source: DetectionSource;
}

/** Set by the decorator on an element that is exactly one ID (or names it); its value is the ID. */
export const DECORATED_ATTRIBUTE = 'data-cs-lens-id';

/**
 * Set by the decorator on an element whose own text holds IDs among other text (`상담번호: 123 안내`);
 * its value is those IDs, space-separated. The page's text nodes are left as they are (docs/wing-content-script.md).
 */
export const MARKED_WITHIN_ATTRIBUTE = 'data-cs-lens-ids';

/** The IDs an element is marked as holding within its text, in document order. */
export function idsMarkedWithin(element: Element): string[] {
  return (element.getAttribute(MARKED_WITHIN_ATTRIBUTE) ?? '').split(' ').filter(Boolean);
}

/** Already decorated for this very ID; a different value means the page reused the element for another ID. */
export function isDecorated(detection: Detection): boolean {
  if (detection.element.closest(`[${DECORATED_ATTRIBUTE}]`)?.getAttribute(DECORATED_ATTRIBUTE) === detection.id) return true;
  return detection.textNode !== undefined && idsMarkedWithin(detection.element).includes(detection.id);
}
