import type { MessageKey, Messages } from './en';
import type { Locale } from './translate';

/**
 * The messages a hover card can show. The content script carries no catalog: the build writes one
 * card-only catalog per language (cardCatalog, from wxt.config.ts) and the script fetches only the
 * browser's. A key used by the card's code but missing here fails tests/e2e/content-script-build.e2e.ts.
 */
export const CARD_MESSAGE_PREFIXES = ['card.', 'details.', 'error.', 'economy.', 'time.', 'answer.'] as const;
export const CARD_MESSAGE_KEYS: readonly MessageKey[] = ['keys.reminder', 'keys.reminderExpired', 'keys.openWing', 'sample.banner'];

export type CardMessages = Partial<Record<MessageKey, string>>;

/** Never on a card: saving happens on the extension's own pages (the content script's budget is tight). */
const NOT_CARD_KEYS: readonly MessageKey[] = ['error.storage-failed'];

export function isCardMessageKey(key: string): boolean {
  if (NOT_CARD_KEYS.includes(key as MessageKey)) return false;
  return CARD_MESSAGE_PREFIXES.some((prefix) => key.startsWith(prefix)) || CARD_MESSAGE_KEYS.includes(key as MessageKey);
}

/** The card's messages in one language, English filling any key the language lacks. */
export function cardCatalog(catalog: Partial<Messages>, fallback: Messages): CardMessages {
  const keys = (Object.keys(fallback) as MessageKey[]).filter(isCardMessageKey);
  return Object.fromEntries(keys.map((key) => [key, catalog[key] ?? fallback[key]]));
}

/** Where the build puts a language's card catalog (web-accessible to Wing, like the card's CSS). */
export function cardCatalogPath(locale: Locale): string {
  return `/content-scripts/messages/${locale}.json`;
}
