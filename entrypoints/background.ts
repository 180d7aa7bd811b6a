import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
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
import { createInboxService } from '@/utils/inbox/inbox-service';
import { wireInbox } from '@/utils/inbox/inbox-wiring';
import type { Notified } from '@/utils/inbox/toolbar';
import { SAMPLE_INQUIRIES } from '@/utils/samples/sample-inquiries';
import { lookupSample } from '@/utils/samples/sample-lookup';
import {
  clockOffsetItem,
  inboxNotifiedItem,
  inboxStateItem,
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
  // Asked on every lookup: kept in memory, following its storage watch.
  const sampleMode = watchedValue(
    () => sampleModeItem.getValue(),
    (onChange) => sampleModeItem.watch((value) => onChange(value ?? false)),
  );
  const lookups = withSamplesAndKeyAge(realLookups, {
    // The credentials store keeps its record until its own next save (utils/credentials-store.ts).
    sampleMode,
    keyIssuedAt: async () => (await credentials.load())?.keyIssuedAt,
    clockOffsetMs: () => clients.clockOffsetMs(),
    now,
  });
  // "Awaiting you" (docs/inbox.md): list refreshes through the lookups' budget; state in storage.session only.
  const inbox = createInboxService({
    source: () => clients.get(),
    lookups: realLookups,
    economy,
    now,
    clockOffsetMs: () => clients.clockOffsetMs(),
    sampleMode,
    samples: (at) => SAMPLE_INQUIRIES.flatMap((sample) => {
      const parsed = lookupSample(sample.id, at);
      return parsed.ok ? [parsed.value.inquiry] : [];
    }),
    intervalMinutes: async () => (await readSettings()).inboxIntervalMinutes,
    store: { get: () => inboxStateItem.getValue(), set: (value) => (value === null ? inboxStateItem.removeValue() : inboxStateItem.setValue(value)) },
    onChange: (view) => inboxWiring.publish(view),
  });
  const inboxWiring = wireInbox({
    browser,
    inbox,
    translator: () => {
      const locale = pickLocale(browser.i18n.getUILanguage());
      return { t: createTranslator(locale), locale };
    },
    settings: readSettings,
    clockOffsetMs: () => clients.clockOffsetMs(),
    now,
    notified: { get: async () => (await inboxNotifiedItem.getValue()) as Notified | null, set: (value) => inboxNotifiedItem.setValue(value) },
    openDetails: (id) => openDetailsFromNotification(id),
    log: (what) => console.warn(what),
  });
  inboxWiring.listen();
  browser.runtime.onStartup.addListener(() => inboxWiring.start());
  settingsItem.watch((next, previous) => {
    const keys = ['inboxIntervalMinutes', 'inboxNotify'] as const;
    const [a, b] = [next as Record<string, unknown> | null, previous as Record<string, unknown> | null];
    if (keys.some((key) => a?.[key] !== b?.[key])) inboxWiring.settingsChanged();
  });
  sampleModeItem.watch(() => inboxWiring.refreshView());

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
    inbox,
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
    inboxWiring.start();
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

/**
 * A notification's click: the inquiry in the side panel (it reads the remembered ID when it loads), or, where the
 * panel cannot open without a gesture, the side panel's page in a tab.
 */
async function openDetailsFromNotification(id: string): Promise<void> {
  await sidePanelInquiryItem.setValue(id);
  const window = await browser.windows.getLastFocused().catch(() => undefined);
  const opened = window?.id !== undefined ? await openPanel(browser, { windowId: window.id }) : false;
  if (!opened) await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
}
