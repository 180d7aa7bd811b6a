import type Browser from 'webextension-polyfill';
import { COUNT_REQUEST, readCountAnswer, type CountAnswer } from '../wing/count-message';

/**
 * Asks the active tab's Wing content script how many inquiry numbers it found. `tabs.sendMessage` needs no
 * permission (no tab URL is read): a tab without the script (not Wing, or the extension reloaded since the
 * page was opened) rejects it, and the popup then says nothing.
 */
export async function askActiveTabCount(tabs: Pick<Browser.Tabs.Static, 'query' | 'sendMessage'>): Promise<CountAnswer | undefined> {
  try {
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return undefined;
    return readCountAnswer(await tabs.sendMessage(tab.id, { type: COUNT_REQUEST }));
  } catch {
    // Expected on every tab without the script: nothing to count, nothing to log.
    return undefined;
  }
}
