import { DECORATION_CLASS } from '../detect/decorate';
import { MARKED_WITHIN_ATTRIBUTE } from '../detect/detection';
import { HOVER_HIGHLIGHT, ID_HIGHLIGHT } from './id-highlight';

const STYLE_ID = 'cs-lens-page-style';

/**
 * The only styles the extension puts into Wing's own document: decorated IDs look subtly interactive.
 * Paint-only properties (no box changes), so not a pixel of the page's layout moves. IDs inside a longer
 * text are painted through CSS highlights (id-highlight.ts), which touch no element at all.
 */
const CSS = `
.${DECORATION_CLASS} { text-decoration: underline dotted currentColor 1px; text-underline-offset: 2px; cursor: help; border-radius: 2px; }
.${DECORATION_CLASS}:hover { background-color: rgba(37, 99, 235, 0.1); }
.${DECORATION_CLASS}:focus-visible, [${MARKED_WITHIN_ATTRIBUTE}]:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
::highlight(${ID_HIGHLIGHT}) { text-decoration: underline dotted currentColor 1px; text-underline-offset: 2px; }
::highlight(${HOVER_HIGHLIGHT}) { background-color: rgba(37, 99, 235, 0.1); }
`;

export function addPageStyle(document: Document): () => void {
  if (document.getElementById(STYLE_ID)) return () => {};
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  (document.head ?? document.documentElement).append(style);
  return () => style.remove();
}
