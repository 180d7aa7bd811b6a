// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LookupPanel } from '@/components/lookup-panel';
import type { Result } from '@/utils/coupang/error-kinds';
import { createTranslator } from '@/utils/i18n/translate';
import type { LookupValue } from '@/utils/messaging';
import { NOW, unansweredInquiry } from './inquiries';

afterEach(cleanup);

type Lookup = (id: string, refresh: boolean) => Promise<Result<LookupValue>>;

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
    expect(props.lookup).toHaveBeenCalledWith('258799946', false);
    expect(props.onLookedUp).toHaveBeenCalledOnce();
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
    await waitFor(() => expect(props.lookup).toHaveBeenLastCalledWith('1015668177', true));
  });

  it('shows the initial inquiry (the side panel remembers the last one) and offers the side panel from the popup', async () => {
    const onOpenSidePanel = vi.fn();
    renderPanel(found, { initialId: '258799946', onOpenSidePanel });
    await screen.findByRole('region', { name: 'Inquiry 258799946' });
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    expect(onOpenSidePanel).toHaveBeenCalledWith('258799946');
  });
});
