import { browser } from 'wxt/browser';

/** The element that hosts the card's shadow root; e2e tests and the page see only this tag. */
export const CARD_HOST_TAG = 'cs-lens-card';

export interface CardHost {
  /** The zero-size, fixed host element (pointer and focus on it count as being on the card). */
  host: HTMLElement;
  /** The element inside the shadow root that the card renders into. */
  container: HTMLElement;
  mount(): void;
  remove(): void;
}

/** Fixed, zero-size and on top: the host never takes part in the page's (flex, grid or block) layout. */
const HOST_BOX = 'position:fixed;top:0;left:0;width:0;height:0;z-index:2147483647;';

/**
 * The host's own rule. `all: initial !important` keeps Wing's styles out, but it also beats the host's
 * inline style (an important :host declaration outranks a normal inline one), so the box is repeated
 * here as important declarations after it; otherwise the host is an in-flow inline child of <body>,
 * shifts flex and grid bodies, and inserting it re-lays out the page (docs/wing-content-script.md).
 */
export const HOST_RULE = `:host{all:initial !important;${HOST_BOX.replaceAll(';', ' !important;')}}`;

/**
 * The card's own corner of the page: a custom element with an open shadow root holding the card's
 * stylesheet (built into content-scripts/wing.css; `all: initial` keeps Wing's styles out), fixed and of
 * zero size, so the page's layout never moves. Made by hand rather than with WXT's shadow-root UI helper,
 * which would add its positioning and element-waiting code to every Wing page.
 */
export async function createCardHost(document: Document, cssPath: string): Promise<CardHost> {
  // Built files are not in WXT's list of public paths; the path is the build's own (see wing-cards.ts).
  const css = await fetch((browser.runtime.getURL as (path: string) => string)(cssPath))
    .then((response) => response.text())
    .catch(() => '');
  const host = document.createElement(CARD_HOST_TAG);
  host.style.cssText = HOST_BOX;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `${HOST_RULE}\n${css.replaceAll(':root', ':host')}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  return {
    host,
    container,
    mount: () => void (host.isConnected || document.body.append(host)),
    remove: () => {
      host.remove();
      container.replaceChildren();
    },
  };
}
