/** The element that hosts the card's shadow root; e2e tests and the page see only this tag. */
export const CARD_HOST_TAG = 'cs-lens-card';

export interface CardHost {
  /** The zero-size, fixed host element (pointer and focus on it count as being on the card). */
  host: HTMLElement;
  /** The element inside the shadow root that the card renders into. */
  container: HTMLElement;
  /** The card's stylesheet, after the host's own rule (replaces any given before). */
  setStyles(css: string): void;
  mount(): void;
  remove(): void;
}

/**
 * Fixed, zero-size and on top: the host never takes part in the page's (flex, grid or block) layout. Size and
 * layout containment make it a relayout boundary: the card's own changes (opening, its answer arriving) are
 * laid out from the host, not from the document, whose layout on a 5,000-row list is a full walk of its
 * 87,000 layout objects (traced: 50–240 ms per card update; docs/wing-content-script.md#drawing). No paint
 * containment: it would clip the card to the host's 0×0 box. The card stays in flow inside and is moved by a
 * transform from the host, which sits at the viewport's origin, so its coordinates stay the viewport's.
 */
const HOST_BOX = 'position:fixed;top:0;left:0;width:0;height:0;z-index:2147483647;contain:size layout style;';

/**
 * The host's own rule. `all: initial !important` keeps Wing's styles out, but it also beats the host's
 * inline style (an important :host declaration outranks a normal inline one), so the box is repeated
 * here as important declarations after it; otherwise the host is an in-flow inline child of <body>,
 * shifts flex and grid bodies, and inserting it re-lays out the page (docs/wing-content-script.md).
 */
export const HOST_RULE = `:host{all:initial !important;${HOST_BOX.replaceAll(';', ' !important;')}}`;

/**
 * The card's own corner of the page: a custom element with an open shadow root, fixed and of zero size, so the
 * page's layout never moves. At first it holds only the host's own rule; the card's stylesheet comes with the
 * card's view (`setStyles`, when the view loads: card-view-source.ts). Made by hand rather than with WXT's
 * shadow-root UI helper, which would add its positioning and element-waiting code to every Wing page.
 */
export function createCardHost(document: Document): CardHost {
  const host = document.createElement(CARD_HOST_TAG);
  host.style.cssText = HOST_BOX;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = HOST_RULE;
  const container = document.createElement('div');
  shadow.append(style, container);
  return {
    host,
    container,
    setStyles(css) {
      // `all: initial` on the host keeps Wing's styles out; the card's custom properties hang off the host.
      style.textContent = `${HOST_RULE}\n${css.replaceAll(':root', ':host')}`;
    },
    mount: () => void (host.isConnected || document.body.append(host)),
    remove: () => {
      host.remove();
      container.replaceChildren();
    },
  };
}
