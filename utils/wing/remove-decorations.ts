import { undecorate } from '../detect/decorate';
import { DECORATED_ATTRIBUTE, MARKED_WITHIN_ATTRIBUTE } from '../detect/detection';

/** Undoes every mark on the page (cards turned off, or the extension reloaded or removed); the painted highlights go with id-highlight's clear(). */
export function removeDecorations(document: Document): void {
  for (const element of document.querySelectorAll(`[${DECORATED_ATTRIBUTE}], [${MARKED_WITHIN_ATTRIBUTE}]`)) undecorate(element);
}
