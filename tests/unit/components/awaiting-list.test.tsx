// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AwaitingList, TICK_MS, type AwaitingListView } from '@/components/awaiting-list';
import { LookupPanel } from '@/components/lookup-panel';
import type { Result } from '@/utils/coupang/error-kinds';
import { createTranslator } from '@/utils/i18n/translate';
import { lookupValueOf } from '@/utils/inbox/awaiting-view';
import type { AwaitingItem } from '@/utils/inbox/inbox';
import type { LookupValue } from '@/utils/messaging';
import { HOUR, MINUTE, NOW, unansweredInquiry } from './inquiries';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const t = createTranslator('en');

function item(id: string, dueIn: number | undefined, need: AwaitingItem['need'] = 'answer', itemName = `Item ${id}`): AwaitingItem {
  return { inquiry: unansweredInquiry({ inquiryId: id, itemName }), need, dueAt: dueIn === undefined ? undefined : NOW + dueIn };
}

function view(items: AwaitingItem[], extra: Partial<AwaitingListView> = {}): AwaitingListView {
  return { items, updatedAt: NOW - 2 * MINUTE, refreshing: false, ...extra };
}

function renderList(v: AwaitingListView | undefined, extra: Partial<Parameters<typeof AwaitingList>[0]> = {}) {
  const props = { t, locale: 'en' as const, view: v, now: () => NOW, onSelect: vi.fn(), onRefresh: vi.fn(), ...extra };
  render(<AwaitingList {...props} />);
  return props;
}

const rows = () => screen.getAllByRole('button').filter((button) => button.classList.contains('csl-inbox-row'));
const rowIds = () => rows().map((row) => row.dataset.inquiryId);

describe('"Awaiting you" list', () => {
  it('lists every inquiry, soonest deadline first, unknown deadlines last, whatever order it is given', () => {
    renderList(
      view([
        item('300', 20 * HOUR),
        item('100', undefined),
        item('200', -30 * MINUTE),
        item('400', 2 * HOUR, 'confirm'),
        item('150', 20 * HOUR),
      ]),
    );
    expect(rowIds()).toEqual(['200', '400', '150', '300', '100']);
    expect(screen.getByRole('heading', { name: /Awaiting you/ }).textContent).toBe('Awaiting you5');
  });

  it('shows each row’s number, item, what is needed and the time left; overdue and unknown said as such', () => {
    renderList(view([item('258799946', 5 * HOUR + 12 * MINUTE, 'answer', '제주 삼다수'), item('11', -HOUR, 'confirm'), item('12', undefined)]));
    const [overdue, later, unknown] = rows();
    expect(overdue!.textContent).toBe('Overdue by 1 h Confirm 11 Item 11');
    expect(overdue!.className).toContain('csl-inbox-row--overdue');
    expect(later!.textContent).toBe('5 h 12 min left Answer 258799946 제주 삼다수');
    expect(later!.className).toContain('csl-inbox-row--later');
    expect(unknown!.textContent).toContain('Deadline unknown');
  });

  it('marks a deadline within 3 hours as urgent, as the badge does', () => {
    renderList(view([item('1', 3 * HOUR), item('2', 3 * HOUR + MINUTE)]));
    expect(rows().map((row) => row.className.match(/--(\w+)/)?.[1])).toEqual(['soon', 'later']);
  });

  it('ticks with one timer for the whole list, however long', () => {
    vi.useFakeTimers();
    let clock = NOW;
    const items = Array.from({ length: 40 }, (_, i) => item(String(1000 + i), (i + 1) * 10 * MINUTE + 30_000));
    renderList(view(items), { now: () => clock });
    expect(vi.getTimerCount()).toBe(1);
    expect(rows()[0]!.textContent).toMatch(/^10 min left/);
    expect(screen.getByText('Updated 2 minutes ago')).toBeTruthy();

    clock += 60_000;
    act(() => void vi.advanceTimersByTime(TICK_MS * 4));
    expect(rows()[0]!.textContent).toMatch(/^9 min left/);
    expect(rows()[1]!.textContent).toMatch(/^19 min left/);
    expect(screen.getByText('Updated 3 minutes ago')).toBeTruthy();

    clock += 10 * MINUTE;
    act(() => void vi.advanceTimersByTime(TICK_MS));
    expect(rows()[0]!.textContent).toMatch(/^Overdue by < 1 min|^Overdue by 1 min/);
    expect(rows()[0]!.className).toContain('--overdue');
    expect(vi.getTimerCount()).toBe(1);
  });

  it("counts deadlines on Coupang's clock when the background says this computer's is off", () => {
    const offset = 2 * HOUR; // this computer is two hours slow
    renderList(view([item('1', 5 * HOUR)], { clockOffsetMs: offset, updatedAt: NOW - offset }), { now: () => NOW - offset });
    expect(rows()[0]!.textContent).toMatch(/^5 h left/);
  });

  it('keeps the last good list with its age and the reason when Coupang paused the store', () => {
    renderList(
      view([item('1', HOUR)], {
        updatedAt: NOW - 12 * MINUTE,
        problem: { kind: 'rate-limited', status: 429, resumesAt: NOW + 90_000 },
      }),
    );
    expect(rowIds()).toEqual(['1']);
    expect(screen.getByText('Updated 12 minutes ago')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Not refreshed — showing the last list');
    expect(alert.textContent).toContain('Too many requests: Coupang is limiting this store.');
    expect(within(alert).getByRole('timer').textContent).toContain('resumes in 1:30');
  });

  it('says what to do when the keys are held, and offers Settings', () => {
    const props = renderList(view([], { updatedAt: undefined, problem: { kind: 'ip-not-allowed', status: 403, held: true } }), { onOpenOptions: vi.fn() });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The list could not be read');
    expect(alert.textContent).toContain('public IP address is not registered');
    expect(alert.textContent).toContain('Lookups with these keys are stopped');
    fireEvent.click(within(alert).getByRole('button', { name: 'Open settings' }));
    expect(props.onOpenOptions).toHaveBeenCalledOnce();
    expect(screen.queryByText('Nothing awaits you.')).toBeNull();
  });

  it('labels the sample list, says when automatic refresh is off, and when nothing waits', () => {
    renderList(view([item('1', HOUR)], { sample: true }));
    expect(screen.getByText('Sample list — nothing is sent to Coupang.')).toBeTruthy();
    cleanup();
    renderList(view([], { off: true }));
    expect(screen.getByText(/Automatic refresh is off/)).toBeTruthy();
    expect(screen.getByText('Nothing awaits you.')).toBeTruthy();
  });

  it('shows that it is reading before the first answer, and that it is refreshing', () => {
    renderList(undefined);
    expect(screen.getByText('Reading the list…')).toBeTruthy();
    cleanup();
    renderList(view([item('1', HOUR)], { refreshing: true }));
    expect(screen.getByRole('status').textContent).toBe('Refreshing…');
    expect(rowIds()).toEqual(['1']);
  });

  it('Refresh asks the page to refresh; a row is selected with the keyboard (arrows, Home, End, Enter)', () => {
    const props = renderList(view([item('1', HOUR), item('2', 2 * HOUR), item('3', 3 * HOUR)]));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(props.onRefresh).toHaveBeenCalledOnce();

    rows()[0]!.focus();
    fireEvent.keyDown(rows()[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows()[1]);
    fireEvent.keyDown(rows()[1]!, { key: 'End' });
    expect(document.activeElement).toBe(rows()[2]);
    fireEvent.keyDown(rows()[2]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows()[2]);
    fireEvent.keyDown(rows()[2]!, { key: 'Home' });
    expect(document.activeElement).toBe(rows()[0]);
    fireEvent.click(rows()[0]!); // what Enter and Space do on a button
    expect(props.onSelect).toHaveBeenCalledWith(expect.objectContaining({ inquiry: expect.objectContaining({ inquiryId: '1' }) }));
  });

  it('renders API text as text', () => {
    renderList(view([item('1', HOUR, 'answer', '<img src=x onerror=alert(1)>')]));
    expect(rows()[0]!.querySelector('img')).toBeNull();
    expect(rows()[0]!.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('selecting a listed inquiry in the lookup panel', () => {
  it('shows its details from what the list brought, with no lookup, and marks the row current', async () => {
    const lookup = vi.fn(async (): Promise<Result<LookupValue>> => ({ ok: false, error: { kind: 'network' } }));
    const onLookedUp = vi.fn();
    const state = view([item('258799946', 5 * HOUR), item('1015668177', 9 * HOUR, 'confirm')], { updatedAt: NOW - 3 * MINUTE });
    render(
      <LookupPanel
        t={t}
        locale="en"
        lookup={lookup}
        recent={[]}
        now={() => NOW}
        onLookedUp={onLookedUp}
        onOpenOptions={vi.fn()}
        awaiting={(present, shownId) => (
          <AwaitingList
            t={t}
            locale="en"
            view={state}
            now={() => NOW}
            selectedId={shownId}
            onSelect={(chosen) => present(chosen.inquiry.inquiryId, lookupValueOf(chosen, state, NOW))}
            onRefresh={vi.fn()}
          />
        )}
      />,
    );
    fireEvent.click(rows()[1]!);
    const region = await screen.findByRole('region', { name: 'Inquiry 1015668177' });
    expect(region.textContent).toContain('Fetched 3 minutes ago');
    expect(lookup).not.toHaveBeenCalled();
    expect(onLookedUp).toHaveBeenCalledWith('1015668177', expect.objectContaining({ fromCache: true, fetchedAt: NOW - 3 * MINUTE }));
    expect(rows()[1]!.getAttribute('aria-current')).toBe('true');
    expect(rows()[0]!.getAttribute('aria-current')).toBeNull();
    // The search box stays where it was, below the list.
    const search = screen.getByRole('searchbox');
    expect(rows()[0]!.compareDocumentPosition(search) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('a lookup still on its way does not replace the inquiry the seller then chose from the list', async () => {
    let release!: (result: Result<LookupValue>) => void;
    const lookup = vi.fn(() => new Promise<Result<LookupValue>>((resolve) => (release = resolve)));
    const state = view([item('258799946', 5 * HOUR)]);
    render(
      <LookupPanel
        t={t}
        locale="en"
        lookup={lookup}
        recent={[]}
        now={() => NOW}
        onOpenOptions={vi.fn()}
        awaiting={(present, shownId) => (
          <AwaitingList t={t} locale="en" view={state} now={() => NOW} selectedId={shownId} onSelect={(chosen) => present(chosen.inquiry.inquiryId, lookupValueOf(chosen, state, NOW))} onRefresh={vi.fn()} />
        )}
      />,
    );
    const box = screen.getByRole('searchbox');
    fireEvent.input(box, { target: { value: '1015668177' } });
    fireEvent.submit(box.closest('form')!);
    fireEvent.click(rows()[0]!);
    await screen.findByRole('region', { name: 'Inquiry 258799946' });
    release({ ok: true, value: { inquiry: unansweredInquiry({ inquiryId: '1015668177' }), fetchedAt: NOW, fromCache: false } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('region', { name: 'Inquiry 1015668177' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Inquiry 258799946' })).toBeTruthy();
  });
});
