import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadAnswerPrefs, watchAnswerPrefs, type AnswerPrefs } from '../answer-view/answer-prefs';
import { createAnswerService, listenInquiryChanged } from '../answer-view/answer-service';
import type { AnswerService } from '@/components/answer-panel';
import { inquiryIdLabels } from '../detect/labels';
import { createDecorator } from '../detect/decorate';
import { findVendorCode } from '../detect/vendor-code';
import { ask, lookupInquiry } from '../extension-api';
import { translatorFor } from '../i18n/message-format';
import { pickLocale } from '../i18n/translate';
import { caretFromPoint, pointOnRange } from './caret';
import { createCardController } from './card-controller';
import { createCardHost } from './card-host';
import type { CardView } from './card-view';
import { lazyView, loadedView } from './card-view-source';
import { loadCardMessages } from './card-messages';
import { answerCountRequests, type CountAnswer } from './count-message';
import { countInquiryIds } from './id-count';
import { createIdHighlight } from './id-highlight';
import { createIdScanner } from './id-scanner';
import { ORPHAN_NOTICE_FALLBACK, createOrphanNotice, isOnMark, markedElements, onNextUseOfMarks } from './orphan-notice';
import { createKeyboardNavigation } from './keyboard-navigation';
import { addPageStyle } from './page-style';
import { removeDecorations } from './remove-decorations';
import { isCallCenterScope } from './route-scope';
import { viewBand } from './view-band';
import { loadWingSettings, sameLabels, turnOffCards, watchWingSettings } from './wing-settings';

const SLICE_TIMEOUT_MS = 200;
/** The card's view as wxt.config.ts builds it: a module of its own, web-accessible on Wing only. */
export const CARD_VIEW_PATH = '/content-scripts/card-view.js';

/**
 * Hover cards on Wing: mark inquiry IDs as they come on screen (attributes and CSS highlights only; no
 * node of the page's is created, moved or split: docs/wing-content-script.md), open one card on hover
 * intent or keyboard focus. Everything is torn down through WXT's context (extension reloaded or updated)
 * and when the seller turns cards off. `host.lookup` replaces lookupInquiry (the demo page answers from
 * bundled samples); every card asks through it.
 */
export async function startWingCards(
  ctx: ContentScriptContext,
  uiLanguage: string,
  host?: { lookup?: typeof lookupInquiry; extensionGone?: () => boolean; answers?: AnswerService; view?: CardView },
): Promise<void> {
  // Reloaded or updated under the page (WXT's own test), as opposed to replaced by a newer script of ours.
  const extensionGone = host?.extensionGone ?? (() => browser.runtime?.id == null);
  const locale = pickLocale(uiLanguage);
  const lookup = host?.lookup ?? lookupInquiry;
  const answerService = host?.answers ?? createAnswerService(ask);
  const [loaded, messages, loadedPrefs] = await Promise.all([loadWingSettings(), loadCardMessages(locale), loadAnswerPrefs()]);
  let answerPrefs: AnswerPrefs = loadedPrefs;
  let settings = loaded;
  let labels = inquiryIdLabels(settings.extraIdLabels);
  if (!ctx.isValid || !messages) return;
  const t = translatorFor(messages);

  const ui = createCardHost(document);
  // Loaded when the seller first points at or tabs to a number (docs/performance.md#start-up-size); the demo page bundles it.
  const view = host?.view
    ? loadedView(host.view)
    : lazyView(() => import(/* @vite-ignore */ (browser.runtime.getURL as (path: string) => string)(CARD_VIEW_PATH)), (loaded) => ui.setStyles(loaded.css));
  if (host?.view) ui.setStyles(host.view.css);
  // Recorded by the background, so that after an update the popup can tell this tab's seller to reload it.
  const announce = () => void ask({ type: 'wing-tab' });
  announce();

  let running: { navigated: () => void; inquiryChanged: (id: string) => void; stop: () => void; inUse: () => boolean } | undefined;
  /** The seller's event being handled: when reading ctx.isValid finds the extension gone, was it on a number? */
  let handling: Event | undefined;
  // Registered once: WXT binds it to the context, so it outlives a stop/start when cards are toggled.
  // Product Q&A (another API) is out of scope: cards stop there and start again on a call-center page.
  // The event comes as navigation starts, before `location` changes: the new URL is the event's.
  let url: Pick<URL, 'hostname' | 'pathname'> = location;
  const wanted = () => settings.hoverCardsEnabled && isCallCenterScope(url);
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    url = event.newUrl;
    announce(); // a navigation the browser reported as loading made the background forget this tab
    if (!wanted()) running?.stop();
    else if (running) running.navigated();
    else start();
  });

  function start(): void {
    if (running) return;
    const removeStyle = addPageStyle(document);
    ui.mount();
    const { container } = ui;
    const setTimer = (callback: () => void, ms: number) => ctx.setTimeout(callback, ms);
    const highlight = createIdHighlight(window);
    const decorator = createDecorator(document.body, highlight, labels);
    const cards = createCardController({
      document,
      container,
      view,
      host: ui.host,
      t,
      locale,
      lookup,
      ask,
      keyboard: createKeyboardNavigation(setTimer),
      openDelayMs: settings.hoverDelayMs,
      setTimer,
      clearTimer: (handle) => clearTimeout(handle),
      pageVendor: () => findVendorCode(document.body),
      onDisableCards: () => void turnOffCards(),
      now: () => Date.now(),
      decorator,
      caretAt: caretFromPoint(document),
      pointOnRange,
      hoverPaint: (range) => highlight.hover(range),
      answers: { service: answerService, prefs: () => answerPrefs },
    });
    const scanner = createIdScanner({
      document,
      now: () => performance.now(),
      // WXT's idle callbacks stop only once the context is told; reading isValid tells it when runtime.id
      // is gone (extension reloaded or updated), so an orphan cleans up at its next scan, not scanning on.
      schedule: (runSlice) => {
        if (ctx.isValid) ctx.requestIdleCallback(() => ctx.isValid && runSlice(), { timeout: SLICE_TIMEOUT_MS });
      },
      ignore: (node) => node === ui.host || ui.host.contains(node),
      band: () => viewBand(window.innerHeight),
      labels,
      decorator,
      onMarked: (elements) => cards.marked(elements),
    });
    const listeners = new AbortController();
    // Only the seller's own input counts: events a page script dispatches could otherwise spend lookups.
    const on = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
      document.addEventListener(type, (event) => {
        if (!event.isTrusted) return;
        handling = event;
        const valid = ctx.isValid;
        handling = undefined;
        if (valid) handler(event);
      }, {
        capture: true,
        passive: true,
        signal: listeners.signal,
      });
    on('pointerover', (event) => {
      if (event.target instanceof Node) scanner.scanNow(event.target);
      cards.pointerOver(event);
    });
    on('pointermove', (event) => cards.pointerMove(event));
    on('pointerout', (event) => cards.pointerOut(event));
    on('focusin', (event) => {
      if (event.target instanceof Node) scanner.scanNow(event.target);
      cards.focusIn(event);
    });
    on('focusout', (event) => cards.focusOut(event));
    on('keydown', (event) => cards.keyDown(event));
    on('keyup', (event) => cards.keyUp(event));
    scanner.start();

    running = {
      // The scanner follows the page's own changes; a new URL needs no scan of its own.
      navigated: () => cards.navigated(),
      inUse: () => cards.inUse,
      inquiryChanged: (id) => cards.inquiryChanged(id),
      stop() {
        listeners.abort();
        scanner.stop();
        cards.dispose();
        ui.remove();
        removeStyle();
        decorator.forgetAll();
        highlight.clear();
        removeDecorations(document);
        running = undefined;
      },
    };
  }

  if (wanted()) start();
  const unwatch = watchWingSettings((next) => {
    // New labels: the page is scanned again from the start, as for a new delay (docs/detection.md#seller-labels).
    const restart = next.hoverDelayMs !== settings.hoverDelayMs || !sameLabels(next.extraIdLabels, settings.extraIdLabels);
    settings = next;
    labels = inquiryIdLabels(settings.extraIdLabels);
    if (!wanted()) running?.stop();
    else if (restart && running) {
      running.stop();
      start();
    } else start();
  });
  // The popup asks how many inquiry numbers this page shows (docs/detection.md#the-popups-count).
  const countAnswer = async (): Promise<CountAnswer> => {
    if (!settings.hoverCardsEnabled) return { state: 'cards-off' };
    if (!isCallCenterScope(url)) return { state: 'out-of-scope' };
    const pause = () => new Promise<void>((resolve) => void ctx.setTimeout(resolve, 0));
    return { state: 'counted', ...(await countInquiryIds({ root: document.body, labels, now: () => performance.now(), pause })) };
  };
  const unlisten = answerCountRequests(browser.runtime.onMessage, countAnswer);
  // An answer went out (from this card, another tab or the popup): an open card shows it (docs/answering.md).
  const unlistenChanged = listenInquiryChanged(browser.runtime.onMessage, (id) => running?.inquiryChanged(id));
  const unwatchPrefs = watchAnswerPrefs((next) => (answerPrefs = next));
  ctx.onInvalidated(() => {
    // Orphaned (docs/wing-content-script.md#teardown): tell the seller, from the catalog already in memory,
    // now if they are using a card, else when they next reach a number whose underline has gone.
    const orphaned = extensionGone();
    const inUse = orphaned && ((running?.inUse() ?? false) || isOnMark(handling?.target));
    const marks = orphaned && !inUse && running ? markedElements(document) : undefined;
    // The page first: an orphan's extension APIs may already be gone, and nothing may keep the marks on the page.
    running?.stop();
    ui.remove();
    unlisten();
    unlistenChanged();
    unwatch();
    // An orphan's storage API may be gone with the extension: then there is no listener left to remove.
    if (!orphaned) unwatchPrefs();
    if (!orphaned) return;
    const text = t('card.orphaned');
    const notice = createOrphanNotice(document, { text: text === 'card.orphaned' ? ORPHAN_NOTICE_FALLBACK : text, closeLabel: t('card.close') });
    if (inUse) notice.show();
    else if (marks) onNextUseOfMarks(document, marks, notice.show);
  });
}
