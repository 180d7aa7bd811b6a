import { describe, expect, it, vi } from 'vitest';
import type { Inquiry } from '@/utils/coupang/inquiry';
import type { AwaitingItem } from '@/utils/inbox/inbox';
import type { InboxService } from '@/utils/inbox/inbox-service';
import { CROSSING_ALARM, REFRESH_ALARM, wireInbox } from '@/utils/inbox/inbox-wiring';
import { NOTHING_NOTIFIED, type Notified } from '@/utils/inbox/toolbar';
import { createTranslator } from '@/utils/i18n/translate';
import type { InboxView } from '@/utils/messaging';

const NOW = Date.UTC(2026, 11, 6, 1, 0, 0);
const HOUR = 3_600_000;

function item(id: string, dueInMs: number): AwaitingItem {
  const inquiry: Inquiry = { inquiryId: id, vendorItemIds: [], replies: [], extra: {}, itemName: `item ${id}` };
  return { inquiry, need: 'answer', dueAt: NOW + dueInMs };
}

/** The browser APIs the wiring calls, recorded. */
function fakeBrowser({ granted = true }: { granted?: boolean } = {}) {
  const alarms = new Map<string, { when?: number; periodInMinutes?: number }>();
  const created: Array<{ id: string; title: string; message: string }> = [];
  const badge: Record<string, string> = {};
  const alarmListeners: Array<(alarm: { name: string }) => void> = [];
  const clickListeners: Array<(id: string) => void> = [];
  const browser = {
    alarms: {
      create: vi.fn(async (name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }) => void alarms.set(name, info)),
      clear: vi.fn(async (name: string) => alarms.delete(name)),
      get: vi.fn(async (name: string) => alarms.get(name)),
      onAlarm: { addListener: (listener: (alarm: { name: string }) => void) => alarmListeners.push(listener) },
    },
    action: {
      setBadgeText: async ({ text }: { text: string }) => void (badge.text = text),
      setBadgeBackgroundColor: async ({ color }: { color: string }) => void (badge.color = color),
      setTitle: async ({ title }: { title: string }) => void (badge.title = title),
    },
    notifications: {
      create: vi.fn(async (id: string, options: { title: string; message: string }) => void created.push({ id, title: options.title, message: options.message })),
      clear: vi.fn(async () => true),
      onClicked: { addListener: (listener: (id: string) => void) => clickListeners.push(listener) },
    },
    permissions: { contains: vi.fn(async () => granted), onAdded: { addListener: () => undefined } },
    runtime: { sendMessage: vi.fn(async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))), getURL: (path: string) => `chrome-extension://x${path}` },
  };
  return { browser, alarms, created, badge, fireAlarm: (name: string) => alarmListeners.forEach((l) => l({ name })), click: (id: string) => clickListeners.forEach((l) => l(id)) };
}

function setup({ notify = true, minutes = 10, granted = true } = {}) {
  const fake = fakeBrowser({ granted });
  let told: Notified | undefined;
  let view: InboxView = { items: [], refreshing: false };
  const inbox = { view: vi.fn(async () => view), refresh: vi.fn(async () => view) } as unknown as InboxService;
  const opened: string[] = [];
  const logged: string[] = [];
  const wiring = wireInbox({
    browser: fake.browser as never,
    inbox,
    translator: () => ({ t: createTranslator('en'), locale: 'en' }),
    settings: async () => ({ inboxIntervalMinutes: minutes, inboxNotify: notify }),
    clockOffsetMs: async () => 0,
    now: () => NOW,
    notified: { get: async () => told, set: async (value) => void (told = value) },
    openDetails: async (id) => void opened.push(id),
    log: (what) => logged.push(what),
  });
  wiring.listen();
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { ...fake, wiring, inbox, opened, logged, told: () => told, setView: (next: InboxView) => void (view = next), settled };
}

describe('inbox wiring', () => {
  it('keeps the periodic alarm as the settings say, and clears it when off', async () => {
    const s = setup();
    s.wiring.start();
    await s.settled();
    expect(s.alarms.get(REFRESH_ALARM)).toEqual({ delayInMinutes: 10, periodInMinutes: 10 });
    expect(s.inbox.refresh).toHaveBeenCalledWith('start');
    const off = setup({ minutes: 0 });
    off.alarms.set(REFRESH_ALARM, { periodInMinutes: 10 });
    off.wiring.start();
    await off.settled();
    expect(off.alarms.has(REFRESH_ALARM)).toBe(false);
  });

  it('publishes: badge, the next crossing alarm, and the broadcast (nobody listening is no failure)', async () => {
    const s = setup({ notify: false });
    s.wiring.publish({ items: [item('1', 5 * HOUR)], refreshing: false, updatedAt: NOW, badge: { text: '1', colour: 'neutral', nextDueInMin: 300 } });
    await s.settled();
    expect(s.badge).toEqual({ text: '1', color: '#5F6368', title: '1 awaiting — next due in 5 h' });
    expect(s.alarms.get(CROSSING_ALARM)).toEqual({ when: NOW + 2 * HOUR + 1_000 });
    expect(s.browser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'cs-lens:inbox-changed' });
    expect(s.logged).toEqual([]);
  });

  it('the crossing alarm re-reads the view (badge turns red with no refresh)', async () => {
    const s = setup({ notify: false });
    s.setView({ items: [item('1', 2.5 * HOUR)], refreshing: false, badge: { text: '1', colour: 'red', nextDueInMin: 150 } });
    s.fireAlarm(CROSSING_ALARM);
    await s.settled();
    await s.settled();
    expect(s.badge.color).toBe('#C5221F');
    expect(s.inbox.refresh).not.toHaveBeenCalled();
  });

  it('notifies only when turned on and granted; once per inquiry per event; a click opens the details', async () => {
    const view: InboxView = { items: [item('11', 90 * 60_000)], refreshing: false, updatedAt: NOW };
    const denied = setup({ granted: false });
    denied.wiring.publish(view);
    await denied.settled();
    expect(denied.created).toEqual([]);
    expect(denied.told()).toEqual(NOTHING_NOTIFIED);

    const s = setup();
    s.wiring.publish(view);
    s.wiring.publish(view);
    await s.settled();
    await s.settled();
    expect(s.created).toEqual([{ id: 'cs-lens-inbox:due:11', title: 'Due within 2 hours', message: 'Inquiry 11 · item 11 — 1 h 30 min left' }]);
    s.click('cs-lens-inbox:due:11');
    await s.settled();
    expect(s.opened).toEqual(['11']);
  });
});
