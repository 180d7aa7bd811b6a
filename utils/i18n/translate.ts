import { en, type MessageKey, type Messages } from './en';
import { ko } from './ko';
import { zhTW } from './zh-TW';
import { translatorFor } from './message-format';

export type Locale = 'en' | 'ko' | 'zh-TW';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const catalogs: Record<Locale, Messages> = { en, ko, 'zh-TW': zhTW };

/**
 * Follows the browser's UI language: Korean for any `ko*`; Traditional Chinese for `zh-TW`, `zh-HK`,
 * `zh-MO` and `zh-Hant*` (Taiwan's buyers are served in Traditional Chinese); English otherwise.
 */
export function pickLocale(uiLanguage: string | undefined): Locale {
  const tag = uiLanguage?.toLowerCase().replace(/_/g, '-') ?? '';
  if (tag.startsWith('ko')) return 'ko';
  if (/^zh-(tw|hk|mo|hant)\b/.test(tag)) return 'zh-TW';
  return 'en';
}

export function createTranslator(locale: Locale): Translate {
  return translatorFor({ ...en, ...catalogs[locale] });
}
