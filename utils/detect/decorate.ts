/**
 * Turning detections into marks a hover card attaches to, with attributes alone: no node of the page is
 * ever created, moved or split. A framework that owns a text node (`상담번호: {id}`) finds it where it
 * left it, and rewriting its text shows exactly what the page meant (docs/wing-content-script.md).
 *
 * - An element that is exactly one ID (a cell, a plain span, a link, an element naming it) is marked
 *   whole: `data-cs-lens-id`, the `cs-lens-id` class (paint-only styles), and what keyboard users need;
 *   its tint is a range over its contents, painted like the IDs within.
 * - Otherwise the element around the ID's text is marked within: `data-cs-lens-ids` lists its IDs, it
 *   becomes focusable if it is not, and the ID's characters are painted through ranges handed to an
 *   injected painter (a CSS Custom Highlight on Wing). Which ID the pointer rests on is read at hover time.
 */
import { detectInElements } from './detect-inquiry-ids';
import type { InquiryIdLabels } from './labels';
import { DECORATED_ATTRIBUTE, MARKED_WITHIN_ATTRIBUTE, idsMarkedWithin, type Detection } from './detection';
import { documentOf, isText } from './dom-text';
import { normaliseDigits, standaloneDigitRuns } from './digit-runs';
import { idFromAttributes, idFromLink } from './named-ids';

export const DECORATION_CLASS = 'cs-lens-id';
/** On page elements the decorator marked: which attributes it added, so undecorate removes only those. */
const ADDED_ATTRIBUTE = 'data-cs-lens-added';

/** Inline elements without a meaning of their own: they can become the ID's button themselves. */
const PLAIN_INLINE = new Set(['SPAN', 'B', 'STRONG', 'EM', 'I', 'SMALL', 'CODE', 'MARK', 'U', 'FONT']);
/** Already focusable and announced; a button role or a focusable element inside one would nest controls. */
const INTERACTIVE = 'a[href], button, [role=button], [role=link]';
/** Reached by Tab already (or kept out of it on purpose, tabindex=-1): such an element gets no tabindex. */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable="false"])';
/** Focusing the whole page or document is no way to reach one ID. */
const NEVER_FOCUSED = new Set(['BODY', 'HTML']);
/** Cells keep their role (a grid cell stays a cell); they only become focusable. */
const CELL = 'td, th, [role=gridcell], [role=cell]';
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
/** Node.DOCUMENT_POSITION_FOLLOWING, spelt out so no global is needed. */
const FOLLOWING = 0x4;

/** One ID's characters in a page text node: `textNode.data.slice(start, end)`. */
export interface IdRun {
  id: string;
  textNode: Text;
  start: number;
  end: number;
}

/** Draws the IDs of marks within (utils/wing/id-highlight.ts); the decorator only hands it ranges. */
export interface IdPaint {
  add(range: AbstractRange): void;
  delete(range: AbstractRange): void;
}

const NO_PAINT: IdPaint = { add: () => undefined, delete: () => undefined };

type Place = { whole: Element } | { within: Element; run: IdRun };

/**
 * Where a detection's mark goes: the element that is exactly the ID, or the element whose own text holds
 * it among other text. Undefined when the page has changed the text since detection.
 */
function placeOf({ id, element, textNode, start, end }: Detection): Place | undefined {
  if (!textNode || start === undefined || end === undefined) return { whole: element };
  if (normaliseDigits(textNode.data.slice(start, end)) !== id) return undefined;
  const parent = textNode.parentElement;
  if (!parent || parent.namespaceURI !== HTML_NAMESPACE) return undefined;
  if (normaliseDigits(parent.textContent ?? '').trim() === id && canBecomeTheId(parent)) return { whole: parent };
  return { within: parent, run: { id, textNode, start, end } };
}

const placeElement = (place: Place): Element => ('whole' in place ? place.whole : place.within);

/**
 * Marks what detections found, and keeps marks within up to date. `root` bounds the re-reading of a marked
 * element (column headers and labels are looked up inside it); `paint` draws the IDs marked within; `labels`
 * are the ones the scanner detects with (the seller's own too), so re-reading keeps what scanning found.
 */
export function createDecorator(root: Node & ParentNode, paint: IdPaint = NO_PAINT, labels?: InquiryIdLabels) {
  /** Elements marked within, and the ranges painted over their IDs. */
  const painted = new Map<Element, Range[]>();
  /**
   * Whole marks and the range over each one's contents. Their tint is painted too, not styled: a style
   * that needs layout on a table cell lays out the whole table again (docs/wing-content-script.md#drawing).
   */
  const paintedWhole = new Map<Element, AbstractRange>();

  function paintWhole(element: Element): void {
    if (paintedWhole.has(element)) return;
    const range = contentsRange(element);
    paint.add(range);
    paintedWhole.set(element, range);
  }

  /** Marks `element` as holding exactly `runs` (none: the mark goes), painting each run. */
  function markWithin(element: Element, runs: readonly IdRun[]): void {
    for (const range of painted.get(element) ?? []) paint.delete(range);
    painted.delete(element);
    const unique = runs
      .filter((run, i) => runs.findIndex((r) => r.textNode === run.textNode && r.start === run.start) === i)
      .sort((a, b) => (a.textNode === b.textNode ? a.start - b.start : a.textNode.compareDocumentPosition(b.textNode) & FOLLOWING ? -1 : 1));
    if (unique.length === 0) {
      if (element.hasAttribute(MARKED_WITHIN_ATTRIBUTE)) undecorate(element);
      return;
    }
    if (!element.hasAttribute(MARKED_WITHIN_ATTRIBUTE)) {
      const focusable = NEVER_FOCUSED.has(element.tagName) || element.matches(FOCUSABLE) || element.closest(INTERACTIVE) !== null;
      if (!focusable) {
        element.setAttribute('tabindex', '0');
        element.setAttribute(ADDED_ATTRIBUTE, 'tabindex');
      }
    }
    element.setAttribute(MARKED_WITHIN_ATTRIBUTE, [...new Set(unique.map((run) => run.id))].join(' '));
    const ranges = unique.map((run) => {
      const range = documentOf(element).createRange();
      range.setStart(run.textNode, run.start);
      range.setEnd(run.textNode, run.end);
      paint.add(range);
      return range;
    });
    painted.set(element, ranges);
  }

  /** The runs an element's ranges still cover: the page has not rewritten those characters or moved the node. */
  function stillPainted(element: Element): IdRun[] {
    const ids = idsMarkedWithin(element);
    return (painted.get(element) ?? []).flatMap((range) => {
      const node = range.startContainer;
      if (!isText(node) || node !== range.endContainer || node.parentElement !== element) return [];
      const run = standaloneDigitRuns(normaliseDigits(node.data)).find((r) => r.start === range.startOffset && r.end === range.endOffset);
      return run && ids.includes(run.digits) ? [{ id: run.digits, textNode: node, start: run.start, end: run.end }] : [];
    });
  }

  /** Forgets elements the page has removed: their ranges are no longer painted, their marks go. */
  function sweep(): void {
    for (const element of painted.keys()) {
      if (!element.isConnected) markWithin(element, []);
    }
    for (const [element, range] of paintedWhole) {
      if (element.isConnected && element.hasAttribute(DECORATED_ATTRIBUTE)) continue;
      paint.delete(range);
      paintedWhole.delete(element);
    }
  }

  /** Every detection that re-reading `element` (its text, its row's header, a label before it) yields now. */
  const detectionsOf = (element: Element, includeDecorated: boolean): Detection[] =>
    detectInElements([element], { root, includeDecorated, labels }).filter((d) => {
      const place = placeOf(d);
      return place !== undefined && placeElement(place) === element;
    });

  /**
   * Marks what `detections` found. Idempotent. A mark within keeps the IDs it already holds, as long as
   * the page has not rewritten them. Returns the elements marked.
   */
  function decorateAll(detections: readonly Detection[]): Element[] {
    sweep();
    const marked = new Set<Element>();
    const within = new Map<Element, IdRun[]>();
    for (const detection of detections) {
      const place = placeOf(detection);
      if (!place) continue;
      if ('within' in place) within.set(place.within, [...(within.get(place.within) ?? []), place.run]);
      else {
        if (place.whole.hasAttribute(MARKED_WITHIN_ATTRIBUTE)) markWithin(place.whole, []);
        const element = markWhole(place.whole, detection.id);
        if (element) {
          paintWhole(element);
          marked.add(element);
        }
      }
    }
    for (const [element, runs] of within) {
      if (element.hasAttribute(DECORATED_ATTRIBUTE)) continue; // marked whole: that mark stands for the element
      markWithin(element, [...stillPainted(element), ...runs]);
      if (element.hasAttribute(MARKED_WITHIN_ATTRIBUTE)) marked.add(element);
    }
    return [...marked];
  }

  return {
    decorateAll,
    /**
     * The page changed what a marked-within element holds (its text, a text node replaced, its `href`):
     * reads it again from scratch. IDs no longer there lose their paint, new ones gain it; no ID, no mark.
     */
    refresh(element: Element): void {
      const places = (element.isConnected ? detectionsOf(element, true) : []).map((d) => ({ detection: d, place: placeOf(d) }));
      // Replaced in place, not removed and added again: a focused element keeps its focus.
      markWithin(element, places.flatMap(({ place }) => (place && 'within' in place ? [place.run] : [])));
      decorateAll(places.filter(({ place }) => place && 'whole' in place).map(({ detection }) => detection));
    },
    /** The IDs a marked-within element holds now, by the detector's rules (a label may have gone since). */
    currentIdsWithin(element: Element): string[] {
      return detectionsOf(element, true).map((d) => d.id);
    },
    /** Stops painting (cards off, extension gone); the page's attributes go with removeDecorations. */
    forgetAll(): void {
      for (const ranges of painted.values()) for (const range of ranges) paint.delete(range);
      for (const range of paintedWhole.values()) paint.delete(range);
      painted.clear();
      paintedWhole.clear();
    },
  };
}

export type Decorator = ReturnType<typeof createDecorator>;

/**
 * A range over all of `element`'s contents. A StaticRange where there is one: the browser keeps every live
 * Range up to date on each change of the document, so a live range per whole mark would make each of the
 * page's own DOM changes cost in proportion to the marks. A whole mark needs no tracking (a changed element
 * is read again, and its mark and paint go when it no longer holds). Marks within keep live ranges: their
 * collapsing is how a rewritten text stops showing the old ID.
 */
function contentsRange(element: Element): AbstractRange {
  const document = documentOf(element);
  const StaticRangeClass = (document.defaultView as { StaticRange?: typeof StaticRange } | null)?.StaticRange;
  if (StaticRangeClass) {
    return new StaticRangeClass({ startContainer: element, startOffset: 0, endContainer: element, endOffset: element.childNodes.length });
  }
  const range = document.createRange();
  range.selectNodeContents(element);
  return range;
}

/**
 * A plain inline element, a link or button, or a table or grid cell that holds nothing but the ID. Such an
 * element is marked with attributes only, like every mark (a cell keeps its role and gets no button role;
 * it only becomes focusable).
 */
function canBecomeTheId(element: Element): boolean {
  return element.matches(INTERACTIVE) || element.matches(CELL) || (PLAIN_INLINE.has(element.tagName) && !element.hasAttribute('role'));
}

/**
 * Makes `element` the ID's control. A link or button already is one and only gains the marker and popup
 * hint; inside a link or button it stays a plain marker, so controls never nest.
 */
function markWhole(element: Element, id: string): HTMLElement | undefined {
  if (element.namespaceURI !== HTML_NAMESPACE) return undefined;
  const control = element.closest(INTERACTIVE);
  const added: string[] = [];
  const add = (name: string, value: string) => {
    if (element.hasAttribute(name)) return;
    element.setAttribute(name, value);
    added.push(name);
  };
  if (!element.classList.contains(DECORATION_CLASS)) added.push('class');
  element.classList.add(DECORATION_CLASS);
  element.setAttribute(DECORATED_ATTRIBUTE, id);
  const cell = element.matches(CELL);
  if (control === null) {
    add('tabindex', '0');
    if (!cell) add('role', 'button');
  }
  if (!cell && (control === null || control === element)) add('aria-haspopup', 'dialog');
  if (added.length > 0 && !element.hasAttribute(ADDED_ATTRIBUTE)) element.setAttribute(ADDED_ATTRIBUTE, added.join(' '));
  return element as HTMLElement;
}

/**
 * A whole mark that no longer stands for its ID: the page reused the element for other text (a framework
 * re-rendering a row as `-`), or put another number or `href` into it. Such a marker must not open a card
 * for the old ID: the element must still print the ID, or name it in its link or ID attributes.
 */
export function isStaleDecoration(element: Element): boolean {
  const id = element.getAttribute(DECORATED_ATTRIBUTE);
  const text = normaliseDigits(element.textContent ?? '');
  const printed = standaloneDigitRuns(text).some((run) => run.digits === id);
  return !(printed || idFromLink(element) === id || idFromAttributes(element) === id);
}

/**
 * Gives the element back what decorating took: exactly the attributes it gained (and the class), so its
 * markup is byte-identical to before. Cards turned off, the extension gone, or a mark that no longer holds.
 */
export function undecorate(element: Element): void {
  for (const name of (element.getAttribute(ADDED_ATTRIBUTE) ?? '').split(' ').filter(Boolean)) {
    if (name === 'class') element.classList.remove(DECORATION_CLASS);
    else element.removeAttribute(name);
  }
  if (element.getAttribute('class') === '') element.removeAttribute('class');
  element.removeAttribute(DECORATED_ATTRIBUTE);
  element.removeAttribute(MARKED_WITHIN_ATTRIBUTE);
  element.removeAttribute(ADDED_ATTRIBUTE);
}
