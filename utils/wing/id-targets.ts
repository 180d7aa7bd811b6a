/**
 * What a hover card opens for, found from the page as it is at the moment of the event: a whole mark, or
 * one ID of an element marked within a longer text, told apart by the text position under the pointer
 * (docs/wing-content-script.md). Everything is re-read here; nothing learned earlier is trusted.
 */
import { isStaleDecoration, undecorate, type Decorator } from '../detect/decorate';
import { DECORATED_ATTRIBUTE, MARKED_WITHIN_ATTRIBUTE, idsMarkedWithin } from '../detect/detection';
import { isText } from '../detect/dom-text';
import { idAtOffset, runOf } from '../detect/id-at-offset';
import type { CaretAt } from './caret';

/**
 * An element marked whole (its ID read from it when the card opens), or one ID of an element marked
 * within. The same pair is always the same object, so the hover intent can compare them.
 */
export interface IdTarget {
  element: HTMLElement;
  id?: string;
}

export interface IdTargetsOptions {
  document: Document;
  /** Re-reads marks within when a card opens for one of their IDs (the scanner's decorator). */
  decorator: Pick<Decorator, 'currentIdsWithin' | 'refresh'>;
  /** The text position under the pointer (caret.ts); undefined when the browser has no such API. */
  caretAt: CaretAt | undefined;
  /** Whether the pointer is on a range's characters (caret.ts). */
  pointOnRange: (range: Range, x: number, y: number) => boolean;
}

export interface PointerHit {
  target?: IdTarget;
  /** What is painted as hovered: the ID's characters within a longer text, or a whole mark's contents. */
  range?: Range;
  /** The marked-within element the pointer is in: moves inside it may reach another of its IDs. */
  within?: HTMLElement;
}

export function createIdTargets({ document, decorator, caretAt, pointOnRange }: IdTargetsOptions) {
  const targets = new WeakMap<Element, Map<string, IdTarget>>();

  function targetFor(element: HTMLElement, id?: string): IdTarget {
    let byId = targets.get(element);
    if (!byId) targets.set(element, (byId = new Map()));
    let target = byId.get(id ?? '');
    if (!target) byId.set(id ?? '', (target = { element, id }));
    return target;
  }

  /**
   * The ID the target stands for now, or undefined when the page has reused it (then the mark goes or is
   * read again). Within a text, the detector's rules are applied again: the label may have changed.
   */
  function currentId({ element, id }: IdTarget): string | undefined {
    if (id !== undefined) {
      if (!element.isConnected || !idsMarkedWithin(element).includes(id)) return undefined;
      if (decorator.currentIdsWithin(element).includes(id)) return id;
      decorator.refresh(element);
      return undefined;
    }
    if (!element.isConnected || !element.hasAttribute(DECORATED_ATTRIBUTE)) return undefined;
    if (!isStaleDecoration(element)) return element.getAttribute(DECORATED_ATTRIBUTE) ?? undefined;
    undecorate(element);
    return undefined;
  }

  /** The whole mark around `node`, unless the page has since put other content in it. */
  function wholeMarkOf(node: EventTarget | null): IdTarget | undefined {
    const element = node instanceof Element ? node.closest<HTMLElement>(`[${DECORATED_ATTRIBUTE}]`) : null;
    const target = element ? targetFor(element) : undefined;
    return target && currentId(target) ? target : undefined;
  }

  function rangeOver(node: Text, start: number, end: number): Range {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return range;
  }

  /**
   * Which ID of a marked-within element is under the pointer: the digit run at the caret, in the text as
   * it reads now, if the detector found it there and the pointer is on its characters. Without a caret
   * API, the element stands for its first ID wherever the pointer is on it.
   */
  function idWithinAt(element: HTMLElement, x: number, y: number): PointerHit | undefined {
    const ids = idsMarkedWithin(element);
    if (ids.length === 0) return undefined;
    if (!caretAt) return { target: targetFor(element, ids[0]), within: element };
    const caret = caretAt(x, y);
    if (!caret || !isText(caret.node) || caret.node.parentElement !== element) return undefined;
    const run = idAtOffset(caret.node.data, caret.offset, ids);
    const range = run && rangeOver(caret.node, run.start, run.end);
    return run && range && pointOnRange(range, x, y) ? { target: targetFor(element, run.digits), range, within: element } : undefined;
  }

  return {
    currentId,

    /** The target under the pointer at (x, y) over `node`: an ID within a text first, else the whole mark around it. */
    underPointer(node: EventTarget | null, x: number, y: number): PointerHit {
      const within = node instanceof Element ? (node.closest<HTMLElement>(`[${MARKED_WITHIN_ATTRIBUTE}]`) ?? undefined) : undefined;
      if (within) {
        const hit = idWithinAt(within, x, y);
        if (hit) return hit;
      }
      // A whole mark needs no hover tint: its cursor says it is one, and a tint costs the page a repaint (id-highlight.ts).
      return { target: wholeMarkOf(node), within };
    },

    /** The target keyboard focus on `node` stands for: a whole mark, or the first ID of a mark within. */
    ofFocus(node: EventTarget | null): IdTarget | undefined {
      if (node instanceof HTMLElement && node.hasAttribute(MARKED_WITHIN_ATTRIBUTE)) {
        const [first] = idsMarkedWithin(node);
        return first === undefined ? undefined : targetFor(node, first);
      }
      return wholeMarkOf(node);
    },

    /** The next (step 1) or previous (-1) ID of the same marked-within element; the target itself if it holds one. */
    sibling(target: IdTarget, step: 1 | -1): IdTarget {
      const ids = idsMarkedWithin(target.element);
      if (target.id === undefined || ids.length < 2) return target;
      return targetFor(target.element, ids[(ids.indexOf(target.id) + step + ids.length) % ids.length]);
    },

    /** What the card is placed beside: the ID's own characters when it lies within a longer text. */
    anchorOf(target: IdTarget, id: string): Element | Range {
      if (target.id === undefined) return target.element;
      for (const node of target.element.childNodes) {
        const run = isText(node) ? runOf(node.data, id) : undefined;
        if (run) return rangeOver(node as Text, run.start, run.end);
      }
      return target.element;
    },
  };
}
