import { undecorate } from '../detect/decorate';
import { DECORATED_ATTRIBUTE } from '../detect/detection';

/** Undoes every decoration on the page (cards turned off, or the extension reloaded or removed). */
export function removeDecorations(document: Document): void {
  for (const element of document.querySelectorAll(`[${DECORATED_ATTRIBUTE}]`)) undecorate(element);
}
