// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CARD_HOST_TAG, createCardHost } from '@/utils/wing/card-host';

afterEach(() => vi.unstubAllGlobals());

describe('the card host', () => {
  it('a zero-size fixed element with an open shadow root holding the card stylesheet; mount once, remove cleanly', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(':root { --csl-gap: 8px; } .csl-hover-card { color: red; }');
    });
    const ui = await createCardHost(document, '/content-scripts/wing.css');
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(/\/content-scripts\/wing\.css$/);
    expect(ui.host.tagName.toLowerCase()).toBe(CARD_HOST_TAG);
    expect(ui.host.style.position).toBe('fixed');
    expect(ui.host.style.width).toBe('0px');
    const style = ui.host.shadowRoot?.querySelector('style')?.textContent ?? '';
    // all:initial !important outranks the inline box, so the host rule repeats it as important (issue 16 item 11).
    expect(style).toContain(':host{all:initial !important;position:fixed !important;top:0 !important;left:0 !important;width:0 !important;height:0 !important;z-index:2147483647 !important;}');
    expect(style).toContain(':host { --csl-gap: 8px; }');
    expect(style).not.toContain(':root');
    expect(ui.container.parentNode).toBe(ui.host.shadowRoot);

    ui.mount();
    ui.mount();
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(1);
    ui.container.append(document.createElement('div'));
    ui.remove();
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(0);
    expect(ui.container.childNodes).toHaveLength(0);
  });

  it('a stylesheet that cannot be fetched leaves the card unstyled, not broken', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new Error('offline');
    });
    const ui = await createCardHost(document, '/content-scripts/wing.css');
    expect(ui.host.shadowRoot?.querySelector('style')?.textContent).toContain(':host{all:initial !important;position:fixed !important;');
  });
});
