/**
 * A queue of added DOM nodes processed in time-boxed slices, so the content script's MutationObserver
 * callback only queues and never does work itself (a page that adds 5,000 rows must not freeze).
 */

export interface WorkQueueOptions {
  /** Does one node's work, or returns it as steps the queue resumes across slices (a huge subtree). */
  process: (node: Element) => void | Iterator<unknown>;
  /** Called when the last queued work is done: the moment to apply what the work found in one batch. */
  onIdle?: () => void;
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

export function createWorkQueue({ process, onIdle, budgetMs = 8, now, schedule }: WorkQueueOptions): WorkQueue {
  let pending: Element[] = [];
  /** A node's work still in progress, resumed before the next node is taken. */
  let steps: Iterator<unknown> | undefined;
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
    if (scheduled || (queued.size === 0 && !steps)) return;
    scheduled = true;
    const slice = generation;
    schedule(() => runSlice(slice));
  };

  const runSlice = (slice: number): void => {
    if (slice !== generation) return;
    scheduled = false;
    const started = now();
    try {
      while (steps || head < pending.length) {
        if (steps) {
          if (steps.next().done) steps = undefined;
        } else {
          const element = pending[head++] as Element;
          queued.delete(element);
          // A detached node was replaced before its turn; a queued ancestor will cover this one anyway.
          if (element.isConnected && !hasQueuedAncestor(element)) steps = process(element) ?? undefined;
        }
        if (now() - started >= budgetMs) break;
      }
    } catch (error) {
      steps = undefined;
      throw error;
    } finally {
      pending = pending.slice(head);
      head = 0;
      scheduleSlice();
    }
    if (!scheduled) onIdle?.();
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
      steps = undefined;
      pending = [];
      head = 0;
    },
    get size() {
      return queued.size;
    },
  };
}
