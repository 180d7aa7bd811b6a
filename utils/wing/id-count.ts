import { detectInElementsStepwise } from '../detect/detect-inquiry-ids';
import type { InquiryIdLabels } from '../detect/labels';

/** How many different inquiry IDs a page holds; `complete` false: the count stopped at its deadline (at least this many). */
export interface IdCount {
  count: number;
  complete: boolean;
}

export interface IdCountOptions {
  root: Element;
  labels: InquiryIdLabels;
  now: () => number;
  /** Gives the page its turn between two slices (the content script: a zero-delay timer). */
  pause: () => Promise<void>;
}

/** A slice of counting never takes longer than about this (docs/detection.md#the-popups-count). */
export const COUNT_SLICE_MS = 8;
/** The popup waits for the answer: past this, it says "at least" what was counted so far. */
export const COUNT_DEADLINE_MS = 1_000;

/**
 * Counts the IDs the page shows, long lists included (the scanner only looks at their rows on screen).
 * The same detection as the scanner's, decorated IDs included, cut into short slices with the page's own
 * work in between: the popup asks once when it opens, and a 10,000-row page never becomes one long task.
 */
export async function countInquiryIds({ root, labels, now, pause }: IdCountOptions): Promise<IdCount> {
  const ids = new Set<string>();
  const started = now();
  let sliceStarted = started;
  for (const detections of detectInElementsStepwise([root], { root, labels, includeDecorated: true })) {
    for (const detection of detections) ids.add(detection.id);
    if (now() - sliceStarted < COUNT_SLICE_MS) continue;
    if (now() - started >= COUNT_DEADLINE_MS) return { count: ids.size, complete: false };
    await pause();
    sliceStarted = now();
  }
  return { count: ids.size, complete: true };
}
