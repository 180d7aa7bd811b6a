// @vitest-environment happy-dom
/** The popup's count (docs/detection.md#the-popups-count): what the content script answers, and how it keeps its tasks short. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createDecorator } from '@/utils/detect/decorate';
import { detectInquiryIds } from '@/utils/detect/detect-inquiry-ids';
import { inquiryIdLabels } from '@/utils/detect/labels';
import { COUNT_REQUEST, answerCountRequests, readCountAnswer, type CountAnswer } from '@/utils/wing/count-message';
import { COUNT_DEADLINE_MS, COUNT_SLICE_MS, countInquiryIds } from '@/utils/wing/id-count';
import { LONG_LIST_CHILDREN, createIdScanner } from '@/utils/wing/id-scanner';

/** A `heading` table of `n` rows (IDs 1100000000 + i) and an order-number decoy column, plus a labelled ID. */
function page(n: number, heading = '상담번호'): void {
  const rows = Array.from({ length: n }, (_, i) => `<tr><td>${1100000000 + i}</td><td>31000012345678</td></tr>`).join('');
  document.body.innerHTML = `<p>상담번호: 1015668177</p><table><thead><tr><th>${heading}</th><th>주문번호</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** A clock that moves `step` ms each time it is read, and a pause that counts the page's turns. */
function fakeTime(step: number) {
  let t = 0;
  let pauses = 0;
  return { now: () => (t += step), pause: async () => void pauses++, pauses: () => pauses };
}

const labels = inquiryIdLabels();

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('countInquiryIds', () => {
  it('counts every different ID the page shows, long lists included, decorated or not, and no decoy', async () => {
    page(300);
    document.body.insertAdjacentHTML('beforeend', '<p>상담번호 1100000000 (again)</p>');
    const time = fakeTime(0);
    expect(await countInquiryIds({ root: document.body, labels, ...time })).toEqual({ count: 301, complete: true });
    createDecorator(document.body).decorateAll(detectInquiryIds(document.body).slice(0, 100));
    expect(document.querySelectorAll('[data-cs-lens-id], [data-cs-lens-ids]')).toHaveLength(100);
    expect(await countInquiryIds({ root: document.body, labels, ...time })).toEqual({ count: 301, complete: true });
  });

  it('counts what the scanner decorated on screen and the rows of a long list it has not reached yet', async () => {
    page(LONG_LIST_CHILDREN * 4);
    [...document.querySelectorAll('tbody tr')].forEach((row, i) => {
      row.getBoundingClientRect = () => ({ top: i * 20, bottom: (i + 1) * 20 }) as DOMRect;
    });
    const slices: (() => void)[] = [];
    const scanner = createIdScanner({ document, schedule: (run) => slices.push(run), now: () => 0, ignore: () => false, band: () => ({ top: 0, bottom: 100 }), decorator: createDecorator(document.body) });
    scanner.start();
    for (let n = 0; slices.length > 0 && n < 1_000; n++) slices.shift()?.();
    const marked = document.querySelectorAll('[data-cs-lens-id]').length;
    expect(marked).toBeGreaterThan(1);
    expect(marked).toBeLessThan(LONG_LIST_CHILDREN);
    const time = fakeTime(0);
    expect(await countInquiryIds({ root: document.body, labels, ...time })).toEqual({ count: LONG_LIST_CHILDREN * 4 + 1, complete: true });
    scanner.stop();
  });

  it('with the seller’s labels: a renamed column counts only once its heading is added', async () => {
    page(5, '접수번호');
    const time = fakeTime(0);
    expect((await countInquiryIds({ root: document.body, labels, ...time })).count).toBe(1);
    expect((await countInquiryIds({ root: document.body, labels: inquiryIdLabels(['접수번호']), ...time })).count).toBe(6);
  });

  it(`gives the page its turn every ${COUNT_SLICE_MS} ms, and stops at its deadline saying the count is incomplete`, async () => {
    page(2_000);
    // Each read of the clock moves it past a slice: every step ends one, and the deadline comes before the end.
    const time = fakeTime(COUNT_SLICE_MS * 3);
    const counted = await countInquiryIds({ root: document.body, labels, ...time });
    expect(counted.complete).toBe(false);
    expect(counted.count).toBeGreaterThan(0);
    expect(counted.count).toBeLessThan(2_001);
    expect(time.pauses()).toBeGreaterThanOrEqual(COUNT_DEADLINE_MS / (COUNT_SLICE_MS * 3 * 3));
  });
});

describe('the count message', () => {
  function fakeOnMessage() {
    const listeners = new Set<(message: unknown, sender: unknown, respond: (response: unknown) => void) => true | undefined>();
    return {
      addListener: (listener: Parameters<typeof listeners.add>[0]) => void listeners.add(listener),
      removeListener: (listener: Parameters<typeof listeners.add>[0]) => void listeners.delete(listener),
      listeners,
      send(message: unknown): { handled: boolean; answer: Promise<unknown> } {
        let handled = false;
        const answer = new Promise<unknown>((resolve) => {
          for (const listener of listeners) handled = listener(message, {}, resolve) === true || handled;
          if (!handled) resolve(undefined);
        });
        return { handled, answer };
      },
    };
  }

  it('answers the count request with the counted answer, leaves every other message alone, and unlistens', async () => {
    const onMessage = fakeOnMessage();
    const answer: CountAnswer = { state: 'counted', count: 12, complete: true };
    const unlisten = answerCountRequests(onMessage, async () => answer);
    const asked = onMessage.send({ type: COUNT_REQUEST });
    expect(asked.handled).toBe(true);
    expect(readCountAnswer(await asked.answer)).toEqual(answer);
    expect(onMessage.send({ type: 'lookup', id: '1015668177' }).handled).toBe(false);
    expect(onMessage.send('cs-lens:count-inquiry-ids').handled).toBe(false);
    unlisten();
    expect(onMessage.listeners.size).toBe(0);
  });

  it('the popup reads only well-formed answers', () => {
    expect(readCountAnswer({ state: 'counted', count: 0, complete: true })).toEqual({ state: 'counted', count: 0, complete: true });
    expect(readCountAnswer({ state: 'cards-off', count: 3 })).toEqual({ state: 'cards-off' });
    expect(readCountAnswer({ state: 'out-of-scope' })).toEqual({ state: 'out-of-scope' });
    for (const bad of [undefined, null, 'counted', { state: 'counted', count: -1, complete: true }, { state: 'counted', count: 1.5, complete: true }, { state: 'counted', count: '3', complete: true }, { state: 'counted', count: 3 }, { state: 'other' }]) {
      expect(readCountAnswer(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
