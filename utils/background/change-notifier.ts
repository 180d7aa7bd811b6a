import { INQUIRY_CHANGED, type InquiryChangedMessage } from '../messaging';

/**
 * Tells every open surface that an inquiry changed through this extension (an answer or confirm went out):
 * extension pages through runtime.sendMessage, and the Wing tabs whose content scripts have asked the background
 * something through tabs.sendMessage. The message names the inquiry only; each surface looks it up again and gets
 * its own view (a content script only the card's). docs/answering.md#sending.
 */
export interface ChangeNotifierDeps {
  toPages(message: InquiryChangedMessage): Promise<unknown>;
  toTab(tabId: number, message: InquiryChangedMessage): Promise<unknown>;
}

export function createChangeNotifier(deps: ChangeNotifierDeps) {
  const tabs = new Set<number>();
  return {
    /** A content script in this tab asked something: it hears about changes from now on. */
    watch(tabId: number): void {
      tabs.add(tabId);
    },
    /** The tab closed. */
    forget(tabId: number): void {
      tabs.delete(tabId);
    },
    changed(id: string): void {
      const message: InquiryChangedMessage = { type: INQUIRY_CHANGED, id };
      // No extension page open is normal: the send then rejects, and nobody needed telling.
      deps.toPages(message).catch(() => undefined);
      for (const tabId of tabs) {
        // The tab navigated away from Wing or its content script is gone: stop telling it.
        deps.toTab(tabId, message).catch(() => tabs.delete(tabId));
      }
    },
    /** The tabs told about changes (tests). */
    watched: (): number[] => [...tabs],
  };
}
