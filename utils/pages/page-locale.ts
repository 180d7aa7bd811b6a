import { browser } from 'wxt/browser';
import { createTranslator, pickLocale, type Locale, type Translate } from '../i18n/translate';

/** The extension page's language, following the browser's UI language. */
export function pageLocale(): { locale: Locale; t: Translate } {
  const locale = pickLocale(browser.i18n.getUILanguage());
  document.documentElement.lang = locale;
  return { locale, t: createTranslator(locale) };
}
