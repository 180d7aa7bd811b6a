// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createWorkQueue, type WorkQueueOptions } from '@/utils/detect/work-queue';

/** A queue with a clock that advances `costMs` per processed node and slices that run only when told. */
function setUp(options: { costMs?: number; budgetMs?: number; process?: (node: Element) => void } = {}) {
  let clock = 0;
  const slices: (() => void)[] = [];
  const processed: string[] = [];
  const queueOptions: WorkQueueOptions = {
    process: (node) => {
      clock += options.costMs ?? 1;
      processed.push(node.id);
      options.process?.(node);
    },
    now: () => clock,
    schedule: (run) => slices.push(run),
    ...(options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs }),
  };
  const queue = createWorkQueue(queueOptions);
  const runNextSlice = () => slices.shift()?.();
  return { queue, slices, processed, runNextSlice };
}

function tree(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
}

const byId = (document: Document, ...ids: string[]) => ids.map((id) => document.getElementById(id) as Element);

describe('createWorkQueue', () => {
  it('does no work when nodes are queued, only in a later slice', () => {
    const document = tree('<p id="a"></p><p id="b"></p>');
    const { queue, slices, processed, runNextSlice } = setUp();
    queue.enqueue(byId(document, 'a', 'b'));
    expect(processed).toEqual([]);
    expect(queue.size).toBe(2);
    expect(slices).toHaveLength(1);
    runNextSlice();
    expect(processed).toEqual(['a', 'b']);
    expect(queue.size).toBe(0);
    expect(slices).toHaveLength(0);
  });

  it('schedules one slice for many enqueues', () => {
    const document = tree('<p id="a"></p><p id="b"></p>');
    const { queue, slices } = setUp();
    queue.enqueue(byId(document, 'a'));
    queue.enqueue(byId(document, 'b'));
    expect(slices).toHaveLength(1);
  });

  it('skips a node already queued, or inside a queued ancestor', () => {
    const document = tree('<div id="list"><p id="row"><b id="cell"></b></p></div>');
    const { queue, processed, runNextSlice } = setUp();
    queue.enqueue(byId(document, 'list', 'list', 'row', 'cell'));
    expect(queue.size).toBe(1);
    runNextSlice();
    expect(processed).toEqual(['list']);
  });

  it('processes a node queued before its ancestor only through the ancestor', () => {
    const document = tree('<div id="list"><p id="row"></p></div>');
    const { queue, processed, runNextSlice } = setUp();
    queue.enqueue(byId(document, 'row'));
    queue.enqueue(byId(document, 'list'));
    runNextSlice();
    expect(processed).toEqual(['list']);
  });

  it('queues a text node as its parent element', () => {
    const document = tree('<p id="a">1015668177</p>');
    const { queue, processed, runNextSlice } = setUp();
    queue.enqueue([document.getElementById('a')?.firstChild as Node]);
    runNextSlice();
    expect(processed).toEqual(['a']);
  });

  it('stops a slice once the budget is spent and continues in the next one', () => {
    const document = tree('<p id="a"></p><p id="b"></p><p id="c"></p><p id="d"></p><p id="e"></p>');
    const { queue, slices, processed, runNextSlice } = setUp({ costMs: 3, budgetMs: 8 });
    queue.enqueue(byId(document, 'a', 'b', 'c', 'd', 'e'));
    runNextSlice();
    expect(processed).toEqual(['a', 'b', 'c']);
    expect(queue.size).toBe(2);
    expect(slices).toHaveLength(1);
    runNextSlice();
    expect(processed).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(slices).toHaveLength(0);
  });

  it('defaults to an 8 ms budget', () => {
    const document = tree('<p id="a"></p><p id="b"></p><p id="c"></p>');
    const { queue, processed, runNextSlice } = setUp({ costMs: 4 });
    queue.enqueue(byId(document, 'a', 'b', 'c'));
    runNextSlice();
    expect(processed).toEqual(['a', 'b']);
  });

  it('makes progress even when one node costs more than the budget', () => {
    const document = tree('<p id="a"></p><p id="b"></p>');
    const { queue, processed, runNextSlice } = setUp({ costMs: 50, budgetMs: 8 });
    queue.enqueue(byId(document, 'a', 'b'));
    runNextSlice();
    expect(processed).toEqual(['a']);
    runNextSlice();
    expect(processed).toEqual(['a', 'b']);
  });

  it('skips nodes removed from the page before their turn', () => {
    const document = tree('<p id="a"></p><p id="b"></p>');
    const { queue, processed, runNextSlice } = setUp();
    queue.enqueue(byId(document, 'a', 'b'));
    document.getElementById('a')?.remove();
    runNextSlice();
    expect(processed).toEqual(['b']);
  });

  it('clear() drops queued nodes and turns an already scheduled slice into a no-op', () => {
    const document = tree('<p id="a"></p><p id="b"></p>');
    const { queue, slices, processed } = setUp();
    queue.enqueue(byId(document, 'a'));
    const stale = slices.shift();
    queue.clear();
    expect(queue.size).toBe(0);
    queue.enqueue(byId(document, 'b'));
    stale?.();
    expect(processed).toEqual([]);
    expect(slices).toHaveLength(1);
    slices.shift()?.();
    expect(processed).toEqual(['b']);
  });

  it('keeps going after a node fails: the error surfaces, the rest is rescheduled', () => {
    const document = tree('<p id="a"></p><p id="b"></p>');
    const { queue, slices, processed, runNextSlice } = setUp({
      process: (node) => {
        if (node.id === 'a') throw new Error('boom');
      },
    });
    queue.enqueue(byId(document, 'a', 'b'));
    expect(runNextSlice).toThrow('boom');
    expect(slices).toHaveLength(1);
    runNextSlice();
    expect(processed).toEqual(['a', 'b']);
  });

  it('accepts nodes queued while a slice runs', () => {
    const document = tree('<p id="a"></p><p id="b"></p>');
    const [a, b] = byId(document, 'a', 'b');
    let queue: ReturnType<typeof setUp>['queue'] | undefined;
    const setup = setUp({ process: (node) => (node === a && b ? queue?.enqueue([b]) : undefined) });
    queue = setup.queue;
    queue.enqueue([a as Element]);
    setup.runNextSlice();
    expect(setup.processed).toEqual(['a', 'b']);
  });

  it('resumes a node whose work comes as steps across slices, within the budget, before the next node', () => {
    const document = tree('<div id="big"></div><p id="small"></p>');
    let clock = 0;
    const slices: (() => void)[] = [];
    const log: string[] = [];
    function* steps(name: string, count: number) {
      for (let step = 1; step <= count; step++) {
        clock += 3;
        log.push(`${name}${step}`);
        yield;
      }
    }
    const queue = createWorkQueue({
      process: (node) => (node.id === 'big' ? steps('big', 5) : void log.push(node.id)),
      now: () => clock,
      schedule: (run) => slices.push(run),
      budgetMs: 8,
    });
    queue.enqueue(byId(document, 'big', 'small'));
    slices.shift()?.();
    expect(log).toEqual(['big1', 'big2', 'big3']);
    slices.shift()?.();
    expect(log).toEqual(['big1', 'big2', 'big3', 'big4', 'big5', 'small']);
    expect(slices).toHaveLength(0);
  });

  it('calls onIdle once the last work is done, not between slices', () => {
    const document = tree('<p id="a"></p><p id="b"></p><p id="c"></p>');
    let clock = 0;
    const slices: (() => void)[] = [];
    const idle: number[] = [];
    const queue = createWorkQueue({
      process: () => void (clock += 5),
      onIdle: () => idle.push(clock),
      now: () => clock,
      schedule: (run) => slices.push(run),
      budgetMs: 8,
    });
    queue.enqueue(byId(document, 'a', 'b', 'c'));
    slices.shift()?.();
    expect(idle).toEqual([]);
    slices.shift()?.();
    expect(idle).toEqual([15]);
  });

  it('drops a job in progress on clear', () => {
    const document = tree('<div id="big"></div>');
    const slices: (() => void)[] = [];
    let clock = 0;
    let stepsRun = 0;
    const queue = createWorkQueue({
      process: function* () {
        for (;;) {
          clock += 10;
          stepsRun++;
          yield;
        }
      },
      now: () => clock,
      schedule: (run) => slices.push(run),
    });
    queue.enqueue(byId(document, 'big'));
    slices.shift()?.();
    expect(stepsRun).toBe(1);
    queue.clear();
    slices.shift()?.();
    expect(stepsRun).toBe(1);
    expect(slices).toHaveLength(0);
  });
});
