import { describe, expect, it, vi } from 'vitest';
import { CONTEXT_MENU_ID, handleContextMenuClick } from '@/utils/background/context-menu';

function deps() {
  return { showInSidePanel: vi.fn(async () => {}), showSearch: vi.fn(async () => {}) };
}

describe('context menu "Look up inquiry …"', () => {
  it.each([
    ['1015668177', '1015668177'],
    ['상담번호 : 1015668177', '1015668177'],
    ['https://wing.coupang.com/tenants/cs/csinquiry?inquiryId=258799946&tab=1', '258799946'],
  ])('opens the selected inquiry %j in the side panel of the clicked tab', async (selectionText, id) => {
    const d = deps();
    await handleContextMenuClick({ menuItemId: CONTEXT_MENU_ID, selectionText }, 42, d);
    expect(d.showInSidePanel).toHaveBeenCalledWith(id, 42);
    expect(d.showSearch).not.toHaveBeenCalled();
  });

  it.each(['abc', '', '주문번호 12345678901234 상담번호 없음 1015668177'])(
    'opens the side panel on its search box for a selection without one clear ID (%j)',
    async (selectionText) => {
      const d = deps();
      await handleContextMenuClick({ menuItemId: CONTEXT_MENU_ID, selectionText }, 7, d);
      expect(d.showSearch).toHaveBeenCalledWith(7);
      expect(d.showInSidePanel).not.toHaveBeenCalled();
    },
  );

  it("ignores other extensions' menu items", async () => {
    const d = deps();
    await handleContextMenuClick({ menuItemId: 'something-else', selectionText: '1015668177' }, 1, d);
    expect(d.showInSidePanel).not.toHaveBeenCalled();
    expect(d.showSearch).not.toHaveBeenCalled();
  });
});
