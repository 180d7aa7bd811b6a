import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AwaitingList } from '@/components/awaiting-list';
import { LookupPanel } from '@/components/lookup-panel';
import { PageNotices, type PageMode } from '@/components/page-notices';
import { WingPageCount } from '@/components/wing-page-count';
import { loadAnswerPrefs, watchAnswerPrefs } from '../answer-view/answer-prefs';
import { createAnswerService, listenInquiryChanged } from '../answer-view/answer-service';
import { ask, lookupInquiry } from '../extension-api';
import { lookupValueOf } from '../inbox/awaiting-view';
import { keyExpiry, needsReminder } from '../keys/key-expiry';
import { openPanel } from '../open-panel';
import { INBOX_CHANGED, type CredentialsStatus, type InboxView } from '../messaging';
import { lookupSample } from '../samples/sample-lookup';
import { readRecentLookups, readSidePanelInquiry, recentLookupsItem, rememberLookup, sampleModeItem, sidePanelInquiryItem, wingTabsItem, type RecentLookup } from '../storage';
import { pageLocale } from './page-locale';
import { loggedAs } from '../log';
import { askActiveTabCount, type WingTabState } from './wing-tab-count';

/** Mounts the lookup UI of the popup or the side panel; the two differ only in where they live. */
export async function mountLookupPage(root: HTMLElement, where: 'popup' | 'sidepanel'): Promise<void> {
  const { locale, t } = pageLocale();
  const initial = where === 'sidepanel' ? readSidePanelInquiry(await sidePanelInquiryItem.getValue()) : undefined;

  let shownId = initial?.id;
  /** A sample a card sent here (the demo page): shown from the bundle until another number is looked up. */
  let sampleId = initial?.sample ? initial.id : undefined;
  const lookup = (id: string, refresh: boolean, options?: { signal?: AbortSignal; retry?: boolean }) => {
    if (id === sampleId) return Promise.resolve(lookupSample(id, Date.now()));
    sampleId = undefined;
    return lookupInquiry(id, { refresh, ...options });
  };
  let status: CredentialsStatus | undefined;
  let sampleMode = false;
  /** The popup's Wing tab: how many inquiry numbers it shows (docs/detection.md#the-popups-count). */
  let wingCount: WingTabState | undefined;
  const answerService = createAnswerService(ask);
  let answerPrefs = await loadAnswerPrefs();
  // The background tells every extension page when an inquiry changed through an answer or confirm.
  const onInquiryChanged = (listener: (id: string) => void) => listenInquiryChanged(browser.runtime.onMessage, listener);
  const readStatus = async () => {
    const answer = await ask({ type: 'get-status' });
    status = answer.ok ? answer.value : undefined;
  };
  /** "Awaiting you" as the background last answered (docs/inbox.md#the-list); undefined until it did. */
  let inbox: InboxView | undefined;
  let recent: RecentLookup[] = [];
  let drawn = false;
  let inboxTicket = 0;
  const readInbox = async (refresh?: 'opened' | 'button') => {
    const ticket = ++inboxTicket;
    const answer = await ask({ type: 'get-inbox', ...(refresh ? { refresh } : {}) });
    if (ticket !== inboxTicket) return; // a later answer is already drawn
    // The background unreachable: keep the list shown so far, and say why it is not new.
    inbox = answer.ok ? answer.value : { ...(inbox ?? { items: [] }), refreshing: false, problem: answer.error };
    if (drawn) draw(recent); // else the first draw, still to come, shows it
  };
  const mode = (): PageMode => (sampleMode ? 'sample' : status && !status.hasSecret ? 'needs-keys' : 'ready');
  const draw = (recent: RecentLookup[]) =>
    render(
      <LookupPanel
        t={t}
        locale={locale}
        now={Date.now}
        recent={recent}
        initialId={shownId}
        lookup={lookup}
        markSamples={!sampleMode}
        notices={(show) => (
          <>
            <PageNotices
              t={t}
              locale={locale}
              mode={mode()}
              now={Date.now()}
              keyExpiresAt={
                status?.keyIssuedAt !== undefined && needsReminder(status.keyIssuedAt, Date.now())
                  ? keyExpiry(status.keyIssuedAt, Date.now()).expiresAt
                  : undefined
              }
              onSetUpKeys={() => void browser.runtime.openOptionsPage()}
              onTrySamples={() => void sampleModeItem.setValue(true).catch(loggedAs('page: enter sample mode'))}
              onLeaveSamples={() => void sampleModeItem.setValue(false).catch(loggedAs('page: leave sample mode'))}
              onOpenDemo={() => void browser.tabs.create({ url: browser.runtime.getURL('/demo.html') })}
              onShowSample={show}
            />
            {wingCount && (
              <WingPageCount t={t} locale={locale} answer={wingCount} onOpenOptions={() => void browser.runtime.openOptionsPage()} />
            )}
          </>
        )}
        awaiting={(present, shownId) =>
          // Without keys the first-run line already says what to do; a list held from before still shows.
          mode() === 'needs-keys' && !inbox?.items.length ? undefined : (
            <AwaitingList
              t={t}
              locale={locale}
              view={inbox}
              now={Date.now}
              selectedId={shownId}
              onSelect={(item) => inbox && present(item.inquiry.inquiryId, lookupValueOf(item, inbox, Date.now()))}
              onRefresh={() => void readInbox('button')}
              onOpenOptions={() => void browser.runtime.openOptionsPage()}
              onPauseOver={() => void readInbox('opened')}
            />
          )
        }
        onLookedUp={(id, value) => {
          if (!value.sample) void rememberLookup({ id, itemName: value.inquiry.itemName, at: Date.now() }).catch(loggedAs('page: remember the lookup'));
          if (where !== 'sidepanel') return;
          shownId = id;
          void sidePanelInquiryItem.setValue(value.sample && id === sampleId ? { id, sample: true } : id).catch(loggedAs('side panel: remember the inquiry'));
        }}
        onOpenSidePanel={where === 'popup' ? openInSidePanel : undefined}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
        answers={{ service: answerService, prefs: answerPrefs }}
        onInquiryChanged={onInquiryChanged}
      />,
      root,
    );

  // The list is read (and refreshed if older than a minute) as the page opens; its changes are broadcast.
  browser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === INBOX_CHANGED) void readInbox();
  });
  void readInbox('opened');
  [sampleMode] = await Promise.all([sampleModeItem.getValue(), readStatus()]);
  recent = await readRecentLookups();
  draw(recent);
  drawn = true;
  if (where === 'popup') {
    void askActiveTabCount(browser.tabs, () => wingTabsItem.getValue()).then((answer) => {
      wingCount = answer;
      if (answer) draw(recent);
    });
  }
  // Coming back to the panel fires focus and visibilitychange together: one question answers both.
  let rereading: Promise<void> | undefined;
  const redraw = () =>
    (rereading ??= Promise.all([readStatus(), readInbox('opened')])
      .then(() => draw(recent))
      .finally(() => (rereading = undefined)));
  watchAnswerPrefs((prefs) => {
    answerPrefs = prefs;
    draw(recent);
  });
  sampleModeItem.watch((mode) => {
    sampleMode = mode ?? false;
    draw(recent);
  });
  // The side panel stays open while keys are saved in Settings: look again when it is shown or used again.
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void redraw());
  window.addEventListener('focus', () => void redraw());
  recentLookupsItem.watch(async () => {
    recent = await readRecentLookups();
    draw(recent);
  });
  if (where === 'sidepanel') {
    // The popup, a hover card or the context menu chose another inquiry while the panel is open.
    sidePanelInquiryItem.watch((value) => {
      const next = readSidePanelInquiry(value);
      if (!next || (next.id === shownId && next.sample === (sampleId === next.id))) return;
      shownId = next.id;
      sampleId = next.sample ? next.id : undefined;
      draw(recent);
    });
  }
}

/** Opens the side panel (Firefox: the sidebar) before any await: both open only within the click's user gesture. */
async function openInSidePanel(id: string): Promise<void> {
  const opened = openPanel(browser, { windowId: browser.windows.WINDOW_ID_CURRENT });
  await sidePanelInquiryItem.setValue(id);
  // The popup stays when the panel could not open (it still shows the inquiry; the panel will too, once opened).
  if (await opened) globalThis.close();
}
