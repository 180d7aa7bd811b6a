import { en, type MessageKey, type Messages } from './en';
import { ko } from './ko';

export type Locale = 'en' | 'ko';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogs: Record<Locale, Messages> = { en, ko };

/** Follows the browser's UI language: Korean for any `ko*`, English otherwise. */
export function pickLocale(uiLanguage: string | undefined): Locale {
  return uiLanguage?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function createTranslator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const template = catalog[key] ?? en[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}
