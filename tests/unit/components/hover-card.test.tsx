// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COPY_NOTE_MS, HoverCard, type HoverCardProps, type HoverCardState } from '../../../components/hover-card';
import type { Inquiry } from '../../../utils/coupang/inquiry';
import { createTranslator, type Locale } from '../../../utils/i18n/translate';
import { counsellorNote, HOUR, MINUTE, NOW, REQUEST_AT, unansweredInquiry } from './inquiries';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const ID = '258799946';

function handlers() {
  return {
    onCopyId: vi.fn<HoverCardProps['onCopyId']>(),
    onCopySummary: vi.fn<HoverCardProps['onCopySummary']>(),
    onOpenSidePanel: vi.fn(),
    onRefresh: vi.fn(),
    onTogglePin: vi.fn(),
    onDisableCards: vi.fn(),
    onClose: vi.fn(),
    onOpenOptions: vi.fn(),
  };
}

function shown(inquiry: Inquiry = unansweredInquiry(), fetchedAt = NOW - 3 * MINUTE): HoverCardState {
  return { phase: 'shown', value: { inquiry, fetchedAt, fromCache: true } };
}

function show(state: HoverCardState, options: Partial<Omit<HoverCardProps, 't'>> & { locale?: Locale } = {}) {
  const locale = options.locale ?? 'en';
  const on = handlers();
  const props: HoverCardProps = {
    id: ID,
    state,
    t: createTranslator(locale),
    now: NOW,
    timeZone: 'Asia/Seoul',
    pinned: false,
    ...on,
    ...options,
    locale,
  };
  const result = render(<HoverCard {...props} />);
  const dialog = screen.getByRole('dialog');
  return { ...result, dialog, on, rerenderWith: (next: Partial<HoverCardProps>) => result.rerender(<HoverCard {...props} {...next} />) };
}

const text = (element: Element) => element.textContent ?? '';
const button = (dialog: HTMLElement, name: string | RegExp) => within(dialog).getByRole('button', { name });

/** True when `first` comes before `second` in document order. */
function precedes(first: Node, second: Node): boolean {
  return (first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

describe('HoverCard: the dialog', () => {
  it('is a non-modal dialog named after the inquiry, able to take focus', () => {
    const { dialog } = show({ phase: 'loading' });
    expect(screen.getByRole('dialog', { name: `Inquiry ${ID}` })).toBe(dialog);
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(dialog.getAttribute('tabindex')).toBe('-1');
    dialog.focus();
    expect(document.activeElement).toBe(dialog);
  });

  it('names the inquiry in Korean too', () => {
    show({ phase: 'loading' }, { locale: 'ko' });
    expect(screen.getByRole('dialog').getAttribute('aria-label')).toContain(ID);
    expect(screen.getByRole('button', { name: '닫기' })).toBeTruthy();
  });

  it('without a placement it flows in its host; with one it is moved to the given point by a transform, still in flow', () => {
    const { dialog, rerenderWith } = show({ phase: 'loading' });
    expect(dialog.style.transform).toBe('');
    rerenderWith({ placement: { top: 120, left: 40, side: 'above', maxHeight: 300, maxWidth: 380 } });
    // Out of flow, inserting or changing the card made Chromium lay out the whole page (issue 19).
    expect(dialog.style.position).toBe('');
    expect(dialog.style.transform).toBe('translate(40px, 120px)');
    expect(dialog.dataset.side).toBe('above');
  });
});

describe('HoverCard: loading', () => {
  it('shows a loading status at once, and only the actions that need no data', () => {
    const { dialog } = show({ phase: 'loading' });
    const status = within(dialog).getByText(`Loading inquiry ${ID}…`);
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(dialog.getAttribute('aria-busy')).toBe('true');
    expect(button(dialog, 'Copy ID')).toBeTruthy();
    expect(button(dialog, 'Open in side panel')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Copy summary' })).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Refresh' })).toBeNull();
  });
});

describe('HoverCard: failed', () => {
  it("shows the kind's message and a Retry button, and no spinner", () => {
    const { dialog, on } = show({ phase: 'failed', error: { kind: 'rate-limited', status: 429 } });
    const alert = within(dialog).getByRole('alert');
    expect(text(alert)).toContain('Too many requests');
    expect(text(alert)).toContain('HTTP 429');
    expect(within(dialog).queryByText(/Loading inquiry/)).toBeNull();
    expect(dialog.getAttribute('aria-busy')).toBeNull();
    fireEvent.click(button(dialog, 'Retry'));
    expect(on.onRefresh).toHaveBeenCalledTimes(1);
  });

  it('offers Settings in the message for errors fixed there', () => {
    const { dialog, on } = show({ phase: 'failed', error: { kind: 'no-credentials' } });
    fireEvent.click(within(within(dialog).getByRole('alert')).getByRole('button', { name: 'Open settings' }));
    expect(on.onOpenOptions).toHaveBeenCalledTimes(1);
  });
});

describe('HoverCard: shown', () => {
  it('puts the deadline first, then status in words, the item, the latest note and the inquiry text', () => {
    const { dialog } = show(shown());
    const deadline = within(dialog).getByText('5 h 12 min left to answer');
    const status = within(dialog).getByText('In progress');
    const item = within(dialog).getByText('제주 삼다수, 2L, 6개');
    const note = within(dialog).getByText('Latest counsellor note');
    const content = within(dialog).getByText(/주소 오기재로 환불 요청/);
    expect(precedes(deadline, status)).toBe(true);
    expect(precedes(status, item)).toBe(true);
    expect(precedes(item, note)).toBe(true);
    expect(precedes(note, content)).toBe(true);
  });

  it('says "Overdue by …" once the 24 hours have passed', () => {
    const { dialog } = show(shown(), { now: REQUEST_AT + 26 * HOUR });
    expect(within(dialog).getByText('Overdue by 2 h')).toBeTruthy();
  });

  it('keeps replies collapsed and the buyer phone masked', () => {
    const { dialog } = show(shown(unansweredInquiry({ replies: [counsellorNote(), counsellorNote({ answerId: '2', replyAt: REQUEST_AT - HOUR })] })));
    expect(within(dialog).getByRole('button', { name: 'Replies (2)' }).getAttribute('aria-expanded')).toBe('false');
    expect(within(dialog).queryAllByRole('listitem')).toHaveLength(0);
    expect(text(dialog)).not.toContain('010-9876-5432');
    expect(text(dialog)).not.toContain('010-1234-5678');
  });

  it('shows how old the data is next to Refresh', () => {
    const { dialog, rerenderWith } = show(shown(undefined, NOW - 3 * MINUTE));
    const refresh = button(dialog, 'Refresh');
    expect(text(refresh.parentElement!)).toContain('Fetched 3 minutes ago');
    expect(refresh.getAttribute('aria-describedby')).toBeTruthy();
    expect(text(dialog.querySelector(`[id="${refresh.getAttribute('aria-describedby')}"]`)!)).toBe('Fetched 3 minutes ago');
    rerenderWith({ state: shown(undefined, NOW - 10_000) });
    expect(text(button(dialog, 'Refresh').parentElement!)).toContain('Fetched just now');
  });

  it('names the inquiry in its title bar', () => {
    const { dialog } = show(shown());
    expect(within(dialog).getByText(`Inquiry ${ID}`)).toBeTruthy();
  });

  it('renders markup in API text as text and creates no elements from it', () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b><script>window.__pwned=2</script>';
    const inquiry = unansweredInquiry({
      itemName: `<a href="javascript:alert(1)">item</a>${hostile}`,
      content: hostile,
      replies: [counsellorNote({ content: hostile, receptionistName: '<i>agent</i>' })],
    });
    const { dialog } = show(shown(inquiry), {
      vendorMismatch: { pageVendor: '<u>A1</u>' },
    });
    expect(dialog.querySelector('img, b, script, a, i, u')).toBeNull();
    expect(text(dialog)).toContain('<a href="javascript:alert(1)">item</a><img src=x');
    expect(text(dialog)).toContain('<i>agent</i>');
    expect(text(dialog)).toContain('<u>A1</u>');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('HoverCard: actions', () => {
  it('each button calls its handler', () => {
    const { dialog, on } = show(shown());
    const clicks: [string, () => unknown][] = [
      ['Open in side panel', () => on.onOpenSidePanel],
      ['Refresh', () => on.onRefresh],
      ['Pin', () => on.onTogglePin],
      ['Close', () => on.onClose],
      ['Turn off cards on Wing', () => on.onDisableCards],
      ['Settings', () => on.onOpenOptions],
    ];
    for (const [name, handler] of clicks) {
      fireEvent.click(button(dialog, name));
      expect(handler(), name).toHaveBeenCalledTimes(1);
    }
  });

  it('copy handlers receive nothing: the caller builds the text', async () => {
    const { dialog, on } = show(shown());
    await act(async () => {
      fireEvent.click(button(dialog, 'Copy ID'));
      fireEvent.click(button(dialog, 'Copy summary'));
    });
    expect(on.onCopyId).toHaveBeenCalledWith();
    expect(on.onCopySummary).toHaveBeenCalledWith();
  });

  it('Pin is a toggle button that reports its state', () => {
    const { dialog, rerenderWith } = show(shown());
    expect(button(dialog, 'Pin').getAttribute('aria-pressed')).toBe('false');
    rerenderWith({ pinned: true });
    expect(button(dialog, 'Pin').getAttribute('aria-pressed')).toBe('true');
  });

  it('confirms a copy briefly in a status message', async () => {
    vi.useFakeTimers();
    const { dialog } = show(shown());
    await act(async () => {
      fireEvent.click(button(dialog, 'Copy ID'));
    });
    const note = within(dialog).getByText('Inquiry number copied');
    expect(note.getAttribute('role')).toBe('status');

    await act(async () => {
      fireEvent.click(button(dialog, 'Copy summary'));
    });
    expect(text(note)).toBe('Summary copied');

    act(() => {
      vi.advanceTimersByTime(COPY_NOTE_MS - 1);
    });
    expect(text(note)).toBe('Summary copied');
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(text(note)).toBe('');
  });

  it('says so when the copy failed, whether the handler answers false or throws', async () => {
    const { dialog, on } = show(shown());
    on.onCopyId.mockResolvedValueOnce(false);
    await act(async () => {
      fireEvent.click(button(dialog, 'Copy ID'));
    });
    expect(within(dialog).getByText(/Could not copy/)).toBeTruthy();

    on.onCopySummary.mockRejectedValueOnce(new Error('denied'));
    await act(async () => {
      fireEvent.click(button(dialog, 'Copy ID'));
    });
    expect(within(dialog).getByText('Inquiry number copied')).toBeTruthy();
    await act(async () => {
      fireEvent.click(button(dialog, 'Copy summary'));
    });
    expect(within(dialog).getByText(/Could not copy/)).toBeTruthy();
  });

  it('drops the copy note when the card switches to another inquiry', async () => {
    const { dialog, rerenderWith } = show(shown());
    await act(async () => {
      fireEvent.click(button(dialog, 'Copy ID'));
    });
    expect(within(dialog).queryByText('Inquiry number copied')).not.toBeNull();
    rerenderWith({ id: '1015668177', state: { phase: 'loading' } });
    expect(within(dialog).queryByText('Inquiry number copied')).toBeNull();
  });
});

describe('HoverCard: vendor mismatch', () => {
  it('warns that the saved key belongs to another store, naming the page’s code (the saved one never reaches the page)', () => {
    const { dialog } = show(shown(), { vendorMismatch: { pageVendor: 'A00099999' } });
    const warning = within(dialog).getByText(/belongs to another store/);
    expect(text(warning)).toContain('A00099999');
    expect(text(warning)).not.toMatch(/\{\w+\}/);
  });

  it('warns in every phase, before the content', () => {
    const { dialog } = show({ phase: 'loading' }, { vendorMismatch: { pageVendor: 'A00099999' } });
    const warning = within(dialog).getByText(/belongs to another store/);
    expect(precedes(warning, within(dialog).getByText(/Loading inquiry/))).toBe(true);
  });

  it('says nothing when the codes match (no prop)', () => {
    const { dialog } = show(shown());
    expect(within(dialog).queryByText(/another store/)).toBeNull();
  });
});
