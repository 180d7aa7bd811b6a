import { describe, expect, it, vi } from 'vitest';
import { askActiveTabCount } from '@/utils/pages/wing-tab-count';
import { COUNT_REQUEST } from '@/utils/wing/count-message';

type Tabs = Parameters<typeof askActiveTabCount>[0];
const tabs = (sendMessage: Tabs['sendMessage'], found = [{ id: 7 }]): Tabs => ({
  query: vi.fn(async () => found) as unknown as Tabs['query'],
  sendMessage,
});

describe('the popup asks its tab', () => {
  it('asks the active tab of its window and reads the answer', async () => {
    const sendMessage = vi.fn(async () => ({ state: 'counted', count: 3, complete: true }));
    const api = tabs(sendMessage as unknown as Tabs['sendMessage']);
    expect(await askActiveTabCount(api)).toEqual({ state: 'counted', count: 3, complete: true });
    expect(api.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(sendMessage).toHaveBeenCalledWith(7, { type: COUNT_REQUEST });
  });

  it('no content script there (not Wing), no tab, or a strange answer: nothing, and no error', async () => {
    const refused = vi.fn(async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    expect(await askActiveTabCount(tabs(refused as unknown as Tabs['sendMessage']))).toBeUndefined();
    const odd = vi.fn(async () => ({ count: 'many' }));
    expect(await askActiveTabCount(tabs(odd as unknown as Tabs['sendMessage']))).toBeUndefined();
    const never = vi.fn();
    expect(await askActiveTabCount(tabs(never as unknown as Tabs['sendMessage'], []))).toBeUndefined();
    expect(never).not.toHaveBeenCalled();
  });
});

describe('a Wing tab whose script no longer answers (the extension was updated or reloaded since: issue 16 item 14)', () => {
  const refused = vi.fn(async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));

  it('a tab where a script of ours had started: the popup says to reload it', async () => {
    expect(await askActiveTabCount(tabs(refused as unknown as Tabs['sendMessage']), async () => [3, 7])).toEqual({ state: 'reload-tab' });
  });

  it('any other tab, or an unreadable record: nothing, as before', async () => {
    expect(await askActiveTabCount(tabs(refused as unknown as Tabs['sendMessage']), async () => [3])).toBeUndefined();
    expect(await askActiveTabCount(tabs(refused as unknown as Tabs['sendMessage']), async () => 'junk')).toBeUndefined();
    expect(await askActiveTabCount(tabs(refused as unknown as Tabs['sendMessage']), async () => Promise.reject(new Error('storage')))).toBeUndefined();
  });

  it('a script that answers is believed, recorded or not', async () => {
    const answers = vi.fn(async () => ({ state: 'cards-off' }));
    expect(await askActiveTabCount(tabs(answers as unknown as Tabs['sendMessage']), async () => [7])).toEqual({ state: 'cards-off' });
  });
});
