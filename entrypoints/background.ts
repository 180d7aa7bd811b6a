import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createClientProvider } from '@/utils/background/client-provider';
import { CONTEXT_MENU_ID, handleContextMenuClick } from '@/utils/background/context-menu';
import { createRouter, type MessageSender } from '@/utils/background/router';
import { createCredentialsStore } from '@/utils/credentials-store';
import { createTranslator, pickLocale } from '@/utils/i18n/translate';
import { createLookupService } from '@/utils/lookup/lookup-service';
import { openPanel } from '@/utils/open-panel';
import { inquiryCacheItem, sidePanelInquiryItem } from '@/utils/storage';

export default defineBackground(() => {
  const now = () => Date.now();
  const subtle = globalThis.crypto.subtle;
  const credentials = createCredentialsStore(indexedDB);
  const clients = createClientProvider(credentials, { fetch: (input, init) => fetch(input, init), subtle, now });
  const lookups = createLookupService({
    source: async () => {
      const client = await clients.get();
      return client.ok ? { ok: true, value: { getInquiry: (id: string) => client.value.getInquiry(id) } } : client;
    },
    cache: { get: () => inquiryCacheItem.getValue(), set: (value) => inquiryCacheItem.setValue(value) },
    now,
  });
  const router = createRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    credentials,
    subtle,
    now,
    clients,
    lookups,
    openSidePanel: (id, sender) => openSidePanel(sender.tab?.id, id),
    openOptions: () => browser.runtime.openOptionsPage(),
  });

  // Every listener is registered synchronously, before any await, so a restarted worker gets the waking event.
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender, sendResponse: (response: unknown) => void) => {
    void router.dispatch(message, sender).then(sendResponse);
    return true;
  });

  browser.runtime.onInstalled.addListener(async () => {
    const t = createTranslator(pickLocale(browser.i18n.getUILanguage()));
    // An update keeps the old item: recreate it rather than fail on a duplicate ID.
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: CONTEXT_MENU_ID, title: t('menu.lookupSelection'), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handleContextMenuClick(info, tab?.id, {
      showInSidePanel: (id, tabId) => openSidePanel(tabId, id),
      showSearch: (tabId) => openSidePanel(tabId),
    });
  });
});

/**
 * The side panel (Firefox: the sidebar) opens only inside a user gesture, which an await would lose:
 * open first, then name the inquiry (the panel also reads it when it loads). When it cannot open (no
 * tab, or a hover card's message on Firefox, which carries no gesture) the inquiry is still remembered
 * for the next time the seller opens the panel.
 */
async function openSidePanel(tabId: number | undefined, id?: string): Promise<void> {
  const opening = tabId !== undefined ? openPanel(browser, { tabId }) : undefined;
  if (id) await sidePanelInquiryItem.setValue(id);
  await opening;
}
