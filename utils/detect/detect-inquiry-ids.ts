/**
 * Inquiry IDs in a DOM subtree, found only where the page says a number is one: under a 상담번호 column
 * header, after a 상담번호 label, or in a link or attribute that names it. Never a bare regex over the page.
 * Pure: reads only the nodes passed in (and their document), so happy-dom tests reach every branch.
 */
import { isInquiryId } from '@/utils/coupang/inquiry-id';
import { isDecorated, type Detection, type DetectionSource } from './detection';
import { documentOf, findRun, firstStandaloneRun, isEditable, isElement, isText, type TextSpan } from './dom-text';
import { valueAfterLabelBefore, valuesAfterLabels, type LabelRule } from './label-values';
import { inquiryIdLabels, type InquiryIdLabels } from './labels';
import { ATTRIBUTE_SELECTOR, LINK_SELECTOR, idFromAttributes, idFromLink } from './named-ids';
import { createColumnMemo, inquiryCells, type ColumnMemo } from './table-columns';

const BUILT_IN_LABELS = inquiryIdLabels();
const ROW_SELECTOR = 'tr, [role=row]';
/** NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, spelt out so no global is needed. */
const SHOW_ELEMENTS_AND_TEXT = 0x1 | 0x4;
/** NodeFilter.FILTER_ACCEPT and FILTER_REJECT (the node and its whole subtree left out). */
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
/** About 0.1–0.3 ms of work in Chromium: fine-grained enough for an 8 ms slice budget. */
const NODES_PER_STEP = 256;
/** Elements that may stand for an ID they name but do not print; a whole row or card would be too big a target. */
const STANDS_FOR_ID = 'a[href], button, span, [role=button], [role=link]';

export interface DetectContext {
  /** The page (or the part of it) detections must lie in; column headers and labels are looked up inside it. */
  root: ParentNode;
  /**
   * Elements whose subtree the walk leaves out (the scanner passes long lists of rows, whose visible
   * part it scans on its own). Only descendants are asked, never the element a walk starts from.
   */
  skip?: (element: Element) => boolean;
  /** The labels and column headings that mark IDs: the built-in ones unless the seller added some. */
  labels?: InquiryIdLabels;
  /** Also report IDs already decorated (counting what the page holds, or re-reading what a marked element holds now). */
  includeDecorated?: boolean;
}

/**
 * Every not-yet-decorated inquiry ID in `root`, each once, in the document order of what revealed it
 * (a row, a label, a link); when several rules find the same ID, the first of them names the source.
 */
export function detectInquiryIds(root: ParentNode, labels?: InquiryIdLabels): Detection[] {
  const found = createCollector({ root, labels });
  scanSubtree(root, found);
  return found.detections;
}

/**
 * The same, for elements added to the page later (rows loaded by XHR, a filled-in detail panel): their
 * subtrees, plus what only their surroundings reveal — the column header of the table they were added to,
 * a label just before them, a link or attribute around them.
 */
export function detectInElements(elements: Iterable<Element>, context: DetectContext): Detection[] {
  const found = createCollector(context);
  for (const element of elements) {
    if (!context.root.contains(element)) continue;
    scanSubtree(element, found);
    scanSurroundings(element, found);
  }
  return found.detections;
}

interface Collector {
  root: ParentNode;
  memo: ColumnMemo;
  rule: LabelRule;
  detections: Detection[];
  add(span: TextSpan, source: DetectionSource): void;
  addElement(element: Element, id: string, source: DetectionSource): void;
}

function createCollector({ root, labels = BUILT_IN_LABELS, includeDecorated = false }: DetectContext): Collector {
  const detections: Detection[] = [];
  const seenText = new Map<Text, Set<number>>();
  const seenElements = new Set<Element>();
  const keep = (detection: Detection, node: Node) =>
    root.contains(node) && !isEditable(detection.element) && (includeDecorated || !isDecorated(detection));
  return {
    root,
    memo: createColumnMemo(labels.isLabel),
    rule: { patterns: labels.patterns, accept: isInquiryId },
    detections,
    add({ value, textNode, start, end }, source) {
      const element = textNode.parentElement;
      const offsets = seenText.get(textNode) ?? new Set<number>();
      if (!element || offsets.has(start)) return;
      const detection: Detection = { id: value, element, textNode, start, end, source };
      if (!keep(detection, textNode)) return;
      seenText.set(textNode, offsets.add(start));
      detections.push(detection);
    },
    addElement(element, id, source) {
      const detection: Detection = { id, element, source };
      if (seenElements.has(element) || !keep(detection, element)) return;
      seenElements.add(element);
      detections.push(detection);
    },
  };
}

/**
 * The same as detectInElements, cut into steps of about `nodesPerStep` nodes, so a caller with a time
 * budget can stop between any two (a 5,000-row table is never one long task). Each step gives the
 * detections found since the previous one.
 */
export function* detectInElementsStepwise(
  elements: Iterable<Element>,
  context: DetectContext,
  nodesPerStep = NODES_PER_STEP,
): Generator<Detection[], void, void> {
  const found = createCollector(context);
  for (const element of elements) {
    if (!context.root.contains(element)) continue;
    for (const _ of scanSubtreeSteps(element, found, nodesPerStep, context.skip)) yield found.detections.splice(0);
    scanSurroundings(element, found);
    yield found.detections.splice(0);
  }
}

function scanSubtree(scope: ParentNode, found: Collector): void {
  for (const _ of scanSubtreeSteps(scope, found, Infinity));
}

/** One walk over elements and text (selector queries would each walk the subtree again), pausing every `nodesPerStep` nodes. */
function* scanSubtreeSteps(
  scope: ParentNode,
  found: Collector,
  nodesPerStep: number,
  skip?: (element: Element) => boolean,
): Generator<void, void, void> {
  const filter = skip && { acceptNode: (node: Node) => (isElement(node) && skip(node) ? FILTER_REJECT : FILTER_ACCEPT) };
  const walker = documentOf(scope).createTreeWalker(scope, SHOW_ELEMENTS_AND_TEXT, filter);
  let visited = 0;
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (++visited % nodesPerStep === 0) yield;
    if (isText(node)) {
      for (const span of valuesAfterLabels(node, found.rule)) found.add(span, 'label');
    } else if (isElement(node)) {
      if (node.tagName === 'TR' || node.getAttribute('role') === 'row') columnIds(node, found);
      if (node.tagName === 'A') namedId(node, idFromLink(node), 'link', found);
      namedId(node, idFromAttributes(node), 'attribute', found);
    }
  }
}

function scanSurroundings(element: Element, found: Collector): void {
  const parent = element.parentElement;
  const row = parent?.closest(ROW_SELECTOR);
  if (row) columnIds(row, found);
  const labelled = valueAfterLabelBefore(element, found.rule);
  if (labelled) found.add(labelled, 'label');
  const link = parent?.closest(LINK_SELECTOR);
  if (link) namedId(link, idFromLink(link), 'link', found);
  const named = parent?.closest(ATTRIBUTE_SELECTOR);
  if (named) namedId(named, idFromAttributes(named), 'attribute', found);
}

function columnIds(row: Element, found: Collector): void {
  for (const cell of inquiryCells(row, found.root, found.memo)) {
    const span = firstStandaloneRun(cell, isInquiryId);
    if (span) found.add(span, 'column');
  }
}

/** Point at the ID where the element prints it; else at the element itself, if it can stand for the ID. */
function namedId(element: Element, id: string | undefined, source: DetectionSource, found: Collector): void {
  if (id === undefined) return;
  const span = findRun(element, id);
  if (span) found.add(span, source);
  else if (element.matches(STANDS_FOR_ID)) found.addElement(element, id, source);
}
