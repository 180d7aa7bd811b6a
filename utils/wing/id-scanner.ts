import { decorateAll } from '../detect/decorate';
import { detectInElementsStepwise } from '../detect/detect-inquiry-ids';
import type { Detection } from '../detect/detection';
import { createWorkQueue } from '../detect/work-queue';

export interface IdScannerOptions {
  document: Document;
  /** Runs a slice of queued work later; the content script passes an idle-time scheduler. */
  schedule: (runSlice: () => void) => void;
  now: () => number;
  /** Nodes the scanner must never look into (the card's own shadow host). */
  ignore: (node: Node) => boolean;
}

/** On a page with thousands of rows, decorations found so far show at least this often (each batch costs a layout). */
export const MAX_DECORATION_DELAY_MS = 2_000;
const BATCH_AS_PARENT = 16;

/**
 * Finds and decorates inquiry IDs as the page changes. The single MutationObserver only queues added
 * nodes. Detection only reads the DOM, in time-boxed steps; decorations (the only writes) are applied in
 * one batch when the queue runs dry, so a table is laid out again once, not once per slice.
 */
export function createIdScanner({ document, schedule, now, ignore }: IdScannerOptions) {
  let found: Detection[] = [];
  let oldestFoundAt = 0;

  const queue = createWorkQueue({
    process: (element) => collect(detectInElementsStepwise([element], { root: document.body })),
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
      // Thousands of rows in one append: one job over their parent shares the column lookup between them.
      if (record.type === 'characterData' || record.addedNodes.length > BATCH_AS_PARENT) queue.enqueue([record.target]);
      else queue.enqueue(Array.from(record.addedNodes).filter((node) => !ignore(node)));
    }
  }

  const observer = new MutationObserver(queueChanges);

  function decorateFound(): void {
    if (found.length === 0) return;
    queueChanges(observer.takeRecords()); // the page's own changes so far still count
    decorateAll(found);
    found = [];
    observer.takeRecords(); // ours: wrapping an ID is no news to the scanner
  }

  return {
    /** Scans the whole page (in slices), then keeps up with changes. */
    start(): void {
      queue.enqueue([document.body]);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    },
    /** After an in-app navigation: forget queued work from the old view and scan what is there now. */
    rescan(): void {
      queue.clear();
      found = [];
      queue.enqueue([document.body]);
    },
    stop(): void {
      observer.disconnect();
      queue.clear();
      found = [];
    },
  };
}
