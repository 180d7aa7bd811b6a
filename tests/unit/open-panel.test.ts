import { describe, expect, it, vi } from 'vitest';
import { openPanel } from '../../utils/open-panel';

describe('openPanel', () => {
  it('opens Chrome’s side panel for the tab', async () => {
    const open = vi.fn(async () => undefined);
    await expect(openPanel({ sidePanel: { open } }, { tabId: 7 })).resolves.toBe(true);
    expect(open).toHaveBeenCalledWith({ tabId: 7 });
  });

  it('opens Firefox’s sidebar when there is no side panel', async () => {
    const open = vi.fn(async () => undefined);
    await expect(openPanel({ sidebarAction: { open } }, { windowId: 1 })).resolves.toBe(true);
    expect(open).toHaveBeenCalledOnce();
  });

  it('calls open synchronously, inside the caller’s gesture', () => {
    const open = vi.fn(async () => undefined);
    void openPanel({ sidebarAction: { open } }, { windowId: 1 });
    expect(open).toHaveBeenCalledOnce();
  });

  it('says false when the browser refuses or has neither API', async () => {
    await expect(openPanel({ sidebarAction: { open: () => Promise.reject(new Error('no gesture')) } }, { tabId: 1 })).resolves.toBe(false);
    await expect(openPanel({}, { tabId: 1 })).resolves.toBe(false);
  });
});
