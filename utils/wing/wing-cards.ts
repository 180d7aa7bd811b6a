import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { findVendorCode } from '../detect/vendor-code';
import { ask } from '../extension-api';
import { createTranslator, pickLocale } from '../i18n/translate';
import { readSettings, settingsItem, settingsSchema, updateSettings } from '../storage';
import { createCardController } from './card-controller';
import { createIdScanner } from './id-scanner';
import { addPageStyle } from './page-style';
import { removeDecorations } from './remove-decorations';
import { viewBand } from './view-band';

const SLICE_TIMEOUT_MS = 200;

/**
 * Hover cards on Wing: decorate inquiry IDs as they appear, open one card on hover intent or focus.
 * Everything is torn down through WXT's context (extension reloaded or updated) and when the seller
 * turns cards off.
 */
export async function startWingCards(ctx: ContentScriptContext, uiLanguage: string): Promise<void> {
  const locale = pickLocale(uiLanguage);
  const t = createTranslator(locale);
  let settings = await readSettings();
  if (!ctx.isValid) return;

  const ui = await createShadowRootUi(ctx, {
    name: 'cs-lens-card',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount: (container) => container,
  });
  // A zero-size, fixed host: the card positions itself in the viewport and the page's layout never moves.
  ui.shadowHost.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;z-index:2147483647;';

  let running: { navigated: () => void; stop: () => void } | undefined;
  // Registered once: WXT binds it to the context, so it outlives a stop/start when cards are toggled.
  ctx.addEventListener(window, 'wxt:locationchange', () => running?.navigated());

  function start(): void {
    if (running) return;
    const removeStyle = addPageStyle(document);
    ui.mount();
    const container = ui.uiContainer;
    const cards = createCardController({
      document,
      container,
      host: ui.shadowHost,
      t,
      locale,
      ask,
      openDelayMs: settings.hoverDelayMs,
      setTimer: (callback, ms) => ctx.setTimeout(callback, ms),
      clearTimer: (handle) => clearTimeout(handle),
      pageVendor: () => findVendorCode(document.body),
      onDisableCards: () => void updateSettings({ hoverCardsEnabled: false }),
    });
    const scanner = createIdScanner({
      document,
      now: () => performance.now(),
      schedule: (runSlice) => ctx.requestIdleCallback(() => runSlice(), { timeout: SLICE_TIMEOUT_MS }),
      ignore: (node) => node === ui.shadowHost || ui.shadowHost.contains(node),
      band: () => viewBand(window.innerHeight),
    });
    const listeners = new AbortController();
    // Only the seller's own input counts: events a page script dispatches could otherwise spend lookups.
    const on = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
      document.addEventListener(type, (event) => event.isTrusted && handler(event), {
        capture: true,
        passive: true,
        signal: listeners.signal,
      });
    on('pointerover', (event) => {
      if (event.target instanceof Node) scanner.scanNow(event.target);
      cards.pointerOver(event);
    });
    on('pointerout', (event) => cards.pointerOut(event));
    on('focusin', (event) => {
      if (event.target instanceof Node) scanner.scanNow(event.target);
      cards.focusIn(event);
    });
    on('focusout', (event) => cards.focusOut(event));
    on('keydown', (event) => cards.keyDown(event));
    scanner.start();

    running = {
      // The scanner follows the page's own changes; a new URL needs no scan of its own.
      navigated() {
        cards.reset();
      },
      stop() {
        listeners.abort();
        scanner.stop();
        cards.dispose();
        ui.remove();
        removeStyle();
        removeDecorations(document);
        running = undefined;
      },
    };
  }

  if (settings.hoverCardsEnabled) start();
  const unwatch = settingsItem.watch((value) => {
    const parsed = settingsSchema.safeParse(value ?? {});
    if (!parsed.success) return;
    const delayChanged = parsed.data.hoverDelayMs !== settings.hoverDelayMs;
    settings = parsed.data;
    if (!settings.hoverCardsEnabled) running?.stop();
    else if (delayChanged && running) {
      running.stop();
      start();
    } else start();
  });
  ctx.onInvalidated(() => {
    unwatch();
    running?.stop();
  });
}
