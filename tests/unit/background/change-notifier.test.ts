import { describe, expect, it } from 'vitest';
import { createChangeNotifier } from '@/utils/background/change-notifier';
import type { InquiryChangedMessage } from '@/utils/messaging';

describe('change notifier (INQUIRY_CHANGED)', () => {
  it('tells the pages and every watched Wing tab, with the inquiry ID only; a tab that cannot hear is dropped', async () => {
    const pages: InquiryChangedMessage[] = [];
    const tabs: Array<[number, InquiryChangedMessage]> = [];
    const notifier = createChangeNotifier({
      toPages: async (message) => void pages.push(message),
      toTab: async (tabId, message) => {
        if (tabId === 9) throw new Error('Could not establish connection. Receiving end does not exist.');
        tabs.push([tabId, message]);
      },
    });
    notifier.watch(3);
    notifier.watch(9);
    notifier.watch(3);
    notifier.changed('1015668190');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pages).toEqual([{ type: 'cs-lens:inquiry-changed', id: '1015668190' }]);
    expect(tabs).toEqual([[3, { type: 'cs-lens:inquiry-changed', id: '1015668190' }]]);
    expect(notifier.watched()).toEqual([3]);
    notifier.forget(3);
    expect(notifier.watched()).toEqual([]);
  });

  it('no page open is not a failure', async () => {
    const notifier = createChangeNotifier({ toPages: async () => Promise.reject(new Error('no receiver')), toTab: async () => undefined });
    expect(() => notifier.changed('1')).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
