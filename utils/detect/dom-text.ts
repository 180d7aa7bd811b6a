/** Reading a DOM subtree's text the way a seller sees it: in order, without code, form fields or hidden markup. */
import { normaliseDigits, standaloneDigitRuns } from './digit-runs';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** NodeFilter.SHOW_TEXT, spelt out so no global is needed. */
const SHOW_TEXT = 0x4;

/** Text under these is code or a form's value, not page text: no inquiry number is read from it. */
const NOT_PAGE_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'TITLE', 'OPTION', 'SELECT']);

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
}

/** The document that owns `node`, or `node` itself when it is one. */
export function documentOf(node: Node): Document {
  return node.ownerDocument ?? (node as Document);
}

/** Page text nodes under `root` (and `root` itself when it is a text node), in document order. */
export function* textNodes(root: Node): Generator<Text> {
  const walker = documentOf(root).createTreeWalker(root, SHOW_TEXT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (isText(node) && isPageText(node)) yield node;
  }
}

export function isPageText(node: Text): boolean {
  return !NOT_PAGE_TEXT.has(node.parentElement?.tagName ?? '');
}

/** Text a seller is editing must stay exactly as typed; the nearest contenteditable attribute decides. */
export function isEditable(node: Node): boolean {
  const element = isElement(node) ? node : node.parentElement;
  const host = element?.closest('[contenteditable]');
  return Boolean(host && host.getAttribute('contenteditable') !== 'false');
}

const STRUCTURAL_TAGS = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'UL', 'OL', 'LI']);
const STRUCTURAL_ROLES = new Set(['grid', 'table', 'treegrid', 'row', 'rowgroup', 'gridcell', 'cell', 'columnheader', 'rowheader', 'list', 'listitem']);

/**
 * Table, grid and list parts. Their siblings are other cells, rows or items, so a search for a label's
 * value or a sticky header never climbs out of one: a header row is not the label of the first body row.
 */
export function isStructural(element: Element): boolean {
  return STRUCTURAL_TAGS.has(element.tagName) || STRUCTURAL_ROLES.has(element.getAttribute('role') ?? '');
}

/** Header cells caption columns; they never hold a value. */
export function isHeaderCellElement(element: Element): boolean {
  return element.tagName === 'TH' || element.getAttribute('role') === 'columnheader';
}

/** Whitespace, or a lone `:` / `#` between a label and its value. */
export function isSeparatorOnly(text: string): boolean {
  return /^\s*[:#：＃]?\s*$/.test(text);
}

/** Markup inside a header cell that is not its caption: icons, tooltips, screen-reader-hidden parts. */
function isDecorativeMarkup(element: Element): boolean {
  return (
    element.tagName === 'svg' ||
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    element.getAttribute('role') === 'tooltip' ||
    NOT_PAGE_TEXT.has(element.tagName)
  );
}

/**
 * A header cell's caption two ways: all its visible text, and its first non-blank text node alone. The
 * second catches captions followed by tooltip text that carries no ARIA marking (`상담번호<span>?</span>`).
 */
export function headerCaptions(cell: Element): [whole: string, first: string] {
  const parts: string[] = [];
  collectVisibleText(cell, parts);
  return [parts.join(' '), parts.find((part) => part.trim() !== '') ?? ''];
}

function collectVisibleText(node: Node, parts: string[]): void {
  for (const child of node.childNodes) {
    if (isText(child)) parts.push(child.data);
    else if (isElement(child) && !isDecorativeMarkup(child)) collectVisibleText(child, parts);
  }
}

/** Where a value sits in the page: its text node and the offsets of exactly its characters. */
export interface TextSpan {
  value: string;
  textNode: Text;
  start: number;
  end: number;
}

/** The first standalone digit run in `element`'s page text that `accept`s, e.g. an ID in its column's cell. */
export function firstStandaloneRun(element: Element, accept: (digits: string) => boolean): TextSpan | undefined {
  for (const textNode of textNodes(element)) {
    const [run] = standaloneDigitRuns(normaliseDigits(textNode.data));
    if (run) return accept(run.digits) ? { value: run.digits, textNode, start: run.start, end: run.end } : undefined;
  }
  return undefined;
}

/** Where `element` shows `digits` as a standalone run, if it does (a link or attribute names an ID it may also print). */
export function findRun(element: Element, digits: string): TextSpan | undefined {
  for (const textNode of textNodes(element)) {
    const run = standaloneDigitRuns(normaliseDigits(textNode.data)).find((r) => r.digits === digits);
    if (run) return { value: digits, textNode, start: run.start, end: run.end };
  }
  return undefined;
}
