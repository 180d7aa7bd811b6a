import { parseInquiryInput } from '../detect/parse-input';

export const CONTEXT_MENU_ID = 'cs-lens-lookup-selection';

export interface ContextMenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

export interface ContextMenuDeps {
  /** Shows the inquiry in the side panel of the tab the seller clicked in. */
  showInSidePanel: (id: string, tabId: number | undefined) => Promise<void>;
  /** For a selection without one clear inquiry number: the side panel opens on its search box. */
  showSearch: (tabId: number | undefined) => Promise<void>;
}

/**
 * "Look up inquiry …" on selected text: for pages where detection cannot know a number is an
 * inquiry. A selection holding one ID opens it; anything else opens the side panel's search box.
 */
export async function handleContextMenuClick(click: ContextMenuClick, tabId: number | undefined, deps: ContextMenuDeps): Promise<void> {
  if (click.menuItemId !== CONTEXT_MENU_ID) return;
  const parsed = parseInquiryInput(click.selectionText ?? '');
  if (parsed.ok) await deps.showInSidePanel(parsed.id, tabId);
  else await deps.showSearch(tabId);
}
