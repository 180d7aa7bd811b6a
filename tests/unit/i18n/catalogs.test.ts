/**
 * Every UI language has every message, with the same placeholders, and so does every manifest
 * locale in public/_locales: a key added to en.ts alone fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../utils/i18n/en';
import { catalogs, createTranslator, pickLocale, type Locale } from '../../../utils/i18n/translate';

const I18N_DIR = join(import.meta.dirname, '../../../utils/i18n');
const LOCALES_DIR = join(import.meta.dirname, '../../../public/_locales');
const placeholders = (text: string) => [...text.matchAll(/\{\w+\}|%s/g)].map((m) => m[0]).sort();
const englishKeys = Object.keys(en).sort();

/** The catalogs' helpers, not languages: the translator, its formatter, the card's subset. */
const NOT_LANGUAGES = ['translate.ts', 'message-format.ts', 'card-catalog.ts'];

describe('UI message catalogs', () => {
  it('registers every language file in utils/i18n', () => {
    const files = readdirSync(I18N_DIR).filter((f) => f.endsWith('.ts') && !NOT_LANGUAGES.includes(f)).map((f) => f.slice(0, -3));
    expect(files.sort()).toEqual(Object.keys(catalogs).sort());
  });

  describe.each(Object.keys(catalogs) as Locale[])('%s', (locale) => {
    const catalog = catalogs[locale] as Record<string, unknown>;

    it('has exactly the English keys', () => {
      const missing = englishKeys.filter((key) => !(key in catalog));
      const extra = Object.keys(catalog).filter((key) => !(key in en));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('has a non-empty text with the English placeholders for every key', () => {
      const wrong = englishKeys.filter((key) => {
        const text = catalog[key];
        return typeof text !== 'string' || !text.trim() || placeholders(text).join() !== placeholders(en[key as keyof typeof en]).join();
      });
      expect(wrong).toEqual([]);
    });
  });
});

describe('manifest locales (public/_locales)', () => {
  const read = (dir: string) => JSON.parse(readFileSync(join(LOCALES_DIR, dir, 'messages.json'), 'utf8')) as Record<string, { message?: string }>;
  const english = read('en');

  it('has one folder per UI language', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(Object.keys(catalogs).map((l) => l.replace('-', '_')).sort());
  });

  it.each(readdirSync(LOCALES_DIR))('%s has every manifest message', (dir) => {
    const messages = read(dir);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const entry of Object.values(messages)) expect(entry.message?.trim()).toBeTruthy();
  });

  it.each(readdirSync(LOCALES_DIR))('%s: the description, the stores’ short description, has at most 132 characters', (dir) => {
    expect([...(read(dir).extDescription?.message ?? '')].length).toBeLessThanOrEqual(132);
  });
});

describe('pickLocale', () => {
  it.each([
    ['ko', 'ko'],
    ['ko-KR', 'ko'],
    ['zh-TW', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-CN', 'en'],
    ['en-US', 'en'],
    ['ja', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (ui, locale) => {
    expect(pickLocale(ui)).toBe(locale);
  });

  it('words a message in Traditional Chinese with Coupang’s Korean term beside it', () => {
    expect(createTranslator(pickLocale('zh-TW'))('search.label')).toBe('諮詢編號（상담번호）');
  });
});
