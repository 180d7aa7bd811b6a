import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createDraftStore } from '@/utils/answer/drafts';
import { createSampleWrites } from '@/utils/answer/sample-writes';
import { createWriteService } from '@/utils/answer/write-service';
import { createChangeNotifier } from '@/utils/background/change-notifier';
import { isSampleId } from '@/utils/samples/sample-inquiries';
import { createClientProvider } from '@/utils/background/client-provider';
import { CONTEXT_MENU_ID, handleContextMenuClick } from '@/utils/background/context-menu';
import { createRouter, type MessageSender } from '@/utils/background/router';
import { withSamplesAndKeyAge } from '@/utils/background/sample-and-key-lookups';
import { watchedValue } from '@/utils/background/watched-value';
import { createCredentialsStore } from '@/utils/credentials-store';
import { createTranslator, pickLocale } from '@/utils/i18n/translate';
import { createLookupService } from '@/utils/lookup/lookup-service';
import { openPanel } from '@/utils/open-panel';
import { createRequestEconomy } from '@/utils/lookup/request-economy';
import { LOOKUP_PORT } from '@/utils/messaging';
import {
  answerDraftsItem,
  sampleWritesItem,
  clockOffsetItem,
  inquiryCacheItem,
  readSettings,
  requestEconomyItem,
  sampleModeItem,
  settingsItem,
  sidePanelInquiryItem,
} from '@/utils/storage';

export default defineBackground(() => {
  const now = () => Date.now();
  const subtle = globalThis.crypto.subtle;
  const credentials = createCredentialsStore(indexedDB);
  const clients = createClientProvider(credentials, {
    fetch: (input, init) => fetch(input, init),
    subtle,
    now,
    offsets: { get: () => clockOffsetItem.getValue(), set: (offsetMs) => clockOffsetItem.setValue(offsetMs) },
  });
  const economy = createRequestEconomy({
    store: { get: () => requestEconomyItem.getValue(), set: (state) => requestEconomyItem.setValue(state) },
    now,
  });
  const applyRate = () => void readSettings().then((settings) => economy.setRate(settings.requestsPerSecond));
  applyRate();
  const realLookups = createLookupService({
    source: () => clients.get(),
    cache: { get: () => inquiryCacheItem.getValue(), set: (value) => inquiryCacheItem.setValue(value) },
    economy,
    now,
  });
  // Asked on every lookup and write: kept in memory, following its storage watch.
  const sampleMode = watchedValue(
    () => sampleModeItem.getValue(),
    (onChange) => sampleModeItem.watch((value) => onChange(value ?? false)),
  );
  const sampleWrites = createSampleWrites({ getValue: () => sampleWritesItem.getValue(), setValue: (value) => sampleWritesItem.setValue(value) }, now);
  const lookups = withSamplesAndKeyAge(realLookups, {
    // The credentials store keeps its record until its own next save (utils/credentials-store.ts).
    sampleMode,
    sampleWrites,
    keyIssuedAt: async () => (await credentials.load())?.keyIssuedAt,
    clockOffsetMs: () => clients.clockOffsetMs(),
    now,
  });
  const drafts = createDraftStore({ getValue: () => answerDraftsItem.getValue(), setValue: (value) => answerDraftsItem.setValue(value) }, now);
  // Extension pages and the Wing tabs whose content scripts asked something hear when an inquiry changed (its ID only).
  const notifier = createChangeNotifier({
    toPages: (message) => browser.runtime.sendMessage(message),
    toTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  });
  browser.tabs.onRemoved.addListener((tabId) => notifier.forget(tabId));
  const writes = createWriteService({
    client: () => clients.get(),
    lookups,
    economy,
    sampleMode,
    isSampleId,
    samples: sampleWrites,
    discardDraft: (id) => drafts.discard(id),
    changed: (id) => notifier.changed(id),
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
    economy,
    openSidePanel: (id, sender) => openSidePanel(sender.tab?.id, id),
    openOptions: () => browser.runtime.openOptionsPage(),
    drafts,
    writes,
    watchTab: (tabId) => notifier.watch(tabId),
  });

  // Every listener is registered synchronously, before any await, so a restarted worker gets the waking event.
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender, sendResponse: (response: unknown) => void) => {
    void router.dispatch(message, sender).then(sendResponse);
    return true;
  });
  // One port per lookup: its disconnect (aborted asker, closed popup or tab) means nobody waits any more.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LOOKUP_PORT) return;
    const gone = new AbortController();
    port.onDisconnect.addListener(() => gone.abort());
    port.onMessage.addListener((message: unknown) => {
      void router.dispatch(message, port.sender ?? {}, gone.signal).then((response) => {
        if (!gone.signal.aborted && response !== undefined) port.postMessage(response);
      });
    });
  });
  settingsItem.watch(applyRate);

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
