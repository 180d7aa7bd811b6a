/**
 * The affordance of marked IDs, drawn with the CSS Custom Highlight API: named highlights hold ranges over
 * the IDs' characters (or a whole mark's contents) and page-style.ts paints them (`::highlight(...)`).
 * Nothing in the page's DOM changes and nothing is laid out again (docs/wing-content-script.md).
 * Chrome 105+, Firefox 140+; elsewhere the marks work without the tint.
 */
import type { IdPaint } from '../detect/decorate';

/** Every marked ID: a light tint behind its digits. */
export const ID_HIGHLIGHT = 'cs-lens-id';
/**
 * The one ID under the pointer within a longer text: a stronger tint, telling which of the text's IDs the card
 * will be for (a `:hover` rule would make Chromium lay out the table around an inline mark). In the registry
 * only while it holds that ID: each registered highlight is rebuilt, and the page repainted, at every change
 * of the document (docs/performance.md#what-the-trace-found).
 */
export const HOVER_HIGHLIGHT = 'cs-lens-id-hover';

export interface IdHighlight extends IdPaint {
  /** Paints `range` as the ID under the pointer (undefined: none). */
  hover(range: Range | undefined): void;
  /** Removes both highlights from the page. */
  clear(): void;
}

interface HighlightSet {
  add(range: AbstractRange): void;
  delete(range: AbstractRange): boolean;
  clear(): void;
}

interface HighlightWindow {
  Highlight?: new (...ranges: AbstractRange[]) => HighlightSet;
  CSS?: { highlights?: { set(name: string, highlight: HighlightSet): void; delete(name: string): boolean } };
}

export function createIdHighlight(view: Window | null): IdHighlight {
  const { Highlight, CSS } = (view ?? {}) as HighlightWindow;
  const registry = CSS?.highlights;
  let ids: HighlightSet | undefined;
  let hovered: HighlightSet | undefined;
  try {
    if (Highlight && registry) {
      ids = new Highlight();
      hovered = new Highlight();
      registry.set(ID_HIGHLIGHT, ids);
    }
  } catch {
    ids = hovered = undefined; // a browser whose registry refuses the content script's highlights
  }
  return {
    add: (range) => ids?.add(range),
    delete: (range) => void ids?.delete(range),
    hover(range) {
      if (!hovered || !registry) return;
      hovered.clear();
      if (range) {
        hovered.add(range);
        registry.set(HOVER_HIGHLIGHT, hovered);
      } else registry.delete(HOVER_HIGHLIGHT);
    },
    clear() {
      ids?.clear();
      hovered?.clear();
      registry?.delete(ID_HIGHLIGHT);
      registry?.delete(HOVER_HIGHLIGHT);
    },
  };
}
