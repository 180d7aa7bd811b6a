import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startWingCards } from '@/utils/wing/wing-cards';
import '@/components/inquiry-view.css';
import '@/components/hover-card.css';
import '@/components/answer-form.css';

export default defineContentScript({
  matches: ['https://wing.coupang.com/*'],
  runAt: 'document_idle',
  // The card's CSS (the inquiry view's and its own, not the extension pages') goes into its shadow root
  // only; Wing's own styles are never touched.
  cssInjectionMode: 'ui',
  main: (ctx) => startWingCards(ctx, browser.i18n.getUILanguage()),
});
