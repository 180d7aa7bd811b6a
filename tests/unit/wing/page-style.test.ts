// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { addPageStyle } from '@/utils/wing/page-style';

/**
 * The properties a mark's own rules may set on a page element. A marked table cell is re-laid out with its
 * whole table (tables are laid out as one), so a rule that needs layout on a cell costs a full layout of a
 * 10,000-row list: text decorations (underline, its offset) do in Chromium, so the IDs' tint is drawn with
 * the CSS Custom Highlight API instead (docs/wing-content-script.md#drawing).
 */
const PAINT_ONLY = new Set(['cursor', 'border-radius', 'background-color', 'outline', 'outline-offset']);

afterEach(() => void document.head.replaceChildren());

describe('the page style', () => {
  it('gives marked elements paint-only properties; the tint of IDs comes from ::highlight() only', () => {
    addPageStyle(document);
    const css = document.head.querySelector('style')?.textContent ?? '';
    const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map(([, selector, body]) => ({ selector: selector!.trim(), body: body! }));
    expect(rules.length).toBeGreaterThan(0);
    for (const { selector, body } of rules) {
      if (selector.includes('::highlight(')) continue;
      const properties = body.split(';').map((declaration) => declaration.split(':')[0]!.trim()).filter(Boolean);
      for (const property of properties) expect(PAINT_ONLY.has(property), `${selector} sets ${property}`).toBe(true);
    }
    expect(rules.some(({ selector, body }) => selector.includes('::highlight(cs-lens-id)') && body.includes('background-color'))).toBe(true);
  });

  it('has no :hover rule and no decoration in a highlight (issue 19)', () => {
    // A background that comes with :hover on an inline mark changes its box: Chromium lays out the table around it
    // (traced on 5,000 rows: 100–300 ms as the pointer crossed one mark). A text-decoration in a highlight makes each
    // change of the document (the card's own too) cost a pre-paint walk of the whole page. The hovered ID is the
    // cs-lens-id-hover highlight instead, for IDs within a text only: a whole mark has its cursor (docs/wing-content-script.md#drawing).
    addPageStyle(document);
    const css = document.head.querySelector('style')?.textContent ?? '';
    expect(css).not.toContain(':hover');
    const highlightRules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter(([, selector]) => selector!.includes('::highlight('));
    expect(highlightRules.length).toBeGreaterThan(0);
    for (const [, selector, body] of highlightRules) expect(body, selector).not.toMatch(/text-decoration|text-underline|text-shadow/);
    expect(css).toMatch(/\[data-cs-lens-ids\]::highlight\(cs-lens-id-hover\)/);
    expect(css).not.toMatch(/\.cs-lens-id::highlight\(cs-lens-id-hover\)/);
  });

  it('has no rule every element of the page must be matched against: each selector starts from a mark', () => {
    // A bare `::highlight(x)` is a universal rule: the browser tries it on every element of a 10,000-row
    // list at every style recalc (bench:wing: +150 ms at 10,000 rows). Rooted in the mark's class or
    // attribute, a rule is tried on marked elements only (docs/wing-content-script.md#drawing).
    addPageStyle(document);
    const css = document.head.querySelector('style')?.textContent ?? '';
    const selectors = [...css.matchAll(/([^{}]+)\{/g)].flatMap(([, list]) => list!.split(',').map((selector) => selector.trim()));
    expect(selectors.length).toBeGreaterThan(0);
    for (const selector of selectors) expect(selector, selector).toMatch(/^(\.cs-lens-id|\[data-cs-lens-ids\])/);
  });
});
