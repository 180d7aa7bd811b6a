import type { browser as wxtBrowser } from 'wxt/browser';

type Browser = typeof wxtBrowser;
import type { Translate, Locale } from '../i18n/translate';
import type { InboxView } from '../messaging';
import { INBOX_CHANGED } from '../messaging';
import type { InboxService } from './inbox-service';
import { inquiryOfNotification, nextCrossing, notificationId, notificationsFor, notificationText, NOTHING_NOTIFIED, showBadge, type Notified } from './toolbar';

/**
 * The inbox's browser side (docs/inbox.md#schedule): alarms, the toolbar badge, notifications and the broadcast
 * to extension pages. Every listener is added synchronously by `listen`, so a worker woken by an alarm or a click
 * gets its event; the rest runs on demand.
 */

export const REFRESH_ALARM = 'cs-lens:inbox-refresh';
export const CROSSING_ALARM = 'cs-lens:inbox-crossing';

export interface InboxWiringDeps {
  browser: Browser;
  inbox: InboxService;
  translator: () => { t: Translate; locale: Locale };
  settings: () => Promise<{ inboxIntervalMinutes: number; inboxNotify: boolean }>;
  clockOffsetMs: () => Promise<number>;
  now: () => number;
  /** Which inquiries were told of, per event: storage.session (inquiry numbers only). */
  notified: { get(): Promise<Notified | null | undefined>; set(value: Notified): Promise<void> };
  /** Opens the details of an inquiry (the side panel, or its page in a tab when the panel cannot open). */
  openDetails: (inquiryId: string) => Promise<void>;
  /** Logs one failure where it is caught: a description, never data or keys. */
  log: (what: string) => void;
}

export function wireInbox(deps: InboxWiringDeps) {
  const { browser } = deps;
  let published: Promise<void> = Promise.resolve();

  async function notify(view: InboxView): Promise<void> {
    const { inboxNotify } = await deps.settings();
    const allowed = inboxNotify && browser.notifications !== undefined && (await browser.permissions.contains({ permissions: ['notifications'] }));
    if (!allowed || view.sample || view.problem?.kind === 'no-credentials') {
      // Off: forget what was told, so turning it on later starts from the list then ("new" means new since).
      await deps.notified.set(NOTHING_NOTIFIED);
      return;
    }
    if (view.updatedAt === undefined) return; // no list yet: nothing to compare with
    const coupangNow = deps.now() + (view.clockOffsetMs ?? 0);
    const { notices, told } = notificationsFor(view.items, coupangNow, (await deps.notified.get()) ?? NOTHING_NOTIFIED);
    await deps.notified.set(told);
    const { t, locale } = deps.translator();
    for (const notice of notices) {
      const { title, message } = notificationText(notice, coupangNow, t, locale);
      await browser.notifications.create(notificationId(notice), { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    }
  }

  /** An alarm at the next 3-hour / 2-hour / due line, so the badge turns red (and "due soon" is told) without a refresh. */
  async function scheduleCrossing(view: InboxView): Promise<void> {
    const offset = view.clockOffsetMs ?? 0;
    const crossing = nextCrossing(view.items, deps.now() + offset);
    if (crossing === undefined) await browser.alarms.clear(CROSSING_ALARM);
    else await browser.alarms.create(CROSSING_ALARM, { when: crossing - offset + 1_000 });
  }

  async function apply(view: InboxView): Promise<void> {
    const { t, locale } = deps.translator();
    await showBadge(browser.action, view, t, locale);
    await scheduleCrossing(view);
    await notify(view);
  }

  /** Badge, alarms and notifications follow the view, one change at a time; extension pages are told to ask again. */
  function publish(view: InboxView): void {
    published = published
      .then(() => apply(view))
      .catch((error: unknown) => deps.log(`inbox: updating the badge or notifications failed (${error instanceof Error ? error.name : 'error'})`));
    // Nobody listening (no popup or panel open) rejects: that is the normal case, not a failure.
    browser.runtime.sendMessage({ type: INBOX_CHANGED }).catch(() => undefined);
  }

  async function schedule(): Promise<void> {
    const { inboxIntervalMinutes } = await deps.settings();
    if (inboxIntervalMinutes === 0) {
      await browser.alarms.clear(REFRESH_ALARM);
      return;
    }
    const existing = await browser.alarms.get(REFRESH_ALARM);
    if (existing?.periodInMinutes !== inboxIntervalMinutes) {
      await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: inboxIntervalMinutes, periodInMinutes: inboxIntervalMinutes });
    }
  }

  function failed(what: string) {
    return (error: unknown) => deps.log(`inbox: ${what} failed (${error instanceof Error ? error.name : 'error'})`);
  }

  const wiring = {
    publish,

    /** Browser start or install: refresh once and keep the periodic alarm as the settings say. */
    start(): void {
      void schedule().catch(failed('scheduling'));
      void deps.inbox.refresh('start').catch(failed('the start refresh'));
    },

    /** The interval or the notifications setting changed. */
    settingsChanged(): void {
      void schedule().catch(failed('scheduling'));
      void deps.inbox.view().then(publish, failed('reading the list'));
    },

    /** Something the view depends on changed (sample mode): republish it. */
    refreshView(): void {
      void deps.inbox.view().then(publish, failed('reading the list'));
    },

    /** Adds every listener, synchronously: call it at the top of the background's main. */
    listen(): void {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === REFRESH_ALARM) void deps.inbox.refresh('periodic').then(publish, failed('the periodic refresh'));
        if (alarm.name === CROSSING_ALARM) wiring.refreshView();
      });
      let clicks = false;
      const listenToClicks = () => {
        if (clicks || !browser.notifications) return;
        clicks = true;
        browser.notifications.onClicked.addListener((id) => {
          const inquiryId = inquiryOfNotification(id);
          if (!inquiryId) return;
          void deps.openDetails(inquiryId).catch(failed('opening the details'));
          void browser.notifications.clear(id);
        });
      };
      listenToClicks();
      // Optional permission: the API appears once the seller grants it in Settings.
      browser.permissions.onAdded.addListener(listenToClicks);
    },
  };
  return wiring;
}
