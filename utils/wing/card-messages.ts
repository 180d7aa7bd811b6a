import { browser } from 'wxt/browser';
import { cardCatalogPath, type CardMessages } from '../i18n/card-catalog';
import type { Locale } from '../i18n/translate';
import { logFailure } from '../log';

/**
 * The card's messages in the browser's language, fetched from the build's card catalog (see
 * utils/i18n/card-catalog.ts) rather than bundled: the content script carries one language, not three.
 * A language's catalog that cannot be read or is malformed is logged and English is used instead;
 * undefined only when English cannot be read either (the extension reloaded under the page): no card can be drawn.
 */
export async function loadCardMessages(
  locale: Locale,
  fetchText: (url: string) => Promise<string> = fetchExtensionFile,
): Promise<CardMessages | undefined> {
  for (const tried of locale === 'en' ? (['en'] as const) : ([locale, 'en'] as const)) {
    try {
      const messages = readCardMessages(JSON.parse(await fetchText(cardCatalogPath(tried))));
      if (messages) return messages;
      throw new TypeError('not a card catalog');
    } catch (error) {
      logFailure(`card messages: ${tried}`, error);
    }
  }
  return undefined;
}

/** Only an object of strings is a catalog. */
export function readCardMessages(value: unknown): CardMessages | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.values(value).every((text) => typeof text === 'string') ? (value as CardMessages) : undefined;
}

async function fetchExtensionFile(path: string): Promise<string> {
  // Built files are not in WXT's list of public paths; the path is the build's own.
  const response = await fetch((browser.runtime.getURL as (path: string) => string)(path));
  if (!response.ok) throw Object.assign(new Error('card catalog'), { status: response.status });
  return response.text();
}
