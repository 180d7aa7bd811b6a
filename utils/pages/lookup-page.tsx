import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LookupPanel } from '@/components/lookup-panel';
import { ask } from '../extension-api';
import { openPanel } from '../open-panel';
import { readRecentLookups, recentLookupsItem, rememberLookup, sidePanelInquiryItem } from '../storage';
import { pageLocale } from './page-locale';

/** Mounts the lookup UI of the popup or the side panel; the two differ only in where they live. */
export async function mountLookupPage(root: HTMLElement, where: 'popup' | 'sidepanel'): Promise<void> {
  const { locale, t } = pageLocale();
  const initialId = where === 'sidepanel' ? ((await sidePanelInquiryItem.getValue()) ?? undefined) : undefined;

  let shownId = initialId;
  const draw = (recent: Awaited<ReturnType<typeof readRecentLookups>>) =>
    render(
      <LookupPanel
        t={t}
        locale={locale}
        now={Date.now}
        recent={recent}
        initialId={shownId}
        lookup={(id, refresh) => ask({ type: 'lookup', id, refresh })}
        onLookedUp={(id, value) => {
          void rememberLookup({ id, itemName: value.inquiry.itemName, at: Date.now() });
          if (where !== 'sidepanel') return;
          shownId = id;
          void sidePanelInquiryItem.setValue(id);
        }}
        onOpenSidePanel={where === 'popup' ? openInSidePanel : undefined}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />,
      root,
    );

  let recent = await readRecentLookups();
  draw(recent);
  recentLookupsItem.watch(async () => {
    recent = await readRecentLookups();
    draw(recent);
  });
  if (where === 'sidepanel') {
    // The popup, a hover card or the context menu chose another inquiry while the panel is open.
    sidePanelInquiryItem.watch((id) => {
      if (!id || id === shownId) return;
      shownId = id;
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
