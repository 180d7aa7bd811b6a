/**
 * Turning a detection into the element a hover card attaches to: the ID's own text in a focusable
 * `<span class="cs-lens-id">`, or the element that already is exactly the ID. Inline and unstyled, so
 * nothing moves; the stylesheet may only add non-box styles (underline, background, outline).
 */
import { DECORATED_ATTRIBUTE, type Detection } from './detection';
import { documentOf } from './dom-text';
import { normaliseDigits, standaloneDigitRuns } from './digit-runs';
import { idFromAttributes, idFromLink } from './named-ids';

export const DECORATION_CLASS = 'cs-lens-id';
/** On spans the decorator created (they are removed again by undecorate). */
const WRAPPER_ATTRIBUTE = 'data-cs-lens-wrap';
/** On page elements the decorator marked: which attributes it added, so undecorate removes only those. */
const ADDED_ATTRIBUTE = 'data-cs-lens-added';

/** Inline elements without a meaning of their own: they can become the ID's button themselves. */
const PLAIN_INLINE = new Set(['SPAN', 'B', 'STRONG', 'EM', 'I', 'SMALL', 'CODE', 'MARK', 'U', 'FONT']);
/** Already focusable and announced; a button role or a focusable span inside one would nest controls. */
const INTERACTIVE = 'a[href], button, [role=button], [role=link]';
/** Cells keep their role (a grid cell stays a cell); they only become focusable. */
const CELL = 'td, th, [role=gridcell], [role=cell]';
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * The decorated element for `detection`. Idempotent: a second call returns the same element. Returns
 * undefined when the page has changed the text since detection (the ID is no longer where it was).
 */
export function decorate(detection: Detection): HTMLElement | undefined {
  const { id, element, textNode, start, end } = detection;
  if (!textNode || start === undefined || end === undefined) return markAsId(element, id);
  const parent = textNode.parentElement;
  if (parent?.classList.contains(DECORATION_CLASS)) return markAsId(parent, id);
  if (normaliseDigits(textNode.data.slice(start, end)) !== id) return alreadyWrappedAfter(textNode, id);
  if (parent && normaliseDigits(parent.textContent ?? '').trim() === id && canBecomeTheId(parent)) return markAsId(parent, id);
  return wrap(textNode.data.trim() === textNode.data.slice(start, end) ? textNode : isolate(textNode, start, end), id);
}

/**
 * Decorates several detections. Later IDs in a text node go first, so splitting the node for one ID does
 * not move the offsets of the others.
 */
export function decorateAll(detections: readonly Detection[]): HTMLElement[] {
  const firstIndexOfNode = new Map<Text, number>();
  const keyed = detections.map((detection, index) => {
    const group = detection.textNode ? (firstIndexOfNode.get(detection.textNode) ?? index) : index;
    if (detection.textNode) firstIndexOfNode.set(detection.textNode, group);
    return { detection, group, start: detection.start ?? 0 };
  });
  keyed.sort((a, b) => a.group - b.group || b.start - a.start);
  return keyed.map(({ detection }) => decorate(detection)).filter((element): element is HTMLElement => element !== undefined);
}

/**
 * A plain inline element, a link or button, or a table or grid cell that holds nothing but the ID. Such an
 * element is marked with attributes only: no node is added, so a table of thousands of rows is not laid
 * out again (a cell keeps its role and gets no button role; it only becomes focusable).
 */
function canBecomeTheId(element: Element): boolean {
  return element.matches(INTERACTIVE) || element.matches(CELL) || (PLAIN_INLINE.has(element.tagName) && !element.hasAttribute('role'));
}

/**
 * Makes `element` the ID's control. A link or button already is one and only gains the marker and popup
 * hint; inside a link or button it stays a plain marker, so controls never nest.
 */
function markAsId(element: Element, id: string): HTMLElement | undefined {
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
 * A decoration that no longer stands for its ID: the page reused the node for other text (a framework
 * re-rendering a row as `-`), or put another number or `href` into an element it owns. Such a marker
 * must not open a card for the old ID. A span the decorator created must hold exactly its ID; a page
 * element it marked must still print the ID, or name it in its link or ID attributes.
 */
export function isStaleDecoration(element: Element): boolean {
  const id = element.getAttribute(DECORATED_ATTRIBUTE);
  const text = normaliseDigits(element.textContent ?? '');
  if (element.hasAttribute(WRAPPER_ATTRIBUTE)) return text.trim() !== id;
  const printed = standaloneDigitRuns(text).some((run) => run.digits === id);
  return !(printed || idFromLink(element) === id || idFromAttributes(element) === id);
}

/**
 * Gives the page back what decorating took: a span the decorator added is replaced by its text, an
 * element it only marked loses exactly the attributes it gained. Cards turned off, or the extension gone.
 */
export function undecorate(element: Element): void {
  if (element.hasAttribute(WRAPPER_ATTRIBUTE)) {
    element.replaceWith(...element.childNodes);
    return;
  }
  for (const name of (element.getAttribute(ADDED_ATTRIBUTE) ?? '').split(' ').filter(Boolean)) {
    if (name === 'class') element.classList.remove(DECORATION_CLASS);
    else element.removeAttribute(name);
  }
  if (element.getAttribute('class') === '') element.removeAttribute('class');
  element.removeAttribute(DECORATED_ATTRIBUTE);
  element.removeAttribute(ADDED_ATTRIBUTE);
}

/** An earlier decoration split this text node; the ID now lives in one of our spans after it. */
function alreadyWrappedAfter(textNode: Text, id: string): HTMLElement | undefined {
  for (let sibling = textNode.nextSibling; sibling; sibling = sibling.nextSibling) {
    if (sibling.nodeType !== 1) continue;
    const element = sibling as HTMLElement;
    if (!element.classList.contains(DECORATION_CLASS)) return undefined;
    if (element.getAttribute(DECORATED_ATTRIBUTE) === id) return element;
  }
  return undefined;
}

/** The ID's characters as a text node of their own; the text around them stays in place. */
function isolate(textNode: Text, start: number, end: number): Text {
  const idText = textNode.splitText(start);
  idText.splitText(end - start);
  return idText;
}

/** Moves the text node itself (not a copy) into the span, so a framework that later rewrites its text still reaches it. */
function wrap(idText: Text, id: string): HTMLElement | undefined {
  const span = documentOf(idText).createElement('span');
  span.setAttribute(WRAPPER_ATTRIBUTE, '');
  idText.parentNode?.insertBefore(span, idText);
  span.appendChild(idText);
  return markAsId(span, id);
}
