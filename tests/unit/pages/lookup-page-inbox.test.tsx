// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AwaitingItem } from '@/utils/inbox/inbox';
import { INBOX_CHANGED, type InboxView } from '@/utils/messaging';
import { mountLookupPage } from '@/utils/pages/lookup-page';
import { HOUR, MINUTE, unansweredInquiry } from '../components/inquiries';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const NOW = Date.now();

function item(id: string, dueIn: number, need: AwaitingItem['need'] = 'answer'): AwaitingItem {
  return { inquiry: unansweredInquiry({ inquiryId: id, itemName: `Item ${id}` }), need, dueAt: NOW + dueIn };
}

/** The popup and side panel against a fake background that counts every message and every lookup port. */
describe('"Awaiting you" on the popup and side panel', () => {
  let sent: { type: string; refresh?: string }[];
  let ports: number;
  let inbox: InboxView;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    sent = [];
    ports = 0;
    inbox = { items: [item('300', 9 * HOUR), item('100', 2 * HOUR), item('200', 5 * HOUR, 'confirm')], updatedAt: NOW - 2 * MINUTE, refreshing: false };
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      const request = message as { type: string; refresh?: string };
      sent.push(request);
      if (request.type === 'get-status') return { ok: true, value: { hasSecret: true, accessKey: 'ak', vendorId: 'A00012345' } };
      if (request.type === 'get-inbox') return { ok: true, value: inbox };
      return undefined;
    });
    // A lookup opens a port (utils/extension-api.ts): none may open when a listed inquiry is selected.
    (fakeBrowser.runtime as { connect?: unknown }).connect = () => {
      ports += 1;
      throw new Error('no lookups in this test');
    };
    document.body.innerHTML = '<main id="root"></main>';
  });
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  const rowIds = () => [...document.querySelectorAll<HTMLElement>('.csl-inbox-row')].map((row) => row.dataset.inquiryId);
  const inboxAsks = () => sent.filter((request) => request.type === 'get-inbox');

  it.each(['popup', 'sidepanel'] as const)('%s: on open asks for the list with refresh "opened" and lists it, soonest first', async (where) => {
    await mountLookupPage(document.getElementById('root') as HTMLElement, where);
    await settle();
    expect(inboxAsks()[0]).toEqual({ type: 'get-inbox', refresh: 'opened' });
    expect(rowIds()).toEqual(['100', '200', '300']);
    expect(document.body.textContent).toContain('Updated 2 minutes ago');
  });

  it('selecting a listed inquiry shows its details with no further message and no lookup', async () => {
    await mountLookupPage(document.getElementById('root') as HTMLElement, 'popup');
    await settle();
    const before = sent.length;
    fireEvent.click(document.querySelector('[data-inquiry-id="200"]')!);
    await screen.findByRole('region', { name: 'Inquiry 200' });
    await settle();
    expect(sent.slice(before)).toEqual([]);
    expect(ports).toBe(0);
  });

  it('Refresh asks with refresh "button"; a broadcast change is read again (without asking for a refresh)', async () => {
    await mountLookupPage(document.getElementById('root') as HTMLElement, 'popup');
    await settle();
    const asked = inboxAsks().length;
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await settle();
    expect(inboxAsks().slice(asked)).toEqual([{ type: 'get-inbox', refresh: 'button' }]);

    inbox = { ...inbox, items: inbox.items.filter((entry) => entry.inquiry.inquiryId !== '100'), updatedAt: NOW };
    await fakeBrowser.runtime.onMessage.trigger({ type: INBOX_CHANGED }, {}, () => undefined);
    await settle();
    expect(inboxAsks().at(-1)).toEqual({ type: 'get-inbox' });
    expect(rowIds()).toEqual(['200', '300']);
    expect(document.body.textContent).toContain('Updated just now');
  });

  it('when the background cannot be reached, keeps the list it showed and says why', async () => {
    await mountLookupPage(document.getElementById('root') as HTMLElement, 'popup');
    await settle();
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation(async () => {
      throw new Error('Could not establish connection');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await settle();
    expect(rowIds()).toEqual(['100', '200', '300']);
    expect(screen.getByRole('alert').textContent).toContain('The extension stopped responding');
  });

  it('without keys the first-run line speaks alone: no empty list beside it', async () => {
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation(async (message: unknown) => {
      const request = message as { type: string };
      if (request.type === 'get-status') return { ok: true, value: { hasSecret: false, accessKey: '', vendorId: '' } };
      if (request.type === 'get-inbox') return { ok: true, value: { items: [], refreshing: false, problem: { kind: 'no-credentials' } } };
      return undefined;
    });
    await mountLookupPage(document.getElementById('root') as HTMLElement, 'popup');
    await settle();
    expect(document.body.textContent).toContain('Lookups need your Coupang Open API keys.');
    expect(document.querySelector('.csl-inbox')).toBeNull();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
