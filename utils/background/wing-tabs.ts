/**
 * The tabs where a Wing content script of ours started, so that the popup can tell a Wing tab whose script
 * no longer answers (the extension was updated or reloaded since the tab was opened: the old script is
 * orphaned and Chrome injects no new one) from a tab that never was Wing. Kept in storage.local, because it
 * must outlive the extension's reload (storage.session does not); it holds tab IDs only, which mean nothing
 * outside this browser session, so it is emptied when the browser starts.
 */
export interface WingTabsStore {
  get(): Promise<unknown>;
  set(tabIds: number[]): Promise<void>;
}

/** Enough for any seller's open tabs; the oldest go first. */
export const MAX_WING_TABS = 100;

/** The recorded tab IDs, from whatever storage holds. */
export function readWingTabs(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((id): id is number => Number.isInteger(id) && id >= 0) : [];
}

/** The background's side: one read-modify-write at a time, so events arriving together lose nothing. */
export function createWingTabs(store: WingTabsStore, logFailure: (what: string, error: unknown) => void) {
  let queue: Promise<void> = Promise.resolve();
  const update = (change: (tabIds: number[]) => number[]): Promise<void> =>
    (queue = queue
      .then(async () => {
        const before = readWingTabs(await store.get());
        const after = change(before);
        if (after.length !== before.length || after.some((id, i) => id !== before[i])) await store.set(after);
      })
      .catch((error: unknown) => logFailure('wing tabs not saved', error)));
  return {
    /** A Wing content script started in this tab (the latest last). */
    started: (tabId: number) => update((ids) => [...ids.filter((id) => id !== tabId), tabId].slice(-MAX_WING_TABS)),
    /** The tab closed or is loading another page: a new script, if any, says so again. */
    gone: (tabId: number) => update((ids) => ids.filter((id) => id !== tabId)),
    /** The browser started: tab IDs of the last session mean nothing now. */
    clear: () => update(() => []),
  };
}
