import { isStaleDecoration, undecorate, type Decorator } from '../detect/decorate';
import { detectInElementsStepwise } from '../detect/detect-inquiry-ids';
import { DECORATED_ATTRIBUTE, MARKED_WITHIN_ATTRIBUTE, type Detection } from '../detect/detection';
import type { InquiryIdLabels } from '../detect/labels';
import { createWorkQueue } from '../detect/work-queue';
import { childrenInBand, type ViewBand } from './view-band';

export interface IdScannerOptions {
  document: Document;
  /** Runs a slice of queued work later; the content script passes an idle-time scheduler. */
  schedule: (runSlice: () => void) => void;
  now: () => number;
  /** Nodes the scanner must never look into (the card's own shadow host). */
  ignore: (node: Node) => boolean;
  /** The part of the viewport (plus margins) whose rows of long lists are scanned. */
  band: () => ViewBand;
  /** The labels and headings that mark IDs (built-in ones unless the seller added some). */
  labels?: InquiryIdLabels;
  /** Applies detections as marks; shared with the card, which re-reads marks through it. */
  decorator: Decorator;
  /** The elements each batch has just marked (the card looks whether the pointer already rests on one). */
  onMarked?: (elements: readonly Element[]) => void;
}

/** On a page with thousands of rows, decorations found so far show at least this often (each batch costs a layout). */
export const MAX_DECORATION_DELAY_MS = 2_000;
const BATCH_AS_PARENT = 16;
/** An element with more children than this is a long list (table body, grid, list): only its rows on screen are scanned. */
export const LONG_LIST_CHILDREN = 64;
/** The attributes IDs are read from (named-ids.ts): a page that reuses a link for another inquiry changes one. */
const ID_SOURCE_ATTRIBUTES = ['href', 'data-inquiry-id', 'data-inquiryid', 'data-counseling-id'];

/**
 * Finds and decorates inquiry IDs as the page changes, in proportion to the screen, not the page.
 * The single MutationObserver only queues added nodes. Detection only reads the DOM, in time-boxed steps,
 * and leaves long lists out; their rows are scanned when they come into the viewport's band (on scroll,
 * resize, or when the list changes), found by binary search. Decorations (the only writes) are applied
 * in one batch when the queue runs dry, so a table is laid out again once, not once per slice.
 */
export function createIdScanner({ document, schedule, now, ignore, band, labels, decorator, onMarked }: IdScannerOptions) {
  let found: Detection[] = [];
  /** Marked-within elements whose text or attributes the page changed: read again in the next batch. */
  const changed = new Set<Element>();
  let oldestFoundAt = 0;
  /** Long lists seen so far; their children are scanned only in the band. */
  const lists = new Set<Element>();
  /** Children of long lists already queued once (a changed child is queued again by the observer). */
  let seen = new WeakSet<Element>();
  let viewPassScheduled = false;
  let running = false;
  const listeners = new AbortController();

  const isLongList = (element: Element) => element.childElementCount > LONG_LIST_CHILDREN;
  const skip = (element: Element): boolean => {
    if (!isLongList(element)) return false;
    if (!lists.has(element)) {
      lists.add(element);
      viewChanged();
    }
    return true;
  };

  const isMarkedWithin = (node: Node | null): node is Element => node instanceof Element && node.hasAttribute(MARKED_WITHIN_ATTRIBUTE);

  const queue = createWorkQueue({
    process: (element) => {
      if (isMarkedWithin(element)) changed.add(element);
      for (const marked of element.querySelectorAll(`[${MARKED_WITHIN_ATTRIBUTE}]`)) changed.add(marked);
      return collect(detectInElementsStepwise([element], { root: document.body, skip, labels }));
    },
    onIdle: () => decorateFound(),
    now,
    schedule,
  });

  function* collect(steps: Iterable<Detection[]>): Generator<void, void, void> {
    for (const detections of steps) {
      if (detections.length > 0) {
        if (found.length === 0) oldestFoundAt = now();
        found.push(...detections);
        if (now() - oldestFoundAt >= MAX_DECORATION_DELAY_MS) decorateFound();
      }
      yield;
    }
  }

  function queueChanges(records: MutationRecord[]): void {
    for (const record of records) {
      if (ignore(record.target)) continue;
      const target = record.target as Element;
      // The page rewrote a text a mark within stands on (a framework updating `상담번호: {id}` in place).
      const owner = record.type === 'characterData' ? target.parentElement : target;
      if (isMarkedWithin(owner)) {
        changed.add(owner);
        queue.enqueue([owner]);
      }
      if (record.type === 'attributes') {
        // A recycled element: what it stood for may have changed; drop a marker that no longer holds, then look again.
        if (target.hasAttribute(DECORATED_ATTRIBUTE) && isStaleDecoration(target)) undecorate(target);
        queue.enqueue([target]);
      } else if (record.type === 'childList' && (lists.has(target) || isLongList(target))) {
        // Rows added to a long list: those on screen are scanned in the next view pass, the rest when scrolled to.
        if (!lists.has(target)) lists.add(target);
        viewChanged();
      } else if (record.type === 'characterData' || record.addedNodes.length > BATCH_AS_PARENT) queue.enqueue([record.target]);
      else queue.enqueue(Array.from(record.addedNodes).filter((node) => !ignore(node)));
    }
  }

  /** Queues the rows of long lists that are in the band now and were not queued before. */
  function viewPass(): void {
    viewPassScheduled = false;
    if (!running) return;
    const area = band();
    const rows: Element[] = [];
    for (const list of lists) {
      if (!list.isConnected) lists.delete(list);
      else if (!isLongList(list)) {
        lists.delete(list);
        rows.push(list); // short again: an ordinary subtree
      } else {
        for (const row of childrenInBand(list, area)) {
          if (seen.has(row)) continue;
          seen.add(row);
          rows.push(row);
        }
      }
    }
    queue.enqueue(rows);
  }

  function viewChanged(): void {
    if (viewPassScheduled || !running) return;
    viewPassScheduled = true;
    schedule(viewPass);
  }

  const observer = new MutationObserver(queueChanges);

  function decorateFound(): void {
    if (found.length === 0 && changed.size === 0) return;
    queueChanges(observer.takeRecords()); // the page's own changes so far still count
    const marked = decorator.decorateAll(found);
    found = [];
    for (const element of changed) decorator.refresh(element);
    changed.clear();
    observer.takeRecords(); // ours: marking an ID is no news to the scanner
    if (marked.length > 0) onMarked?.(marked);
  }

  /** The row of a long list that `node` lies in, if any. */
  function rowOf(node: Node): Element | undefined {
    for (let element = node instanceof Element ? node : node.parentElement; element; element = element.parentElement) {
      if (element.parentElement && lists.has(element.parentElement)) return element;
    }
    return undefined;
  }

  return {
    /** Scans the page (in slices, long lists only on screen), then keeps up with changes and scrolling. */
    start(): void {
      running = true;
      queue.enqueue([document.body]);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributeFilter: ID_SOURCE_ATTRIBUTES });
      const view = document.defaultView;
      const options = { capture: true, passive: true, signal: listeners.signal };
      document.addEventListener('scroll', viewChanged, options);
      view?.addEventListener('resize', viewChanged, options);
    },
    /**
     * The pointer or focus reached `node` before the view pass did (a fast scroll, a row rendered just
     * now): scans its row at once, so its ID is decorated before the hover delay is over.
     */
    scanNow(node: Node): void {
      const row = rowOf(node);
      if (!row || seen.has(row)) return;
      seen.add(row);
      for (const detections of detectInElementsStepwise([row], { root: document.body, skip, labels })) found.push(...detections);
      decorateFound();
    },
    stop(): void {
      running = false;
      listeners.abort();
      observer.disconnect();
      queue.clear();
      changed.clear();
      lists.clear();
      seen = new WeakSet();
      found = [];
    },
  };
}
