/**
 * A queue of added DOM nodes processed in time-boxed slices, so the content script's MutationObserver
 * callback only queues and never does work itself (a page that adds 5,000 rows must not freeze).
 */

export interface WorkQueueOptions {
  process: (node: Element) => void;
  /** Work per slice; 8 ms leaves the rest of a 16 ms frame to the page. */
  budgetMs?: number;
  now: () => number;
  /** Runs a slice later: requestIdleCallback, requestAnimationFrame or setTimeout, chosen by the caller. */
  schedule: (runSlice: () => void) => void;
}

export interface WorkQueue {
  /** Queues elements (text nodes count as their parent). Nodes already covered by a queued node are skipped. */
  enqueue(nodes: Iterable<Node>): void;
  /** Drops everything queued, and any slice already scheduled does nothing: SPA navigation or teardown. */
  clear(): void;
  readonly size: number;
}

export function createWorkQueue({ process, budgetMs = 8, now, schedule }: WorkQueueOptions): WorkQueue {
  let pending: Element[] = [];
  let head = 0;
  const queued = new Set<Element>();
  let generation = 0;
  let scheduled = false;

  const hasQueuedAncestor = (element: Element): boolean => {
    for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
      if (queued.has(ancestor)) return true;
    }
    return false;
  };

  const scheduleSlice = (): void => {
    if (scheduled || queued.size === 0) return;
    scheduled = true;
    const slice = generation;
    schedule(() => runSlice(slice));
  };

  const runSlice = (slice: number): void => {
    if (slice !== generation) return;
    scheduled = false;
    const started = now();
    try {
      while (head < pending.length) {
        const element = pending[head++] as Element;
        queued.delete(element);
        // A detached node was replaced before its turn; a queued ancestor will cover this one anyway.
        if (element.isConnected && !hasQueuedAncestor(element)) process(element);
        if (now() - started >= budgetMs) break;
      }
    } finally {
      pending = pending.slice(head);
      head = 0;
      scheduleSlice();
    }
  };

  return {
    enqueue(nodes) {
      for (const node of nodes) {
        const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
        if (!element || queued.has(element) || hasQueuedAncestor(element)) continue;
        queued.add(element);
        pending.push(element);
      }
      scheduleSlice();
    },
    clear() {
      generation++;
      scheduled = false;
      queued.clear();
      pending = [];
      head = 0;
    },
    get size() {
      return queued.size;
    },
  };
}
