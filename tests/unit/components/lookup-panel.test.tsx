// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LookupPanel } from '@/components/lookup-panel';
import type { Result } from '@/utils/coupang/error-kinds';
import { createTranslator } from '@/utils/i18n/translate';
import type { LookupValue } from '@/utils/messaging';
import type { AnswerService } from '@/components/answer-panel';
import { NOW, completeInquiry, unansweredInquiry } from './inquiries';

afterEach(cleanup);

type Lookup = (id: string, refresh: boolean, options?: { signal?: AbortSignal; retry?: boolean }) => Promise<Result<LookupValue>>;

function renderPanel(lookup: Lookup, extra: Partial<Parameters<typeof LookupPanel>[0]> = {}) {
  const lookupMock = vi.fn<Lookup>(lookup);
  const props = {
    t: createTranslator('en'),
    locale: 'en' as const,
    lookup: lookupMock,
    recent: [],
    now: () => NOW,
    onLookedUp: vi.fn(),
    onOpenOptions: vi.fn(),
    ...extra,
  };
  render(<LookupPanel {...props} />);
  return { ...props, lookup: lookupMock };
}

const found = async (id: string): Promise<Result<LookupValue>> => ({
  ok: true,
  value: { inquiry: { ...unansweredInquiry(), inquiryId: id }, fetchedAt: NOW, fromCache: false },
});

function search(text: string) {
  const box = screen.getByRole('searchbox', { name: /Inquiry/ });
  fireEvent.input(box, { target: { value: text } });
  fireEvent.submit(box.closest('form')!);
}

describe('lookup panel (popup and side panel)', () => {
  it('shows a loading state at once, then the inquiry', async () => {
    let release!: () => void;
    const props = renderPanel((id) => new Promise((resolve) => (release = () => resolve(found(id)))));
    search('258799946');
    expect(screen.getByRole('status').textContent).toContain('Looking up inquiry 258799946');
    release();
    await screen.findByRole('region', { name: 'Inquiry 258799946' });
    expect(props.lookup).toHaveBeenCalledWith('258799946', false, expect.objectContaining({ retry: false }));
    expect(props.onLookedUp).toHaveBeenCalledOnce();
  });

  it("counts down on Coupang's clock, not this computer's, when the background says they differ", async () => {
    const offset = 2 * 60 * 60 * 1000; // this PC is two hours slow
    renderPanel(async (id) => ({ ok: true, value: { inquiry: { ...unansweredInquiry(), inquiryId: id }, fetchedAt: NOW - offset, fromCache: false, clockOffsetMs: offset } }), {
      now: () => NOW - offset,
    });
    search('258799946');
    const region = await screen.findByRole('region', { name: 'Inquiry 258799946' });
    expect(region.textContent).toContain('5 h 12 min left to answer');
  });

  it.each(['abc', '', '12ab'])('refuses %j inline and sends no lookup', (text) => {
    const props = renderPanel(found);
    search(text);
    expect(screen.getByRole('alert').textContent).toMatch(/inquiry number/i);
    expect(props.lookup).not.toHaveBeenCalled();
  });

  it('accepts a Wing link and pasted text holding one ID', async () => {
    const props = renderPanel(found);
    search('https://wing.coupang.com/tenants/cs/csinquiry?inquiryId=1015668177');
    await screen.findByRole('region', { name: 'Inquiry 1015668177' });
    search('상담번호 : 258799946');
    await screen.findByRole('region', { name: 'Inquiry 258799946' });
    expect(props.lookup.mock.calls.map(([id]) => id)).toEqual(['1015668177', '258799946']);
  });

  it("shows the error kind's message, not an endless spinner", async () => {
    renderPanel(async () => ({ ok: false, error: { kind: 'ip-not-allowed', status: 403 } }));
    search('258799946');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(createTranslator('en')('error.ip-not-allowed'));
    expect(screen.queryByText(/Looking up/)).toBeNull();
  });

  it('ignores a slow answer that a newer lookup replaced', async () => {
    const releases = new Map<string, () => void>();
    renderPanel((id) => new Promise((resolve) => releases.set(id, () => resolve(found(id)))));
    search('1111111');
    search('2222222');
    releases.get('2222222')!();
    await screen.findByRole('region', { name: 'Inquiry 2222222' });
    releases.get('1111111')!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('region', { name: 'Inquiry 1111111' })).toBeNull();
  });

  it('lists recent lookups for one click, and refreshes on demand', async () => {
    const props = renderPanel(found, { recent: [{ id: '1015668177', itemName: '삼다수', at: NOW }] });
    fireEvent.click(screen.getByRole('button', { name: /1015668177/ }));
    await screen.findByRole('region', { name: 'Inquiry 1015668177' });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(props.lookup).toHaveBeenLastCalledWith('1015668177', true, expect.objectContaining({ retry: false })));
  });

  it('shows the initial inquiry (the side panel remembers the last one) and offers the side panel from the popup', async () => {
    const onOpenSidePanel = vi.fn();
    renderPanel(found, { initialId: '258799946', onOpenSidePanel });
    await screen.findByRole('region', { name: 'Inquiry 258799946' });
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    expect(onOpenSidePanel).toHaveBeenCalledWith('258799946');
  });

  it('aborts the previous lookup when the query is replaced', async () => {
    const signals: AbortSignal[] = [];
    const lookup = vi.fn<Lookup>((_id, _refresh, options) => {
      signals.push(options!.signal!);
      return new Promise(() => {});
    });
    render(<LookupPanel t={createTranslator('en')} locale="en" lookup={lookup} recent={[]} now={() => NOW} onOpenOptions={() => {}} />);
    search('1111111');
    search('2222222');
    expect(signals.map((signal) => signal.aborted)).toEqual([true, false]);
  });

  it('while Coupang pauses lookups, counts down and asks again by itself when the pause is over', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    try {
      const start = Date.now();
      const results: Array<Result<LookupValue>> = [
        { ok: false, error: { kind: 'rate-limited', status: 429, resumesAt: start + 3_000 } },
        await found('258799946'),
      ];
      const props = renderPanel(async () => results.shift()!, { now: () => Date.now() });
      search('258799946');
      await vi.advanceTimersByTimeAsync(0);
      expect(screen.getByRole('timer').textContent).toBe('Coupang paused lookups for this store — resumes in 0:03');
      await vi.advanceTimersByTimeAsync(1_000);
      expect(screen.getByRole('timer').textContent).toContain('resumes in 0:02');
      expect(props.lookup).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(props.lookup).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(0);
      expect(screen.getByRole('region', { name: 'Inquiry 258799946' })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('held keys: says how to fix it, and Retry asks once more with retry set', async () => {
    const props = renderPanel(async () => ({ ok: false, error: { kind: 'not-authorized', status: 401, held: true } }));
    search('258799946');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(createTranslator('en')('error.not-authorized'));
    expect(alert.textContent).toContain(createTranslator('en')('economy.held'));
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(props.lookup).toHaveBeenLastCalledWith('258799946', false, expect.objectContaining({ retry: true })));
  });

  it('a cached answer shown while paused carries the countdown above the details', async () => {
    renderPanel(async (id) => ({ ok: true, value: { inquiry: { ...unansweredInquiry(), inquiryId: id }, fetchedAt: NOW - 600_000, fromCache: true, pausedUntil: NOW + 42_000 } }));
    search('258799946');
    await screen.findByRole('region', { name: 'Inquiry 258799946' });
    expect(screen.getByRole('timer').textContent).toBe('Coupang paused lookups for this store — resumes in 0:42');
  });
});

describe('answering in the popup and the side panel', () => {
  const answered = (id: string): Result<LookupValue> => ({
    ok: true,
    value: { inquiry: completeInquiry({ inquiryId: id }), fetchedAt: NOW, fromCache: false },
  });
  function service(overrides: Partial<AnswerService> = {}): AnswerService {
    return {
      getDraft: vi.fn(async () => ''),
      saveDraft: vi.fn(),
      discardDraft: vi.fn(),
      answer: vi.fn(async (id: string) => ({ ok: true as const, value: { after: answered(id).ok ? (answered(id) as { value: LookupValue }).value : undefined } })),
      confirm: vi.fn(),
      setWingUserId: vi.fn(),
      ...overrides,
    };
  }

  it('answers from the details view: Answer, Review, Send once; the inquiry then shows answered, no deadline', async () => {
    const answers = { service: service(), prefs: { wingUserId: 'seller01', savedAnswers: [] }, trusted: () => true };
    renderPanel(found, { answers });
    search('258799946');
    await screen.findByRole('region', { name: 'Inquiry 258799946' });
    expect(screen.getByRole('region', { name: 'Inquiry 258799946' }).textContent).toContain('left to answer');
    fireEvent.click(screen.getByRole('button', { name: 'Answer' }));
    const box = (await screen.findByRole('textbox', { name: 'Your answer' })) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'We will ship today.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review answer' }));
    const send = screen.getByRole('button', { name: 'Send to Coupang' });
    fireEvent.click(send);
    fireEvent.click(send);
    await screen.findByText('Answer sent. The inquiry is answered.');
    expect(answers.service.answer).toHaveBeenCalledTimes(1);
    expect(answers.service.answer).toHaveBeenCalledWith('258799946', 'We will ship today.', 'seller01', '21128942421017');
    expect(screen.getByRole('region', { name: 'Inquiry 258799946' }).textContent).not.toContain('left to answer');
  });

  it('reads the shown inquiry again on INQUIRY_CHANGED, in place; other IDs are ignored', async () => {
    let changed: ((id: string) => void) | undefined;
    const unsubscribe = vi.fn();
    let calls = 0;
    const props = renderPanel(async (id) => (++calls === 1 ? found(id) : answered(id)), {
      answers: { service: service(), prefs: { wingUserId: '', savedAnswers: [] }, trusted: () => true },
      onInquiryChanged: (listener) => {
        changed = listener;
        return unsubscribe;
      },
    });
    search('258799946');
    await screen.findByRole('button', { name: 'Answer' });
    changed?.('1');
    expect(props.lookup).toHaveBeenCalledTimes(1);
    changed?.('258799946');
    expect(props.lookup).toHaveBeenCalledTimes(2);
    await screen.findByText('Already answered: no answer is needed.');
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull();
    cleanup();
    // Preact 11 runs an unmounted component's effect cleanups after the next paint.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(unsubscribe).toHaveBeenCalled();
  });
});
