import { describe, expect, it } from 'vitest';
import { HOVER_HIGHLIGHT, ID_HIGHLIGHT, createIdHighlight } from '@/utils/wing/id-highlight';

/** A window with the CSS Custom Highlight API, whose registry the test reads. */
function highlightWindow() {
  class Highlight extends Set<AbstractRange> {}
  const registry = new Map<string, Highlight>();
  return { view: { Highlight, CSS: { highlights: registry } } as unknown as Window, registry };
}

const range = () => ({}) as Range;

describe('the marks’ highlights (issue 19)', () => {
  it('registers the hover highlight only while it holds an ID: each registered highlight costs the page at every change of the document', () => {
    const { view, registry } = highlightWindow();
    const highlight = createIdHighlight(view);
    expect([...registry.keys()]).toEqual([ID_HIGHLIGHT]);
    const first = range();
    highlight.hover(first);
    expect([...registry.keys()]).toEqual([ID_HIGHLIGHT, HOVER_HIGHLIGHT]);
    expect([...registry.get(HOVER_HIGHLIGHT)!]).toEqual([first]);
    const second = range();
    highlight.hover(second);
    expect([...registry.get(HOVER_HIGHLIGHT)!]).toEqual([second]);
    highlight.hover(undefined);
    expect([...registry.keys()]).toEqual([ID_HIGHLIGHT]);
  });

  it('clear() takes both away', () => {
    const { view, registry } = highlightWindow();
    const highlight = createIdHighlight(view);
    highlight.add(range());
    highlight.hover(range());
    highlight.clear();
    expect(registry.size).toBe(0);
  });

  it('a browser without the API: marks and hovers do nothing, and nothing throws', () => {
    const highlight = createIdHighlight({} as Window);
    expect(() => {
      highlight.add(range());
      highlight.hover(range());
      highlight.hover(undefined);
      highlight.clear();
    }).not.toThrow();
  });
});
