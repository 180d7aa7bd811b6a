import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startWingCards } from '@/utils/wing/wing-cards';

export default defineContentScript({
  matches: ['https://wing.coupang.com/*'],
  runAt: 'document_idle',
  // No CSS of its own: the card's stylesheet comes with the card's view, into its shadow root only
  // (utils/wing/card-view.tsx); Wing's own styles are never touched.
  main: (ctx) => startWingCards(ctx, browser.i18n.getUILanguage()),
});
