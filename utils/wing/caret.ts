/** The text position under the pointer, for telling which ID in a longer text the pointer rests on. */

export interface Caret {
  node: Node;
  offset: number;
}

export type CaretAt = (x: number, y: number) => Caret | undefined;

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/**
 * `caretPositionFromPoint` (Firefox, Chrome 128+) or `caretRangeFromPoint` (older Chrome), or undefined
 * when the browser has neither: then the pointer anywhere on a marked element stands for its first ID.
 */
export function caretFromPoint(document: Document): CaretAt | undefined {
  const doc = document as Document & CaretDocument;
  if (typeof doc.caretPositionFromPoint === 'function') {
    return (x, y) => {
      const position = doc.caretPositionFromPoint?.(x, y);
      return position ? { node: position.offsetNode, offset: position.offset } : undefined;
    };
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    return (x, y) => {
      const range = doc.caretRangeFromPoint?.(x, y);
      return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
    };
  }
  return undefined;
}

/** Slack around the characters' boxes, in CSS pixels: the pointer's hit point on an edge still counts. */
const SLACK_PX = 1;

/**
 * Whether (x, y) lies on the range's characters. The caret APIs give the nearest position even far beside
 * a line (the empty end of a wide block), so the run found there must also be under the pointer.
 */
export function pointOnRange(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - SLACK_PX && x <= rect.right + SLACK_PX && y >= rect.top - SLACK_PX && y <= rect.bottom + SLACK_PX) return true;
  }
  return false;
}
