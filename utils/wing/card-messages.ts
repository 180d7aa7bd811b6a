import { browser } from 'wxt/browser';
import { cardCatalogPath, type CardMessages } from '../i18n/card-catalog';
import type { Locale } from '../i18n/translate';

/**
 * The card's messages in the browser's language, fetched from the build's card catalog (see
 * utils/i18n/card-catalog.ts) rather than bundled: the content script carries one language, not three.
 * Undefined when the catalog cannot be read (the extension reloaded under the page): no card can be drawn.
 */
export async function loadCardMessages(
  locale: Locale,
  fetchText: (url: string) => Promise<string> = fetchExtensionFile,
): Promise<CardMessages | undefined> {
  try {
    return readCardMessages(JSON.parse(await fetchText(cardCatalogPath(locale))));
  } catch {
    return undefined;
  }
}

/** Only an object of strings is a catalog. */
export function readCardMessages(value: unknown): CardMessages | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.values(value).every((text) => typeof text === 'string') ? (value as CardMessages) : undefined;
}

async function fetchExtensionFile(path: string): Promise<string> {
  // Built files are not in WXT's list of public paths; the path is the build's own.
  const response = await fetch((browser.runtime.getURL as (path: string) => string)(path));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}
