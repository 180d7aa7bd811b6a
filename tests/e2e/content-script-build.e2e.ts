/**
 * What one Wing page loads stays small (issue 7 item 2, issue 19 item 3). At start: wing.js (the detector, the
 * marks, the hover intent and the lookups) and the largest one-language card catalog, at most 24 KB gzip. The
 * card's view (Preact, the card, the answer form and their CSS: content-scripts/card-view.js) is loaded only
 * when the seller first points at a number, at most 24 KB gzip. Neither carries zod nor the polyfill, and every
 * message key their code uses is in the card catalog the script fetches.
 *
 * History: 30 KB for script, CSS and catalog until the card learned to answer (issue 17); 40 KB while the card's
 * view was part of the start-up script (37.7 KB measured); 20.2 KB at start once it was split off
 * (docs/performance.md#start-up-size).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isCardMessageKey } from '../../utils/i18n/card-catalog';
import { en } from '../../utils/i18n/en';
import { EXTENSION_DIR } from './support/browser';

const SCRIPTS = join(EXTENSION_DIR, 'content-scripts');
const read = (path: string) => readFileSync(join(SCRIPTS, path));
const gzip = (path: string) => gzipSync(read(path), { level: 9 }).length;
const START_LIMIT = 24 * 1024;
const VIEW_LIMIT = 24 * 1024;

describe('the built Wing content script', () => {
  const start = read('wing.js').toString('utf8');
  const view = read('card-view.js').toString('utf8');
  const js = `${start}\n${view}`;
  const catalogs = readdirSync(join(SCRIPTS, 'messages'));

  it('is at most 24 KB gzip at start (script and the largest one-language card catalog), and no CSS', () => {
    expect(catalogs.sort()).toEqual(['en.json', 'ko.json', 'zh-TW.json']);
    expect(readdirSync(SCRIPTS).filter((file) => file.endsWith('.css'))).toEqual([]);
    const total = gzip('wing.js') + Math.max(...catalogs.map((file) => gzip(`messages/${file}`)));
    expect(total).toBeLessThanOrEqual(START_LIMIT);
  });

  it("leaves the card's view out of the start-up script: no Preact, no card markup, no card CSS", () => {
    expect(start).not.toContain('csl-hover-card');
    expect(start).not.toContain('csl-hc-');
    expect(start).not.toContain('--csl-font');
    expect(start).toContain('content-scripts/card-view.js');
    // The view is an ES module exporting the card's view, its stylesheet inside.
    expect(view).toMatch(/export\s*\{\s*\w+ as cardView\s*\}/);
    expect(view).toContain('csl-hover-card');
    expect(view).toContain('--csl-font');
    expect(gzip('card-view.js')).toBeLessThanOrEqual(VIEW_LIMIT);
  });

  it('contains neither zod nor webextension-polyfill nor any message catalog', () => {
    for (const code of [start, view]) {
      expect(code).not.toMatch(/zod|ZodError/);
      expect(code).not.toMatch(/webextension-polyfill|mozWebExtensionPolyfill/);
      expect(code).not.toContain(en['search.placeholder']);
      expect(code).not.toContain(en['card.loading']);
    }
  });

  it('uses only message keys its card catalogs hold, each catalog complete', () => {
    const literals = [...js.matchAll(/(["'`])([a-zA-Z][\w.-]*)\1/g)].map((match) => match[2]!).filter((key) => key in en);
    const prefixes = [...js.matchAll(/`([a-zA-Z][\w-]*\.)\$\{/g)].map((match) => match[1]!).filter((prefix) =>
      Object.keys(en).some((key) => key.startsWith(prefix)),
    );
    expect(literals.length).toBeGreaterThan(20);
    expect(literals.filter((key) => !isCardMessageKey(key))).toEqual([]);
    for (const file of catalogs) {
      const catalog = JSON.parse(read(`messages/${file}`).toString('utf8')) as Record<string, string>;
      expect(literals.filter((key) => !(key in catalog)), file).toEqual([]);
      for (const prefix of prefixes) {
        // Keys a card never shows (isCardMessageKey: a refused save happens on the extension's own pages) are left out.
        const wanted = Object.keys(en).filter((key) => key.startsWith(prefix) && isCardMessageKey(key));
        expect(wanted.filter((key) => !(key in catalog)), `${file} ${prefix}`).toEqual([]);
      }
    }
  });
});
