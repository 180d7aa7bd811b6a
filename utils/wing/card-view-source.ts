import { logFailure } from '../log';
import type { CardView } from './card-view';

/** Where the card controller gets the card's view: already loaded, or loaded on the first card wanted. */
export interface CardViewSource {
  /** The view if it has loaded. */
  current(): CardView | undefined;
  /**
   * Starts loading (once; a load that failed is tried again on the next call) and resolves with the view, or
   * undefined when it cannot be loaded (the extension was reloaded under the page): no card can then be drawn.
   */
  load(): Promise<CardView | undefined>;
}

/** A view that is part of the bundle already (tests, the demo page). */
export function loadedView(view: CardView): CardViewSource {
  return { current: () => view, load: () => Promise.resolve(view) };
}

/**
 * The view imported on demand (docs/performance.md#start-up-size): `importView` is a dynamic import of the
 * built module; `onLoaded` runs once, before anything is drawn with it (the card's stylesheet goes into the
 * shadow root there). A failed import is logged and tried again when the next card is wanted.
 */
export function lazyView(importView: () => Promise<{ cardView: CardView }>, onLoaded: (view: CardView) => void): CardViewSource {
  let view: CardView | undefined;
  let loading: Promise<CardView | undefined> | undefined;
  return {
    current: () => view,
    load() {
      if (view) return Promise.resolve(view);
      loading ??= importView()
        .then((module) => {
          onLoaded(module.cardView);
          view = module.cardView;
          return view;
        })
        .catch((error: unknown) => {
          logFailure('card view: load', error);
          loading = undefined;
          return undefined;
        });
      return loading;
    },
  };
}
