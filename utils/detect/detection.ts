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

/** Set by the decorator on the element that stands for an ID; its value is the ID. */
export const DECORATED_ATTRIBUTE = 'data-cs-lens-id';

/** Already decorated for this very ID; a different value means the page reused the element for another ID. */
export function isDecorated(detection: Detection): boolean {
  return detection.element.closest(`[${DECORATED_ATTRIBUTE}]`)?.getAttribute(DECORATED_ATTRIBUTE) === detection.id;
}
