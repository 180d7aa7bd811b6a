/** The two browsers' panel APIs, as far as opening goes: Chrome's side panel, Firefox's sidebar. */
export interface PanelApis {
  sidePanel?: { open(options: { tabId: number } | { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

export type PanelTarget = { tabId: number } | { windowId: number };

/**
 * Opens Chrome's side panel or Firefox's sidebar, whichever the browser has. Both open only inside the
 * seller's gesture, which an await would lose: call this before awaiting anything. Resolves whether it opened.
 */
export function openPanel(apis: PanelApis, target: PanelTarget): Promise<boolean> {
  const opening = apis.sidePanel ? apis.sidePanel.open(target) : apis.sidebarAction?.open();
  return opening ? opening.then(() => true, () => false) : Promise.resolve(false);
}
