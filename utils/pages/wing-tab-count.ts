import type Browser from 'webextension-polyfill';
import { readWingTabs } from '../background/wing-tabs';
import { COUNT_REQUEST, readCountAnswer, type CountAnswer } from '../wing/count-message';

/** The popup's line about its tab: the content script's count, or a Wing tab whose script no longer answers. */
export type WingTabState = CountAnswer | { state: 'reload-tab' };

/**
 * Asks the active tab's Wing content script how many inquiry numbers it found. `tabs.sendMessage` needs no
 * permission (no tab URL is read): a tab without the script rejects it. Then, if a script of ours had started
 * in that tab (`wingTabs`, recorded by the background: utils/background/wing-tabs.ts), it is a Wing tab opened
 * before the extension was updated or reloaded, and the seller is told to reload it; otherwise nothing.
 */
export async function askActiveTabCount(
  tabs: Pick<Browser.Tabs.Static, 'query' | 'sendMessage'>,
  wingTabs: () => Promise<unknown> = async () => [],
): Promise<WingTabState | undefined> {
  const [tab] = await tabs.query({ active: true, currentWindow: true }).catch(() => []);
  if (tab?.id === undefined) return undefined;
  const noScript = Symbol('no script answered');
  const answer = await tabs.sendMessage(tab.id, { type: COUNT_REQUEST }).then(readCountAnswer, () => noScript);
  if (answer !== noScript) return answer as CountAnswer | undefined;
  // No script answered (the usual answer on any tab that is not Wing): had one of ours started there?
  const recorded = await wingTabs().then(readWingTabs, (): number[] => []);
  return recorded.includes(tab.id) ? { state: 'reload-tab' } : undefined;
}
