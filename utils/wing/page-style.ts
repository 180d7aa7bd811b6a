import { DECORATION_CLASS } from '../detect/decorate';
import { MARKED_WITHIN_ATTRIBUTE } from '../detect/detection';
import { HOVER_HIGHLIGHT, ID_HIGHLIGHT } from './id-highlight';

const STYLE_ID = 'cs-lens-page-style';

/**
 * The only styles the extension puts into Wing's own document: decorated IDs look subtly interactive.
 * Paint-only properties on marked elements, so nothing is laid out again: a marked table cell that needed
 * layout would lay out its whole table (text-decoration does, in Chromium: +270 ms on 10,000 rows). Every
 * ID's tint, of whole marks and of IDs within a longer text, and the stronger tint of the one under the
 * pointer within a longer text (a whole mark has its cursor), are drawn through CSS highlights (id-highlight.ts), which touch no element at all
 * (docs/wing-content-script.md#drawing). No rule may depend on `:hover`: a background that comes and goes on
 * an inline mark changes its box, and Chromium lays out the table around it (traced: 100–300 ms on a 5,000-row
 * list as the pointer crossed one mark). And no `text-decoration` in a highlight: Chromium rebuilds every
 * highlight's marks at each change of the document, the card's own included, and a decoration's ink overflow
 * then costs a pre-paint walk of the whole page per frame (issue 19). Every selector starts from a mark's class
 * or attribute: a bare `::highlight()` rule would be tried on every element of the page at every style recalc
 * (+150 ms on 10,000 rows).
 */
const CSS = `
.${DECORATION_CLASS} { cursor: help; border-radius: 2px; }
.${DECORATION_CLASS}:focus-visible, [${MARKED_WITHIN_ATTRIBUTE}]:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.${DECORATION_CLASS}::highlight(${ID_HIGHLIGHT}), [${MARKED_WITHIN_ATTRIBUTE}]::highlight(${ID_HIGHLIGHT}) { background-color: rgba(37, 99, 235, 0.1); }
[${MARKED_WITHIN_ATTRIBUTE}]::highlight(${HOVER_HIGHLIGHT}) { background-color: rgba(37, 99, 235, 0.16); }
`;

export function addPageStyle(document: Document): () => void {
  if (document.getElementById(STYLE_ID)) return () => {};
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  (document.head ?? document.documentElement).append(style);
  return () => style.remove();
}
