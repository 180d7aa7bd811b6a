// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setFailureSink } from '@/utils/log';
import { CARD_HOST_TAG, createCardHost } from '@/utils/wing/card-host';
import { loadCardMessages } from '@/utils/wing/card-messages';

describe('the card host', () => {
  it('a zero-size fixed element with an open shadow root holding only its own rule until the view brings the card stylesheet; mount once, remove cleanly', () => {
    const ui = createCardHost(document);
    expect(ui.host.tagName.toLowerCase()).toBe(CARD_HOST_TAG);
    expect(ui.host.style.position).toBe('fixed');
    expect(ui.host.style.width).toBe('0px');
    // A relayout boundary: a card update is laid out from the host, not from the page's document (issue 19).
    expect(ui.host.style.contain).toBe('size layout style');
    const styleOf = () => ui.host.shadowRoot?.querySelector('style')?.textContent ?? '';
    // all:initial !important outranks the inline box, so the host rule repeats it as important (issue 16 item 11).
    const hostRule = ':host{all:initial !important;position:fixed !important;top:0 !important;left:0 !important;width:0 !important;height:0 !important;z-index:2147483647 !important;contain:size layout style !important;}';
    expect(styleOf()).toBe(hostRule);
    ui.setStyles(':root { --csl-gap: 8px; } .csl-hover-card { color: red; }');
    expect(styleOf()).toContain(hostRule);
    expect(styleOf()).toContain(':host { --csl-gap: 8px; }');
    expect(styleOf()).not.toContain(':root');
    ui.setStyles('.b{}');
    expect(styleOf()).toBe(`${hostRule}\n.b{}`);
    expect(ui.container.parentNode).toBe(ui.host.shadowRoot);

    ui.mount();
    ui.mount();
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(1);
    ui.container.append(document.createElement('div'));
    ui.remove();
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(0);
    expect(ui.container.childNodes).toHaveLength(0);
  });
});

describe('failed card resources are logged, and the card falls back (issue 16, item 17)', () => {
  afterEach(() => setFailureSink(console));

  it("the browser's language missing: English is used, and the failure logged", async () => {
    const warn = vi.fn();
    setFailureSink({ warn });
    const asked: string[] = [];
    const messages = await loadCardMessages('ko', async (url) => {
      asked.push(url);
      if (url.endsWith('/ko.json')) throw new TypeError('Failed to fetch');
      return JSON.stringify({ 'card.refresh': 'Refresh' });
    });
    expect(messages).toEqual({ 'card.refresh': 'Refresh' });
    expect(asked).toEqual(['/content-scripts/messages/ko.json', '/content-scripts/messages/en.json']);
    expect(warn.mock.calls).toEqual([['[CS Lens] card messages: ko: TypeError']]);
  });

  it('a malformed catalog falls back too; with English unreadable as well, no card (undefined), both logged', async () => {
    const warn = vi.fn();
    setFailureSink({ warn });
    const messages = await loadCardMessages('zh-TW', async (url) => (url.endsWith('/en.json') ? '{' : JSON.stringify({ 'card.refresh': 1 })));
    expect(messages).toBeUndefined();
    expect(warn.mock.calls).toEqual([['[CS Lens] card messages: zh-TW: TypeError'], ['[CS Lens] card messages: en: SyntaxError']]);
  });
});
